// The construct scan (see construct_scan.h).
#include "backends/construct_scan.h"

#include "analyzer/program_queries.h"

#include <set>

namespace mac::backend {

namespace {

using sema::CondKind;
using sema::StmtKind;

Construct triggerConstruct(const sema::Trigger &trigger) {
  switch (trigger.kind) {
  case sema::TriggerKind::FormSubmitted:
    return Construct::TriggerForm;
  case sema::TriggerKind::TagAdded:
    return Construct::TriggerTagAdded;
  case sema::TriggerKind::ListJoined:
    return Construct::TriggerListJoined;
  case sema::TriggerKind::FieldChanged:
    return trigger.value ? Construct::TriggerFieldChangedTo : Construct::TriggerFieldChanged;
  case sema::TriggerKind::Event:
    return Construct::TriggerEvent;
  case sema::TriggerKind::Schedule:
    return Construct::TriggerSchedule;
  }
  return Construct::TriggerEvent;
}

std::optional<Construct> leafConstruct(CondKind kind) {
  switch (kind) {
  case CondKind::Compare:
  case CondKind::InValues:
    return Construct::CondCompare;
  case CondKind::Contains:
  case CondKind::StartsWith:
  case CondKind::EndsWith:
    return Construct::CondText;
  case CondKind::IsSet:
  case CondKind::IsEmpty:
    return Construct::CondIsSet;
  case CondKind::Consent:
    return Construct::CondConsent;
  case CondKind::InList:
    return Construct::CondInList;
  case CondKind::InSegment:
    return Construct::CondInSegment;
  case CondKind::HasTag:
    return Construct::CondHasTag;
  default:
    return std::nullopt;
  }
}

std::optional<Construct> stepConstruct(const sema::Program &program, const sema::Stmt &stmt) {
  switch (stmt.kind) {
  case StmtKind::Send:
    switch (*analyzer::sendChannel(stmt)) {
    case sema::Channel::Email:
      return Construct::SendEmail;
    case sema::Channel::Sms:
      return Construct::SendSms;
    case sema::Channel::Push:
      return Construct::SendPush;
    }
    return std::nullopt;
  case StmtKind::Set:
    return Construct::SetField;
  case StmtKind::Wait:
    return Construct::Wait;
  case StmtKind::WaitUntil:
    return Construct::WaitUntil;
  case StmtKind::WaitEvent:
    return Construct::WaitEvent;
  case StmtKind::Call:
    return Construct::Webhook;
  case StmtKind::AssignOwner:
    return Construct::AssignOwner;
  case StmtKind::AddTag:
    return Construct::AddTag;
  case StmtKind::RemoveTag:
    return Construct::RemoveTag;
  case StmtKind::AddToList:
    return Construct::AddToList;
  case StmtKind::RemoveFromList:
    return Construct::RemoveFromList;
  case StmtKind::Increment:
    return Construct::Increment;
  case StmtKind::Notify:
    return Construct::Notify;
  case StmtKind::Emit:
    return Construct::EmitEvent;
  case StmtKind::Stop:
    return Construct::Stop;
  case StmtKind::If:
    return std::nullopt;
  }
  return std::nullopt;
}

class Scanner {
public:
  Scanner(BuildContext &ctx, const std::function<void(Construct, SourceRange)> &visit)
      : ctx_(ctx), program_(ctx.program()), visit_(visit) {}

  void condition(const Condition &condition) {
    if (condition.flag.isValid())
      visit_(Construct::CondRuntimeFlag, program_.flags[condition.flag.value].nameRange);
    if (condition.op == Condition::Op::Leaf) {
      const sema::Cond &leaf = program_.cond(condition.leaf);
      if (std::optional<Construct> construct = leafConstruct(leaf.kind))
        visit_(*construct, leaf.range);
    }
    for (const Condition &operand : condition.operands)
      this->condition(operand);
  }

  void flow(sema::FlowId id) {
    const sema::Flow &flow = program_.flows[id.value];
    for (size_t i = 0; i < flow.triggers.size(); ++i) {
      visit_(triggerConstruct(flow.triggers[i]), flow.triggers[i].range);
      if (i == 1)
        visit_(Construct::MultipleTriggers, flow.triggers[i].range);
    }
    visit_(flow.reenrollAfterSeconds ? Construct::ReenrollAfter : Construct::ReenrollNever,
           flow.nameRange);
    if (!flow.dedupe.empty())
      visit_(Construct::Dedupe, flow.nameRange);
    if (flow.throttle)
      visit_(Construct::FlowThrottle, flow.throttle->range);
    if (const std::optional<sema::Rate> &throttle = ctx_.environment().throttle())
      visit_(Construct::EnvThrottle, throttle->range);

    const FlowPlan &plan = ctx_.plan(id);
    for (sema::CondId goal : flow.goals)
      visit_(Construct::Goal, program_.cond(goal).range);
    for (const Condition &goal : plan.goals)
      condition(goal);
    for (sema::CondId filter : flow.enrolmentFilters)
      visit_(Construct::EnrolmentFilter, program_.cond(filter).range);
    for (const Condition &filter : plan.enrolmentFilters)
      condition(filter);

    std::set<sema::Channel> channels;
    for (const PlanNode &node : plan.nodes) {
      if (node.kind == PlanNode::Kind::Branch) {
        if (node.safeModeGuard) {
          visit_(Construct::SafeMode, node.range);
          continue;
        }
        visit_(Construct::Branch, node.range);
        condition(node.condition);
        continue;
      }
      const sema::Stmt &stmt = program_.stmt(node.stmt);
      if (std::optional<sema::Channel> channel = analyzer::sendChannel(stmt))
        channels.insert(*channel);
      if (std::optional<Construct> construct = stepConstruct(program_, stmt))
        visit_(*construct, stmt.range);
    }
    analyzer::forEachStatement(program_, flow.body, [&](sema::StmtId, const sema::Stmt &stmt) {
      if (stmt.kind == StmtKind::Stop)
        visit_(Construct::Stop, stmt.range);
    });
    policies(flow, channels);
  }

private:
  void policies(const sema::Flow &flow, const std::set<sema::Channel> &channels) {
    for (const sema::PolicyRule *rule : ctx_.policies(flow)) {
      switch (rule->kind) {
      case sema::PolicyKind::QuietHours:
        if (channels.count(rule->channel))
          visit_(Construct::QuietHours, flow.nameRange);
        break;
      case sema::PolicyKind::RequireConsent:
        if (channels.count(rule->channel))
          visit_(Construct::RequireConsentPolicy, flow.nameRange);
        break;
      case sema::PolicyKind::SuppressUnsubscribed:
        visit_(Construct::SuppressUnsubscribed, flow.nameRange);
        break;
      case sema::PolicyKind::SuppressList:
        visit_(Construct::SuppressList, flow.nameRange);
        break;
      case sema::PolicyKind::SuppressSegment:
        visit_(Construct::SuppressSegment, flow.nameRange);
        break;
      }
    }
  }

  BuildContext &ctx_;
  const sema::Program &program_;
  const std::function<void(Construct, SourceRange)> &visit_;
};

} // namespace

void scanConstructs(BuildContext &ctx, sema::FlowId flow,
                    const std::function<void(Construct, SourceRange)> &visit) {
  Scanner(ctx, visit).flow(flow);
}

size_t reportCapabilities(BuildContext &ctx, const Backend &backend) {
  size_t unsupported = 0;
  std::set<std::tuple<uint8_t, uint32_t, uint32_t, uint32_t>> seen;
  for (uint32_t i = 0; i < ctx.program().flows.size(); ++i) {
    scanConstructs(ctx, sema::FlowId{i}, [&](Construct construct, SourceRange range) {
      if (!seen.insert({static_cast<uint8_t>(construct), range.file.value, range.begin, range.end})
               .second)
        return;
      const Capability &capability = backend.capabilities().of(construct);
      if (capability.support == Support::Unsupported) {
        ctx.unsupported(range, construct, std::string(capability.note));
        ++unsupported;
      } else if (capability.support == Support::Approximated) {
        ctx.approximated(range, construct, std::string(capability.note));
      }
    });
  }
  return unsupported;
}

} // namespace mac::backend
