// Running an enrolment's statements (engine.h): branches, waits, field and
// audience changes (which fire other flows' triggers at the same instant),
// webhook calls and owner/notify steps (recorded, never performed), `emit`
// and `stop`. Sends are in sends.cpp.
#include "simulator/conditions.h"
#include "simulator/describe.h"
#include "simulator/engine.h"

#include <fmt/format.h>

namespace mac::sim {

void Simulator::runEnrolment(uint32_t slot) {
  while (!stopped_) {
    Enrolment &enrolment = slots_[slot];
    if (!enrolment.active)
      return;
    if (enrolment.frames.empty()) {
      if (options_->trace)
        note(fmt::format("`{}` finished", flowName(enrolment.flow)));
      enrolment.active = false;
      ++enrolment.token;
      activeSlot_[enrolment.flow.value] = -1;
      return;
    }
    Frame &frame = enrolment.frames.back();
    if (frame.next >= frame.body->size()) {
      enrolment.frames.pop_back();
      continue;
    }
    sema::StmtId id = (*frame.body)[frame.next];
    if (!countStep())
      return reportLoop(enrolment.flow, true);
    switch (execute(slot, id)) {
    case StepResult::Next:
      break;
    case StepResult::Suspend:
      return;
    case StepResult::Finish:
      if (slots_[slot].active) {
        slots_[slot].active = false;
        ++slots_[slot].token;
        activeSlot_[slots_[slot].flow.value] = -1;
      }
      return;
    }
  }
}

Simulator::StepResult Simulator::execute(uint32_t slot, sema::StmtId id) {
  const sema::Stmt &stmt = program_.stmt(id);
  sema::FlowId flow = slots_[slot].flow;
  std::string name = options_->trace ? flowName(flow) : std::string();
  Cause cause{0, flow, id, false};
  auto advance = [&] { ++slots_[slot].frames.back().next; };
  auto changed = [&] {
    checkGoals();
    return slots_[slot].active ? StepResult::Next : StepResult::Suspend;
  };

  switch (stmt.kind) {
  case sema::StmtKind::If: {
    advance();
    for (const sema::Branch &branch : stmt.branches)
      if (evaluate(bundle_, *contact_, branch.condition)) {
        slots_[slot].frames.push_back(Frame{&branch.body, 0});
        return StepResult::Next;
      }
    slots_[slot].frames.push_back(Frame{&stmt.elseBody, 0});
    return StepResult::Next;
  }
  case sema::StmtKind::Send:
    return send(slot, id);
  case sema::StmtKind::Wait: {
    advance();
    Instant until = now_ + stmt.value.seconds;
    if (options_->trace)
      note(fmt::format("`{}`: wait {}, until {}", name, formatDuration(stmt.value.seconds),
                       zones_.format(contact_->timezone, until)));
    queue_.push(Work{until, 0, WorkKind::Resume, flow.value, slot, slots_[slot].token});
    return StepResult::Suspend;
  }
  case sema::StmtKind::WaitUntil: {
    advance();
    int minute = static_cast<int>(stmt.value.seconds);
    Instant until = zones_.nextClock(contact_->timezone, now_, minute);
    if (until == now_)
      return StepResult::Next;
    if (options_->trace)
      note(fmt::format("`{}`: wait until {:02}:{:02}, {}", name, minute / 60, minute % 60,
                       zones_.format(contact_->timezone, until)));
    queue_.push(Work{until, 0, WorkKind::Resume, flow.value, slot, slots_[slot].token});
    return StepResult::Suspend;
  }
  case sema::StmtKind::WaitEvent: {
    advance();
    Instant until = now_ + stmt.value.seconds;
    slots_[slot].waitingFor = stmt.text;
    if (options_->trace)
      note(fmt::format("`{}`: wait for event \"{}\", timeout {} at {}", name, stmt.text,
                       formatDuration(stmt.value.seconds),
                       zones_.format(contact_->timezone, until)));
    queue_.push(Work{until, 0, WorkKind::Resume, flow.value, slot, slots_[slot].token});
    return StepResult::Suspend;
  }
  case sema::StmtKind::Call: {
    advance();
    sema::WebhookId webhook{stmt.target.index};
    outcome_->calls.push_back({now_, flow, id, webhook});
    if (options_->trace) {
      const std::string &url = bundle_.webhookUrl(webhook);
      note(fmt::format("`{}`: called webhook `{}` ({} {}; recorded, not performed)", name,
                       program_.webhooks[webhook.value].name,
                       program_.webhooks[webhook.value].method, url.empty() ? "no URL" : url));
    }
    return StepResult::Next;
  }
  case sema::StmtKind::AssignOwner:
    advance();
    outcome_->notices.push_back({now_, flow, id});
    if (options_->trace)
      note(fmt::format("`{}`: assign owner {} \"{}\" (recorded)", name, stmt.text,
                       stmt.message.value));
    return StepResult::Next;
  case sema::StmtKind::Notify:
    advance();
    outcome_->notices.push_back({now_, flow, id});
    if (options_->trace)
      note(fmt::format("`{}`: notify {} \"{}\" (recorded)", name, stmt.text, stmt.message.value));
    return StepResult::Next;
  case sema::StmtKind::Set:
    advance();
    if (stmt.field)
      setField(stmt.field, Value::of(stmt.value), cause);
    return changed();
  case sema::StmtKind::Increment: {
    advance();
    if (!stmt.field)
      return StepResult::Next;
    const Value &old = contact_->field(stmt.field);
    double base = old.kind == Value::Kind::Number ? old.number : 0;
    setField(stmt.field, Value::ofNumber(base + stmt.value.number), cause);
    return changed();
  }
  case sema::StmtKind::AddTag:
    advance();
    if (stmt.target.isValid() && !addTag(sema::TagId{stmt.target.index}, cause) && options_->trace)
      note(fmt::format("`{}`: already has tag `{}`", name, program_.tags[stmt.target.index].name));
    return changed();
  case sema::StmtKind::RemoveTag:
    advance();
    if (stmt.target.isValid() && contact_->tags[stmt.target.index]) {
      contact_->tags[stmt.target.index] = false;
      if (options_->trace)
        note(fmt::format("`{}`: removed tag `{}`", name, program_.tags[stmt.target.index].name));
    }
    return changed();
  case sema::StmtKind::AddToList:
    advance();
    if (stmt.target.isValid() && !joinList(sema::ListId{stmt.target.index}, cause) &&
        options_->trace)
      note(fmt::format("`{}`: already in list `{}`", name, program_.lists[stmt.target.index].name));
    return changed();
  case sema::StmtKind::RemoveFromList:
    advance();
    if (stmt.target.isValid() && contact_->lists[stmt.target.index]) {
      contact_->lists[stmt.target.index] = false;
      if (options_->trace)
        note(fmt::format("`{}`: removed from list `{}`", name,
                         program_.lists[stmt.target.index].name));
    }
    return changed();
  case sema::StmtKind::Emit:
    advance();
    if (options_->trace)
      note(fmt::format("`{}`: emit event \"{}\"", name, stmt.text));
    fireEvent(stmt.text, cause);
    return StepResult::Next;
  case sema::StmtKind::Stop:
    if (options_->trace)
      note(fmt::format("`{}`: stop", name));
    return StepResult::Finish;
  }
  advance();
  return StepResult::Next;
}

void Simulator::setField(sema::FieldId field, Value value, const Cause &cause) {
  Value &slot = contact_->fields[field.value];
  if (slot == value) {
    if (options_->trace)
      note(fmt::format("{}{} is already {}: nothing fires",
                       cause.from ? fmt::format("`{}`: ", flowName(cause.from)) : "",
                       program_.field(field).name, value.display()));
    return;
  }
  if (options_->trace)
    note(fmt::format("{}set {} = {} (was {})",
                     cause.from ? fmt::format("`{}`: ", flowName(cause.from)) : "",
                     program_.field(field).name, value.display(), slot.display()));
  slot = std::move(value);
  fire(bundle_.onField(field), cause, &slot);
}

bool Simulator::addTag(sema::TagId tag, const Cause &cause) {
  if (contact_->tags[tag.value])
    return false;
  contact_->tags[tag.value] = true;
  if (options_->trace)
    note(fmt::format("{}added tag `{}`",
                     cause.from ? fmt::format("`{}`: ", flowName(cause.from)) : "",
                     program_.tags[tag.value].name));
  fire(bundle_.onTag(tag), cause);
  return true;
}

bool Simulator::joinList(sema::ListId list, const Cause &cause) {
  if (contact_->lists[list.value])
    return false;
  contact_->lists[list.value] = true;
  if (options_->trace)
    note(fmt::format("{}joined list `{}`",
                     cause.from ? fmt::format("`{}`: ", flowName(cause.from)) : "",
                     program_.lists[list.value].name));
  fire(bundle_.onList(list), cause);
  return true;
}

} // namespace mac::sim
