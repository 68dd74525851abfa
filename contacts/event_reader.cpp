// EventReader: the events CSV (`at`, `contact`, `trigger`, `value`, in any
// order). Events are a scenario someone wrote, so every problem in a row is
// an error and the row is skipped; an extra column is a warning.
#include "compiler/sema/names.h"
#include "contacts/csv_reader.h"
#include "contacts/iso_time.h"

#include <array>

namespace mac::contacts {

namespace {

struct TriggerName {
  std::string_view name;
  sema::TriggerKind kind;
};
constexpr std::array<TriggerName, 5> kTriggers{{
    {"form_submitted", sema::TriggerKind::FormSubmitted},
    {"event", sema::TriggerKind::Event},
    {"tag_added", sema::TriggerKind::TagAdded},
    {"list_joined", sema::TriggerKind::ListJoined},
    {"field_changed", sema::TriggerKind::FieldChanged},
}};

} // namespace

llvm::Expected<std::unique_ptr<EventReader>>
EventReader::open(const std::string &path, const sema::Program &program, SourceManager &sources,
                  diag::Engine &diags, const ReaderOptions &options) {
  auto buffer = CsvFile::map(path);
  if (!buffer)
    return buffer.takeError();
  return std::unique_ptr<EventReader>(
      new EventReader(std::move(*buffer), path, program, sources, diags, options));
}

EventReader::EventReader(std::unique_ptr<llvm::MemoryBuffer> buffer, const std::string &path,
                         const sema::Program &program, SourceManager &sources, diag::Engine &diags,
                         const ReaderOptions &options)
    : file_(std::move(buffer), path, options.maxDiagnostics), program_(program), sources_(sources),
      engine_(diags), options_(options) {
  headerOk_ = readHeader();
}

EventReader::~EventReader() { finish(); }

void EventReader::finish() {
  if (!finished_)
    file_.diags().flush(sources_, engine_);
  finished_ = true;
}

bool EventReader::readHeader() {
  CsvRow header;
  if (!file_.nextRow(header))
    return false;
  std::array<std::pair<std::string_view, int *>, 4> wanted{
      {{"at", &at_}, {"contact", &contact_}, {"trigger", &trigger_}, {"value", &value_}}};
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const CsvCell &cell = header.cells[i];
    bool known = false;
    for (auto &[name, index] : wanted)
      if (cell.text == name && *index < 0)
        *index = static_cast<int>(i), known = true;
    if (!known)
      file_.diags().report(diag::Code::UndefinedReference, diag::Severity::Warning, cell.begin,
                           cell.end, "column", cell.text,
                           "; an events file has at, contact, trigger and value");
  }
  bool complete = true;
  for (auto &[name, index] : wanted)
    if (*index < 0) {
      file_.diags().report(diag::Code::SyntaxError, diag::Severity::Error, header.begin,
                           header.cells.back().end,
                           "the events file has no `" + std::string(name) +
                               "` column; its header must name at, contact, trigger and value");
      complete = false;
    }
  return complete;
}

bool EventReader::next(EventRecord &record) {
  CsvRow row;
  while (headerOk_ && file_.nextRow(row)) {
    record = EventRecord{};
    record.line = row.line;
    if (readEvent(row, record))
      return true;
  }
  return false;
}

bool EventReader::readEvent(const CsvRow &row, EventRecord &record) {
  size_t needed = std::max({at_, contact_, trigger_, value_}) + 1;
  if (row.cells.size() < needed) {
    file_.diags().report(diag::Code::SyntaxError, diag::Severity::Error, row.begin,
                         row.cells.back().end,
                         "this row has " + std::to_string(row.cells.size()) +
                             " cells, but the header has " + std::to_string(needed));
    return false;
  }
  const CsvCell &at = row.cells[at_], &contact = row.cells[contact_];
  const CsvCell &trigger = row.cells[trigger_];
  std::string why;
  std::optional<IsoTime> time = parseIsoTime(at.text, why);
  if (!time) {
    file_.diags().report(diag::Code::InvalidLiteral, diag::Severity::Error, at.begin, at.end,
                         "time", at.text, why);
    return false;
  }
  record.at = CsvTime{time->wallSeconds, time->offsetSeconds, at.text};
  record.contact = contact.text;
  if (record.contact.empty()) {
    file_.diags().report(diag::Code::TypeMismatch, diag::Severity::Error, contact.begin,
                         contact.end,
                         "column `contact` holds the contact's email, but it is empty");
    return false;
  }
  const TriggerName *kind = nullptr;
  for (const TriggerName &candidate : kTriggers)
    if (candidate.name == trigger.text)
      kind = &candidate;
  if (!kind) {
    std::vector<std::string_view> names;
    for (const TriggerName &candidate : kTriggers)
      names.push_back(candidate.name);
    std::optional<std::string> suggestion = sema::closestName(trigger.text, names);
    file_.diags().report(diag::Code::UndefinedReference, diag::Severity::Error, trigger.begin,
                         trigger.end, "trigger", trigger.text,
                         suggestion ? sema::didYouMean(suggestion)
                                    : "; triggers are form_submitted, event, tag_added, "
                                      "list_joined and field_changed");
    return false;
  }
  record.trigger = kind->kind;
  return readValue(row.cells[value_], record);
}

bool EventReader::readValue(const CsvCell &cell, EventRecord &record) {
  auto undeclared = [&](sema::AssetKind kind, const std::string &name) {
    std::vector<std::string_view> candidates;
    for (const auto &[candidate, ref] : program_.names)
      if (ref.kind == kind)
        candidates.push_back(candidate);
    file_.diags().report(diag::Code::UndefinedReference, diag::Severity::Error, cell.begin,
                         cell.end, sema::assetKindName(kind), name,
                         sema::didYouMean(sema::closestName(name, candidates)));
    return false;
  };
  auto lookup = [&](sema::AssetKind kind, const std::string &name) -> std::optional<uint32_t> {
    auto it = program_.names.find(name);
    if (it == program_.names.end() || it->second.kind != kind)
      return std::nullopt;
    return it->second.index;
  };
  if (cell.text.empty() && record.trigger != sema::TriggerKind::FieldChanged) {
    file_.diags().report(diag::Code::TypeMismatch, diag::Severity::Error, cell.begin, cell.end,
                         "column `value` is empty; this trigger needs a name");
    return false;
  }
  switch (record.trigger) {
  case sema::TriggerKind::TagAdded:
    if (auto index = lookup(sema::AssetKind::Tag, cell.text))
      return record.tag = sema::TagId{*index}, true;
    return undeclared(sema::AssetKind::Tag, cell.text);
  case sema::TriggerKind::ListJoined:
    if (auto index = lookup(sema::AssetKind::List, cell.text))
      return record.list = sema::ListId{*index}, true;
    return undeclared(sema::AssetKind::List, cell.text);
  case sema::TriggerKind::FieldChanged: {
    size_t eq = cell.text.find('=');
    if (eq == std::string::npos) {
      file_.diags().report(diag::Code::TypeMismatch, diag::Severity::Error, cell.begin, cell.end,
                           "a field_changed event's value is `field=value`, not `" + cell.text +
                               "`");
      return false;
    }
    std::string name = cell.text.substr(0, eq), text = cell.text.substr(eq + 1);
    auto index = lookup(sema::AssetKind::Field, name);
    if (!index)
      return undeclared(sema::AssetKind::Field, name);
    record.field = sema::FieldId{*index};
    if (text.empty()) // the field is cleared
      return true;
    std::optional<CellProblem> problem;
    std::optional<sema::Value> value =
        typeCell(program_.field(record.field), text, options_.cells, problem);
    if (problem && problem->code == diag::Code::InvalidEnumValue)
      file_.diags().report(problem->code, problem->severity, cell.begin, cell.end, problem->message,
                           name, problem->suffix);
    else if (problem)
      file_.diags().report(problem->code, problem->severity, cell.begin, cell.end,
                           problem->message);
    if (!value)
      return false;
    record.value = std::move(*value);
    return true;
  }
  default:
    record.name = cell.text;
    return true;
  }
}

} // namespace mac::contacts
