// What `mac simulate` prints: a Report is a title, summary lines and tables
// of strings, rendered as text, Markdown, JSON or CSV (one renderer per
// format, same content). SimulationReport aggregates a stream of simulated
// contacts into such a Report while keeping nothing per contact: enrolments
// per flow, sends per template and channel, held and blocked sends by
// reason, and per field the transitions initial value -> final value of the
// contacts whose value changed (at most `maxTransitions` distinct pairs per
// field; the rest are counted in one "(other)" row). Every table is sorted.
#pragma once

#include "compiler/sema/program.h"
#include "simulator/contact.h"
#include "simulator/outcome.h"

#include <llvm/Support/raw_ostream.h>

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace mac::sim {

struct ReportTable {
  std::string key;   ///< machine name (JSON key, CSV section): "enrolments"
  std::string title; ///< heading for people
  std::vector<std::string> columns;
  std::vector<bool> numeric; ///< by column: a count (a JSON number, right-aligned)
  std::vector<std::vector<std::string>> rows;
};

struct Report {
  std::string title;
  /// key, label, value: "contacts", "contacts", "12".
  std::vector<std::tuple<std::string, std::string, uint64_t>> summary;
  std::vector<ReportTable> tables;
};

enum class ReportFormat { Text, Markdown, Json, Csv };

void renderReport(const Report &report, ReportFormat format, llvm::raw_ostream &os);

/// A value as a table cell: text unquoted, numbers and bools as written,
/// "(empty)" for no value.
std::string cellText(const Value &value);

class SimulationReport {
public:
  explicit SimulationReport(const sema::Program &program, size_t maxTransitions = 1000);

  /// One contact: its field values before the run, the contact after it and
  /// what the run produced.
  void add(const std::vector<Value> &initial, const Contact &final, const Outcome &outcome);

  /// The report; `title` names the bundle and environment.
  Report build(std::string title) const;

private:
  struct FieldTransitions {
    std::map<std::pair<std::string, std::string>, uint64_t> changed;
    uint64_t unchanged = 0, other = 0;
  };
  const sema::Program &program_;
  size_t maxTransitions_;
  uint64_t contacts_ = 0, loops_ = 0;
  std::vector<std::pair<uint64_t, uint64_t>> enrolments_;         ///< by flow: entries, contacts
  std::map<std::pair<std::string, std::string>, uint64_t> sends_; ///< template, channel
  /// held|blocked, reason, template.
  std::map<std::tuple<std::string, std::string, std::string>, uint64_t> stopped_;
  std::vector<FieldTransitions> fields_; ///< by FieldId
};

} // namespace mac::sim
