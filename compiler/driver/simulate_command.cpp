// `mac simulate` (simulate_command.h): load the bundle (and OLD_BUNDLE), read
// the events file into a map by contact email, then stream the contacts CSV
// one row at a time through one Simulator per bundle, feeding each row's
// outcome to the aggregates of simulator/report.h or blast_radius.h. Nothing
// per contact outlives its row.
#include "compiler/driver/simulate_command.h"

#include "compiler/driver/check_command.h"
#include "compiler/driver/seed_data_command.h"
#include "contacts/csv_reader.h"
#include "simulator/blast_radius.h"
#include "simulator/engine.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace mac::driver {

namespace {

/// Events kept per contact; further rows for the same email are dropped
/// (counted, and reported in one warning).
constexpr size_t kMaxEventsPerContact = 1000;
/// 2026-01-01T00:00Z: the clock's start when there are no events.
constexpr sim::Instant kDefaultStart = 1767225600;
constexpr sim::Instant kDay = 86400;
constexpr uint32_t kNone = UINT32_MAX;

/// An event as read, before the contact's time zone resolves its time.
struct StoredEvent {
  int64_t wallSeconds = 0;
  std::optional<int32_t> offsetSeconds;
  sema::Trigger trigger;
};
using EventMap = std::unordered_map<std::string, std::vector<StoredEvent>>;

/// Finds `name` among `items` (by Declared::name); kNone when absent.
template <class T> uint32_t indexOf(const std::vector<T> &items, const std::string &name) {
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].name == name)
      return static_cast<uint32_t>(i);
  return kNone;
}

/// One bundle being simulated, with the mapping of the contacts file's ids
/// (read against the first bundle) to its own, by name.
struct Side {
  Side(const sema::Program &reading, const sema::Program &own, const std::string &env)
      : program(own), prepared(own, env), population(own.flows.size()),
        simulator(prepared, population) {
    for (const auto &field : reading.fields)
      fields.push_back(indexOf(own.fields, field.name));
    for (const auto &tag : reading.tags)
      tags.push_back(indexOf(own.tags, tag.name));
    for (const auto &list : reading.lists)
      lists.push_back(indexOf(own.lists, list.name));
  }

  void load(const contacts::ContactRecord &record, uint64_t identity) {
    contact.reset(program);
    contact.identity = identity;
    for (const auto &[id, value] : record.fields)
      if (fields[id.value] != kNone)
        contact.fields[fields[id.value]] = sim::Value::of(value);
    for (sema::TagId tag : record.tags)
      if (tags[tag.value] != kNone)
        contact.tags[tags[tag.value]] = true;
    for (sema::ListId list : record.lists)
      if (lists[list.value] != kNone)
        contact.lists[lists[list.value]] = true;
    contact.timezone = record.timezone;
  }

  /// The contact's events with times resolved in its zone, without those
  /// this bundle cannot express (a tag, list or field it lacks).
  void loadEvents(const std::vector<StoredEvent> *stored) {
    events.clear();
    if (!stored)
      return;
    sim::TimeZones &zones = simulator.timeZones();
    for (const StoredEvent &event : *stored) {
      sema::Trigger trigger = event.trigger;
      auto remap = [](auto &id, const std::vector<uint32_t> &map) {
        if (!id)
          return true;
        id.value = map[id.value];
        return id.isValid();
      };
      if (!remap(trigger.tag, tags) || !remap(trigger.list, lists) || !remap(trigger.field, fields))
        continue;
      sim::Instant at =
          event.offsetSeconds
              ? event.wallSeconds - *event.offsetSeconds
              : zones.fromLocal(contact.timezone, zones.toLocal("UTC", event.wallSeconds));
      events.push_back({at, std::move(trigger)});
    }
  }

  void run(sim::Instant start, sim::Instant end) {
    sim::RunOptions options;
    options.start = start;
    for (const sim::ExternalEvent &event : events)
      options.start = std::min(options.start, event.at);
    options.end = end;
    simulator.run(contact, events, options, outcome);
  }

  const sema::Program &program;
  sim::PreparedBundle prepared;
  sim::Population population;
  sim::Simulator simulator;
  sim::Contact contact;
  sim::Outcome outcome;
  std::vector<uint32_t> fields, tags, lists; ///< by the reading program's id
  std::vector<sim::ExternalEvent> events;
};

/// The field that identifies a contact for the events file: `email`, else
/// the first field of type email.
sema::FieldId emailField(const sema::Program &program) {
  sema::FieldId first;
  for (uint32_t i = 0; i < program.fields.size(); ++i) {
    const sema::Field &field = program.fields[i];
    if (field.type != sema::FieldType::Email)
      continue;
    if (field.name == "email")
      return sema::FieldId{i};
    if (!first)
      first = sema::FieldId{i};
  }
  return first;
}

std::string label(const sema::Program &program) {
  return program.bundle.version.empty() ? program.bundle.name
                                        : program.bundle.name + " " + program.bundle.version;
}

void error(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "mac") << message << "\n";
}

} // namespace

int runSimulate(const SimulateOptions &options) {
  SourceManager sources, oldSources;
  int status = 0;
  std::unique_ptr<sema::Program> program = loadDataModel(options.bundle, sources, status);
  if (!program)
    return status;
  std::unique_ptr<sema::Program> old;
  if (options.against) {
    old = loadDataModel(*options.against, oldSources, status);
    if (!old)
      return status;
  }
  for (const sema::Program *each : {program.get(), old.get()})
    if (each && !each->envs.empty() && indexOf(each->envs, options.env) == kNone) {
      error("environment '" + options.env + "' is not declared in bundle '" + each->bundle.name +
            "'");
      return 2;
    }

  // The events, by lower-cased email.
  diag::Engine diags;
  EventMap events;
  size_t dropped = 0;
  int64_t earliest = INT64_MAX;
  if (!options.events.empty()) {
    auto reader = contacts::EventReader::open(options.events, *program, sources, diags);
    if (!reader) {
      error(llvm::toString(reader.takeError()));
      return 2;
    }
    contacts::EventRecord record;
    while ((*reader)->next(record)) {
      std::vector<StoredEvent> &list = events[llvm::StringRef(record.contact).trim().lower()];
      if (list.size() >= kMaxEventsPerContact) {
        ++dropped;
        continue;
      }
      StoredEvent event{record.at.wallSeconds, record.at.offsetSeconds, {}};
      event.trigger.kind = record.trigger;
      event.trigger.tag = record.tag;
      event.trigger.list = record.list;
      event.trigger.field = record.field;
      event.trigger.text = record.name;
      if (record.field)
        event.trigger.value = record.value;
      earliest = std::min(earliest, record.at.wallSeconds - record.at.offsetSeconds.value_or(0));
      list.push_back(std::move(event));
    }
    (*reader)->finish();
  }
  if (dropped)
    llvm::WithColor::warning(llvm::errs(), "mac")
        << dropped << " events ignored: at most " << kMaxEventsPerContact
        << " events per contact are simulated\n";
  sim::Instant start = earliest == INT64_MAX ? kDefaultStart : earliest - earliest % kDay;
  sim::Instant end = start + static_cast<sim::Instant>(options.days) * kDay;

  auto reader = contacts::ContactReader::open(options.contacts, *program, sources, diags);
  if (!reader) {
    error(llvm::toString(reader.takeError()));
    return 2;
  }
  Side side(*program, *program, options.env);
  std::unique_ptr<Side> oldSide;
  if (old)
    oldSide = std::make_unique<Side>(*program, *old, options.env);
  sim::SimulationReport report(*program);
  std::unique_ptr<sim::BlastRadius> blast;
  if (old) {
    std::string bundleLabel = label(*program), oldLabel = label(*old);
    if (bundleLabel == oldLabel)
      bundleLabel = options.bundle, oldLabel = *options.against;
    blast = std::make_unique<sim::BlastRadius>(*program, *old, bundleLabel, oldLabel);
  }

  sema::FieldId email = emailField(*program);
  contacts::ContactRecord record;
  std::vector<sim::Value> initial;
  uint64_t count = 0;
  while ((*reader)->next(record)) {
    ++count;
    const std::vector<StoredEvent> *stored = nullptr;
    if (email && !events.empty())
      if (const sema::Value *value = record.value(email)) {
        auto found = events.find(llvm::StringRef(value->text).trim().lower());
        if (found != events.end())
          stored = &found->second;
      }
    side.load(record, record.line);
    initial = side.contact.fields;
    side.loadEvents(stored);
    side.run(start, end);
    if (oldSide) {
      oldSide->load(record, record.line);
      oldSide->loadEvents(stored);
      oldSide->run(start, end);
      blast->add(initial, side.contact, side.outcome, oldSide->contact, oldSide->outcome);
    } else {
      report.add(initial, side.contact, side.outcome);
    }
    if (options.progress && count % 10000 == 0)
      llvm::errs() << "\rmac simulate: " << count << " contacts" << (oldSide ? " (x2)" : "");
  }
  if (options.progress && count >= 10000)
    llvm::errs() << "\rmac simulate: " << count << " contacts\n";
  (*reader)->finish();

  std::string interval = std::to_string(options.days) + " days from " + sim::formatUtc(start);
  sim::Report out = blast ? blast->build("Blast radius of " + label(*program) + " against " +
                                         label(*old) + " in " + options.env + ", " + interval)
                          : report.build("Simulation of " + label(*program) + " in " + options.env +
                                         ", " + interval);
  sim::renderReport(out, options.format, llvm::outs());
  llvm::outs().flush();
  if (!diags.diagnostics().empty())
    printDiagnostics(OutputFormat::Text, diags, sources, false, llvm::errs());
  return diags.hasErrors() ? 1 : 0;
}

} // namespace mac::driver
