// Shared checklist words (see phrases.h).
#include "backends/checklist/phrases.h"

#include "backends/checklist/markdown.h"

#include <cstdio>

namespace mac::backend::checklist {

namespace {
std::string plural(int64_t count, std::string_view unit) {
  return std::to_string(count) + " " + std::string(unit) + (count == 1 ? "" : "s");
}
} // namespace

std::string durationText(int64_t seconds) {
  constexpr int64_t kWeek = 7 * 86400;
  if (seconds > 0 && seconds % kWeek == 0) // "10 days" reads better than "1 week 3 days"
    return plural(seconds / kWeek, "week");
  static const std::pair<int64_t, std::string_view> units[] = {
      {86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}};
  std::string out;
  for (const auto &[size, name] : units) {
    if (seconds >= size) {
      out += (out.empty() ? "" : " ") + plural(seconds / size, name);
      seconds %= size;
    }
  }
  return out.empty() ? "0 seconds" : out;
}

std::pair<int64_t, std::string> durationInUnit(int64_t seconds) {
  auto in = [](int64_t count, std::string_view unit) {
    return std::pair<int64_t, std::string>{
        count, plural(count, unit).substr(std::to_string(count).size() + 1)};
  };
  if (seconds > 0 && seconds % 86400 == 0)
    return in(seconds / 86400, "day");
  if (seconds > 0 && seconds % 3600 == 0)
    return in(seconds / 3600, "hour");
  return in((seconds + 59) / 60, "minute");
}

std::string clockText(int64_t minutes) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(minutes / 60 % 24),
                static_cast<int>(minutes % 60));
  return buffer;
}

std::string rateText(const sema::Rate &rate) {
  std::string_view unit = rate.perSeconds == 60      ? "minute"
                          : rate.perSeconds == 3600  ? "hour"
                          : rate.perSeconds == 86400 ? "day"
                                                     : "week";
  return std::to_string(rate.count) + " per " + std::string(unit);
}

std::string valueText(const sema::Value &value) {
  switch (value.kind) {
  case ast::LiteralKind::Bool:
    return value.boolean ? "true" : "false";
  case ast::LiteralKind::Duration:
    return durationText(value.seconds);
  case ast::LiteralKind::Clock:
    return clockText(value.seconds);
  default:
    return value.text;
  }
}

std::string fieldLabel(BuildContext &ctx, sema::FieldId field) {
  return bold(ctx.displayName(ctx.program().field(field)));
}

std::string assetLabel(BuildContext &ctx, sema::AssetRef asset) {
  return code(ctx.displayName(ctx.program().declared(asset)));
}

namespace {

const std::string &compareOp(const Operators &ops, sema::CompareOp op, bool negated) {
  using Op = sema::CompareOp;
  switch (op) {
  case Op::Eq:
    return negated ? ops.ne : ops.eq;
  case Op::Ne:
    return negated ? ops.eq : ops.ne;
  case Op::Lt:
    return negated ? ops.ge : ops.lt;
  case Op::Le:
    return negated ? ops.gt : ops.le;
  case Op::Gt:
    return negated ? ops.le : ops.gt;
  case Op::Ge:
    return negated ? ops.lt : ops.ge;
  }
  return ops.eq;
}

std::string values(const sema::Cond &cond) {
  std::string out;
  for (const sema::Value &value : cond.values)
    out += (out.empty() ? "" : ", ") + code(valueText(value));
  return out;
}

} // namespace

std::string fieldLeaf(BuildContext &ctx, const Operators &ops, const sema::Cond &cond,
                      bool negated) {
  using K = sema::CondKind;
  auto line = [&](const std::string &op, const std::string &rhs) {
    return fieldLabel(ctx, cond.field) + " " + op + (rhs.empty() ? "" : " " + rhs);
  };
  switch (cond.kind) {
  case K::Compare:
    return line(compareOp(ops, cond.op, negated), values(cond));
  case K::InValues:
    return line(negated ? ops.notInValues : ops.inValues, values(cond));
  case K::Contains:
    return line(negated ? ops.notContains : ops.contains, values(cond));
  case K::StartsWith:
    return line(negated ? ops.notStartsWith : ops.startsWith, values(cond));
  case K::EndsWith:
    return line(negated ? ops.notEndsWith : ops.endsWith, values(cond));
  case K::IsSet:
    return line(negated ? ops.isEmpty : ops.isNotEmpty, "");
  case K::IsEmpty:
    return line(negated ? ops.isNotEmpty : ops.isEmpty, "");
  case K::Consent: {
    const sema::Consent *consent = ctx.program().consent(cond.channel);
    if (!consent)
      return "";
    return fieldLabel(ctx, consent->field) + " " + (negated ? ops.ne : ops.eq) + " " + code("true");
  }
  default:
    return "";
  }
}

namespace {

std::string recursiveText(BuildContext &ctx, const Vocabulary &vocabulary,
                          const Condition &condition, bool negated) {
  using Op = Condition::Op;
  if (condition.op == Op::Leaf || condition.op == Op::Audience)
    return vocabulary.leaf(ctx, condition, negated);
  if (condition.op == Op::Not)
    return recursiveText(ctx, vocabulary, condition.operands.front(), !negated);
  bool isAnd = (condition.op == Op::And) != negated;
  std::string out;
  for (const Condition &operand : condition.operands)
    out += (out.empty() ? "("
            : isAnd     ? " **and** "
                        : " **or** ") +
           recursiveText(ctx, vocabulary, operand, negated);
  return out + ")";
}

} // namespace

std::string conditionText(BuildContext &ctx, const Vocabulary &vocabulary,
                          const Condition &condition) {
  std::optional<Dnf> dnf = toDnf(condition, 16);
  if (!dnf)
    return recursiveText(ctx, vocabulary, condition, false);
  std::string out;
  for (const std::vector<Literal> &clause : *dnf) {
    std::string group;
    for (const Literal &literal : clause)
      group +=
          (group.empty() ? "" : " **and** ") + vocabulary.leaf(ctx, *literal.leaf, literal.negated);
    if (dnf->size() > 1 && clause.size() > 1)
      group = "(" + group + ")";
    out += (out.empty() ? "" : " **or** ") + group;
  }
  return out;
}

std::string segmentRules(BuildContext &ctx, const Vocabulary &vocabulary, sema::SegmentId segment) {
  const sema::Segment &decl = ctx.program().segments[segment.value];
  if (!decl.where.isValid())
    return "every contact";
  FlagResolver::Resolved resolved = ctx.flags().resolve(decl.where);
  if (resolved.constant)
    return *resolved.constant ? "every contact" : "no contact";
  return conditionText(ctx, vocabulary, resolved.condition);
}

std::vector<sema::FlowId> eventListeners(const sema::Program &program, std::string_view name) {
  std::vector<sema::FlowId> out;
  for (uint32_t i = 0; i < program.flows.size(); ++i)
    for (const sema::Trigger &trigger : program.flows[i].triggers)
      if (trigger.kind == sema::TriggerKind::Event && trigger.text == name) {
        out.push_back(sema::FlowId{i});
        break;
      }
  return out;
}

std::string notifyText(const sema::Stmt &stmt) {
  return code(stmt.text) + ": " + code(stmt.message.value);
}

StepText emitEventStep(BuildContext &ctx, const sema::Stmt &stmt, std::string_view platform,
                       std::string_view action, std::string_view noun) {
  std::vector<sema::FlowId> listeners = eventListeners(ctx.program(), stmt.text);
  if (listeners.empty())
    return {"Event " + code(stmt.text) +
            ": no flow of this bundle starts on it, so there is nothing to build for it in " +
            std::string(platform) + "."};
  StepText text{"Event " + code(stmt.text) + ": for each flow it starts, " + std::string(action) +
                ":"};
  for (sema::FlowId listener : listeners)
    text.settings.push_back(std::string(noun) + " " +
                            code(ctx.displayName(ctx.program().flows[listener.value])));
  return text;
}

std::optional<sema::AssetRef> membershipOf(BuildContext &ctx, const Condition &leaf) {
  if (leaf.op == Condition::Op::Audience)
    return leaf.audience;
  const sema::Cond &cond = ctx.program().cond(leaf.leaf);
  if (cond.kind == sema::CondKind::InList)
    return sema::AssetRef{sema::AssetKind::List, cond.list.value};
  if (cond.kind == sema::CondKind::InSegment)
    return sema::AssetRef{sema::AssetKind::Segment, cond.segment.value};
  return std::nullopt;
}

} // namespace mac::backend::checklist
