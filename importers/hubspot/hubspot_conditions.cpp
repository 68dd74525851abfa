// HubSpot filter branches as Flow conditions (see hubspot_import.h): the
// inverse of backends/hubspot/hubspot_filters.cpp. Property filters become
// comparisons on fields (their operation type gives the field's type), a
// `mac_tag_*` property is a tag, a consent opt-in property (named like
// `email_opt_in` / `sms_opt_in`) is `consent CHANNEL`, IN_LIST is
// `in list`, CONSTANT is `true` / `false`.
#include "importers/ast_make.h"
#include "importers/hubspot/hubspot_import.h"

#include <map>
#include <regex>
#include <set>

namespace mac::importer::hubspot {

namespace {

using ast::CompareOp;
using ast::CondKind;

std::optional<CompareOp> compareOp(const std::string &op) {
  static const std::map<std::string, CompareOp> ops = {
      {"IS_EQUAL_TO", CompareOp::Eq},     {"IS_NOT_EQUAL_TO", CompareOp::Ne},
      {"IS_LESS_THAN", CompareOp::Lt},    {"IS_LESS_THAN_OR_EQUAL_TO", CompareOp::Le},
      {"IS_GREATER_THAN", CompareOp::Gt}, {"IS_GREATER_THAN_OR_EQUAL_TO", CompareOp::Ge}};
  auto found = ops.find(op);
  return found == ops.end() ? std::nullopt : std::optional<CompareOp>(found->second);
}

/// The channel of a consent opt-in property (`email_opt_in`, `sms_optin`, …).
std::string consentChannel(const std::string &property) {
  static const std::regex optIn("^(email|sms|push)_?(opt_?in|consent)$");
  std::smatch match;
  return std::regex_match(property, match, optIn) ? match[1].str() : std::string();
}

std::string valueText(const json &value) {
  if (value.is_string())
    return value.get<std::string>();
  if (value.is_boolean())
    return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer())
    return std::to_string(value.get<int64_t>());
  return value.dump();
}

} // namespace

std::string placeholder(const std::string &value, const std::string &kind) {
  std::string head = "${" + kind + ":";
  if (value.rfind(head, 0) == 0 && value.size() > head.size() && value.back() == '}')
    return value.substr(head.size(), value.size() - head.size() - 1);
  return {};
}

std::string Conditions::tagOf(const std::string &property) {
  if (property.rfind("mac_tag_", 0) != 0 || property.size() <= 8)
    return {};
  return ctx_.model().tag(property, property.substr(8), "");
}

std::string Conditions::field(const std::string &property) {
  std::string name = ctx_.model().field(property);
  std::string channel = consentChannel(property);
  if (!channel.empty()) {
    ctx_.model().consent(channel, name);
    ctx_.model().fieldType(name, "bool");
  }
  return name;
}

ast::Condition *Conditions::branch(const json &branch, const std::string &pointer,
                                   std::vector<std::string> &notes) {
  ast::Arena &arena = ctx_.arena();
  if (!branch.is_object()) {
    ctx_.shape(pointer, "a filter branch (an object)");
    return nullptr;
  }
  std::string type = text(branch, "filterBranchType");
  std::vector<ast::Condition *> parts;
  if (branch.contains("filters") && branch["filters"].is_array())
    for (size_t i = 0; i < branch["filters"].size(); ++i) {
      ast::Condition *c =
          filter(branch["filters"][i], pointer + "/filters/" + std::to_string(i), notes);
      if (!c)
        return nullptr;
      parts.push_back(c);
    }
  if (branch.contains("filterBranches") && branch["filterBranches"].is_array())
    for (size_t i = 0; i < branch["filterBranches"].size(); ++i) {
      ast::Condition *c = this->branch(branch["filterBranches"][i],
                                       pointer + "/filterBranches/" + std::to_string(i), notes);
      if (!c)
        return nullptr;
      parts.push_back(c);
    }
  if (parts.empty())
    return make::cond(arena, type == "OR" ? CondKind::False : CondKind::True);
  return make::combine(arena, type == "OR" ? CondKind::Or : CondKind::And, std::move(parts));
}

ast::Condition *Conditions::filter(const json &filter, const std::string &pointer,
                                   std::vector<std::string> &notes) {
  ast::Arena &arena = ctx_.arena();
  std::string type = text(filter, "filterType");
  if (type == "CONSTANT")
    return make::cond(arena,
                      filter.value("shouldAccept", false) ? CondKind::True : CondKind::False);
  if (type == "IN_LIST") {
    std::string list = ctx_.model().asset("list", text(filter, "listId"), "");
    ast::Condition *c = make::cond(arena, CondKind::InList, list);
    return text(filter, "operator") == "NOT_IN_LIST" ? make::negate(arena, c) : c;
  }
  if (type == "PROPERTY")
    if (ast::Condition *c = propertyFilter(filter, pointer, notes))
      return c;
  if (notes.empty())
    notes = ctx_.keep(pointer, "HubSpot filter `" + (type.empty() ? "?" : type) + "`",
                      "Flow conditions have no equivalent", "the flow");
  return nullptr;
}

ast::Condition *Conditions::propertyFilter(const json &filter, const std::string &pointer,
                                           std::vector<std::string> &notes) {
  ast::Arena &arena = ctx_.arena();
  std::string property = text(filter, "property");
  const json &op = filter.contains("operation") ? filter["operation"] : json();
  std::string opType = text(op, "operationType"), oper = text(op, "operator");
  if (property.empty() || oper.empty())
    return nullptr;
  bool negative =
      oper.find("NOT") != std::string::npos || oper == "IS_NONE_OF" || oper == "IS_UNKNOWN";
  auto maybeNot = [&](ast::Condition *c) { return negative ? make::negate(arena, c) : c; };
  if (opType == "BOOL" && (oper == "IS_EQUAL_TO" || oper == "IS_NOT_EQUAL_TO") &&
      op.contains("value") && op["value"] == true) {
    if (std::string tag = tagOf(property); !tag.empty())
      return maybeNot(make::cond(arena, CondKind::HasTag, tag));
    std::string channel = consentChannel(property);
    if (!channel.empty()) {
      field(property);
      return maybeNot(make::cond(arena, CondKind::Consent, channel));
    }
  }
  std::string name = field(property);
  if (opType == "ALL_PROPERTY")
    return make::cond(arena, oper == "IS_KNOWN" ? CondKind::IsSet : CondKind::IsEmpty, name);
  std::vector<std::string> values;
  if (op.contains("values") && op["values"].is_array())
    for (const json &v : op["values"])
      values.push_back(valueText(v));
  else if (op.contains("value"))
    values.push_back(valueText(op["value"]));
  if (values.empty())
    return nullptr;
  if (opType == "NUMBER" || opType == "BOOL") {
    std::optional<CompareOp> cmp = compareOp(oper);
    if (!cmp || values.size() != 1)
      return nullptr;
    std::string fieldType = opType == "NUMBER" ? "number" : "bool";
    ctx_.model().fieldType(name, fieldType);
    return make::compare(arena, name, *cmp, make::typed(fieldType, values.front()));
  }
  if (opType == "ENUMERATION") {
    ctx_.model().fieldType(name, "enum");
    for (const std::string &v : values)
      ctx_.model().enumValue(name, v);
  } else if (opType == "MULTISTRING" || opType == "STRING") {
    ctx_.model().fieldType(name, "text");
  } else {
    return nullptr;
  }
  static const std::map<std::string, CondKind> textTests = {
      {"CONTAINS", CondKind::Contains},      {"DOES_NOT_CONTAIN", CondKind::Contains},
      {"STARTS_WITH", CondKind::StartsWith}, {"DOES_NOT_START_WITH", CondKind::StartsWith},
      {"ENDS_WITH", CondKind::EndsWith},     {"DOES_NOT_END_WITH", CondKind::EndsWith}};
  if (auto test = textTests.find(oper); test != textTests.end() && values.size() == 1) {
    ast::Condition *c = make::cond(arena, test->second, name);
    c->values.push_back(make::string(values.front()));
    return maybeNot(c);
  }
  bool equality = oper == "IS_EQUAL_TO" || oper == "IS_ANY_OF" || oper == "IS_NOT_EQUAL_TO" ||
                  oper == "IS_NONE_OF";
  if (!equality)
    return nullptr;
  if (values.size() == 1)
    return make::compare(arena, name, negative ? CompareOp::Ne : CompareOp::Eq,
                         make::string(values.front()));
  ast::Condition *in = make::cond(arena, CondKind::InValues, name);
  for (const std::string &v : values)
    in->values.push_back(make::string(v));
  return maybeNot(in);
}

std::string untoken(Conditions &conditions, const std::string &text) {
  static const std::regex token(
      R"(\{\{\s*(?:enrolled_object\.)?([A-Za-z0-9_]+)\s*(?:\|default\('([^']*)'\))?\s*\}\})");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), token);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::smatch &m = *it;
    out += text.substr(last, m.position() - last);
    std::string name = m[1].str();
    static const std::set<std::string> builtins = {"unsubscribe_url", "view_in_browser_url",
                                                   "owner_name"};
    if (!builtins.count(name))
      name = conditions.field(name);
    out += "{{" + name + (m[2].matched ? " | default: '" + m[2].str() + "'" : "") + "}}";
    last = m.position() + m.length();
  }
  return out + text.substr(last);
}

} // namespace mac::importer::hubspot
