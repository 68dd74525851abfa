// Journey Builder activities of plan steps (see sfmc_steps.h). Shapes follow
// the real journeys in shared/specs/sfmc/ (EMAILV2, WAIT, UPDATECONTACTDATA)
// and Salesforce's Journey Specification pages (SMSSYNC `messageId`, the REST
// activity's `arguments.execute`).
#include "backends/sfmc/sfmc_steps.h"

#include "analyzer/program_queries.h"
#include "backends/sfmc/sfmc_model.h"

#include <algorithm>

namespace mac::backend::sfmc {

namespace {

using nlohmann::json;
using sema::StmtKind;

/// A platform id as the samples write it: digits as a number, else a string.
json idValue(const std::string &id) {
  bool digits = !id.empty() && id.size() < 16 &&
                std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? json(std::stoll(id)) : json(id);
}

/// A duration as Journey Builder's (waitDuration, waitUnit): the largest
/// unit that divides it; seconds round up to a minute (MAC7002).
std::pair<int64_t, std::string> waitLength(BuildContext &ctx, int64_t seconds, SourceRange range) {
  if (seconds > 0 && seconds % 604800 == 0)
    return {seconds / 604800, "WEEKS"};
  if (seconds > 0 && seconds % 86400 == 0)
    return {seconds / 86400, "DAYS"};
  if (seconds > 0 && seconds % 3600 == 0)
    return {seconds / 3600, "HOURS"};
  if (seconds % 60 != 0 || seconds == 0)
    ctx.approximated(range, Construct::Wait,
                     "Journey Builder waits whole minutes: rounded up to " +
                         std::to_string(std::max<int64_t>(1, (seconds + 59) / 60)) + " minute(s)");
  return {std::max<int64_t>(1, (seconds + 59) / 60), "MINUTES"};
}

json waitActivity(std::string_view journey, std::string_view key, std::string name,
                  std::pair<int64_t, std::string> length) {
  json activity = activitySkeleton(journey, key, name, "WAIT");
  activity["configurationArguments"] = {{"waitDuration", length.first},
                                        {"waitUnit", length.second}};
  activity["metaData"] = {{"isConfigured", true}, {"uiType", "WAITBYDURATION"}};
  return activity;
}

json emailActivity(BuildContext &ctx, const sema::Flow &flow, const sema::Stmt &stmt,
                   std::string_view journey, std::string_view key) {
  const sema::Declared &email = ctx.program().declared(stmt.target);
  json send = {{"emailId", idValue(ctx.platformId(stmt.target, stmt.nameRange))},
               {"autoAddSubscribers", true},
               {"autoUpdateSubscribers", true},
               {"isMultipart", true},
               {"isTrackingClicks", true},
               {"isSendLogging", false},
               {"description", ctx.displayName(email)}};
  if (std::optional<sema::Rate> rate = ctx.throttle(flow)) {
    int64_t perHour = rate->count * 3600 / rate->perSeconds;
    if (rate->count * 3600 % rate->perSeconds != 0 || perHour < 1)
      ctx.approximated(rate->range, Construct::FlowThrottle,
                       "Journey Builder throttles sends per hour: rounded to " +
                           std::to_string(std::max<int64_t>(1, perHour)) + " per hour");
    send["throttleLimit"] = std::max<int64_t>(1, perHour);
  }
  json activity = activitySkeleton(journey, key, ctx.displayName(email), "EMAILV2");
  activity["configurationArguments"] = {{"applicationExtensionKey", "jb-email-activity"},
                                        {"isModified", true},
                                        {"triggeredSend", send}};
  activity["metaData"] = {{"category", "message"}, {"isConfigured", true}};
  return activity;
}

json smsActivity(BuildContext &ctx, const sema::Stmt &stmt, std::string_view journey,
                 std::string_view key) {
  const sema::Declared &sms = ctx.program().declared(stmt.target);
  json activity = activitySkeleton(journey, key, ctx.displayName(sms), "SMSSYNC");
  activity["configurationArguments"] = {{"messageId", ctx.platformId(stmt.target, stmt.nameRange)}};
  activity["metaData"] = {{"category", "message"}, {"isConfigured", true}};
  return activity;
}

json updateActivity(BuildContext &ctx, std::string_view journey, std::string_view key,
                    std::string name, const std::string &column, const std::string &value) {
  json activity = activitySkeleton(journey, key, name, "UPDATECONTACTDATA");
  json update = {
      {"dataExtensionId", contactDataExtensionId(ctx)}, {"field", column}, {"value", value}};
  activity["arguments"] = {{"activityData", {{"updateContactFields", json::array({update})}}}};
  activity["configurationArguments"] = json::object();
  activity["metaData"] = {{"isConfigured", true}};
  return activity;
}

json restActivity(BuildContext &ctx, const sema::Stmt &stmt, std::string_view journey,
                  std::string_view key) {
  const sema::Webhook &hook = ctx.program().webhooks[stmt.target.index];
  json in = json::array();
  for (sema::FieldId field : hook.payload) {
    std::string column = ctx.fieldName(field);
    in.push_back({{column, "{{" + attributeKey(ctx, column) + "}}"}});
  }
  json headers = json::object();
  for (const sema::WebhookHeader &header : hook.headers)
    headers[header.name.value] =
        header.secret ? "deploy:secret:" + header.value.value : header.value.value;
  json execute = {{"url", ctx.webhookUrl(sema::WebhookId{stmt.target.index})},
                  {"verb", hook.method},
                  {"format", "json"},
                  {"useJwt", false},
                  {"headers", headers},
                  {"inArguments", in},
                  {"outArguments", json::array()},
                  {"retryCount", hook.retries.value_or(0)},
                  {"retryDelay", hook.backoffSeconds * 1000}};
  json activity = activitySkeleton(journey, key, ctx.displayName(hook), "REST");
  activity["arguments"] = {{"execute", execute}};
  activity["configurationArguments"] = json::object();
  activity["metaData"] = {{"category", "customer"}, {"isConfigured", true}};
  return activity;
}

/// UPDATECONTACTDATA of `set`, tags and lists.
json updateStep(BuildContext &ctx, const sema::Stmt &stmt, std::string_view journey,
                std::string_view key) {
  const sema::Program &program = ctx.program();
  if (stmt.kind == StmtKind::Set)
    return updateActivity(ctx, journey, key, "Set " + program.field(stmt.field).display,
                          ctx.fieldName(stmt.field), valueText(stmt.value));
  bool on = stmt.kind == StmtKind::AddTag || stmt.kind == StmtKind::AddToList;
  std::string verb = stmt.kind == StmtKind::AddTag      ? "Add tag "
                     : stmt.kind == StmtKind::RemoveTag ? "Remove tag "
                     : stmt.kind == StmtKind::AddToList ? "Add to list "
                                                        : "Remove from list ";
  return updateActivity(ctx, journey, key, verb + ctx.displayName(program.declared(stmt.target)),
                        membershipColumn(ctx, stmt.target), on ? "true" : "false");
}

} // namespace

json activitySkeleton(std::string_view journey, std::string_view key, std::string_view name,
                      std::string_view type) {
  return {{"id", BuildContext::stableUuid(std::string(journey) + "/" + std::string(key))},
          {"key", key},
          {"name", name},
          {"description", ""},
          {"type", type},
          {"outcomes", json::array()},
          {"arguments", json::object()}};
}

json outcome(std::string_view journey, std::string_view activity, std::string key,
             const std::string &next) {
  json out = {
      {"key", std::move(key)}, {"arguments", json::object()}, {"metaData", {{"invalid", false}}}};
  if (out["key"].get<std::string>().empty())
    out["key"] =
        BuildContext::stableUuid(std::string(journey) + "/" + std::string(activity) + "/outcome");
  if (!next.empty())
    out["next"] = next;
  return out;
}

json quietHoursWait(const sema::PolicyRule &rule, std::string_view journey, std::string_view key) {
  bool exact = false;
  std::string zone = windowsTimeZone(rule.zone, exact);
  json activity =
      waitActivity(journey, key, "Quiet hours until " + clockText(rule.endMinute), {1, "DAYS"});
  activity["configurationArguments"]["specifiedTime"] = clockText(rule.endMinute);
  activity["configurationArguments"]["timeZoneId"] = zone;
  return activity;
}

std::string_view stepType(const sema::Program &program, const sema::Stmt &stmt) {
  switch (stmt.kind) {
  case StmtKind::Send:
    return analyzer::sendChannel(stmt) == sema::Channel::Sms ? "SMSSYNC" : "EMAILV2";
  case StmtKind::Wait:
  case StmtKind::WaitUntil:
  case StmtKind::WaitEvent:
    return "WAIT";
  case StmtKind::Call:
    return "REST";
  default:
    return "UPDATECONTACTDATA";
  }
}

std::string_view stepKeyPrefix(const sema::Program &program, const sema::Stmt &stmt) {
  std::string_view type = stepType(program, stmt);
  if (type == "WAIT")
    return "WAITBYDURATION";
  if (type == "UPDATECONTACTDATA")
    return "UPDATECONTACTDATAV2";
  return type;
}

std::optional<json> stepActivity(BuildContext &ctx, const sema::Flow &flow, const PlanNode &node,
                                 std::string_view journey, std::string_view key) {
  const sema::Stmt &stmt = ctx.program().stmt(node.stmt);
  switch (stmt.kind) {
  case StmtKind::Send:
    if (analyzer::sendChannel(stmt) == sema::Channel::Email)
      return emailActivity(ctx, flow, stmt, journey, key);
    if (analyzer::sendChannel(stmt) == sema::Channel::Sms)
      return smsActivity(ctx, stmt, journey, key);
    break;
  case StmtKind::Wait:
    return waitActivity(journey, key, "Wait", waitLength(ctx, stmt.value.seconds, stmt.range));
  case StmtKind::WaitEvent:
    return waitActivity(journey, key, "Wait for " + stmt.text + " (timeout)",
                        waitLength(ctx, stmt.value.seconds, stmt.range));
  case StmtKind::WaitUntil: {
    json wait =
        waitActivity(journey, key, "Wait until " + clockText(stmt.value.seconds), {1, "DAYS"});
    wait["configurationArguments"]["specifiedTime"] = clockText(stmt.value.seconds);
    wait["configurationArguments"]["timeZoneId"] = std::string(kDefaultTimeZone);
    return wait;
  }
  case StmtKind::Call:
    return restActivity(ctx, stmt, journey, key);
  case StmtKind::Set:
  case StmtKind::AddTag:
  case StmtKind::RemoveTag:
  case StmtKind::AddToList:
  case StmtKind::RemoveFromList:
    return updateStep(ctx, stmt, journey, key);
  default:
    break;
  }
  Construct construct = stmt.kind == StmtKind::Increment     ? Construct::Increment
                        : stmt.kind == StmtKind::Notify      ? Construct::Notify
                        : stmt.kind == StmtKind::AssignOwner ? Construct::AssignOwner
                        : stmt.kind == StmtKind::Emit        ? Construct::EmitEvent
                                                             : Construct::SendPush;
  ctx.unsupported(stmt.range, construct, "this step has no Journey Builder activity");
  return std::nullopt;
}

} // namespace mac::backend::sfmc
