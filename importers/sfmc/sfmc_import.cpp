// SFMC journeys → Flow (see sfmc_import.h).
#include "importers/sfmc/sfmc_import.h"

#include "importers/ast_make.h"
#include "importers/platforms.h"
#include "importers/same_tail.h"
#include "importers/structurer.h"

#include <algorithm>
#include <regex>
#include <set>

namespace mac::importer::sfmc {

namespace {

constexpr const char *kRequireKey = "MULTICRITERIADECISIONV2-require"; ///< `mac build`'s
constexpr const char *kSafeMode = "Safe mode: ";

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
    entryMode();
    goals();
    body();
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

  // ---- entry ------------------------------------------------------------------
  /// The daily time of an automation audience `mac build` wrote ("Fire when:
  /// daily at 09:00" in its entry event definition), or -1.
  int dailyMinute(const std::string &event) const {
    auto found = ctx_.definitions().find(event);
    if (found == ctx_.definitions().end())
      return -1;
    static const std::regex daily("daily at ([01][0-9]|2[0-3]):([0-5][0-9])");
    std::smatch m;
    std::string description = text(found->second, "description");
    if (text(found->second.value("schedule", json::object()), "frequency") != "Daily" ||
        !std::regex_search(description, m, daily))
      return -1;
    return std::stoi(m[1].str()) * 60 + std::stoi(m[2].str());
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
      if (int minute = dailyMinute(event); type == "AutomationAudience" && minute >= 0) {
        ast::Trigger trigger;
        trigger.kind = ast::TriggerKind::Schedule;
        trigger.value = make::clock(minute);
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

  /// `OnceAndDone` (and `NotSet`) enter once; the other modes re-enter, with
  /// no interval Journey Builder keeps.
  void entryMode() {
    std::string mode = text(journey_, "entryMode");
    if (mode != "SingleEntryAcrossAllVersions" && mode != "MultipleEntries")
      return;
    ctx_.approximated(
        base_ + "/entryMode", "entry mode `" + mode + "`",
        "Journey Builder keeps no re-entry interval; imported as `reenroll after 1d`");
    setting(ast::SettingKind::ReenrollAfter, nullptr, 86400);
  }

  void goals() {
    const json &goals = journey_.value("goals", json::array());
    for (size_t i = 0; i < goals.size(); ++i) {
      std::string pointer = base_ + "/goals/" + std::to_string(i);
      const json &criteria =
          goals[i].value("configurationArguments", json::object()).value("criteria", json());
      if (ast::Condition *c =
              criteria.is_string() ? sfmc::criteria(ctx_, criteria.get<std::string>()) : nullptr) {
        setting(ast::SettingKind::Goal, c);
        continue;
      }
      flowNotes(
          ctx_.keep(pointer, "SFMC journey goal", "its criteria have no Flow condition", where()));
    }
    const json &exits = journey_.value("exits", json::array());
    for (size_t i = 0; i < exits.size(); ++i)
      flowNotes(ctx_.keep(base_ + "/exits/" + std::to_string(i), "SFMC journey exit criteria",
                          "Flow ends a flow early only at a `goal`; write one by hand", where()));
  }

  // ---- activities -------------------------------------------------------------
  std::string pointer(const std::string &key) const {
    return base_ + "/activities/" + std::to_string(index_.at(key));
  }
  const json &activity(const std::string &key) const {
    return journey_.at("activities").at(index_.at(key));
  }
  std::string type(const std::string &key) const {
    return index_.count(key) ? text(activity(key), "type") : std::string();
  }
  /// The `next` of outcome `n` of `key` ("" when the path ends there).
  std::string next(const std::string &key, size_t n = 0) const {
    const json &outcomes = activity(key).value("outcomes", json::array());
    return n < outcomes.size() ? text(outcomes[n], "next") : std::string();
  }
  /// The decision's condition for outcome `path`, or null.
  ast::Condition *decisionCriteria(const std::string &key, const std::string &path) {
    const json &criteria = activity(key)
                               .value("configurationArguments", json::object())
                               .value("criteria", json::object());
    if (!criteria.contains(path) || !criteria[path].is_string())
      return nullptr;
    return sfmc::criteria(ctx_, criteria[path].get<std::string>());
  }

  static bool isDecision(const json &a) {
    return text(a, "type") == "MULTICRITERIADECISION" &&
           a.value("outcomes", json::array()).size() >= 2;
  }
  /// A decision of one condition (`default_path_1`) and a remainder.
  bool isSplit(const std::string &key) const {
    const json &a = activity(key);
    const json &outcomes = a.value("outcomes", json::array());
    return isDecision(a) && outcomes.size() == 2 && text(outcomes[0], "key") == "default_path_1" &&
           text(outcomes[1], "key") == "remainder_path";
  }

  std::string resolve(std::string key) const {
    for (int hops = 0; alias_.count(key) && hops < 8; ++hops)
      key = alias_.at(key);
    return key;
  }

  /// True when the activities from `a` on and from `b` on do the same,
  /// keys, ids and decision names aside (importers/same_tail.h).
  bool sameTail(const std::string &a, const std::string &b) const {
    return importer::sameTail(
        resolve(a), resolve(b), [&](const std::string &key) { return index_.count(key) > 0; },
        [&](const std::string &x, const std::string &y, StepPairs &next) {
          const json &ax = activity(x), &ay = activity(y);
          for (const char *key : {"type", "configurationArguments", "arguments"})
            if (ax.value(key, json()) != ay.value(key, json()))
              return false;
          if (!isDecision(ax) && ax.value("name", json()) != ay.value("name", json()))
            return false;
          const json &ox = ax.value("outcomes", json::array()),
                     &oy = ay.value("outcomes", json::array());
          if (ox.size() != oy.size())
            return false;
          for (size_t i = 0; i < ox.size(); ++i)
            next.emplace_back(resolve(text(ox[i], "next")), resolve(text(oy[i], "next")));
          return true;
        });
  }

  /// The policy guard `mac build` puts before a send ("<send>-policy"): the
  /// contact is in none of the suppressed lists and segments and, for a
  /// `require consent` policy, has consent; otherwise the journey ends.
  void policyGuard(const std::string &key) {
    ast::Condition *all = decisionCriteria(key, "default_path_1");
    if (!all || !next(key, 1).empty())
      return;
    std::vector<ast::Condition *> parts =
        all->kind == ast::CondKind::And ? all->children : std::vector<ast::Condition *>{all};
    for (ast::Condition *part : parts) {
      ast::Condition *inner = part->kind == ast::CondKind::Not ? part->children.front() : nullptr;
      if (inner && inner->kind == ast::CondKind::InList)
        policy(ast::PolicyKind::SuppressList, inner->name.text);
      else if (part->kind == ast::CondKind::Consent)
        consent_.insert(part->name.text);
      else // a suppressed segment, written as its condition, negated
        policy(ast::PolicyKind::SuppressSegment,
               ctx_.model().segment("suppressed", "", make::opposite(ctx_.arena(), part)));
    }
    alias_[key] = next(key);
  }

  /// The quiet-hours WAIT before a send ("<send>-quiet"): it holds the send
  /// until the window's end; the window's start is not carried.
  void quietWait(const std::string &key) {
    const json &config = activity(key).value("configurationArguments", json::object());
    std::string end = text(config, "specifiedTime");
    std::string send = resolve(next(key));
    std::string channel = type(send) == "SMSSYNC" ? "sms" : type(send) == "EMAILV2" ? "email" : "";
    static const std::regex clock("^([01][0-9]|2[0-3]):([0-5][0-9])$");
    std::smatch m;
    if (channel.empty() || !std::regex_match(end, m, clock))
      return;
    alias_[key] = next(key);
    for (const ast::PolicyStmt &known : decl_->policies)
      if (known.kind == ast::PolicyKind::QuietHours && known.name.text == channel)
        return;
    uint32_t minute = std::stoi(m[1].str()) * 60 + std::stoi(m[2].str());
    ctx_.approximated(pointer(key), "quiet hours",
                      "Journey Builder holds the send until " + end +
                          ", the window's end; its start is not carried: imported as " +
                          (minute == 21 * 60 ? "20:00" : "21:00") + ", check it");
    ast::PolicyStmt p;
    p.kind = ast::PolicyKind::QuietHours;
    p.name = make::name(channel);
    p.startMinute = minute == 21 * 60 ? 20 * 60 : 21 * 60;
    p.endMinute = minute;
    p.zone = make::name("recipient_local");
    decl_->policies.push_back(std::move(p));
  }

  /// The safe-mode decision ("Safe mode: <audience>"): its condition path is
  /// the send and then what the remainder path does.
  void safeModeDecision(const std::string &key) {
    std::string send = resolve(next(key));
    if (type(send) != "EMAILV2" && type(send) != "SMSSYNC")
      return;
    if (!sameTail(next(send), next(key, 1)))
      return;
    ast::Condition *audience = decisionCriteria(key, "default_path_1");
    if (!audience)
      return;
    std::string display = ctx_.model().unprefixed(
        text(activity(key), "name").substr(std::string_view(kSafeMode).size()));
    std::string name = audience->kind == ast::CondKind::InList
                           ? audience->name.text
                           : ctx_.model().segment(display, display, audience);
    ctx_.model().setSafeMode(name);
    alias_[key] = next(key);
  }

  /// Undoes what `mac build` adds around sends (see sfmc_import.h).
  void removeGuards() {
    for (const auto &[key, i] : index_) {
      size_t dash = key.rfind('-');
      std::string suffix = dash == std::string::npos ? "" : key.substr(dash);
      if (suffix == "-policy" && isSplit(key))
        policyGuard(key);
      else if (suffix.rfind("-quiet", 0) == 0 && type(key) == "WAIT")
        quietWait(key);
    }
    for (const auto &[key, i] : index_)
      if (isSplit(key) && text(activity(key), "name").rfind(kSafeMode, 0) == 0)
        safeModeDecision(key);
    for (const std::string &channel : consent_)
      ctx_.model().consentGuard(channel, decl_->name.text);
  }

  Graph graph() {
    Graph g;
    for (const auto &[key, i] : index_) {
      if (alias_.count(key))
        continue;
      const json &a = activity(key);
      GraphNode node;
      const json &outcomes = a.value("outcomes", json::array());
      if (isDecision(a)) {
        node.branch = true;
        std::string remainder;
        for (const json &o : outcomes)
          if (text(o, "key") == "remainder_path")
            remainder = resolve(text(o, "next"));
          else
            node.next.push_back(resolve(text(o, "next")));
        node.next.push_back(remainder);
      } else if (!outcomes.empty()) {
        node.next.push_back(resolve(text(outcomes[0], "next")));
      }
      g[key] = std::move(node);
    }
    return g;
  }

  /// The activity that starts the journey: the one no outcome leads to
  /// (the first in order when several are). `mac build`'s enrolment filter
  /// there is the flow's `require`.
  std::string entry() {
    std::set<std::string> targets;
    for (const json &a : journey_["activities"])
      for (const json &o : a.value("outcomes", json::array()))
        targets.insert(text(o, "next"));
    std::string first;
    for (const json &a : journey_["activities"])
      if (!targets.count(text(a, "key"))) {
        first = text(a, "key");
        break;
      }
    if (first == kRequireKey && isSplit(first) && next(first, 1).empty() && !next(first).empty())
      if (ast::Condition *c = decisionCriteria(first, "default_path_1")) {
        setting(ast::SettingKind::Require, c);
        return next(first);
      }
    return first;
  }

  void body() {
    const json *activities = journey_.contains("activities") ? &journey_["activities"] : nullptr;
    if (!activities || !activities->is_array()) {
      ctx_.shape(base_ + "/activities", "an SFMC journey has an `activities` array");
      return;
    }
    for (size_t i = 0; i < activities->size(); ++i)
      index_[text((*activities)[i], "key")] = i;
    std::string start = entry();
    removeGuards();
    Graph g = graph();
    StructureHooks hooks;
    hooks.step = [this](const std::string &key, Body &body) {
      sfmc::activity(ctx_, activity(key), ActivitySite{pointer(key), where(), decl_}, body);
    };
    hooks.conditions = [this](const std::string &key, Body &body) {
      std::vector<ast::Condition *> out;
      const json &a = activity(key);
      for (const json &o : a.value("outcomes", json::array())) {
        std::string path = text(o, "key");
        if (path == "remainder_path")
          continue;
        ast::Condition *c = decisionCriteria(key, path);
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
    decl_->body = structure(ctx_.model(), g, resolve(start), hooks, decl_);
  }

  ImportContext &ctx_;
  const json &journey_;
  std::string base_;
  ast::FlowDecl *decl_ = nullptr;
  std::map<std::string, size_t> index_;
  std::map<std::string, std::string> alias_;
  std::set<std::string> consent_;
};

bool isJourney(const json &value) { return value.is_object() && value.contains("activities"); }
bool isDefinition(const json &value) {
  return value.is_object() && !value.contains("activities") &&
         !text(value, "eventDefinitionKey").empty() && value.contains("type");
}

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

void noteDefinitions(ImportContext &ctx, const JsonFile &file) {
  const json &value = file.value;
  if (isDefinition(value))
    ctx.definitions()[text(value, "eventDefinitionKey")] = value;
  else if (value.is_object() && value.contains("items") && value["items"].is_array())
    for (const json &item : value["items"])
      if (isDefinition(item))
        ctx.definitions()[text(item, "eventDefinitionKey")] = item;
}

void importFile(ImportContext &ctx, const JsonFile &file) {
  const json &value = file.value;
  if (isDefinition(value))
    return; // read by noteDefinitions
  if (isJourney(value))
    return JourneyImporter(ctx, value, "").run();
  if (value.is_object() && value.contains("items") && value["items"].is_array()) {
    size_t journeys = 0;
    for (size_t i = 0; i < value["items"].size(); ++i)
      if (isJourney(value["items"][i])) {
        JourneyImporter(ctx, value["items"][i], "/items/" + std::to_string(i)).run();
        ++journeys;
      }
    bool definitions = std::any_of(value["items"].begin(), value["items"].end(), isDefinition);
    if (journeys > 0 || definitions)
      return;
  }
  ctx.shape("", "an SFMC journey (GET /interaction/v1/interactions/{id}) has `activities`");
}

} // namespace mac::importer::sfmc
