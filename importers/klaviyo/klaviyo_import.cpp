// Klaviyo flows → Flow (see klaviyo_import.h). A flow is `data.attributes`
// with `name` and `definition`: triggers (metrics, lists) become `on`
// lines, `reentry_criteria` `reenroll`, the flow filter `suppress list`
// policies and a `goal`, and the actions (linked by `links.next` /
// `next_if_true` / `next_if_false`) statements: conditional-split →
// if/else, time-delay → wait, send-email / send-sms → send, send-mobile-push
// → send of a `push` declared from the message (Klaviyo keeps no push
// template: its name, title and text are in the action), list-update →
// add to / remove from list (or tag), send-webhook → call, update-profile →
// set, send-internal-alert → notify, a track-event internal-service → emit
// event. The per-trigger copies `mac build` writes of a flow with several
// triggers ("<name> (trigger i of n)", same definition) become one flow with
// every trigger again. Branches that join (several links naming one action, as
// `mac build` writes them) close the `if` there; for tree-shaped flows (each
// branch with its own copy of the rest) the structurer moves identical tails
// back after the `if`. Other action types and conditions are kept as
// `// IMPORT:` comments (MAC9003).
#include "importers/klaviyo/klaviyo_import.h"

#include "importers/ast_make.h"
#include "importers/platforms.h"
#include "importers/same_tail.h"
#include "importers/structurer.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <set>

namespace mac::importer::klaviyo {

namespace {

constexpr const char *kEnrolmentFilter = "enrolment-filter"; ///< what `mac build` calls it

class FlowImporter {
public:
  FlowImporter(ImportContext &ctx, const json &attributes) : ctx_(ctx), attributes_(attributes) {}

  void run() {
    std::string display = text(attributes_, "name");
    const json &definition = attributes_["definition"];
    // `mac build` writes a flow with n triggers as n copies named
    // "<name> (trigger i of n)" that differ only in their trigger: the
    // copies of one definition become one flow again, with every trigger.
    static const std::regex copy(R"(^(.*) \(trigger ([0-9]{1,4}) of [0-9]{1,4}\)$)");
    std::smatch m;
    ImportContext::Continued *merged = nullptr;
    if (display.size() < 1000 && std::regex_match(display, m, copy)) {
      json shared = definition;
      shared.erase("triggers");
      auto [it, fresh] = ctx_.continued().try_emplace("klaviyo:" + m[1].str());
      if (fresh || it->second.definition == shared) {
        merged = &it->second;
        copyNumber_ = std::stoi(m[2].str());
        if (!fresh) { // a further copy: only its trigger is new
          decl_ = merged->flow;
          conditions_.emplace(ctx_, where());
          triggers(definition.value("triggers", json::array()), &merged->triggerNumbers);
          return;
        }
        display = m[1].str();
        merged->definition = std::move(shared);
      }
    }
    decl_ = ctx_.model().flow(display, ctx_.model().unprefixed(display), display);
    if (merged)
      merged->flow = decl_;
    conditions_.emplace(ctx_, where());
    triggers(definition.value("triggers", json::array()),
             merged ? &merged->triggerNumbers : nullptr);
    reentry(definition.value("reentry_criteria", json::object()));
    if (definition.contains("profile_filter") && definition["profile_filter"].is_object())
      flowFilter(definition["profile_filter"]);
    body(definition);
  }

private:
  std::string where() const { return "flows/" + decl_->name.text + ".flow"; }
  void flowNotes(std::vector<std::string> lines) {
    ctx_.model().flowNotes(decl_, std::move(lines));
  }
  void setting(ast::SettingKind kind, ast::Condition *condition = nullptr, int64_t seconds = 0) {
    make::setting(*decl_, kind, condition, seconds);
  }
  void policy(ast::PolicyKind kind, std::string name) {
    make::policy(*decl_, kind, std::move(name));
  }

  // ---- enrolment --------------------------------------------------------------
  /// The triggers; `numbers` (for the copies of one flow) keeps them in the
  /// order of the copies they came from.
  void triggers(const json &list, std::vector<int> *numbers) {
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
        flowNotes(ctx_.keep("/data/attributes/definition/triggers/" + std::to_string(i),
                            "Klaviyo trigger `" + type + "`", "Flow has no such trigger", where()));
        continue;
      }
      if (!numbers) {
        decl_->triggers.push_back(std::move(t));
        continue;
      }
      size_t at =
          std::upper_bound(numbers->begin(), numbers->end(), copyNumber_) - numbers->begin();
      numbers->insert(numbers->begin() + at, copyNumber_);
      decl_->triggers.insert(decl_->triggers.begin() + at, std::move(t));
    }
  }

  /// `{1, alltime}` is once per profile; `{n, unit}` re-entry after n units.
  void reentry(const json &criteria) {
    static const std::map<std::string, int64_t> units = {
        {"hour", 3600}, {"day", 86400}, {"week", 604800}, {"month", 2592000}};
    std::string unit = text(criteria, "unit");
    int64_t duration = criteria.value("duration", 0);
    if (units.count(unit) && duration > 0)
      setting(ast::SettingKind::ReenrollAfter, nullptr, duration * units.at(unit));
  }

  /// The flow filter, which Klaviyo checks at entry and before every action:
  /// a group that only excludes one list or segment is `suppress list`; the
  /// other groups are `not G` for the flow's goal G (how `mac build` writes
  /// both).
  void flowFilter(const json &filter) {
    std::string pointer = "/data/attributes/definition/profile_filter";
    json rest = json::array();
    for (const json &group : filter.value("condition_groups", json::array())) {
      const json &conditions = group.value("conditions", json::array());
      const json &only = conditions.size() == 1 ? conditions[0] : json();
      if (text(only, "type") == "profile-group-membership" && !only.value("is_member", true) &&
          only.value("group_ids", json::array()).size() == 1 && only["group_ids"][0].is_string()) {
        ast::Condition *in = conditions_->membership(only["group_ids"][0].get<std::string>());
        policy(ast::PolicyKind::SuppressList, in->name.text);
        continue;
      }
      rest.push_back(group);
    }
    if (rest.empty())
      return;
    std::vector<std::string> notes;
    ast::Condition *goal =
        conditions_->filter(json{{"condition_groups", rest}}, pointer, notes, true);
    flowNotes(std::move(notes));
    if (!goal)
      return;
    ctx_.approximated(pointer, "the flow filter",
                      "imported as the `goal` it is the opposite of (the contact leaves when it "
                      "stops holding); Klaviyo also checks it at entry");
    setting(ast::SettingKind::Goal, goal);
  }

  // ---- actions ----------------------------------------------------------------
  std::string pointer(const std::string &id) const {
    return "/data/attributes/definition/actions/" + std::to_string(index_.at(id));
  }
  const json &action(const std::string &id) const {
    return attributes_["definition"]["actions"][index_.at(id)];
  }
  std::string next(const std::string &id, const char *link) const {
    return text(action(id).value("links", json::object()), link);
  }
  bool isSend(const std::string &id) const {
    std::string type = text(action(id), "type");
    return type == "send-email" || type == "send-sms" || type == "send-mobile-push";
  }

  /// The links of `id` in order (both sides of a split, or `next`).
  std::vector<std::string> links(const std::string &id) const {
    if (text(action(id), "type") == "conditional-split")
      return {next(id, "next_if_true"), next(id, "next_if_false")};
    return {next(id, "next")};
  }

  /// True when the actions from `a` on and from `b` on do the same, ids
  /// aside (importers/same_tail.h).
  bool sameTail(const std::string &a, const std::string &b) const {
    return importer::sameTail(
        a, b, [&](const std::string &id) { return index_.count(id) > 0; },
        [&](const std::string &x, const std::string &y, StepPairs &next) {
          const json &ax = action(x), &ay = action(y);
          if (ax.value("type", json()) != ay.value("type", json()) ||
              ax.value("data", json()) != ay.value("data", json()))
            return false;
          std::vector<std::string> nx = links(x), ny = links(y);
          for (size_t i = 0; i < nx.size(); ++i)
            next.emplace_back(nx[i], ny[i]);
          return true;
        });
  }

  /// The audience of a safe-mode split `mac build` puts before a send: a
  /// split on membership of one group whose true side is the send and then
  /// what its false side does. "" when `id` is not one.
  std::string safeModeAudience(const std::string &id) const {
    const json &a = action(id);
    if (text(a, "type") != "conditional-split")
      return {};
    const json &groups = a.value("data", json::object())
                             .value("profile_filter", json::object())
                             .value("condition_groups", json::array());
    const json &only =
        groups.size() == 1 && groups[0].value("conditions", json::array()).size() == 1
            ? groups[0]["conditions"][0]
            : json();
    if (text(only, "type") != "profile-group-membership" || !only.value("is_member", false) ||
        only.value("group_ids", json::array()).size() != 1 || !only["group_ids"][0].is_string())
      return {};
    std::string send = next(id, "next_if_true");
    if (!index_.count(send) || !isSend(send) ||
        !sameTail(next(send, "next"), next(id, "next_if_false")))
      return {};
    return only["group_ids"][0].get<std::string>();
  }

  /// Undoes the safe-mode splits: outside production, when every send of the
  /// flow is behind a split on the same audience, that audience is the
  /// environment's `safe_mode` and each split is replaced by its send.
  void removeSafeModeSplits() {
    if (ctx_.model().env() == "prod")
      return;
    std::map<std::string, std::string> guards; // split → send
    std::string audience;
    size_t sends = 0;
    for (const auto &[id, i] : index_) {
      if (isSend(id))
        ++sends;
      std::string group = safeModeAudience(id);
      if (group.empty())
        continue;
      if (!audience.empty() && group != audience)
        return;
      audience = group;
      guards[id] = next(id, "next_if_true");
    }
    if (guards.empty() || guards.size() != sends)
      return;
    ctx_.model().setSafeMode(conditions_->membership(audience)->name.text);
    alias_ = std::move(guards);
  }

  std::string resolve(std::string id) const {
    for (int hops = 0; alias_.count(id) && hops < 8; ++hops)
      id = alias_.at(id);
    return id;
  }

  void body(const json &definition) {
    const json &actions = definition.value("actions", json::array());
    for (size_t i = 0; i < actions.size(); ++i)
      index_[text(actions[i], "temporary_id").empty() ? text(actions[i], "id")
                                                      : text(actions[i], "temporary_id")] = i;
    std::string entry = text(definition, "entry_action_id");
    if (entry == kEnrolmentFilter && index_.count(entry) && next(entry, "next_if_false").empty()) {
      std::vector<std::string> notes;
      const json &pf = action(entry).value("data", json::object()).value("profile_filter", json());
      if (ast::Condition *c =
              pf.is_object()
                  ? conditions_->filter(pf, pointer(entry) + "/data/profile_filter", notes)
                  : nullptr) {
        setting(ast::SettingKind::Require, c);
        entry = next(entry, "next_if_true");
      }
      flowNotes(std::move(notes));
    }
    removeSafeModeSplits();
    Graph g;
    for (const auto &[id, i] : index_) {
      if (alias_.count(id))
        continue;
      GraphNode node;
      if (text(actions[i], "type") == "conditional-split") {
        node.branch = true;
        node.next = {resolve(next(id, "next_if_true")), resolve(next(id, "next_if_false"))};
      } else {
        node.next = {resolve(next(id, "next"))};
      }
      g[id] = std::move(node);
    }
    StructureHooks hooks;
    hooks.step = [this](const std::string &id, Body &body) { step(id, body); };
    hooks.conditions = [this](const std::string &id, Body &body) {
      const json &pf = action(id).value("data", json::object()).value("profile_filter", json());
      ast::Condition *c =
          pf.is_object()
              ? conditions_->filter(pf, pointer(id) + "/data/profile_filter", body.pending)
              : nullptr;
      return c ? std::vector<ast::Condition *>{c} : std::vector<ast::Condition *>{};
    };
    hooks.loop = [this](const std::string &from, const std::string &to) {
      return ctx_.keep(pointer(from), "a Klaviyo link back to `" + to + "`", "Flow has no loops",
                       where());
    };
    decl_->body = structure(ctx_.model(), g, resolve(entry), hooks, decl_);
    for (const std::string &channel : consent_)
      ctx_.model().consentGuard(channel, decl_->name.text);
  }

  void keep(const std::string &id, Body &body, const std::string &what, const std::string &why) {
    for (std::string &line : ctx_.keep(pointer(id), what, why, where()))
      body.pending.push_back(std::move(line));
  }
  void add(Body &body, ast::Statement *stmt) { ctx_.model().append(body, stmt); }

  /// A send's own filters: the consent `mac build` adds for a `require
  /// consent` policy, and SMS quiet hours (the window is the account's).
  void sendPolicies(const std::string &id, const json &message) {
    const json &extra = message.value("additional_filters", json::object());
    for (const json &group : extra.value("condition_groups", json::array()))
      for (const json &c : group.value("conditions", json::array()))
        if (text(c, "type") == "profile-marketing-consent" &&
            c.value("consent", json::object()).value("can_receive_marketing", false)) {
          std::string channel = text(c["consent"], "channel");
          conditions_->condition(c, false); // declares the consent
          consent_.insert(channel);
        }
    if (message.value("sms_quiet_hours_enabled", false) && !quietHours_) {
      quietHours_ = true;
      ctx_.approximated(pointer(id) + "/data/message/sms_quiet_hours_enabled", "SMS quiet hours",
                        "the window is an account setting the flow does not carry; imported as "
                        "21:00..08:00 recipient_local: check it against the account's");
      ast::PolicyStmt p;
      p.kind = ast::PolicyKind::QuietHours;
      p.name = make::name("sms");
      p.startMinute = 21 * 60;
      p.endMinute = 8 * 60;
      p.zone = make::name("recipient_local");
      decl_->policies.push_back(std::move(p));
    }
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
        return add(body, s);
      }
    }
    if (type == "time-delay") {
      static const std::map<std::string, int64_t> units = {
          {"minutes", 60}, {"hours", 3600}, {"days", 86400}, {"weeks", 604800}};
      auto unit = units.find(text(data, "unit"));
      if (unit != units.end() && data.value("value", 0) > 0) {
        ast::Statement *s = make::stmt(arena, ast::StmtKind::Wait);
        s->value = make::duration(data.value("value", 0) * unit->second);
        return add(body, s);
      }
    }
    if (type == "send-email" || type == "send-sms") {
      const json &message = data.value("message", json::object());
      std::string kind = type == "send-email" ? "email" : "sms";
      std::string id2 = text(message, "template_id");
      std::string name = ctx_.model().asset(kind, id2.empty() ? id : id2, text(message, "name"));
      sendPolicies(id, message);
      return add(body, make::stmt(arena, ast::StmtKind::Send, name));
    }
    if (type == "send-mobile-push") {
      // No template: the push is its message's name, title and text.
      const json &message = data.value("message", json::object());
      if (text(message, "name").empty() || !message.contains("body") ||
          !message["body"].is_string() ||
          (message.contains("title") && !message["title"].is_string() &&
           !message["title"].is_null()))
        return keep(id, body, "Klaviyo push", "it has no name, or no text");
      std::optional<std::string> title;
      if (message.contains("title") && message["title"].is_string())
        title = flowText(*conditions_, message["title"].get<std::string>());
      std::string name = ctx_.model().push(
          text(message, "name"), title, flowText(*conditions_, message["body"].get<std::string>()),
          message.contains("transactional") && message["transactional"].is_boolean() &&
              message["transactional"].get<bool>());
      sendPolicies(id, message);
      return add(body, make::stmt(arena, ast::StmtKind::Send, name));
    }
    if (type == "list-update" && !text(data, "list_id").empty()) {
      std::string list = text(data, "list_id");
      bool on = data.value("on_execution", true);
      ast::Condition *in = conditions_->membership(list);
      if (in->kind == ast::CondKind::HasTag)
        return add(body, make::stmt(arena, on ? ast::StmtKind::AddTag : ast::StmtKind::RemoveTag,
                                    in->name.text));
      return add(body,
                 make::stmt(arena, on ? ast::StmtKind::AddToList : ast::StmtKind::RemoveFromList,
                            in->name.text));
    }
    if (type == "send-webhook" || type == "webhook") {
      const json &message = data.contains("message") ? data["message"] : data;
      std::string url = text(message, "url");
      if (url.empty())
        return keep(id, body, "Klaviyo webhook", "it names no URL");
      std::string hook = ctx_.model().asset("webhook", url, "");
      auto &info = ctx_.model().webhook(hook);
      info.url = url;
      static const std::regex secret("^<secret ([A-Za-z0-9_]+)>$");
      const json &headers = message.contains("headers") ? message["headers"] : json::object();
      for (const auto &[header, value] : headers.items()) {
        std::smatch m;
        std::string v = value.is_string() ? value.get<std::string>() : value.dump();
        if (std::regex_match(v, m, secret))
          info.secretHeader = {header, m[1].str()};
      }
      return add(body, make::stmt(arena, ast::StmtKind::Call, hook));
    }
    if (type == "send-internal-alert") {
      const json &message = data.value("message", json::object());
      const json &to = message.value("to_emails", json::array());
      if (to.size() != 1 || !to[0].is_string())
        return keep(id, body, "Klaviyo internal alert",
                    "Flow's `notify` alerts one channel or address");
      std::string channel = to[0].get<std::string>(); // an address, or the unbound channel
      static const std::string unbound = "unbound:alert:";
      if (channel.rfind(unbound, 0) == 0)
        channel = channel.substr(unbound.size());
      ast::Statement *s = make::stmt(arena, ast::StmtKind::Notify);
      s->text = make::str(channel);
      s->message = make::str(flowText(*conditions_, text(message, "subject_line")));
      return add(body, s);
    }
    const json &service = data.value("service_configuration", json::object());
    if (type == "internal-service" && text(service, "service_method_type") == "track-event" &&
        !text(service, "event_key").empty()) {
      ast::Statement *s = make::stmt(arena, ast::StmtKind::Emit);
      s->text = make::str(text(service, "event_key"));
      return add(body, s);
    }
    if (type == "update-profile") {
      const json &operations = data.value("profile_operations", json::array());
      for (const json &op : operations) {
        if (text(op, "operator") != "update" || text(op, "property_key").empty())
          return keep(id, body, "Klaviyo profile update", "Flow sets fields to literal values");
      }
      for (const json &op : operations) {
        std::string field = conditions_->field(text(op, "property_key"));
        std::string kind = text(op, "property_type");
        if (kind == "numeric" || kind == "boolean")
          ctx_.model().fieldType(field, kind == "numeric" ? "number" : "bool");
        ast::Statement *s = make::stmt(arena, ast::StmtKind::Set, field);
        s->value = make::typed(ctx_.model().fieldTypeOf(field), text(op, "property_value"));
        add(body, s);
      }
      if (!operations.empty())
        return;
    }
    keep(id, body, "Klaviyo action `" + type + "`",
         "Flow has no equivalent step (or it was not read)");
  }

  ImportContext &ctx_;
  const json &attributes_;
  ast::FlowDecl *decl_ = nullptr;
  std::optional<Conditions> conditions_;
  std::map<std::string, size_t> index_;
  std::map<std::string, std::string> alias_;
  std::set<std::string> consent_;
  bool quietHours_ = false;
  int copyNumber_ = 0; ///< i of "(trigger i of n)"
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
