// Conditions as HubSpot filter branches. Every condition is flattened into
// disjunctive normal form (toDnf) and written as HubSpot's usual shape: an OR
// branch whose filterBranches are AND groups of filters. Negated literals
// use the opposite operator (IS_NOT_EQUAL_TO, IS_NONE_OF, NOT_IN_LIST, …),
// with `includeObjectsWithNoValueSet` true so that an empty property counts as
// "not equal", as in the language. Tags are single-checkbox properties,
// consent is the consent declaration's own opt-in property, and segments are
// active lists (IN_LIST).
#include "backends/hubspot/hubspot.h"

#include <cmath>

namespace mac::backend::hubspot {

namespace {

using sema::CompareOp;
using sema::CondKind;

json propertyFilter(std::string property, json operation) {
  return {{"filterType", "PROPERTY"},
          {"property", std::move(property)},
          {"operation", std::move(operation)}};
}

json operation(std::string_view type, std::string_view op, bool negated) {
  return {{"operationType", type}, {"operator", op}, {"includeObjectsWithNoValueSet", negated}};
}

CompareOp negate(CompareOp op) {
  switch (op) {
  case CompareOp::Eq:
    return CompareOp::Ne;
  case CompareOp::Ne:
    return CompareOp::Eq;
  case CompareOp::Lt:
    return CompareOp::Ge;
  case CompareOp::Le:
    return CompareOp::Gt;
  case CompareOp::Gt:
    return CompareOp::Le;
  case CompareOp::Ge:
    return CompareOp::Lt;
  }
  return op;
}

std::string_view numberOperator(CompareOp op) {
  switch (op) {
  case CompareOp::Eq:
    return "IS_EQUAL_TO";
  case CompareOp::Ne:
    return "IS_NOT_EQUAL_TO";
  case CompareOp::Lt:
    return "IS_LESS_THAN";
  case CompareOp::Le:
    return "IS_LESS_THAN_OR_EQUAL_TO";
  case CompareOp::Gt:
    return "IS_GREATER_THAN";
  case CompareOp::Ge:
    return "IS_GREATER_THAN_OR_EQUAL_TO";
  }
  return "IS_EQUAL_TO";
}

json numberValue(double value) {
  if (value == std::floor(value) && std::fabs(value) < 9e15)
    return static_cast<int64_t>(value);
  return value;
}

/// The text HubSpot stores for a literal (booleans as "true"/"false").
std::string stored(const sema::Value &value) {
  if (value.kind == ast::LiteralKind::Bool)
    return value.boolean ? "true" : "false";
  return value.text;
}

} // namespace

json HubspotEmitter::andGroup(json filters) {
  return {{"filterBranchType", "AND"},
          {"filterBranchOperator", "AND"},
          {"filters", std::move(filters)},
          {"filterBranches", json::array()}};
}

json HubspotEmitter::orBranch(json andGroups) {
  return {{"filterBranchType", "OR"},
          {"filterBranchOperator", "OR"},
          {"filters", json::array()},
          {"filterBranches", std::move(andGroups)}};
}

json HubspotEmitter::constantBranch(bool accept) {
  json filter = {{"filterType", "CONSTANT"}, {"shouldAccept", accept}};
  return orBranch(json::array({andGroup(json::array({filter}))}));
}

bool HubspotEmitter::filterBranch(const Condition &condition, SourceRange range, json &branch) {
  std::optional<Dnf> dnf = toDnf(condition);
  if (!dnf) {
    ctx_.unsupported(range, Construct::Branch,
                     "HubSpot filters are an OR of AND groups, and this condition needs more "
                     "than 64 groups; split it into nested `if`s");
    return false;
  }
  json groups = json::array();
  for (const std::vector<Literal> &clause : *dnf) {
    json filters = json::array();
    for (const Literal &literal : clause) {
      json filter;
      if (!literalFilter(literal, range, filter))
        return false;
      filters.push_back(std::move(filter));
    }
    groups.push_back(andGroup(std::move(filters)));
  }
  branch = orBranch(std::move(groups));
  return true;
}

bool HubspotEmitter::filterBranchAll(const std::vector<Condition> &conditions, SourceRange range,
                                     json &branch) {
  if (conditions.size() == 1)
    return filterBranch(conditions.front(), range, branch);
  Condition all = Condition::of(Condition::Op::And);
  all.operands = conditions;
  return filterBranch(all, range, branch);
}

bool HubspotEmitter::literalFilter(const Literal &literal, SourceRange range, json &filter) {
  const Condition &leaf = *literal.leaf;
  if (leaf.op == Condition::Op::Audience) {
    filter = {{"filterType", "IN_LIST"},
              {"listId", listId(leaf.audience, range)},
              {"operator", literal.negated ? "NOT_IN_LIST" : "IN_LIST"}};
    return true;
  }
  return leafFilter(program_.cond(leaf.leaf), literal.negated, filter);
}

bool HubspotEmitter::leafFilter(const sema::Cond &cond, bool negated, json &filter) {
  switch (cond.kind) {
  case CondKind::Compare:
    return compareFilter(cond, negated, filter);
  case CondKind::InValues: {
    json values = json::array();
    for (const sema::Value &value : cond.values)
      values.push_back(stored(value));
    bool isEnum = program_.field(cond.field).type == sema::FieldType::Enum;
    json op = isEnum
                  ? operation("ENUMERATION", negated ? "IS_NONE_OF" : "IS_ANY_OF", negated)
                  : operation("MULTISTRING", negated ? "IS_NOT_EQUAL_TO" : "IS_EQUAL_TO", negated);
    op["values"] = std::move(values);
    filter = propertyFilter(property(cond.field), std::move(op));
    return true;
  }
  case CondKind::Contains:
  case CondKind::StartsWith:
  case CondKind::EndsWith: {
    std::string_view op =
        cond.kind == CondKind::Contains     ? (negated ? "DOES_NOT_CONTAIN" : "CONTAINS")
        : cond.kind == CondKind::StartsWith ? (negated ? "DOES_NOT_START_WITH" : "STARTS_WITH")
                                            : (negated ? "DOES_NOT_END_WITH" : "ENDS_WITH");
    json operationJson = operation("MULTISTRING", op, negated);
    operationJson["values"] = json::array({cond.values.front().text});
    filter = propertyFilter(property(cond.field), std::move(operationJson));
    return true;
  }
  case CondKind::IsSet:
  case CondKind::IsEmpty: {
    bool known = (cond.kind == CondKind::IsSet) != negated;
    filter = propertyFilter(property(cond.field),
                            operation("ALL_PROPERTY", known ? "IS_KNOWN" : "IS_UNKNOWN", false));
    return true;
  }
  case CondKind::Consent: {
    const sema::Consent *consent = program_.consent(cond.channel);
    if (!consent) {
      ctx_.unsupported(cond.range, Construct::CondConsent,
                       "the bundle declares no `consent` for this channel, so there is no "
                       "opt-in property to filter on");
      return false;
    }
    json op = operation("BOOL", negated ? "IS_NOT_EQUAL_TO" : "IS_EQUAL_TO", negated);
    op["value"] = true;
    filter = propertyFilter(property(consent->field), std::move(op));
    return true;
  }
  case CondKind::InList:
  case CondKind::InSegment: {
    sema::AssetRef ref = cond.kind == CondKind::InList
                             ? sema::AssetRef{sema::AssetKind::List, cond.list.value}
                             : sema::AssetRef{sema::AssetKind::Segment, cond.segment.value};
    filter = {{"filterType", "IN_LIST"},
              {"listId", listId(ref, cond.range)},
              {"operator", negated ? "NOT_IN_LIST" : "IN_LIST"}};
    return true;
  }
  case CondKind::HasTag: {
    json op = operation("BOOL", negated ? "IS_NOT_EQUAL_TO" : "IS_EQUAL_TO", negated);
    op["value"] = true;
    filter = propertyFilter(tagProperty(cond.tag), std::move(op));
    return true;
  }
  default:
    break;
  }
  ctx_.unsupported(cond.range, Construct::Branch, "this condition has no HubSpot filter");
  return false;
}

bool HubspotEmitter::compareFilter(const sema::Cond &cond, bool negated, json &filter) {
  const sema::Field &field = program_.field(cond.field);
  CompareOp op = negated ? negate(cond.op) : cond.op;
  // An empty property satisfies `!=` and the negation of an ordering.
  bool ordering = cond.op != CompareOp::Eq && cond.op != CompareOp::Ne;
  bool negative = op == CompareOp::Ne || (negated && ordering);
  const sema::Value &value = cond.values.front();
  json operationJson;
  switch (field.type) {
  case sema::FieldType::Number:
    operationJson = operation("NUMBER", numberOperator(op), negative);
    operationJson["value"] = numberValue(value.number);
    break;
  case sema::FieldType::Bool:
    operationJson = operation("BOOL", numberOperator(op), negative);
    operationJson["value"] = value.boolean;
    break;
  case sema::FieldType::Enum:
    operationJson = operation("ENUMERATION", negative ? "IS_NONE_OF" : "IS_ANY_OF", negative);
    operationJson["values"] = json::array({value.text});
    break;
  case sema::FieldType::Date:
  case sema::FieldType::DateTime:
    ctx_.unsupported(cond.range, Construct::CondCompare,
                     "comparing a date with a fixed date is not emitted for HubSpot yet; use "
                     "`is set` / `is empty`, or a number field");
    return false;
  default:
    if (op != CompareOp::Eq && op != CompareOp::Ne) {
      ctx_.unsupported(cond.range, Construct::CondCompare,
                       "HubSpot orders numbers and dates, not text");
      return false;
    }
    operationJson = operation("MULTISTRING", numberOperator(op), negative);
    operationJson["values"] = json::array({value.text});
    break;
  }
  filter = propertyFilter(property(cond.field), std::move(operationJson));
  return true;
}

} // namespace mac::backend::hubspot
