// Canonical rendering of Program pieces for the comparison: see describe.h.
#include "changes/describe.h"

#include <fmt/format.h>

#include <cmath>

namespace mac::changes {

using namespace sema;

std::string renameKey(std::string_view kind, std::string_view name) {
  return std::string(kind) + ":" + std::string(name);
}

std::string Namer::mapped(std::string_view kind, const std::string &name) const {
  if (renames_)
    if (auto it = renames_->find(renameKey(kind, name)); it != renames_->end())
      return it->second;
  return name;
}

std::string Namer::asset(AssetRef ref) const {
  if (!ref.isValid())
    return "?";
  return mapped(assetKindName(ref.kind), program_->declared(ref).name);
}

std::string Namer::field(FieldId id) const { return id ? asset(AssetKind::Field, id.value) : "?"; }

std::string Namer::env(EnvId id) const {
  return id ? mapped("env", program_->envs[id.value].name) : "?";
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string renderDuration(int64_t seconds) {
  static const std::pair<int64_t, char> units[] = {{86400, 'd'}, {3600, 'h'}, {60, 'm'}};
  for (auto [size, unit] : units)
    if (seconds != 0 && seconds % size == 0)
      return fmt::format("{}{}", seconds / size, unit);
  return fmt::format("{}s", seconds);
}

std::string renderClock(int64_t minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string renderValue(const Value &value) {
  switch (value.kind) {
  case ast::LiteralKind::String:
    return quote(value.text);
  case ast::LiteralKind::Number:
    if (std::isfinite(value.number) && value.number == std::floor(value.number) &&
        std::fabs(value.number) < 1e15)
      return fmt::format("{}", static_cast<int64_t>(value.number));
    return fmt::format("{}", value.number);
  case ast::LiteralKind::Bool:
    return value.boolean ? "true" : "false";
  case ast::LiteralKind::Clock:
    return renderClock(value.seconds);
  case ast::LiteralKind::Duration:
    return renderDuration(value.seconds);
  case ast::LiteralKind::Date:
  case ast::LiteralKind::DateTime:
    return value.text;
  }
  return value.text;
}

std::string renderRate(const Rate &rate) {
  switch (rate.perSeconds) {
  case 60:
    return fmt::format("{}/min", rate.count);
  case 3600:
    return fmt::format("{}/hour", rate.count);
  case 86400:
    return fmt::format("{}/day", rate.count);
  case 604800:
    return fmt::format("{}/week", rate.count);
  default:
    return fmt::format("{}/{}", rate.count, renderDuration(rate.perSeconds));
  }
}

namespace {

std::string_view opSpelling(CompareOp op) {
  switch (op) {
  case CompareOp::Eq:
    return "==";
  case CompareOp::Ne:
    return "!=";
  case CompareOp::Lt:
    return "<";
  case CompareOp::Le:
    return "<=";
  case CompareOp::Gt:
    return ">";
  case CompareOp::Ge:
    return ">=";
  }
  return "==";
}

/// Binding strength: or < and < not < atoms.
int precedence(CondKind kind) {
  switch (kind) {
  case CondKind::Or:
    return 1;
  case CondKind::And:
    return 2;
  case CondKind::Not:
    return 3;
  default:
    return 4;
  }
}

std::string renderCondAt(const Namer &names, CondId id, int minimum) {
  if (!id)
    return "true";
  const Cond &cond = names.program().cond(id);
  std::string text;
  auto values = [&] {
    std::string out;
    for (const Value &value : cond.values)
      out += (out.empty() ? "" : ", ") + renderValue(value);
    return out;
  };
  auto first = [&] { return cond.values.empty() ? std::string("?") : renderValue(cond.values[0]); };
  switch (cond.kind) {
  case CondKind::Or:
  case CondKind::And:
    for (CondId child : cond.children) {
      if (!text.empty())
        text += cond.kind == CondKind::Or ? " or " : " and ";
      text += renderCondAt(names, child, precedence(cond.kind));
    }
    break;
  case CondKind::Not:
    text = "not " + renderCondAt(names, cond.children.empty() ? CondId{} : cond.children[0], 3);
    break;
  case CondKind::True:
    text = "true";
    break;
  case CondKind::False:
    text = "false";
    break;
  case CondKind::Consent:
    text = "consent " + std::string(channelName(cond.channel));
    break;
  case CondKind::Flag:
    text = "flag " + (cond.flag ? names.asset(AssetKind::Flag, cond.flag.value) : "?");
    break;
  case CondKind::InList:
    text = "in list " + (cond.list ? names.asset(AssetKind::List, cond.list.value) : "?");
    break;
  case CondKind::InSegment:
    text =
        "in segment " + (cond.segment ? names.asset(AssetKind::Segment, cond.segment.value) : "?");
    break;
  case CondKind::HasTag:
    text = "has tag " + (cond.tag ? names.asset(AssetKind::Tag, cond.tag.value) : "?");
    break;
  case CondKind::Compare:
    text = names.field(cond.field) + " " + std::string(opSpelling(cond.op)) + " " + first();
    break;
  case CondKind::InValues:
    text = names.field(cond.field) + " in [" + values() + "]";
    break;
  case CondKind::Contains:
    text = names.field(cond.field) + " contains " + first();
    break;
  case CondKind::StartsWith:
    text = names.field(cond.field) + " starts_with " + first();
    break;
  case CondKind::EndsWith:
    text = names.field(cond.field) + " ends_with " + first();
    break;
  case CondKind::IsSet:
    text = names.field(cond.field) + " is set";
    break;
  case CondKind::IsEmpty:
    text = names.field(cond.field) + " is empty";
    break;
  }
  return precedence(cond.kind) < minimum ? "(" + text + ")" : text;
}

void collectConjuncts(const Namer &names, CondId id, std::vector<std::string> &out) {
  if (id && names.program().cond(id).kind == CondKind::And) {
    for (CondId child : names.program().cond(id).children)
      collectConjuncts(names, child, out);
    return;
  }
  out.push_back(renderCondAt(names, id, 3));
}

} // namespace

std::string renderCond(const Namer &names, CondId cond) { return renderCondAt(names, cond, 0); }

std::vector<std::string> conjuncts(const Namer &names, CondId cond) {
  std::vector<std::string> out;
  collectConjuncts(names, cond, out);
  return out;
}

std::string renderTrigger(const Namer &names, const Trigger &trigger) {
  switch (trigger.kind) {
  case TriggerKind::FormSubmitted:
    return "on form_submitted " + quote(trigger.text);
  case TriggerKind::TagAdded:
    return "on tag_added " + (trigger.tag ? names.asset(AssetKind::Tag, trigger.tag.value) : "?");
  case TriggerKind::ListJoined:
    return "on list_joined " +
           (trigger.list ? names.asset(AssetKind::List, trigger.list.value) : "?");
  case TriggerKind::FieldChanged:
    return "on field_changed " + names.field(trigger.field) +
           (trigger.value ? " to " + renderValue(*trigger.value) : "");
  case TriggerKind::Event:
    return "on event " + quote(trigger.text);
  case TriggerKind::Schedule:
    return "on schedule daily at " + (trigger.value ? renderValue(*trigger.value) : "?");
  }
  return "on ?";
}

std::pair<std::string, std::string> renderPolicyRule(const Namer &names, const PolicyRule &rule) {
  switch (rule.kind) {
  case PolicyKind::QuietHours:
    return {"quiet_hours " + std::string(channelName(rule.channel)),
            renderClock(rule.startMinute) + ".." + renderClock(rule.endMinute) + " " + rule.zone};
  case PolicyKind::SuppressUnsubscribed:
    return {"suppress unsubscribed", ""};
  case PolicyKind::SuppressList:
    return {"suppress list " + (rule.list ? names.asset(AssetKind::List, rule.list.value) : "?"),
            ""};
  case PolicyKind::SuppressSegment:
    return {"suppress segment " +
                (rule.segment ? names.asset(AssetKind::Segment, rule.segment.value) : "?"),
            ""};
  case PolicyKind::RequireConsent:
    return {"require consent " + std::string(channelName(rule.channel)), ""};
  }
  return {"?", ""};
}

std::string stmtIdentity(const Namer &names, const Stmt &stmt) {
  switch (stmt.kind) {
  case StmtKind::If:
    return "if";
  case StmtKind::Wait:
  case StmtKind::WaitUntil:
  case StmtKind::WaitEvent:
    return "wait";
  case StmtKind::Set:
    return "set " + names.field(stmt.field);
  case StmtKind::Increment:
    return "increment " + names.field(stmt.field);
  case StmtKind::AssignOwner:
    return "assign owner";
  case StmtKind::Notify:
    return "notify " + quote(stmt.text);
  case StmtKind::Emit:
    return "emit";
  case StmtKind::Stop:
    return "stop";
  default:
    return stmtHead(names, stmt);
  }
}

std::string stmtHead(const Namer &names, const Stmt &stmt) {
  switch (stmt.kind) {
  case StmtKind::If:
    return "if " + (stmt.branches.empty() ? std::string("?")
                                          : renderCond(names, stmt.branches[0].condition));
  case StmtKind::Set:
    return "set " + names.field(stmt.field) + " = " + renderValue(stmt.value);
  case StmtKind::Send:
    return "send " + names.asset(stmt.target);
  case StmtKind::Wait:
    return "wait " + renderValue(stmt.value);
  case StmtKind::WaitUntil:
    return "wait until " + renderValue(stmt.value);
  case StmtKind::WaitEvent:
    return "wait for event " + quote(stmt.text) + " timeout " + renderValue(stmt.value);
  case StmtKind::Call:
    return "call " + names.asset(stmt.target);
  case StmtKind::AssignOwner:
    return "assign owner " + stmt.text + " " + quote(stmt.message.value);
  case StmtKind::AddTag:
    return "add tag " + names.asset(stmt.target);
  case StmtKind::RemoveTag:
    return "remove tag " + names.asset(stmt.target);
  case StmtKind::AddToList:
    return "add to list " + names.asset(stmt.target);
  case StmtKind::RemoveFromList:
    return "remove from list " + names.asset(stmt.target);
  case StmtKind::Increment:
    return "increment " + names.field(stmt.field) + " by " + renderValue(stmt.value);
  case StmtKind::Notify:
    return "notify " + quote(stmt.text) + " " + quote(stmt.message.value);
  case StmtKind::Emit:
    return "emit event " + quote(stmt.text);
  case StmtKind::Stop:
    return "stop";
  }
  return "?";
}

std::string renderBody(const Namer &names, const std::vector<StmtId> &body) {
  std::string out = "{";
  for (StmtId id : body)
    out += " " + renderStmt(names, id);
  return out + " }";
}

std::string renderStmt(const Namer &names, StmtId id) {
  const Stmt &stmt = names.program().stmt(id);
  if (stmt.kind != StmtKind::If)
    return stmtHead(names, stmt) + ";";
  std::string out;
  for (const Branch &branch : stmt.branches)
    out += (out.empty() ? "if " : " else if ") + renderCond(names, branch.condition) + " " +
           renderBody(names, branch.body);
  if (stmt.hasElse)
    out += " else " + renderBody(names, stmt.elseBody);
  return out;
}

} // namespace mac::changes
