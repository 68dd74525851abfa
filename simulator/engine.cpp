// The simulator's main loop and enrolment rules (engine.h): external events,
// the queue in (time, sequence) order, triggers fired by changes, re-entry,
// enrolment filters, dedupe, throttles, goals and the step caps.
#include "simulator/engine.h"

#include "simulator/conditions.h"
#include "simulator/describe.h"

#include <fmt/format.h>

#include <algorithm>

namespace mac::sim {

Simulator::Simulator(const PreparedBundle &bundle, Population &population)
    : bundle_(bundle), program_(bundle.program()), population_(population) {}

Simulator::~Simulator() = default;

std::string Simulator::flowName(sema::FlowId flow) const { return program_.flows[flow.value].name; }

void Simulator::note(std::string text) {
  if (options_->trace)
    outcome_->trace.push_back({now_, std::move(text)});
}

void Simulator::run(Contact &contact, std::span<const ExternalEvent> events,
                    const RunOptions &options, Outcome &outcome) {
  outcome.clear();
  outcome.start = options.start;
  outcome.end = options.end;
  contact_ = &contact;
  outcome_ = &outcome;
  options_ = &options;
  events_ = events;
  queue_.clear();
  now_ = options.start;
  stepsThisInstant_ = 0;
  entries_ = 0;
  stopped_ = false;
  slots_.clear();
  causes_.clear();
  size_t flows = program_.flows.size();
  activeSlot_.assign(flows, -1);
  entryCount_.assign(flows, 0);
  lastEntry_.assign(flows, 0);
  lastCause_.assign(flows, Cause{});

  for (uint32_t i = 0; i < events.size(); ++i)
    queue_.push(Work{events[i].at, 0, WorkKind::External, 0, i, 0});
  for (const TriggerRef &ref : bundle_.scheduled()) {
    const sema::Trigger &trigger = program_.flows[ref.flow.value].triggers[ref.trigger];
    int minute = trigger.value ? static_cast<int>(trigger.value->seconds) : 0;
    queue_.push(Work{zones_.nextClock(contact.timezone, options.start, minute), 0,
                     WorkKind::Schedule, ref.flow.value, ref.trigger, 0});
  }

  while (!queue_.empty() && !stopped_) {
    if (queue_.top().time > options.end)
      break;
    Work work = queue_.pop();
    if (work.time != now_) {
      now_ = work.time;
      stepsThisInstant_ = 0;
    }
    switch (work.kind) {
    case WorkKind::External:
      handleExternal(events[work.index]);
      break;
    case WorkKind::Enrol:
      tryEnrol(sema::FlowId{work.flow}, work.index);
      break;
    case WorkKind::Resume:
      resume(work.index, work.token);
      break;
    case WorkKind::Schedule: {
      causes_.push_back(Cause{work.index, {}, {}, false});
      tryEnrol(sema::FlowId{work.flow}, static_cast<uint32_t>(causes_.size() - 1));
      const sema::Trigger &trigger = program_.flows[work.flow].triggers[work.index];
      int minute = trigger.value ? static_cast<int>(trigger.value->seconds) : 0;
      work.time = zones_.nextClock(contact.timezone, now_ + 60, minute);
      queue_.push(work);
      break;
    }
    }
  }
  if (!stopped_)
    now_ = std::max(now_, options.end);
}

void Simulator::handleExternal(const ExternalEvent &event) {
  const sema::Trigger &trigger = event.trigger;
  Cause cause;
  if (options_->trace)
    note(fmt::format("{} (test event)", describeTrigger(program_, trigger)));
  switch (trigger.kind) {
  case sema::TriggerKind::FormSubmitted:
    fire(bundle_.onForm(trigger.text), cause);
    break;
  case sema::TriggerKind::Event:
    fireEvent(trigger.text, cause);
    break;
  case sema::TriggerKind::TagAdded:
    if (trigger.tag && !addTag(trigger.tag, cause))
      note("the contact already has the tag: nothing fires");
    break;
  case sema::TriggerKind::ListJoined:
    if (trigger.list && !joinList(trigger.list, cause))
      note("the contact is already in the list: nothing fires");
    break;
  case sema::TriggerKind::FieldChanged:
    if (!trigger.field)
      break;
    if (trigger.value)
      setField(trigger.field, Value::of(*trigger.value), cause);
    else
      fire(bundle_.onField(trigger.field), cause, &contact_->field(trigger.field));
    break;
  case sema::TriggerKind::Schedule:
    break;
  }
  checkGoals();
}

void Simulator::fire(const std::vector<TriggerRef> &refs, const Cause &cause,
                     const Value *newValue) {
  for (const TriggerRef &ref : refs) {
    const sema::Trigger &trigger = program_.flows[ref.flow.value].triggers[ref.trigger];
    if (trigger.kind == sema::TriggerKind::FieldChanged && trigger.value &&
        !(newValue && *newValue == Value::of(*trigger.value)))
      continue;
    Cause fired = cause;
    fired.trigger = ref.trigger;
    causes_.push_back(fired);
    queue_.push(Work{now_, 0, WorkKind::Enrol, ref.flow.value,
                     static_cast<uint32_t>(causes_.size() - 1), 0});
  }
}

void Simulator::fireEvent(const std::string &name, const Cause &cause) {
  for (uint32_t slot = 0; slot < slots_.size(); ++slot) {
    Enrolment &enrolment = slots_[slot];
    if (!enrolment.active || enrolment.waitingFor != name)
      continue;
    enrolment.waitingFor.clear();
    ++enrolment.token;
    queue_.push(Work{now_, 0, WorkKind::Resume, enrolment.flow.value, slot, enrolment.token});
    if (options_->trace)
      note(
          fmt::format("`{}`: event \"{}\" arrived, the wait ends", flowName(enrolment.flow), name));
  }
  fire(bundle_.onEvent(name), cause);
}

void Simulator::tryEnrol(sema::FlowId flowId, uint32_t causeIndex) {
  Cause cause = causes_[causeIndex];
  const sema::Flow &flow = program_.flows[flowId.value];
  std::string trigger =
      options_->trace ? describeTrigger(program_, flow.triggers[cause.trigger]) : std::string();
  auto skip = [&](SkipReason reason, std::string why) {
    outcome_->skips.push_back({now_, flowId, reason});
    if (options_->trace)
      note(fmt::format("not enrolled in `{}` on {}: {}", flow.name, trigger, why));
  };
  if (activeSlot_[flowId.value] >= 0)
    return skip(SkipReason::AlreadyEnrolled, "already in the flow");
  if (entryCount_[flowId.value] > 0) {
    if (!flow.reenrollAfterSeconds)
      return skip(SkipReason::Reenrolment, "it entered before and the flow has `reenroll never`");
    if (now_ - lastEntry_[flowId.value] < *flow.reenrollAfterSeconds)
      return skip(SkipReason::Reenrolment,
                  fmt::format("it entered at {}, less than `reenroll after {}` ago",
                              zones_.format(contact_->timezone, lastEntry_[flowId.value]),
                              formatDuration(*flow.reenrollAfterSeconds)));
  }
  for (sema::CondId filter : flow.enrolmentFilters)
    if (!evaluate(bundle_, *contact_, filter))
      return skip(SkipReason::Requirement, "its `require` condition does not hold");
  if (!flow.dedupe.empty() && !cause.reserved) {
    dedupeKeys_.clear();
    for (sema::FieldId field : flow.dedupe) {
      const Value &value = contact_->field(field);
      if (value.kind == Value::Kind::Text && !value.text.empty())
        dedupeKeys_.push_back(dedupeKey(program_.field(field), value.text));
    }
    if (!dedupeKeys_.empty())
      if (auto other = population_.claimDedupe(flowId, dedupeKeys_, contact_->identity))
        return skip(SkipReason::Duplicate,
                    fmt::format("a duplicate of contact #{} by `dedupe by`", *other));
  }
  const auto &envRate = bundle_.environment().throttle;
  if ((envRate || flow.throttle) && !cause.reserved) {
    Instant at = population_.reserveEnrolment(flowId, now_, envRate, flow.throttle);
    if (at > now_) {
      outcome_->holds.push_back({now_, at, flowId, {}, {}, Reason::Throttle});
      if (options_->trace)
        note(fmt::format("enrolment in `{}` on {} held by throttle until {}", flow.name, trigger,
                         zones_.format(contact_->timezone, at)));
      cause.reserved = true;
      causes_.push_back(cause);
      queue_.push(
          Work{at, 0, WorkKind::Enrol, flowId.value, static_cast<uint32_t>(causes_.size() - 1), 0});
      return;
    }
  }

  if (++entries_ > options_->maxEntries)
    return reportLoop(flowId, false);
  ++entryCount_[flowId.value];
  lastEntry_[flowId.value] = now_;
  lastCause_[flowId.value] = cause;
  outcome_->enrolments.push_back({now_, flowId, cause.trigger});

  uint32_t slot = 0;
  while (slot < slots_.size() && slots_[slot].active)
    ++slot;
  if (slot == slots_.size())
    slots_.emplace_back();
  Enrolment &enrolment = slots_[slot];
  enrolment.flow = flowId;
  enrolment.frames.assign(1, Frame{&flow.body, 0});
  ++enrolment.token;
  enrolment.active = true;
  enrolment.waitingFor.clear();
  activeSlot_[flowId.value] = static_cast<int32_t>(slot);
  if (options_->trace) {
    std::string by = cause.from ? fmt::format(", fired by `{}`", flowName(cause.from)) : "";
    note(fmt::format("enrolled in `{}` on {}{}", flow.name, trigger, by));
  }
  for (sema::CondId goal : flow.goals)
    if (evaluate(bundle_, *contact_, goal))
      return leave(slot, "its goal already holds");
  runEnrolment(slot);
}

void Simulator::resume(uint32_t slot, uint32_t token) {
  Enrolment &enrolment = slots_[slot];
  if (!enrolment.active || enrolment.token != token)
    return; // left the flow (goal) or the event ended the wait first
  if (!enrolment.waitingFor.empty()) {
    if (options_->trace)
      note(fmt::format("`{}`: no event \"{}\" before the timeout", flowName(enrolment.flow),
                       enrolment.waitingFor));
    enrolment.waitingFor.clear();
  }
  runEnrolment(slot);
}

void Simulator::leave(uint32_t slot, const std::string &why) {
  Enrolment &enrolment = slots_[slot];
  enrolment.active = false;
  ++enrolment.token;
  enrolment.waitingFor.clear();
  activeSlot_[enrolment.flow.value] = -1;
  if (options_->trace)
    note(fmt::format("left `{}`: {}", flowName(enrolment.flow), why));
}

void Simulator::checkGoals() {
  for (uint32_t slot = 0; slot < slots_.size(); ++slot) {
    if (!slots_[slot].active)
      continue;
    const sema::Flow &flow = program_.flows[slots_[slot].flow.value];
    for (sema::CondId goal : flow.goals)
      if (evaluate(bundle_, *contact_, goal)) {
        leave(slot, "its goal holds");
        break;
      }
  }
}

bool Simulator::countStep() { return ++stepsThisInstant_ <= options_->maxStepsPerInstant; }

void Simulator::reportLoop(sema::FlowId flow, bool stepCap) {
  LoopReport report;
  report.at = now_;
  report.flow = flow;
  report.stepCap = stepCap;
  report.cap = stepCap ? options_->maxStepsPerInstant : options_->maxEntries;
  // Follow what enrolled each flow last, back from `flow`, until a flow repeats.
  std::vector<sema::FlowId> chain;
  sema::FlowId current = flow;
  while (current && std::find(chain.begin(), chain.end(), current) == chain.end()) {
    chain.push_back(current);
    current = lastCause_[current.value].from;
  }
  if (current) {
    auto first = std::find(chain.begin(), chain.end(), current);
    // chain runs against the edges (b was enrolled by a): reverse for a → b order.
    std::vector<sema::FlowId> cycle(first, chain.end());
    std::reverse(cycle.begin(), cycle.end());
    for (sema::FlowId member : cycle) {
      const Cause &cause = lastCause_[member.value];
      report.cycle.push_back({member, cause.trigger, cause.from, cause.stmt});
    }
  }
  outcome_->loop = std::move(report);
  stopped_ = true;
  if (options_->trace)
    note(fmt::format("stopped: more than {} {}", outcome_->loop->cap,
                     stepCap ? "steps at one instant" : "flow entries"));
}

} // namespace mac::sim
