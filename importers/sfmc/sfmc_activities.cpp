// One Journey Builder activity → statements (see sfmc_import.h): the shapes
// of the real journeys in shared/specs/sfmc/ and of what `mac build` writes
// (docs/backends/sfmc.md).
#include "importers/ast_make.h"
#include "importers/sfmc/sfmc_import.h"

#include <regex>

namespace mac::importer::sfmc {

namespace {

void keep(ImportContext &ctx, const ActivitySite &site, Body &body, const std::string &what,
          const std::string &why) {
  for (std::string &line : ctx.keep(site.pointer, what, why, site.where))
    body.pending.push_back(std::move(line));
}

void add(ImportContext &ctx, Body &body, ast::Statement *stmt) { ctx.model().append(body, stmt); }

void update(ImportContext &ctx, const json &a, const ActivitySite &site, Body &body) {
  const json &fields = a.value("arguments", json::object())
                           .value("activityData", json::object())
                           .value("updateContactFields", json::array());
  if (fields.empty())
    return keep(ctx, site, body, "SFMC contact update `" + text(a, "name") + "`",
                "it updates no field this importer can read");
  ast::Arena &arena = ctx.arena();
  for (const json &f : fields) {
    std::string col = text(f, "field"), value = text(f, "value");
    std::string name = column(ctx, col);
    bool flag = value == "true" || value == "false";
    if (col.rfind("tag_", 0) == 0 && flag) {
      add(ctx, body,
          make::stmt(arena, value == "true" ? ast::StmtKind::AddTag : ast::StmtKind::RemoveTag,
                     name));
    } else if (col.rfind("list_", 0) == 0 && flag) {
      add(ctx, body,
          make::stmt(arena,
                     value == "true" ? ast::StmtKind::AddToList : ast::StmtKind::RemoveFromList,
                     name));
    } else {
      if (flag)
        ctx.model().fieldType(name, "bool");
      ast::Statement *s = make::stmt(arena, ast::StmtKind::Set, name);
      s->value = make::typed(ctx.model().fieldTypeOf(name), value);
      add(ctx, body, s);
    }
  }
}

/// `throttleLimit` (sends per hour) as the flow's throttle, once.
void throttle(ImportContext &ctx, const json &send, const ActivitySite &site) {
  if (!send.contains("throttleLimit") || !send["throttleLimit"].is_number_integer() ||
      send["throttleLimit"].get<int64_t>() <= 0 || !site.flow) // 0: no limit
    return;
  for (const ast::FlowSetting &s : site.flow->settings)
    if (s.kind == ast::SettingKind::Throttle)
      return;
  ast::FlowSetting s;
  s.kind = ast::SettingKind::Throttle;
  s.rate = ast::Rate{send["throttleLimit"].get<int64_t>(), 3600, {}};
  site.flow->settings.push_back(std::move(s));
}

void wait(ImportContext &ctx, const json &a, const ActivitySite &site, Body &body) {
  static const std::map<std::string, int64_t> units = {
      {"MINUTES", 60}, {"HOURS", 3600}, {"DAYS", 86400}, {"WEEKS", 604800}};
  ast::Arena &arena = ctx.arena();
  const json &config = a.value("configurationArguments", json::object());
  std::string unit = text(config, "waitUnit"), name = text(a, "name");
  std::string at = text(config, "specifiedTime");
  int64_t amount = config.value("waitDuration", 0);
  static const std::regex clock("^([01][0-9]|2[0-3]):([0-5][0-9])$");
  std::smatch m;
  if (std::regex_match(at, m, clock) && unit == "DAYS" && amount == 1) {
    ctx.approximated(site.pointer, "a wait until a time of day",
                     "`wait until` is the next such time, recipient-local; Journey Builder waits "
                     "at least a day, in `" +
                         text(config, "timeZoneId") + "`");
    ast::Statement *s = make::stmt(arena, ast::StmtKind::WaitUntil);
    s->value = make::clock(std::stoi(m[1].str()) * 60 + std::stoi(m[2].str()));
    return add(ctx, body, s);
  }
  if (!units.count(unit) || amount <= 0 || !at.empty())
    return keep(ctx, site, body, "SFMC wait `" + name + "`",
                "only a wait by duration or until a time of day is a Flow `wait`");
  // `mac build` names the timeout of `wait for event E` "Wait for E (timeout)".
  static const std::regex forEvent("^Wait for (.+) \\(timeout\\)$");
  ast::Statement *s = make::stmt(
      arena, std::regex_match(name, m, forEvent) ? ast::StmtKind::WaitEvent : ast::StmtKind::Wait);
  if (s->kind == ast::StmtKind::WaitEvent)
    s->text = make::str(m[1].str());
  s->value = make::duration(amount * units.at(unit));
  add(ctx, body, s);
}

} // namespace

void activity(ImportContext &ctx, const json &a, const ActivitySite &site, Body &body) {
  ast::Arena &arena = ctx.arena();
  std::string type = text(a, "type"), name = text(a, "name"), key = text(a, "key");
  const json &config = a.value("configurationArguments", json::object());
  if (type == "EMAILV2") {
    const json &send = config.value("triggeredSend", json::object());
    std::string id = text(send, "emailId");
    if (id.empty())
      id = text(config, "triggeredSendKey");
    if (id.empty())
      id = key;
    throttle(ctx, send, site);
    std::string display = !name.empty() ? name : text(send, "description");
    return add(ctx, body,
               make::stmt(arena, ast::StmtKind::Send, ctx.model().asset("email", id, display)));
  }
  if (type == "SMSSYNC") {
    std::string id = text(config, "messageId");
    return add(ctx, body,
               make::stmt(arena, ast::StmtKind::Send,
                          ctx.model().asset("sms", id.empty() ? key : id, name)));
  }
  if (type == "WAIT")
    return wait(ctx, a, site, body);
  if (type == "UPDATECONTACTDATA")
    return update(ctx, a, site, body);
  if (type == "REST") {
    const json &execute = a.value("arguments", json::object()).value("execute", json::object());
    std::string url = text(execute, "url");
    if (url.empty())
      return keep(ctx, site, body, "SFMC REST activity `" + name + "`", "it names no URL");
    std::string hook = ctx.model().asset("webhook", url, "");
    auto &info = ctx.model().webhook(hook);
    info.url = url;
    if (!text(execute, "verb").empty())
      info.method = text(execute, "verb");
    const json &headers = execute.contains("headers") ? execute["headers"] : json::object();
    for (const auto &[header, value] : headers.items())
      if (value.is_string() && value.get<std::string>().rfind("deploy:secret:", 0) == 0)
        info.secretHeader = {header, value.get<std::string>().substr(14)};
    return add(ctx, body, make::stmt(arena, ast::StmtKind::Call, hook));
  }
  keep(ctx, site, body, "SFMC activity `" + type + "`" + (name.empty() ? "" : " `" + name + "`"),
       "Flow has no equivalent step");
}

} // namespace mac::importer::sfmc
