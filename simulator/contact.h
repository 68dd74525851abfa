// One simulated contact: field values (indexed by FieldId), tags, lists,
// time zone and whether it unsubscribed. Consent is read from the consent
// fields (LANGUAGE.md §3). Only per-contact state: a caller streaming many
// contacts reuses one Contact and resets it.
#pragma once

#include "simulator/value.h"

#include <string>
#include <vector>

namespace mac::sim {

struct Contact {
  std::vector<Value> fields; ///< by FieldId
  std::vector<bool> tags;    ///< by TagId
  std::vector<bool> lists;   ///< by ListId
  std::string timezone;      ///< IANA name; empty or unknown: UTC
  /// Unsubscribed from marketing (`suppress unsubscribed`); also true when the
  /// bundle has a bool field named `unsubscribed` that is true.
  bool unsubscribed = false;
  uint64_t identity = 0; ///< tells contacts apart for dedupe (e.g. the CSV row)

  /// Every field at its declared default, no tags, no lists, no zone.
  void reset(const sema::Program &program);
  const Value &field(sema::FieldId id) const { return fields[id.value]; }
  bool hasTag(sema::TagId id) const { return tags[id.value]; }
  bool inList(sema::ListId id) const { return lists[id.value]; }
  /// The consent field of `channel` is true (no consent declared: false).
  bool hasConsent(const sema::Program &program, sema::Channel channel) const;
  /// `unsubscribed`, or a true bool field named `unsubscribed`.
  bool isUnsubscribed(const sema::Program &program) const;
};

} // namespace mac::sim
