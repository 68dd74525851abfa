// Decision criteria → conditions (see sfmc_import.h). A FilterDefinition is
// nested ConditionSets (Operator AND / OR) of Conditions with a Key (an
// attribute path ending in the column), an Operator and a CDATA value. A
// small scanner reads it; the XML has no other structure that matters here.
#include "importers/ast_make.h"
#include "importers/sfmc/sfmc_import.h"

#include <regex>

namespace mac::importer::sfmc {

namespace {

using ast::CompareOp;
using ast::CondKind;

std::string attribute(const std::string &tag, const std::string &name) {
  std::regex pattern(name + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(tag, m, pattern) ? m[1].str() : std::string();
}

class CriteriaReader {
public:
  CriteriaReader(ImportContext &ctx, const std::string &xml) : ctx_(ctx), xml_(xml) {}

  ast::Condition *read() {
    size_t at = xml_.find("<ConditionSet");
    if (at == std::string::npos)
      return nullptr;
    pos_ = at;
    return set();
  }

private:
  /// The tag starting at pos_ (`<...>`), pos_ moved past it.
  std::string tag() {
    size_t end = xml_.find('>', pos_);
    if (end == std::string::npos)
      return pos_ = xml_.size(), std::string();
    std::string t = xml_.substr(pos_, end - pos_ + 1);
    pos_ = end + 1;
    return t;
  }

  void skipSpace() {
    while (pos_ < xml_.size() && std::isspace(static_cast<unsigned char>(xml_[pos_])))
      ++pos_;
  }

  ast::Condition *set() {
    std::string open = tag();
    std::string op = attribute(open, "Operator");
    std::vector<ast::Condition *> parts;
    while (true) {
      skipSpace();
      if (xml_.compare(pos_, 15, "</ConditionSet>") == 0) {
        pos_ += 15;
        break;
      }
      ast::Condition *c = nullptr;
      if (xml_.compare(pos_, 13, "<ConditionSet") == 0)
        c = set();
      else if (xml_.compare(pos_, 10, "<Condition") == 0)
        c = condition();
      if (!c)
        return nullptr;
      parts.push_back(c);
    }
    if (parts.empty())
      return make::cond(ctx_.arena(), CondKind::True);
    if (ast::Condition *in = values(parts, op == "OR"))
      return in;
    return make::combine(ctx_.arena(), op == "OR" ? CondKind::Or : CondKind::And, parts);
  }

  /// An OR of `F == v` over one text field is `F in [...]` (how `mac build`
  /// writes `in`; Journey Builder has no multi-value operator), an AND of
  /// `F != v` is `not F in [...]`; null otherwise.
  ast::Condition *values(const std::vector<ast::Condition *> &parts, bool isOr) {
    CompareOp op = isOr ? CompareOp::Eq : CompareOp::Ne;
    for (const ast::Condition *c : parts)
      if (c->kind != CondKind::Compare || c->op != op || c->name.text != parts[0]->name.text ||
          c->values.front().kind != ast::LiteralKind::String)
        return nullptr;
    if (parts.size() < 2)
      return nullptr;
    ast::Condition *in = make::cond(ctx_.arena(), CondKind::InValues, parts[0]->name.text);
    for (const ast::Condition *c : parts)
      in->values.push_back(c->values.front());
    return isOr ? in : make::negate(ctx_.arena(), in);
  }

  ast::Condition *condition() {
    std::string open = tag();
    size_t close = xml_.find("</Condition>", pos_);
    if (close == std::string::npos)
      return nullptr;
    std::string inner = xml_.substr(pos_, close - pos_);
    pos_ = close + 12;
    std::smatch m;
    std::string value;
    static const std::regex cdata(R"(<!\[CDATA\[([\s\S]*?)\]\]>)");
    if (std::regex_search(inner, m, cdata))
      value = m[1].str();
    return leaf(attribute(open, "Key"), attribute(open, "Operator"), value);
  }

  ast::Condition *leaf(const std::string &key, const std::string &op, const std::string &value) {
    ast::Arena &arena = ctx_.arena();
    std::string name = column(ctx_, key);
    std::string col = key.substr(key.rfind('.') + 1);
    bool isTrue = value == "true" || value == "True" || value == "1";
    if (col.rfind("tag_", 0) == 0 && (op == "Equal" || op == "NotEqual") && isTrue) {
      ast::Condition *c = make::cond(arena, CondKind::HasTag, name);
      return op == "Equal" ? c : make::negate(arena, c);
    }
    if (col.rfind("list_", 0) == 0 && (op == "Equal" || op == "NotEqual") && isTrue) {
      ast::Condition *c = make::cond(arena, CondKind::InList, name);
      return op == "Equal" ? c : make::negate(arena, c);
    }
    static const std::regex optIn("^(email|sms|push)_?(opt_?in|consent)$");
    std::smatch m;
    if (std::regex_match(col, m, optIn) && (op == "Equal" || op == "NotEqual") && isTrue) {
      ctx_.model().consent(m[1].str(), name);
      ctx_.model().fieldType(name, "bool");
      ast::Condition *c = make::cond(arena, CondKind::Consent, m[1].str());
      return op == "Equal" ? c : make::negate(arena, c);
    }
    if (op == "IsNull")
      return make::cond(arena, CondKind::IsEmpty, name);
    if (op == "IsNotNull")
      return make::cond(arena, CondKind::IsSet, name);
    static const std::map<std::string, CompareOp> compares = {
        {"Equal", CompareOp::Eq},       {"NotEqual", CompareOp::Ne},
        {"LessThan", CompareOp::Lt},    {"LessThanOrEqual", CompareOp::Le},
        {"GreaterThan", CompareOp::Gt}, {"GreaterThanOrEqual", CompareOp::Ge}};
    if (auto c = compares.find(op); c != compares.end()) {
      bool numeric = std::regex_match(value, std::regex("-?[0-9]+(\\.[0-9]+)?"));
      bool ordering = c->second != CompareOp::Eq && c->second != CompareOp::Ne;
      if (numeric && ordering)
        ctx_.model().fieldType(name, "number");
      if (value == "true" || value == "false")
        ctx_.model().fieldType(name, "bool");
      return make::compare(arena, name, c->second,
                           make::typed(ctx_.model().fieldTypeOf(name), value));
    }
    static const std::map<std::string, CondKind> tests = {{"Contains", CondKind::Contains},
                                                          {"BeginsWith", CondKind::StartsWith},
                                                          {"EndsWith", CondKind::EndsWith}};
    if (auto t = tests.find(op); t != tests.end()) {
      ast::Condition *c = make::cond(arena, t->second, name);
      c->values.push_back(make::string(value));
      return c;
    }
    static const std::map<std::string, CondKind> negatedTests = {
        {"DoesNotContain", CondKind::Contains},
        {"DoesNotBeginWith", CondKind::StartsWith},
        {"DoesNotEndWith", CondKind::EndsWith}};
    if (auto t = negatedTests.find(op); t != negatedTests.end()) {
      ast::Condition *c = make::cond(arena, t->second, name);
      c->values.push_back(make::string(value));
      return make::negate(arena, c);
    }
    return nullptr;
  }

  ImportContext &ctx_;
  const std::string &xml_;
  size_t pos_ = 0;
};

} // namespace

std::string column(ImportContext &ctx, const std::string &key) {
  std::string col = key.substr(key.rfind('.') + 1);
  if (col.rfind("tag_", 0) == 0 && col.size() > 4)
    return ctx.model().tag(col, col.substr(4), "");
  if (col.rfind("list_", 0) == 0 && col.size() > 5)
    return ctx.model().asset("list", "unbound:list:" + col.substr(5), "");
  return ctx.model().field(col);
}

ast::Condition *criteria(ImportContext &ctx, const std::string &xml) {
  return CriteriaReader(ctx, xml).read();
}

} // namespace mac::importer::sfmc
