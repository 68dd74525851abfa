// Whether a send goes out now, later or never (engine.h), checked in this
// order when the step runs: safe mode, suppression, consent, quiet hours.
// A blocked send is recorded with its reason and the flow goes on; a send
// due inside a quiet window holds the flow until the window opens, then the
// step runs again (so consent withdrawn in the meantime still blocks it).
#include "simulator/conditions.h"
#include "simulator/describe.h"
#include "simulator/engine.h"

#include <fmt/format.h>

namespace mac::sim {

namespace {

bool insideWindow(int minute, uint32_t start, uint32_t end) {
  int s = static_cast<int>(start), e = static_cast<int>(end);
  if (s == e)
    return false;
  return s < e ? minute >= s && minute < e : minute >= s || minute < e;
}

} // namespace

Instant Simulator::quietRelease(sema::FlowId flow, sema::Channel channel, Instant at) {
  const auto &rules = bundle_.policies(flow).quietHours;
  for (int round = 0; round < 8; ++round) { // windows may chain (22:00..01:00, 01:00..08:00)
    Instant before = at;
    for (const sema::PolicyRule *rule : rules) {
      if (rule->channel != channel)
        continue;
      std::string_view zone = rule->zone == "recipient_local" ? std::string_view(contact_->timezone)
                              : rule->zone == "account_local" ? std::string_view("UTC")
                                                              : std::string_view(rule->zone);
      LocalTime local = zones_.toLocal(zone, at);
      if (insideWindow(local.minuteOfDay(), rule->startMinute, rule->endMinute))
        at = zones_.nextClock(zone, at, static_cast<int>(rule->endMinute));
    }
    if (at == before)
      break;
  }
  return at;
}

Simulator::StepResult Simulator::send(uint32_t slot, sema::StmtId id) {
  const sema::Stmt &stmt = program_.stmt(id);
  sema::FlowId flow = slots_[slot].flow;
  sema::AssetRef message = stmt.target;
  ++slots_[slot].frames.back().next;
  if (!message.isValid())
    return StepResult::Next;
  sema::Channel channel = PreparedBundle::channelOf(message);
  bool marketing = !bundle_.isTransactional(message);
  std::string what = options_->trace ? describeMessage(program_, message) : std::string();

  auto block = [&](Reason reason, std::string why) {
    outcome_->blocks.push_back({now_, flow, id, message, reason});
    if (options_->trace)
      note(
          fmt::format("`{}`: {} not sent ({}): {}", flowName(flow), what, reasonName(reason), why));
    return StepResult::Next;
  };

  const SimEnvironment &env = bundle_.environment();
  if (env.safeMode.isValid() && !inAudience(bundle_, *contact_, env.safeMode))
    return block(Reason::SafeMode, fmt::format("environment `{}` sends only to `{}`", env.name,
                                               program_.declared(env.safeMode).name));
  for (const sema::PolicyRule *rule : bundle_.policies(flow).suppressions) {
    switch (rule->kind) {
    case sema::PolicyKind::SuppressUnsubscribed:
      if (marketing && contact_->isUnsubscribed(program_))
        return block(Reason::Suppression, "the contact unsubscribed");
      break;
    case sema::PolicyKind::SuppressList:
      if (rule->list && contact_->inList(rule->list))
        return block(Reason::Suppression, fmt::format("the contact is in suppressed list `{}`",
                                                      program_.lists[rule->list.value].name));
      break;
    case sema::PolicyKind::SuppressSegment:
      if (rule->segment &&
          evaluate(bundle_, *contact_, program_.segments[rule->segment.value].where))
        return block(Reason::Suppression, fmt::format("the contact is in suppressed segment `{}`",
                                                      program_.segments[rule->segment.value].name));
      break;
    default:
      break;
    }
  }
  if (marketing)
    for (const sema::PolicyRule *rule : bundle_.policies(flow).consents)
      if (rule->channel == channel && !contact_->hasConsent(program_, channel))
        return block(Reason::NoConsent, fmt::format("`require consent {}` and the contact has none",
                                                    sema::channelName(channel)));
  if (marketing) {
    Instant release = quietRelease(flow, channel, now_);
    if (release > now_) {
      --slots_[slot].frames.back().next; // run the send again when the window opens
      outcome_->holds.push_back({now_, release, flow, id, message, Reason::QuietHours});
      if (options_->trace)
        note(fmt::format("`{}`: {} held by quiet hours until {}", flowName(flow), what,
                         zones_.format(contact_->timezone, release)));
      queue_.push(Work{release, 0, WorkKind::Resume, flow.value, slot, slots_[slot].token});
      return StepResult::Suspend;
    }
  }
  outcome_->sends.push_back({now_, flow, id, message, channel});
  if (options_->trace)
    note(fmt::format("`{}`: sent {}", flowName(flow), what));
  return StepResult::Next;
}

} // namespace mac::sim
