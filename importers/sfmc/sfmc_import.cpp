// SFMC journeys → Flow (see sfmc_import.h).
#include "importers/sfmc/sfmc_import.h"

#include "importers/ast_make.h"
#include "importers/platforms.h"
#include "importers/structurer.h"

#include <set>

namespace mac::importer::sfmc {

namespace {

class JourneyImporter {
public:
  JourneyImporter(ImportContext &ctx, const json &journey, std::string base)
      : ctx_(ctx), journey_(journey), base_(std::move(base)) {}

  void run() {
    std::string display = text(journey_, "name");
    std::string key = text(journey_, "key");
    std::string wanted = ctx_.model().unprefixed(display);
    decl_ = ctx_.model().flow(key.empty() ? text(journey_, "id") : key,
                              wanted.empty() ? key : wanted, display);
    triggers();
    goals();
    body();
  }

private:
  std::string where() const { return "flows/" + decl_->name.text + ".flow"; }

  void flowNotes(std::vector<std::string> lines) {
    for (std::string &line : lines)
      ctx_.model().flowNote(decl_, std::move(line));
  }

  void triggers() {
    const json &list = journey_.value("triggers", json::array());
    for (size_t i = 0; i < list.size(); ++i) {
      const json &t = list[i];
      std::string type = text(t, "type");
      std::string pointer = base_ + "/triggers/" + std::to_string(i);
      std::string event = text(t.value("metaData", json::object()), "eventDefinitionKey");
      if (type == "APIEvent" && !event.empty()) {
        ast::Trigger trigger;
        trigger.kind = ast::TriggerKind::Event;
        trigger.text = make::str(event);
        decl_->triggers.push_back(std::move(trigger));
        continue;
      }
      flowNotes(ctx_.keep(pointer,
                          "SFMC entry source `" + type + "`" +
                              (event.empty() ? "" : " (event `" + event + "`)"),
                          "Flow triggers on events, forms, tags, lists, fields and schedules; "
                          "write the matching `on …` line",
                          where()));
    }
    if (list.empty())
      flowNotes(ctx_.keep(base_, "SFMC journey without an entry source", "no trigger could be read",
                          where()));
  }

  void goals() {
    for (const char *kind : {"goals", "exits"}) {
      const json &list = journey_.value(kind, json::array());
      for (size_t i = 0; i < list.size(); ++i)
        flowNotes(
            ctx_.keep(base_ + "/" + kind + "/" + std::to_string(i),
                      std::string("SFMC journey ") + (kind[0] == 'g' ? "goal" : "exit criteria"),
                      "the criteria are not read yet; write a `goal` by hand", where()));
    }
  }

  std::string pointer(const std::string &key) const {
    return base_ + "/activities/" + std::to_string(index_.at(key));
  }
  const json &activity(const std::string &key) const {
    return journey_.at("activities").at(index_.at(key));
  }

  static bool isDecision(const json &a) {
    return text(a, "type") == "MULTICRITERIADECISION" &&
           a.value("outcomes", json::array()).size() >= 2;
  }

  Graph graph() {
    Graph g;
    const json &activities = journey_["activities"];
    for (size_t i = 0; i < activities.size(); ++i)
      index_[text(activities[i], "key")] = i;
    for (const auto &[key, i] : index_) {
      const json &a = activities[i];
      GraphNode node;
      const json &outcomes = a.value("outcomes", json::array());
      if (isDecision(a)) {
        node.branch = true;
        std::string remainder;
        for (const json &o : outcomes)
          if (text(o, "key") == "remainder_path")
            remainder = text(o, "next");
          else
            node.next.push_back(text(o, "next"));
        node.next.push_back(remainder);
      } else if (!outcomes.empty()) {
        node.next.push_back(text(outcomes[0], "next"));
      }
      g[key] = std::move(node);
    }
    return g;
  }

  /// The activity that starts the journey: the one no outcome leads to
  /// (the first in order when several are).
  std::string entry() const {
    std::set<std::string> targets;
    for (const json &a : journey_["activities"])
      for (const json &o : a.value("outcomes", json::array()))
        targets.insert(text(o, "next"));
    for (const json &a : journey_["activities"])
      if (!targets.count(text(a, "key")))
        return text(a, "key");
    return {};
  }

  void body() {
    const json *activities = journey_.contains("activities") ? &journey_["activities"] : nullptr;
    if (!activities || !activities->is_array()) {
      ctx_.shape(base_ + "/activities", "an SFMC journey has an `activities` array");
      return;
    }
    Graph g = graph();
    StructureHooks hooks;
    hooks.step = [this](const std::string &key, Body &body) { step(key, body); };
    hooks.conditions = [this](const std::string &key, Body &body) {
      std::vector<ast::Condition *> out;
      const json &a = activity(key);
      const json &criteria =
          a.value("configurationArguments", json::object()).value("criteria", json::object());
      for (const json &o : a.value("outcomes", json::array())) {
        std::string path = text(o, "key");
        if (path == "remainder_path")
          continue;
        ast::Condition *c = nullptr;
        if (criteria.contains(path) && criteria[path].is_string())
          c = sfmc::criteria(ctx_, criteria[path].get<std::string>());
        if (!c) {
          for (std::string &line :
               ctx_.keep(pointer(key), "SFMC decision `" + text(a, "name") + "`",
                         "its criteria for `" + path +
                             "` have no Flow condition; the steps "
                             "after it are not imported",
                         where()))
            body.pending.push_back(std::move(line));
          return std::vector<ast::Condition *>{};
        }
        out.push_back(c);
      }
      return out;
    };
    hooks.loop = [this](const std::string &from, const std::string &to) {
      return ctx_.keep(pointer(from), "an SFMC outcome that loops back to `" + to + "`",
                       "Flow has no loops", where());
    };
    decl_->body = structure(ctx_.model(), g, entry(), hooks, decl_);
  }

  void add(Body &body, ast::Statement *stmt) { ctx_.model().append(body, stmt); }
  void keep(const std::string &key, Body &body, const std::string &what, const std::string &why) {
    for (std::string &line : ctx_.keep(pointer(key), what, why, where()))
      body.pending.push_back(std::move(line));
  }

  void update(const std::string &key, const json &a, Body &body) {
    const json &fields = a.value("arguments", json::object())
                             .value("activityData", json::object())
                             .value("updateContactFields", json::array());
    if (fields.empty())
      return keep(key, body, "SFMC contact update `" + text(a, "name") + "`",
                  "it updates no field this importer can read");
    ast::Arena &arena = ctx_.arena();
    for (const json &f : fields) {
      std::string col = text(f, "field"), value = text(f, "value");
      std::string name = column(ctx_, col);
      bool flag = value == "true" || value == "false";
      if (col.rfind("tag_", 0) == 0 && flag) {
        add(body,
            make::stmt(arena, value == "true" ? ast::StmtKind::AddTag : ast::StmtKind::RemoveTag,
                       name));
      } else if (col.rfind("list_", 0) == 0 && flag) {
        add(body,
            make::stmt(arena,
                       value == "true" ? ast::StmtKind::AddToList : ast::StmtKind::RemoveFromList,
                       name));
      } else {
        if (flag)
          ctx_.model().fieldType(name, "bool");
        ast::Statement *s = make::stmt(arena, ast::StmtKind::Set, name);
        s->value = make::typed(ctx_.model().fieldTypeOf(name), value);
        add(body, s);
      }
    }
  }

  void step(const std::string &key, Body &body) {
    ast::Arena &arena = ctx_.arena();
    const json &a = activity(key);
    std::string type = text(a, "type"), name = text(a, "name");
    const json &config = a.value("configurationArguments", json::object());
    if (type == "EMAILV2") {
      const json &send = config.value("triggeredSend", json::object());
      std::string id = text(send, "emailId");
      if (id.empty())
        id = text(config, "triggeredSendKey");
      if (id.empty())
        id = key;
      std::string display = !name.empty() ? name : text(send, "description");
      return add(body,
                 make::stmt(arena, ast::StmtKind::Send, ctx_.model().asset("email", id, display)));
    }
    if (type == "SMSSYNC") {
      std::string id = text(config, "messageId");
      return add(body, make::stmt(arena, ast::StmtKind::Send,
                                  ctx_.model().asset("sms", id.empty() ? key : id, name)));
    }
    if (type == "WAIT") {
      static const std::map<std::string, int64_t> units = {
          {"MINUTES", 60}, {"HOURS", 3600}, {"DAYS", 86400}, {"WEEKS", 604800}};
      std::string unit = text(config, "waitUnit");
      int64_t amount = config.value("waitDuration", 0);
      if (!units.count(unit) || amount <= 0 || config.contains("specifiedTime"))
        return keep(key, body, "SFMC wait `" + name + "`",
                    "only a plain wait by duration is a Flow `wait`");
      ast::Statement *s = make::stmt(arena, ast::StmtKind::Wait);
      s->value = make::duration(amount * units.at(unit));
      return add(body, s);
    }
    if (type == "UPDATECONTACTDATA")
      return update(key, a, body);
    if (type == "REST") {
      const json &execute = a.value("arguments", json::object()).value("execute", json::object());
      std::string url = text(execute, "url");
      if (url.empty())
        return keep(key, body, "SFMC REST activity `" + name + "`", "it names no URL");
      std::string hook = ctx_.model().asset("webhook", url, "");
      auto &info = ctx_.model().webhook(hook);
      info.url = url;
      if (!text(execute, "verb").empty())
        info.method = text(execute, "verb");
      return add(body, make::stmt(arena, ast::StmtKind::Call, hook));
    }
    keep(key, body, "SFMC activity `" + type + "`" + (name.empty() ? "" : " `" + name + "`"),
         "Flow has no equivalent step");
  }

  ImportContext &ctx_;
  const json &journey_;
  std::string base_;
  ast::FlowDecl *decl_ = nullptr;
  std::map<std::string, size_t> index_;
};

bool isJourney(const json &value) { return value.is_object() && value.contains("activities"); }

} // namespace

std::vector<std::string> flowNames(const json &value) {
  std::vector<std::string> names;
  if (isJourney(value))
    names.push_back(text(value, "name"));
  else if (value.is_object() && value.contains("items") && value["items"].is_array())
    for (const json &item : value["items"])
      if (isJourney(item))
        names.push_back(text(item, "name"));
  return names;
}

void importFile(ImportContext &ctx, const JsonFile &file) {
  const json &value = file.value;
  if (isJourney(value))
    return JourneyImporter(ctx, value, "").run();
  if (value.is_object() && value.contains("items") && value["items"].is_array()) {
    size_t journeys = 0;
    for (size_t i = 0; i < value["items"].size(); ++i)
      if (isJourney(value["items"][i])) {
        JourneyImporter(ctx, value["items"][i], "/items/" + std::to_string(i)).run();
        ++journeys;
      }
    if (journeys > 0)
      return;
  }
  ctx.shape("", "an SFMC journey (GET /interaction/v1/interactions/{id}) has `activities`");
}

} // namespace mac::importer::sfmc
