// The simulator: runs one contact at a time through a PreparedBundle, with a
// virtual clock and an event queue (docs/semantics.md has every rule). The
// caller owns the Population (throttles and dedupe shared across contacts)
// and one Outcome per contact it wants to read; the Simulator keeps only the
// state of the contact being run, so a stream of a million contacts runs in
// constant memory apart from the Population.
//
//   PreparedBundle bundle(program, "stage");
//   Population population(program.flows.size());
//   Simulator simulator(bundle, population);
//   for (each contact) { simulator.run(contact, events, options, outcome); read outcome; }
#pragma once

#include "simulator/contact.h"
#include "simulator/event_queue.h"
#include "simulator/outcome.h"
#include "simulator/population.h"
#include "simulator/prepared.h"
#include "simulator/time_zone.h"

#include <span>
#include <string>
#include <vector>

namespace mac::sim {

/// Something that happens to the contact from outside: a form, an event, a
/// tag or list added, a field changed (LANGUAGE.md §11 `at WHEN TRIGGER`).
/// The trigger's form/event name, tag, list, field and `to` value are read.
struct ExternalEvent {
  Instant at = 0;
  sema::Trigger trigger;
};

struct RunOptions {
  Instant start = 0; ///< the clock starts here
  Instant end = 0;   ///< nothing due after this runs
  bool trace = false;
  uint32_t maxEntries = 1000;          ///< flow entries per contact
  uint32_t maxStepsPerInstant = 10000; ///< steps within one instant
};

class Simulator {
public:
  Simulator(const PreparedBundle &bundle, Population &population);
  ~Simulator();

  /// Runs `contact` (changed in place) through the bundle with `events`
  /// (in any order) from `options.start` to `options.end`; `outcome` is
  /// cleared first.
  void run(Contact &contact, std::span<const ExternalEvent> events, const RunOptions &options,
           Outcome &outcome);

  TimeZones &timeZones() { return zones_; }

private:
  struct Frame {
    const std::vector<sema::StmtId> *body = nullptr;
    uint32_t next = 0;
  };
  struct Enrolment {
    sema::FlowId flow;
    std::vector<Frame> frames;
    uint32_t token = 0;
    bool active = false;
    std::string waitingFor; ///< `wait for event` name; empty when not waiting for one
  };
  /// Why a flow is being enrolled: which trigger, fired by which step.
  struct Cause {
    uint32_t trigger = 0;
    sema::FlowId from;
    sema::StmtId stmt;
    bool reserved = false; ///< throttle room already taken (a held enrolment)
  };
  enum class StepResult { Next, Suspend, Finish };

  // engine.cpp: the queue and enrolment
  void handleExternal(const ExternalEvent &event);
  void tryEnrol(sema::FlowId flow, uint32_t causeIndex);
  void resume(uint32_t slot, uint32_t token);
  void fire(const std::vector<TriggerRef> &refs, const Cause &cause,
            const Value *newValue = nullptr);
  void fireEvent(const std::string &name, const Cause &cause);
  void checkGoals();
  void leave(uint32_t slot, const std::string &why);
  bool countStep();
  void reportLoop(sema::FlowId flow, bool stepCap);
  void note(std::string text);
  std::string flowName(sema::FlowId flow) const;

  // steps.cpp: running an enrolment's statements
  void runEnrolment(uint32_t slot);
  StepResult execute(uint32_t slot, sema::StmtId id);
  void setField(sema::FieldId field, Value value, const Cause &cause);
  bool addTag(sema::TagId tag, const Cause &cause);
  bool joinList(sema::ListId list, const Cause &cause);

  // sends.cpp: whether a send goes out now, later or never
  StepResult send(uint32_t slot, sema::StmtId id);
  /// The end of every quiet window of `channel` in force for `flow` that
  /// holds `at`; `at` itself when none does.
  Instant quietRelease(sema::FlowId flow, sema::Channel channel, Instant at);

  const PreparedBundle &bundle_;
  const sema::Program &program_;
  Population &population_;
  TimeZones zones_;

  // Per-contact state, reset by run().
  Contact *contact_ = nullptr;
  Outcome *outcome_ = nullptr;
  const RunOptions *options_ = nullptr;
  std::span<const ExternalEvent> events_;
  EventQueue queue_;
  Instant now_ = 0;
  uint32_t stepsThisInstant_ = 0;
  uint32_t entries_ = 0;
  bool stopped_ = false;
  std::vector<Enrolment> slots_;
  std::vector<int32_t> activeSlot_;     ///< by flow: its enrolment slot, or -1
  std::vector<uint32_t> entryCount_;    ///< by flow
  std::vector<Instant> lastEntry_;      ///< by flow
  std::vector<Cause> lastCause_;        ///< by flow: what enrolled it last
  std::vector<Cause> causes_;           ///< by Enrol work item
  std::vector<std::string> dedupeKeys_; ///< scratch
};

} // namespace mac::sim
