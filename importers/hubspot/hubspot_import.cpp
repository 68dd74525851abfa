// HubSpot flows and contact properties → Flow (see hubspot_import.h).
#include "importers/hubspot/hubspot_import.h"

#include "importers/ast_make.h"
#include "importers/platforms.h"
#include "importers/structurer.h"

#include <bitset>
#include <regex>

namespace mac::importer::hubspot {

namespace {

constexpr const char *kFormSubmissionEvent = "4-1639801";
constexpr const char *kPropertyChangeEvent = "4-655002";

std::string nextOf(const json &connection) {
  return connection.is_object() ? text(connection, "nextActionId") : std::string();
}

class FlowImporter {
public:
  FlowImporter(ImportContext &ctx, const json &flow) : ctx_(ctx), flow_(flow), conditions_(ctx) {}

  void run() {
    const json &custom = flow_.value("customProperties", json::object());
    std::string display = text(flow_, "name");
    std::string key = text(custom, "mac_flow");
    if (!text(custom, "mac_env").empty())
      ctx_.model().setEnv(text(custom, "mac_env"));
    std::string release = text(custom, "mac_release");
    static const std::regex tag("^(.*)-([0-9]+\\.[0-9]+\\.[0-9]+.*)$");
    std::smatch match;
    if (std::regex_match(release, match, tag))
      ctx_.model().setRelease(match[1].str(), match[2].str());
    std::string wanted = key.empty() ? ctx_.model().unprefixed(display) : key;
    decl_ = ctx_.model().flow(key.empty() ? text(flow_, "id") + display : key, wanted, display);
    enrolment();
    settings();
    policies();
    body();
  }

private:
  // ---- enrolment ------------------------------------------------------------
  void trigger(ast::TriggerKind kind, std::string name, std::optional<std::string> textValue = {},
               std::optional<ast::Literal> value = {}) {
    ast::Trigger t;
    t.kind = kind;
    t.name = make::name(std::move(name));
    if (textValue)
      t.text = make::str(*textValue);
    t.value = std::move(value);
    decl_->triggers.push_back(std::move(t));
  }

  void keepOnFlow(const std::string &pointer, const std::string &what, const std::string &why) {
    for (std::string &line : ctx_.keep(pointer, what, why, "flows/" + decl_->name.text + ".flow"))
      ctx_.model().flowNote(decl_, std::move(line));
  }

  /// The value of filter `property` in an event branch's filters, if any.
  static std::optional<std::string> filterValue(const json &branch, const std::string &property) {
    for (const json &filter : branch.value("filters", json::array()))
      if (text(filter, "property") == property && filter.contains("operation"))
        return text(filter["operation"], "value");
    return std::nullopt;
  }

  void eventTrigger(const json &branch, const std::string &pointer) {
    std::string type = text(branch, "eventTypeId");
    if (type == kFormSubmissionEvent) {
      std::string id = filterValue(branch, "hs_form_id").value_or("");
      std::string form = placeholder(id, "form");
      if (form.empty() && !id.empty()) {
        form = id;
        ctx_.model().bind("form", id, id);
      }
      return trigger(ast::TriggerKind::FormSubmitted, "", form);
    }
    if (type == kPropertyChangeEvent) {
      std::optional<std::string> property = filterValue(branch, "hs_name");
      std::optional<std::string> value = filterValue(branch, "hs_value");
      if (!property)
        return keepOnFlow(pointer, "HubSpot property-change trigger", "it names no property");
      if (std::string tag = conditions_.tagOf(*property); !tag.empty() && value == "true")
        return trigger(ast::TriggerKind::TagAdded, tag);
      std::string field = conditions_.field(*property);
      std::optional<ast::Literal> to;
      if (value)
        valueSeen(field, *value);
      if (value)
        to = make::typed(ctx_.model().fieldTypeOf(field), *value);
      return trigger(ast::TriggerKind::FieldChanged, field, std::nullopt, to);
    }
    std::string event = placeholder(type, "event");
    if (event.empty())
      event = type;
    if (!branch.value("filters", json::array()).empty())
      ctx_.approximated(pointer, "an event trigger with filters",
                        "Flow's `on event` has no filters; they are left out");
    trigger(ast::TriggerKind::Event, "", event);
  }

  void enrolment() {
    const json *criteria = ctx_.at("/enrollmentCriteria");
    if (!criteria || !criteria->is_object())
      return keepOnFlow("", "HubSpot flow without `enrollmentCriteria`",
                        "no trigger could be read; contacts are enrolled by hand");
    std::string type = text(*criteria, "type");
    if (type == "LIST_BASED") {
      const json *schedule = ctx_.at("/enrollmentSchedule");
      if (schedule && text(*schedule, "type") == "DAILY" && schedule->contains("timeOfDay")) {
        const json &time = (*schedule)["timeOfDay"];
        trigger(ast::TriggerKind::Schedule, "", std::nullopt,
                make::clock(time.value("hour", 0) * 60 + time.value("minute", 0)));
      } else {
        keepOnFlow("/enrollmentCriteria", "HubSpot list-based enrolment",
                   "Flow triggers on events; the list filter is kept as `require`");
      }
      if (criteria->contains("listFilterBranch"))
        require((*criteria)["listFilterBranch"], "/enrollmentCriteria/listFilterBranch");
      reenroll(*criteria);
      return;
    }
    const json &events = criteria->value("eventFilterBranches", json::array());
    for (size_t i = 0; i < events.size(); ++i)
      eventTrigger(events[i], "/enrollmentCriteria/eventFilterBranches/" + std::to_string(i));
    const json &lists = criteria->value("listMembershipFilterBranches", json::array());
    for (size_t i = 0; i < lists.size(); ++i) {
      std::string pointer = "/enrollmentCriteria/listMembershipFilterBranches/" + std::to_string(i);
      std::vector<std::string> notes;
      ast::Condition *c = conditions_.branch(lists[i], pointer, notes);
      if (c && c->kind == ast::CondKind::InList)
        trigger(ast::TriggerKind::ListJoined, c->name.text);
      else if (notes.empty())
        keepOnFlow(pointer, "HubSpot list-membership trigger",
                   "only joining one list is a Flow trigger");
      else
        for (std::string &line : notes)
          ctx_.model().flowNote(decl_, std::move(line));
    }
    if (criteria->contains("refinementCriteria"))
      require((*criteria)["refinementCriteria"], "/enrollmentCriteria/refinementCriteria");
    reenroll(*criteria);
  }

  void setting(ast::SettingKind kind, ast::Condition *condition = nullptr, int64_t seconds = 0) {
    make::setting(*decl_, kind, condition, seconds);
  }

  void require(const json &branch, const std::string &pointer) {
    std::vector<std::string> notes;
    ast::Condition *c = conditions_.branch(branch, pointer, notes);
    for (std::string &line : notes)
      ctx_.model().flowNote(decl_, std::move(line));
    if (c && c->kind != ast::CondKind::True)
      setting(ast::SettingKind::Require, c);
  }

  void reenroll(const json &criteria) {
    if (criteria.value("shouldReEnroll", false)) {
      ctx_.approximated("/enrollmentCriteria/shouldReEnroll", "re-enrolment",
                        "HubSpot does not keep the minimum gap; imported as `reenroll after 1d`");
      setting(ast::SettingKind::ReenrollAfter, nullptr, 86400);
    }
  }

  // ---- settings and policies -----------------------------------------------
  void settings() {
    std::string description = text(flow_, "description");
    static const std::regex limit("Enrolment limit ([0-9]+)/(min|hour|day|week)");
    std::smatch match;
    if (std::regex_search(description, match, limit)) {
      static const std::map<std::string, int64_t> units = {
          {"min", 60}, {"hour", 3600}, {"day", 86400}, {"week", 604800}};
      ast::FlowSetting s;
      s.kind = ast::SettingKind::Throttle;
      s.rate = ast::Rate{std::stoll(match[1].str()), units.at(match[2].str()), {}};
      decl_->settings.push_back(std::move(s));
    }
    if (const json *goal = ctx_.at("/goalFilterBranch")) {
      std::vector<std::string> notes;
      ast::Condition *c = conditions_.branch(*goal, "/goalFilterBranch", notes);
      for (std::string &line : notes)
        ctx_.model().flowNote(decl_, std::move(line));
      if (c)
        setting(ast::SettingKind::Goal, c);
    }
  }

  void policy(ast::PolicyKind kind, std::string name) {
    make::policy(*decl_, kind, std::move(name));
  }

  void policies() {
    if (text(flow_, "description").find("Unsubscribed contacts are suppressed") !=
        std::string::npos)
      policy(ast::PolicyKind::SuppressUnsubscribed, "");
    const json &lists = flow_.value("suppressionListIds", json::array());
    for (const json &id : lists)
      policy(ast::PolicyKind::SuppressList,
             ctx_.model().asset("list", id.is_string() ? id.get<std::string>() : id.dump(), ""));
    quietHours();
  }

  void quietHours() {
    const json &windows = flow_.value("timeWindows", json::array());
    if (windows.empty())
      return;
    std::map<std::string, std::bitset<1440>> allowed;
    for (const json &w : windows) {
      auto minute = [&](const char *key) {
        const json &t = w.value(key, json::object());
        return t.value("hour", 0) * 60 + t.value("minute", 0);
      };
      int from = minute("startTime"), to = minute("endTime");
      if (to == 1439)
        to = 1440; // `mac build` ends a window at midnight with 23:59
      for (int m = from; m < to && m < 1440; ++m)
        allowed[text(w, "day")].set(m);
    }
    const std::bitset<1440> &first = allowed.begin()->second;
    bool sameEveryDay = allowed.size() == 7;
    for (const auto &[day, bits] : allowed)
      sameEveryDay = sameEveryDay && bits == first;
    std::bitset<1440> quiet = ~first;
    int start = -1, end = -1, starts = 0;
    for (int m = 0; m < 1440; ++m)
      if (quiet.test(m) && !quiet.test((m + 1439) % 1440))
        start = m, ++starts;
    for (int i = 0; starts == 1 && i < 1440 && end < 0; ++i)
      if (!quiet.test((start + i) % 1440))
        end = (start + i) % 1440;
    if (!sameEveryDay || starts != 1 || end < 0) {
      keepOnFlow("/timeWindows", "HubSpot execution windows",
                 "they differ between days or hold more than one quiet window");
      return;
    }
    ctx_.approximated("/timeWindows", "HubSpot execution windows",
                      "imported as SMS quiet hours in the recipient's time zone; HubSpot holds "
                      "every action, in the account's time zone");
    ast::PolicyStmt p;
    p.kind = ast::PolicyKind::QuietHours;
    p.name = make::name("sms");
    p.startMinute = static_cast<uint32_t>(start);
    p.endMinute = static_cast<uint32_t>(end);
    p.zone = make::name("recipient_local");
    decl_->policies.push_back(std::move(p));
  }

  // ---- actions --------------------------------------------------------------
  void indexActions() {
    const json *actions = ctx_.at("/actions");
    for (size_t i = 0; actions && i < actions->size(); ++i)
      index_[text((*actions)[i], "actionId")] = i;
  }
  const json &action(const std::string &id) const {
    return ctx_.file().value.at("actions").at(index_.at(id));
  }
  std::string pointer(const std::string &id) const {
    return "/actions/" + std::to_string(index_.at(id));
  }
  /// A guard `mac build` put in front of a send: its one arm goes to the send,
  /// the default to what follows it.
  std::string guardedSend(const json &a) const {
    const json &arms = a.value("listBranches", json::array());
    if (text(a, "type") != "LIST_BRANCH" || arms.size() != 1)
      return {};
    std::string send = nextOf(arms[0].value("connection", json()));
    if (!index_.count(send))
      return {};
    std::string after = nextOf(action(send).value("connection", json()));
    std::string otherwise = nextOf(a.value("defaultBranch", json()));
    return otherwise == after ? send : std::string();
  }

  /// Removes the consent and safe-mode guards: every edge into one goes to its send.
  void removeGuards() {
    for (const auto &[id, i] : index_) {
      const json &a = action(id);
      const json &arms = a.value("listBranches", json::array());
      std::string name = arms.size() == 1 ? text(arms[0], "branchName") : "";
      std::string send = guardedSend(a);
      if (send.empty())
        continue;
      if (name.rfind("Consent ", 0) == 0) {
        alias_[id] = send;
        consent_.insert(name.substr(8));
      } else if (name == "Safe mode audience") {
        std::vector<std::string> notes;
        ast::Condition *c = conditions_.branch(arms[0].value("filterBranch", json()),
                                               pointer(id) + "/listBranches/0/filterBranch", notes);
        if (c && c->kind == ast::CondKind::InList) {
          ctx_.model().setSafeMode(c->name.text);
          alias_[id] = send;
        }
      }
    }
    for (const std::string &channel : consent_)
      ctx_.model().consentGuard(channel, decl_->name.text);
  }

  std::string resolve(std::string id) const {
    for (int hops = 0; alias_.count(id) && hops < 8; ++hops)
      id = alias_.at(id);
    return id;
  }

  Graph graph() {
    Graph g;
    for (const auto &[id, i] : index_) {
      if (alias_.count(id))
        continue;
      const json &a = action(id);
      GraphNode node;
      if (text(a, "type") == "LIST_BRANCH") {
        node.branch = true;
        for (const json &arm : a.value("listBranches", json::array()))
          node.next.push_back(resolve(nextOf(arm.value("connection", json()))));
        node.next.push_back(resolve(nextOf(a.value("defaultBranch", json()))));
      } else if (a.contains("connection")) {
        node.next.push_back(resolve(nextOf(a["connection"])));
      }
      g[id] = std::move(node);
    }
    return g;
  }

  void body() {
    const json *actions = ctx_.at("/actions");
    if (!actions || !actions->is_array()) {
      ctx_.shape("/actions", "a HubSpot flow has an `actions` array");
      return;
    }
    indexActions();
    removeGuards();
    Graph g = graph();
    StructureHooks hooks;
    hooks.step = [this](const std::string &id, Body &body) { step(id, body); };
    hooks.conditions = [this](const std::string &id, Body &body) {
      std::vector<ast::Condition *> out;
      const json &arms = action(id).value("listBranches", json::array());
      for (size_t i = 0; i < arms.size(); ++i) {
        std::vector<std::string> notes;
        out.push_back(conditions_.branch(
            arms[i].value("filterBranch", json()),
            pointer(id) + "/listBranches/" + std::to_string(i) + "/filterBranch", notes));
        for (std::string &line : notes)
          body.pending.push_back(std::move(line));
      }
      return out;
    };
    hooks.loop = [this](const std::string &from, const std::string &to) {
      return ctx_.keep(pointer(from), "a HubSpot \"go to action " + to + "\" that loops back",
                       "Flow has no loops; the steps from action " + to +
                           " on are written once, above",
                       "flows/" + decl_->name.text + ".flow");
    };
    std::string start = resolve(text(flow_, "startActionId"));
    decl_->body = structure(ctx_.model(), g, start, hooks, decl_);
  }

  void keepStep(const std::string &id, Body &body, const std::string &what,
                const std::string &why) {
    for (std::string &line :
         ctx_.keep(pointer(id), what, why, "flows/" + decl_->name.text + ".flow"))
      body.pending.push_back(std::move(line));
  }

  void add(Body &body, ast::Statement *stmt) { ctx_.model().append(body, stmt); }
  /// A value the flow stores in `field`: an enum needs it among its values, and
  /// `true` / `false` into a field of unknown type make it a bool.
  void valueSeen(const std::string &field, const std::string &value) {
    ctx_.model().enumValue(field, value);
    if (value == "true" || value == "false")
      ctx_.model().fieldType(field, "bool");
  }

  void step(const std::string &id, Body &body);
  void setProperty(const std::string &id, const json &fields, Body &body);

  ImportContext &ctx_;
  const json &flow_;
  Conditions conditions_;
  ast::FlowDecl *decl_ = nullptr;
  std::map<std::string, size_t> index_;
  std::map<std::string, std::string> alias_;
  std::set<std::string> consent_;
};

void FlowImporter::setProperty(const std::string &id, const json &fields, Body &body) {
  ast::Arena &arena = ctx_.arena();
  std::string property = text(fields, "property_name");
  const json &value = fields.value("value", json::object());
  std::string type = text(value, "type");
  if (type == "STATIC_VALUE") {
    std::string v = text(value, "staticValue");
    if (std::string tag = conditions_.tagOf(property);
        !tag.empty() && (v == "true" || v == "false"))
      return add(
          body,
          make::stmt(arena, v == "true" ? ast::StmtKind::AddTag : ast::StmtKind::RemoveTag, tag));
    if (property == "hubspot_owner_id") {
      ast::Statement *s = make::stmt(arena, ast::StmtKind::AssignOwner, "user");
      std::string owner = placeholder(v, "owner");
      s->text = make::str(owner.empty() ? v : owner);
      return add(body, s);
    }
    std::string field = conditions_.field(property);
    valueSeen(field, v);
    ast::Statement *s = make::stmt(arena, ast::StmtKind::Set, field);
    s->value = make::typed(ctx_.model().fieldTypeOf(field), v);
    return add(body, s);
  }
  if (type == "INCREMENT") {
    std::string field = conditions_.field(property);
    ctx_.model().fieldType(field, "number");
    ast::Statement *s = make::stmt(arena, ast::StmtKind::Increment, field);
    s->value = make::number(value.value("incrementAmount", 0.0));
    return add(body, s);
  }
  keepStep(id, body, "HubSpot property update of type `" + type + "`",
           "Flow sets fields to literal values only");
}

void FlowImporter::step(const std::string &id, Body &body) {
  ast::Arena &arena = ctx_.arena();
  const json &a = action(id);
  const json &fields = a.value("fields", json::object());
  std::string type = text(a, "type"), typeId = text(a, "actionTypeId");
  if (type == "WEBHOOK") {
    std::string url = text(a, "webhookUrl");
    std::string name = ctx_.model().asset("webhook", url, "");
    auto &info = ctx_.model().webhook(name);
    info.method = text(a, "method").empty() ? "POST" : text(a, "method");
    info.url = url;
    if (a.contains("authSettings") && text(a["authSettings"], "location") == "HEADER")
      info.secretHeader = {text(a["authSettings"], "name"), text(a["authSettings"], "secretName")};
    return add(body, make::stmt(arena, ast::StmtKind::Call, name));
  }
  if (type != "SINGLE_CONNECTION")
    return keepStep(id, body, "HubSpot action of type `" + type + "`",
                    "Flow has no such step; its branches are not imported");
  if (typeId == "0-1") {
    std::string delta = text(fields, "delta"), unit = text(fields, "time_unit");
    if (fields.contains("time_of_day")) {
      const json &t = fields["time_of_day"];
      if (delta != "0")
        return keepStep(id, body, "HubSpot delay of days until a time of day",
                        "Flow waits a duration or until the next time of day, not both");
      ctx_.approximated(pointer(id), "a delay until a time of day",
                        "`wait until` is recipient-local; HubSpot uses the account's time zone");
      ast::Statement *s = make::stmt(arena, ast::StmtKind::WaitUntil);
      s->value = make::clock(t.value("hour", 0) * 60 + t.value("minute", 0));
      return add(body, s);
    }
    static const std::map<std::string, int64_t> units = {
        {"MINUTES", 60}, {"HOURS", 3600}, {"DAYS", 86400}, {"WEEKS", 604800}};
    auto u = units.find(unit);
    if (u == units.end() || delta.empty())
      return keepStep(id, body, "HubSpot delay", "its unit is not minutes, hours, days or weeks");
    ast::Statement *s = make::stmt(arena, ast::StmtKind::Wait);
    s->value = make::duration(std::stoll(delta) * u->second);
    return add(body, s);
  }
  if (typeId == "0-5")
    return setProperty(id, fields, body);
  if (typeId == "0-4" || typeId == "0-40900952") {
    std::string kind = typeId == "0-4" ? "email" : "sms";
    std::string name = ctx_.model().asset(kind, text(fields, "content_id"), "");
    return add(body, make::stmt(arena, ast::StmtKind::Send, name));
  }
  if (typeId == "0-29") {
    const json &branches = fields.value("event_filter_branches", json::array());
    std::string type = branches.empty() ? "" : text(branches[0], "eventTypeId");
    std::string event = placeholder(type, "event");
    ast::Statement *s = make::stmt(arena, ast::StmtKind::WaitEvent);
    s->text = make::str(event.empty() ? type : event);
    s->value = make::duration(std::stoll("0" + text(fields, "expiration_minutes")) * 60);
    return add(body, s);
  }
  if (typeId == "0-63809083" || typeId == "0-63863438") {
    std::string list = ctx_.model().asset("list", text(fields, "listId"), "");
    return add(body, make::stmt(arena,
                                typeId == "0-63809083" ? ast::StmtKind::AddToList
                                                       : ast::StmtKind::RemoveFromList,
                                list));
  }
  if (typeId == "0-9" || typeId == "0-11") {
    const json &teams = fields.value("team_ids", json::array());
    std::string team =
        teams.empty() ? "" : (teams[0].is_string() ? teams[0].get<std::string>() : teams[0].dump());
    std::string named = placeholder(team, "team");
    ast::Statement *s =
        make::stmt(arena, typeId == "0-9" ? ast::StmtKind::Notify : ast::StmtKind::AssignOwner,
                   typeId == "0-9" ? "" : "round_robin");
    if (typeId == "0-9") {
      s->text = make::str(named.empty() ? team : named);
      s->message = make::str(untoken(conditions_, text(fields, "body")));
    } else {
      s->text = make::str(named.empty() ? team : named);
    }
    return add(body, s);
  }
  keepStep(id, body, "HubSpot action `" + typeId + "`", "Flow has no equivalent step");
}

} // namespace

std::vector<std::string> flowNames(const json &value) {
  if (value.is_object() && value.contains("actions"))
    return {text(value, "name")};
  return {};
}

void importFile(ImportContext &ctx, const JsonFile &file) {
  const json &value = file.value;
  if (!value.is_object()) {
    ctx.shape("", "a HubSpot flow object (GET /automation/v4/flows/{id})");
    return;
  }
  if (value.contains("fieldType") && value.contains("name") && !value.contains("actions")) {
    std::string name = text(value, "name");
    if (name.rfind("mac_tag_", 0) == 0) {
      std::string label = text(value, "label");
      if (label.rfind("Tag: ", 0) == 0)
        label = label.substr(5);
      ctx.model().tag(name, name.substr(8), label);
      return;
    }
    std::string field = ctx.model().field(name, text(value, "label"));
    std::string type = text(value, "type"), fieldType = text(value, "fieldType");
    static const std::map<std::string, std::string> types = {
        {"number", "number"}, {"bool", "bool"},        {"datetime", "datetime"},
        {"date", "date"},     {"enumeration", "enum"}, {"string", "text"}};
    std::string flowType = fieldType == "phonenumber" ? "phone"
                           : types.count(type)        ? types.at(type)
                                                      : "text";
    ctx.model().fieldType(field, flowType);
    if (flowType == "enum")
      for (const json &option : value.value("options", json::array()))
        ctx.model().enumValue(field, text(option, "value"));
    return;
  }
  if (!value.contains("actions")) {
    ctx.shape("", "a HubSpot flow (GET /automation/v4/flows/{id}) has `actions`");
    return;
  }
  FlowImporter(ctx, value).run();
}

} // namespace mac::importer::hubspot
