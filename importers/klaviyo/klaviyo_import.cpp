// Klaviyo flows → Flow. A flow (`GET /api/flows/{id}` with its definition,
// or the `POST /api/flows` body `mac build` writes) is `data.attributes`
// with `name` and `definition`: triggers (metrics, lists) become `on`
// lines, the flow's `profile_filter` a `require`, and the actions (linked by
// `links.next` / `next_if_true` / `next_if_false`) statements:
// conditional-split → if/else, time-delay → wait, send-email / send-sms →
// send, list-update → add to list, webhook → call. Klaviyo flows are trees:
// the structurer moves identical tails back after the `if`. Other action
// types, and conditions other than list membership and marketing consent,
// are kept as `// IMPORT:` comments (MAC9003).
#include "importers/ast_make.h"
#include "importers/platforms.h"
#include "importers/structurer.h"

#include <cctype>

namespace mac::importer::klaviyo {

namespace {

class FlowImporter {
public:
  FlowImporter(ImportContext &ctx, const json &attributes) : ctx_(ctx), attributes_(attributes) {}

  void run() {
    std::string display = text(attributes_, "name");
    decl_ = ctx_.model().flow(display, ctx_.model().unprefixed(display), display);
    const json &definition = attributes_["definition"];
    triggers(definition.value("triggers", json::array()));
    if (definition.contains("profile_filter") && definition["profile_filter"].is_object()) {
      Body ignored;
      if (ast::Condition *c = filter(definition["profile_filter"],
                                     "/data/attributes/definition/profile_filter", ignored)) {
        ast::FlowSetting s;
        s.kind = ast::SettingKind::Require;
        s.condition = c;
        decl_->settings.push_back(std::move(s));
      }
      for (std::string &line : ignored.pending)
        ctx_.model().flowNote(decl_, std::move(line));
    }
    body(definition);
  }

private:
  std::string where() const { return "flows/" + decl_->name.text + ".flow"; }

  void triggers(const json &list) {
    for (size_t i = 0; i < list.size(); ++i) {
      std::string type = text(list[i], "type"), id = text(list[i], "id");
      ast::Trigger t;
      auto named = [&](const std::string &kind) {
        std::string head = "unbound:" + kind + ":";
        return id.rfind(head, 0) == 0 ? id.substr(head.size()) : std::string();
      };
      if (type == "metric" && !named("form").empty()) {
        t.kind = ast::TriggerKind::FormSubmitted;
        t.text = make::str(named("form"));
      } else if (type == "metric") {
        t.kind = ast::TriggerKind::Event;
        std::string event = named("metric");
        if (event.empty())
          ctx_.model().bind("metric", id, id);
        t.text = make::str(event.empty() ? id : event);
      } else if (type == "list" && !named("tag").empty()) {
        t.kind = ast::TriggerKind::TagAdded; // `mac build` keeps tags as Klaviyo lists
        t.name = make::name(ctx_.model().tag(id, named("tag"), ""));
      } else if (type == "list") {
        t.kind = ast::TriggerKind::ListJoined;
        t.name = make::name(ctx_.model().asset("list", id, ""));
      } else {
        for (std::string &line :
             ctx_.keep("/data/attributes/definition/triggers/" + std::to_string(i),
                       "Klaviyo trigger `" + type + "`", "Flow has no such trigger", where()))
          ctx_.model().flowNote(decl_, std::move(line));
        continue;
      }
      decl_->triggers.push_back(std::move(t));
    }
  }

  /// A profile filter (OR of condition groups? Klaviyo: AND of groups, each
  /// an OR of conditions).
  ast::Condition *filter(const json &profileFilter, const std::string &pointer, Body &body) {
    ast::Arena &arena = ctx_.arena();
    std::vector<ast::Condition *> groups;
    const json &list = profileFilter.value("condition_groups", json::array());
    for (size_t g = 0; g < list.size(); ++g) {
      std::vector<ast::Condition *> any;
      const json &conditions = list[g].value("conditions", json::array());
      for (size_t c = 0; c < conditions.size(); ++c) {
        ast::Condition *leaf = condition(conditions[c]);
        if (!leaf) {
          for (std::string &line :
               ctx_.keep(pointer + "/condition_groups/" + std::to_string(g) + "/conditions/" +
                             std::to_string(c),
                         "Klaviyo condition `" + text(conditions[c], "type") + "`",
                         "this importer reads list membership and marketing consent only", where()))
            body.pending.push_back(std::move(line));
          return nullptr;
        }
        any.push_back(leaf);
      }
      if (!any.empty())
        groups.push_back(make::combine(arena, ast::CondKind::Or, any));
    }
    if (groups.empty())
      return make::cond(arena, ast::CondKind::True);
    return make::combine(arena, ast::CondKind::And, groups);
  }

  ast::Condition *condition(const json &c) {
    ast::Arena &arena = ctx_.arena();
    std::string type = text(c, "type");
    if (type == "profile-group-membership") {
      const json &ids = c.value("group_ids", json::array());
      std::vector<ast::Condition *> any;
      for (const json &id : ids)
        any.push_back(make::cond(arena, ast::CondKind::InList,
                                 ctx_.model().asset("list", id.get<std::string>(), "")));
      if (any.empty())
        return nullptr;
      ast::Condition *in = make::combine(arena, ast::CondKind::Or, any);
      return c.value("is_member", true) ? in : make::negate(arena, in);
    }
    if (type == "profile-marketing-consent") {
      std::string channel = text(c.value("consent", json::object()), "channel");
      if (channel != "email" && channel != "sms" && channel != "push")
        return nullptr;
      std::string field = ctx_.model().field(channel + "_opt_in");
      ctx_.model().fieldType(field, "bool");
      ctx_.model().consent(channel, field);
      return make::cond(arena, ast::CondKind::Consent, channel);
    }
    return nullptr;
  }

  std::string pointer(const std::string &id) const {
    return "/data/attributes/definition/actions/" + std::to_string(index_.at(id));
  }
  const json &action(const std::string &id) const {
    return attributes_["definition"]["actions"][index_.at(id)];
  }

  void body(const json &definition) {
    const json &actions = definition.value("actions", json::array());
    Graph g;
    for (size_t i = 0; i < actions.size(); ++i)
      index_[text(actions[i], "temporary_id").empty() ? text(actions[i], "id")
                                                      : text(actions[i], "temporary_id")] = i;
    for (const auto &[id, i] : index_) {
      const json &links = actions[i].value("links", json::object());
      GraphNode node;
      if (text(actions[i], "type") == "conditional-split") {
        node.branch = true;
        node.next = {text(links, "next_if_true"), text(links, "next_if_false")};
      } else {
        node.next = {text(links, "next")};
      }
      g[id] = std::move(node);
    }
    StructureHooks hooks;
    hooks.step = [this](const std::string &id, Body &body) { step(id, body); };
    hooks.conditions = [this](const std::string &id, Body &body) {
      const json &pf = action(id).value("data", json::object()).value("profile_filter", json());
      ast::Condition *c =
          pf.is_object() ? filter(pf, pointer(id) + "/data/profile_filter", body) : nullptr;
      return c ? std::vector<ast::Condition *>{c} : std::vector<ast::Condition *>{};
    };
    hooks.loop = [this](const std::string &from, const std::string &to) {
      return ctx_.keep(pointer(from), "a Klaviyo link back to `" + to + "`", "Flow has no loops",
                       where());
    };
    decl_->body = structure(ctx_.model(), g, text(definition, "entry_action_id"), hooks, decl_);
  }

  void step(const std::string &id, Body &body) {
    ast::Arena &arena = ctx_.arena();
    const json &a = action(id);
    const json &data = a.value("data", json::object());
    std::string type = text(a, "type");
    if (type == "time-delay" && data.contains("delay_until_time") && data.value("value", 0) == 0 &&
        text(data, "timezone") == "profile") {
      std::string clock = text(data, "delay_until_time"); // "09:00:00", the profile's time zone
      if (clock.size() >= 5 && std::isdigit(static_cast<unsigned char>(clock[0]))) {
        ast::Statement *s = make::stmt(arena, ast::StmtKind::WaitUntil);
        s->value = make::clock(std::stoi(clock.substr(0, 2)) * 60 + std::stoi(clock.substr(3, 2)));
        return ctx_.model().append(body, s);
      }
    }
    if (type == "time-delay") {
      static const std::map<std::string, int64_t> units = {
          {"minutes", 60}, {"hours", 3600}, {"days", 86400}, {"weeks", 604800}};
      auto unit = units.find(text(data, "unit"));
      if (unit != units.end() && data.value("value", 0) > 0) {
        ast::Statement *s = make::stmt(arena, ast::StmtKind::Wait);
        s->value = make::duration(data.value("value", 0) * unit->second);
        return ctx_.model().append(body, s);
      }
    }
    if (type == "send-email" || type == "send-sms") {
      const json &message = data.value("message", json::object());
      std::string kind = type == "send-email" ? "email" : "sms";
      std::string id2 = text(message, "template_id");
      std::string name = ctx_.model().asset(kind, id2.empty() ? id : id2, text(message, "name"));
      return ctx_.model().append(body, make::stmt(arena, ast::StmtKind::Send, name));
    }
    if (type == "list-update" && text(data, "list_id").rfind("unbound:tag:", 0) == 0) {
      std::string id2 = text(data, "list_id");
      std::string tag = ctx_.model().tag(id2, id2.substr(12), "");
      return ctx_.model().append(body, make::stmt(arena, ast::StmtKind::AddTag, tag));
    }
    if (type == "list-update" && !text(data, "list_id").empty()) {
      std::string list = ctx_.model().asset("list", text(data, "list_id"), text(data, "name"));
      return ctx_.model().append(body, make::stmt(arena, ast::StmtKind::AddToList, list));
    }
    if (type == "webhook" && !text(data, "url").empty()) {
      std::string hook = ctx_.model().asset("webhook", text(data, "url"), "");
      ctx_.model().webhook(hook).url = text(data, "url");
      return ctx_.model().append(body, make::stmt(arena, ast::StmtKind::Call, hook));
    }
    for (std::string &line : ctx_.keep(pointer(id), "Klaviyo action `" + type + "`",
                                       "Flow has no equivalent step (or it was not read)", where()))
      body.pending.push_back(std::move(line));
  }

  ImportContext &ctx_;
  const json &attributes_;
  ast::FlowDecl *decl_ = nullptr;
  std::map<std::string, size_t> index_;
};

const json *attributesOf(const json &value) {
  if (!value.is_object() || !value.contains("data") || !value["data"].is_object())
    return nullptr;
  const json &data = value["data"];
  if (!data.contains("attributes") || !data["attributes"].is_object())
    return nullptr;
  const json &attributes = data["attributes"];
  return attributes.contains("definition") && attributes["definition"].is_object() ? &attributes
                                                                                   : nullptr;
}

} // namespace

std::vector<std::string> flowNames(const json &value) {
  if (const json *attributes = attributesOf(value))
    return {text(*attributes, "name")};
  return {};
}

void importFile(ImportContext &ctx, const JsonFile &file) {
  const json *attributes = attributesOf(file.value);
  if (!attributes) {
    ctx.shape("/data/attributes/definition",
              "a Klaviyo flow with its definition (GET /api/flows/{id}?additional-fields[flow]="
              "definition) has `data.attributes.definition`");
    return;
  }
  FlowImporter(ctx, *attributes).run();
}

} // namespace mac::importer::klaviyo
