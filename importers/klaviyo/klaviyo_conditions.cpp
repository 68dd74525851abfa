// Klaviyo profile filters → conditions (see klaviyo_import.h): the
// conditions `mac build` writes (docs/backends/klaviyo.md): group
// membership (lists, segments, tag lists), marketing consent, and profile
// properties with string, numeric, boolean and existence filters.
#include "importers/ast_make.h"
#include "importers/klaviyo/klaviyo_import.h"

namespace mac::importer::klaviyo {

namespace {

using ast::CompareOp;
using ast::CondKind;

/// `unbound:<kind>:<name>` → name; "" otherwise.
std::string placeholder(const std::string &id, const std::string &kind) {
  std::string head = "unbound:" + kind + ":";
  return id.rfind(head, 0) == 0 ? id.substr(head.size()) : std::string();
}

} // namespace

ast::Condition *Conditions::filter(const json &profileFilter, const std::string &pointer,
                                   std::vector<std::string> &notes, bool negated) {
  ast::Arena &arena = ctx_.arena();
  std::vector<ast::Condition *> groups;
  const json &list = profileFilter.value("condition_groups", json::array());
  for (size_t g = 0; g < list.size(); ++g) {
    std::vector<ast::Condition *> any;
    const json &conditions = list[g].value("conditions", json::array());
    for (size_t c = 0; c < conditions.size(); ++c) {
      ast::Condition *leaf = condition(conditions[c], negated);
      if (!leaf) {
        for (std::string &line :
             ctx_.keep(pointer + "/condition_groups/" + std::to_string(g) + "/conditions/" +
                           std::to_string(c),
                       "Klaviyo condition `" + text(conditions[c], "type") + "`",
                       "Flow has no such condition (read: group membership, marketing consent, "
                       "profile properties)",
                       where_))
          notes.push_back(std::move(line));
        return nullptr;
      }
      any.push_back(leaf);
    }
    if (!any.empty()) // negated: every opposite holds
      groups.push_back(make::combine(arena, negated ? CondKind::And : CondKind::Or, any));
  }
  if (groups.empty())
    return make::cond(arena, negated ? CondKind::False : CondKind::True);
  return make::combine(arena, negated ? CondKind::Or : CondKind::And, groups);
}

std::string Conditions::field(const std::string &property) {
  static const std::string head = "properties['";
  std::string name = property;
  if (name.rfind(head, 0) == 0 && name.size() > head.size() + 2)
    name = name.substr(head.size(), name.size() - head.size() - 2);
  return ctx_.model().field(name);
}

ast::Condition *Conditions::membership(const std::string &id) {
  ast::Arena &arena = ctx_.arena();
  if (std::string tag = placeholder(id, "tag"); !tag.empty())
    return make::cond(arena, CondKind::HasTag, ctx_.model().tag(id, tag, ""));
  return make::cond(arena, CondKind::InList, ctx_.model().asset("list", id, ""));
}

ast::Condition *Conditions::condition(const json &c, bool negated) {
  ast::Arena &arena = ctx_.arena();
  std::string type = text(c, "type");
  if (type == "profile-group-membership") {
    std::vector<ast::Condition *> any;
    for (const json &id : c.value("group_ids", json::array()))
      if (id.is_string())
        any.push_back(membership(id.get<std::string>()));
    if (any.empty())
      return nullptr;
    ast::Condition *in = make::combine(arena, CondKind::Or, any);
    return c.value("is_member", true) != negated ? in : make::opposite(arena, in);
  }
  if (type == "profile-marketing-consent") {
    const json &consent = c.value("consent", json::object());
    std::string channel = text(consent, "channel");
    if (channel != "email" && channel != "sms" && channel != "push")
      return nullptr;
    std::string field = ctx_.model().field(channel + "_opt_in");
    ctx_.model().fieldType(field, "bool");
    ctx_.model().consent(channel, field);
    ast::Condition *has = make::cond(arena, CondKind::Consent, channel);
    return consent.value("can_receive_marketing", true) != negated ? has : make::negate(arena, has);
  }
  if (type == "profile-property")
    return property(c, negated);
  return nullptr;
}

ast::Condition *Conditions::property(const json &c, bool negated) {
  ast::Arena &arena = ctx_.arena();
  const json &filter = c.value("filter", json::object());
  std::string name = field(text(c, "property"));
  std::string type = text(filter, "type"), op = text(filter, "operator");
  const json &value = filter.contains("value") ? filter["value"] : json();
  ast::Condition *out = nullptr;
  static const std::map<std::string, CompareOp> compares = {
      {"equals", CompareOp::Eq},       {"not-equals", CompareOp::Ne},
      {"less-than", CompareOp::Lt},    {"less-than-or-equal", CompareOp::Le},
      {"greater-than", CompareOp::Gt}, {"greater-than-or-equal", CompareOp::Ge}};
  static const std::map<std::string, CondKind> tests = {{"contains", CondKind::Contains},
                                                        {"starts-with", CondKind::StartsWith},
                                                        {"ends-with", CondKind::EndsWith}};
  bool not_ = op.rfind("not-", 0) == 0 && op != "not-equals" && op != "not-set" && op != "not-in";
  std::string base = not_ ? op.substr(4) : op;
  if (type == "existence" && (op == "is-set" || op == "not-set")) {
    out = make::cond(arena, op == "is-set" ? CondKind::IsSet : CondKind::IsEmpty, name);
  } else if (type == "numeric" && compares.count(op) && value.is_number()) {
    ctx_.model().fieldType(name, "number");
    out = make::compare(arena, name, compares.at(op), make::number(value.get<double>()));
  } else if (type == "boolean" && op == "equals" && value.is_boolean()) {
    ctx_.model().fieldType(name, "bool");
    out = make::compare(arena, name, CompareOp::Eq, make::boolean(value.get<bool>()));
  } else if (type == "string" && (op == "equals" || op == "not-equals") && value.is_string()) {
    ctx_.model().enumValue(name, value.get<std::string>());
    out = make::compare(arena, name, compares.at(op), make::string(value.get<std::string>()));
  } else if (type == "string" && (op == "in" || op == "not-in") && value.is_array()) {
    out = make::cond(arena, CondKind::InValues, name);
    for (const json &v : value)
      if (v.is_string()) {
        ctx_.model().enumValue(name, v.get<std::string>());
        out->values.push_back(make::string(v.get<std::string>()));
      }
    if (out->values.empty())
      return nullptr;
    if (op == "not-in")
      out = make::negate(arena, out);
  } else if (type == "string" && tests.count(base) && value.is_string()) {
    out = make::cond(arena, tests.at(base), name);
    out->values.push_back(make::string(value.get<std::string>()));
    if (not_)
      out = make::negate(arena, out);
  } else {
    return nullptr;
  }
  return negated ? make::opposite(arena, out) : out;
}

} // namespace mac::importer::klaviyo
