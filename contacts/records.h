// The typed rows of the stage-data CSVs (docs/stage-data.md): what the
// contacts and events readers hand to their consumers (`mac simulate`, the
// simulator) one at a time. Plain structs of sema ids and sema::Values, so
// that nothing here depends on the simulator.
#pragma once

#include "compiler/sema/program.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mac::contacts {

/// One contact: the non-empty, well-typed cells of one row, in column order.
/// Values are typed by their field (see cell_values.h): phones are E.164
/// when libphonenumber accepts them; an invalid email or phone is kept as
/// written (stage data carries them on purpose).
struct ContactRecord {
  uint32_t line = 0; ///< 1-based line of the row in its file
  std::vector<std::pair<sema::FieldId, sema::Value>> fields;
  std::vector<sema::TagId> tags;
  std::vector<sema::ListId> lists;
  std::string timezone; ///< an IANA id ICU knows, or empty (not given or unknown)

  /// The value of `field` in this row, if the row has one.
  const sema::Value *value(sema::FieldId field) const {
    for (const auto &[id, value] : fields)
      if (id == field)
        return &value;
    return nullptr;
  }
};

/// A point in time as a CSV cell wrote it: a wall-clock time, in the
/// contact's own time zone unless the cell carried an offset (`Z`, `+02:00`).
struct CsvTime {
  int64_t wallSeconds = 0; ///< the wall-clock time counted as if it were UTC, since 1970
  std::optional<int32_t> offsetSeconds; ///< east of UTC; none: contact-local
  std::string text;                     ///< the cell, as written

  /// Seconds since 1970 UTC, resolving a contact-local time with `localOffset`.
  int64_t utcSeconds(int32_t localOffset) const {
    return wallSeconds - offsetSeconds.value_or(localOffset);
  }
};

/// One row of the events CSV: `at`, `contact`, `trigger`, `value`.
struct EventRecord {
  uint32_t line = 0; ///< 1-based line of the row in its file
  CsvTime at;
  std::string contact; ///< the contact's email, as written
  sema::TriggerKind trigger = sema::TriggerKind::Event;
  std::string name;    ///< form_submitted, event: the form or event name
  sema::TagId tag;     ///< tag_added
  sema::ListId list;   ///< list_joined
  sema::FieldId field; ///< field_changed
  sema::Value value;   ///< field_changed: the new value, typed by the field
};

} // namespace mac::contacts
