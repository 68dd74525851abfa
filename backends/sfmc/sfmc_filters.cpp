// Journey Builder filter XML (see sfmc_filters.h).
#include "backends/sfmc/sfmc_filters.h"

#include "backends/sfmc/sfmc_model.h"

namespace mac::backend::sfmc {

namespace {

using sema::CompareOp;
using sema::CondKind;

std::string escapeAttribute(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string cdata(std::string_view text) {
  std::string out = "<![CDATA[";
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "]]>") {
      out += "]]]]><![CDATA[>";
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out + "]]>";
}

std::string_view compareOperator(CompareOp op, bool negated) {
  switch (op) {
  case CompareOp::Eq:
    return negated ? "NotEqual" : "Equal";
  case CompareOp::Ne:
    return negated ? "Equal" : "NotEqual";
  case CompareOp::Lt:
    return negated ? "GreaterThanOrEqual" : "LessThan";
  case CompareOp::Le:
    return negated ? "GreaterThan" : "LessThanOrEqual";
  case CompareOp::Gt:
    return negated ? "LessThanOrEqual" : "GreaterThan";
  case CompareOp::Ge:
    return negated ? "LessThan" : "GreaterThanOrEqual";
  }
  return "Equal";
}

std::string_view textOperator(CondKind kind, bool negated) {
  switch (kind) {
  case CondKind::Contains:
    return negated ? "DoesNotContain" : "Contains";
  case CondKind::StartsWith:
    return negated ? "DoesNotBeginWith" : "BeginsWith";
  default:
    return negated ? "DoesNotEndWith" : "EndsWith";
  }
}

/// Writes one filter; `negated` is pushed down to the operators.
class FilterWriter {
public:
  explicit FilterWriter(BuildContext &ctx) : ctx_(ctx), program_(ctx.program()) {}

  void condition(const Condition &condition, bool negated) {
    switch (condition.op) {
    case Condition::Op::Leaf:
      return leaf(condition.leaf, negated, 0);
    case Condition::Op::Audience:
      return audience(condition.audience, negated, 0);
    case Condition::Op::Not:
      return this->condition(condition.operands.front(), !negated);
    case Condition::Op::And:
    case Condition::Op::Or: {
      bool isAnd = (condition.op == Condition::Op::And) != negated;
      open(isAnd);
      for (const Condition &operand : condition.operands)
        this->condition(operand, negated);
      close();
      return;
    }
    }
  }

  void exclude(sema::AssetRef asset) { audience(asset, true, 0); }
  void consent(sema::Channel channel) {
    sema::Cond cond;
    cond.kind = CondKind::Consent;
    cond.channel = channel;
    field(cond, false);
  }

  void open(bool isAnd) {
    out_ += std::string("<ConditionSet Operator=\"") + (isAnd ? "AND" : "OR") +
            "\" ConditionSetName=\"Individual Filter Grouping\">";
  }
  void close() { out_ += "</ConditionSet>"; }
  std::string take() { return "<FilterDefinition>" + out_ + "</FilterDefinition>"; }

private:
  void test(std::string_view column, std::string_view op, std::string_view value) {
    out_ += "<Condition Key=\"" + escapeAttribute(attributeKey(ctx_, column)) + "\" Operator=\"" +
            std::string(op) + "\"><Value>" + cdata(value) + "</Value></Condition>";
  }

  void membership(sema::AssetRef asset, bool negated) {
    test(membershipColumn(ctx_, asset), negated ? "NotEqual" : "Equal", "true");
  }

  void audience(sema::AssetRef asset, bool negated, int depth) {
    if (asset.kind == sema::AssetKind::Segment)
      return leaf(program_.segments[asset.index].where, negated, depth + 1);
    membership(asset, negated);
  }

  void leaf(sema::CondId id, bool negated, int depth) {
    const sema::Cond &cond = program_.cond(id);
    switch (cond.kind) {
    case CondKind::And:
    case CondKind::Or:
      open((cond.kind == CondKind::And) != negated);
      for (sema::CondId child : cond.children)
        leaf(child, negated, depth);
      return close();
    case CondKind::Not:
      return leaf(cond.children.front(), !negated, depth);
    case CondKind::True:
    case CondKind::False:
      return open((cond.kind == CondKind::True) != negated), close();
    case CondKind::Flag:
      return flag(id, negated);
    case CondKind::InSegment:
      if (depth > 16) // sema rejects cyclic segments; this only bounds the walk
        return;
      return audience(sema::AssetRef{sema::AssetKind::Segment, cond.segment.value}, negated, depth);
    case CondKind::InList:
      return membership(sema::AssetRef{sema::AssetKind::List, cond.list.value}, negated);
    case CondKind::HasTag:
      return membership(sema::AssetRef{sema::AssetKind::Tag, cond.tag.value}, negated);
    default:
      return field(cond, negated);
    }
  }

  void flag(sema::CondId id, bool negated) {
    FlagResolver::Resolved resolved = ctx_.flags().resolve(id);
    if (resolved.constant)
      return open(*resolved.constant != negated), close();
    condition(resolved.condition, negated);
  }

  void field(const sema::Cond &cond, bool negated) {
    if (cond.kind == CondKind::Consent) {
      const sema::Consent *consent = program_.consent(cond.channel);
      std::string column = consent ? ctx_.fieldName(consent->field) : "consent_missing";
      return test(column, negated ? "NotEqual" : "Equal", "true");
    }
    std::string column = ctx_.fieldName(cond.field);
    switch (cond.kind) {
    case CondKind::Compare:
      return test(column, compareOperator(cond.op, negated), valueText(cond.values.front()));
    case CondKind::InValues: // any of the values; `not in`: none of them
      open(negated);
      for (const sema::Value &value : cond.values)
        test(column, negated ? "NotEqual" : "Equal", valueText(value));
      return close();
    case CondKind::IsSet:
      return test(column, negated ? "IsNull" : "IsNotNull", "");
    case CondKind::IsEmpty:
      return test(column, negated ? "IsNotNull" : "IsNull", "");
    default:
      return test(column, textOperator(cond.kind, negated), valueText(cond.values.front()));
    }
  }

  BuildContext &ctx_;
  const sema::Program &program_;
  std::string out_;
};

} // namespace

std::string guardXml(BuildContext &ctx, const std::vector<sema::AssetRef> &excluded,
                     std::optional<sema::Channel> consent) {
  FilterWriter writer(ctx);
  writer.open(true);
  for (sema::AssetRef asset : excluded)
    writer.exclude(asset);
  if (consent)
    writer.consent(*consent);
  writer.close();
  return writer.take();
}

std::string neverXml() {
  return "<FilterDefinition><ConditionSet Operator=\"OR\" ConditionSetName=\"Individual Filter "
         "Grouping\"></ConditionSet></FilterDefinition>";
}

std::string filterXml(BuildContext &ctx, const Condition &condition) {
  FilterWriter writer(ctx);
  writer.open(true);
  writer.condition(condition, false);
  writer.close();
  return writer.take();
}

std::string filterXmlAll(BuildContext &ctx, const std::vector<Condition> &conditions) {
  FilterWriter writer(ctx);
  writer.open(true);
  for (const Condition &condition : conditions)
    writer.condition(condition, false);
  writer.close();
  return writer.take();
}

} // namespace mac::backend::sfmc
