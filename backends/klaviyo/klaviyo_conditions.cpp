// Conditions as Klaviyo profile filters. A Klaviyo filter is an AND of
// condition groups, each an OR of conditions, so a branch condition is first
// put in CNF; each (possibly negated) literal becomes one condition:
// `profile-property` with a string, numeric, boolean or existence filter,
// `profile-marketing-consent`, or `profile-group-membership` (lists,
// segments, and the lists that stand for tags). Negation flips the operator.
#include "backends/klaviyo/klaviyo_context.h"

#include <cmath>

namespace mac::backend::klaviyo {

namespace {

using sema::CondKind;

json propertyCondition(const KlaviyoContext &k, sema::FieldId field, json filter) {
  return {{"type", "profile-property"},
          {"property", conditionProperty(k, field)},
          {"filter", std::move(filter)}};
}

json numberValue(double number) {
  if (std::floor(number) == number && std::fabs(number) < 9e15)
    return static_cast<int64_t>(number);
  return number;
}

std::string_view numericOperator(sema::CompareOp op, bool negated) {
  using Op = sema::CompareOp;
  switch (op) {
  case Op::Eq:
    return negated ? "not-equals" : "equals";
  case Op::Ne:
    return negated ? "equals" : "not-equals";
  case Op::Lt:
    return negated ? "greater-than-or-equal" : "less-than";
  case Op::Le:
    return negated ? "greater-than" : "less-than-or-equal";
  case Op::Gt:
    return negated ? "less-than-or-equal" : "greater-than";
  case Op::Ge:
    return negated ? "less-than" : "greater-than-or-equal";
  }
  return "equals";
}

/// `F op v`; nullopt for values Klaviyo filters cannot compare this way.
std::optional<json> compareFilter(const sema::Field &field, const sema::Cond &cond, bool negated) {
  const sema::Value &value = cond.values.front();
  bool equality = cond.op == sema::CompareOp::Eq || cond.op == sema::CompareOp::Ne;
  switch (value.kind) {
  case ast::LiteralKind::Number:
    return json{{"type", "numeric"},
                {"operator", numericOperator(cond.op, negated)},
                {"value", numberValue(value.number)}};
  case ast::LiteralKind::Bool:
    if (!equality)
      return std::nullopt;
    return json{{"type", "boolean"},
                {"operator", "equals"},
                {"value", value.boolean == ((cond.op == sema::CompareOp::Eq) != negated)}};
  case ast::LiteralKind::String:
    if (!equality)
      return std::nullopt;
    return json{{"type", "string"},
                {"operator", (cond.op == sema::CompareOp::Eq) != negated ? "equals" : "not-equals"},
                {"value", value.text}};
  default:
    (void)field;
    return std::nullopt;
  }
}

std::optional<json> fieldFilter(const sema::Program &program, const sema::Cond &cond,
                                bool negated) {
  const sema::Field &field = program.field(cond.field);
  auto text = [&](std::string_view op) {
    return json{{"type", "string"},
                {"operator", negated ? "not-" + std::string(op) : std::string(op)},
                {"value", cond.values.front().text}};
  };
  switch (cond.kind) {
  case CondKind::Compare:
    return compareFilter(field, cond, negated);
  case CondKind::InValues: {
    json values = json::array();
    for (const sema::Value &value : cond.values) {
      if (value.kind != ast::LiteralKind::String)
        return std::nullopt;
      values.push_back(value.text);
    }
    return json{{"type", "string"}, {"operator", negated ? "not-in" : "in"}, {"value", values}};
  }
  case CondKind::Contains:
    return text("contains");
  case CondKind::StartsWith:
    return text("starts-with");
  case CondKind::EndsWith:
    return text("ends-with");
  case CondKind::IsSet:
  case CondKind::IsEmpty:
    return json{{"type", "existence"},
                {"operator", (cond.kind == CondKind::IsSet) != negated ? "is-set" : "not-set"}};
  default:
    return std::nullopt;
  }
}

json membership(std::string id, bool member) {
  return {{"type", "profile-group-membership"},
          {"is_member", member},
          {"group_ids", json::array({std::move(id)})}};
}

/// One literal as a Klaviyo condition; nullopt after reporting MAC7001.
std::optional<json> literalCondition(KlaviyoContext &k, const Literal &literal, SourceRange use) {
  const Condition &leaf = *literal.leaf;
  bool member = !literal.negated;
  if (leaf.op == Condition::Op::Audience) {
    bool isList = leaf.audience.kind == sema::AssetKind::List;
    return membership(k.assetId(leaf.audience, use, isList ? "list" : "segment"), member);
  }
  const sema::Cond &cond = k.program.cond(leaf.leaf);
  switch (cond.kind) {
  case CondKind::Consent:
    return consentCondition(cond.channel, member);
  case CondKind::InList:
    return membership(k.assetId({sema::AssetKind::List, cond.list.value}, cond.range, "list"),
                      member);
  case CondKind::InSegment:
    return membership(
        k.assetId({sema::AssetKind::Segment, cond.segment.value}, cond.range, "segment"), member);
  case CondKind::HasTag:
    return membership(k.assetId({sema::AssetKind::Tag, cond.tag.value}, cond.range, "tag list"),
                      member);
  default:
    break;
  }
  if (std::optional<json> filter = fieldFilter(k.program, cond, literal.negated))
    return propertyCondition(k, cond.field, std::move(*filter));
  k.ctx.unsupported(cond.range, Construct::CondCompare,
                    "Klaviyo profile filters compare dates and non-text values only with "
                    "`==`, `!=` and numeric operators on numbers");
  return std::nullopt;
}

} // namespace

json consentCondition(sema::Channel channel, bool has) {
  std::string name(sema::channelName(channel));
  json status = {{"subscription", has && channel != sema::Channel::Push ? "subscribed" : "any"}};
  return {
      {"type", "profile-marketing-consent"},
      {"consent", {{"channel", name}, {"can_receive_marketing", has}, {"consent_status", status}}}};
}

std::optional<json> profileFilter(KlaviyoContext &k, const Cnf &cnf, SourceRange use) {
  json groups = json::array();
  for (const std::vector<Literal> &clause : cnf) {
    json conditions = json::array();
    for (const Literal &literal : clause) {
      std::optional<json> condition = literalCondition(k, literal, use);
      if (!condition)
        return std::nullopt;
      conditions.push_back(std::move(*condition));
    }
    groups.push_back({{"conditions", std::move(conditions)}});
  }
  return json{{"condition_groups", std::move(groups)}};
}

std::optional<json> filterOf(KlaviyoContext &k, const Condition &condition, SourceRange range) {
  std::optional<Cnf> cnf = toCnf(condition);
  if (!cnf) {
    k.ctx.unsupported(range, Construct::Branch,
                      "Klaviyo filters are an AND of OR groups and this condition needs more "
                      "than 64 groups; split it into nested `if`s");
    return std::nullopt;
  }
  return profileFilter(k, *cnf, range);
}

} // namespace mac::backend::klaviyo
