// One flow's create-request body around its actions: enrolment criteria from
// the triggers (EVENT_BASED: form submissions, custom events and property
// changes as `eventFilterBranches`, list joins as
// `listMembershipFilterBranches`; a schedule is LIST_BASED with a DAILY
// `enrollmentSchedule`), `require` filters as `refinementCriteria`,
// `shouldReEnroll`, the goal as `goalFilterBranch`, and the policies:
// quiet hours as `timeWindows` (the minutes of the day outside every quiet
// window, on every day), suppression lists and segments as
// `suppressionListIds`.
#include "backends/hubspot/hubspot.h"

#include <array>
#include <bitset>

namespace mac::backend::hubspot {

namespace {

/// HubSpot's event type ids of its built-in events.
constexpr const char *kFormSubmissionEvent = "4-1639801";
constexpr const char *kPropertyChangeEvent = "4-655002";

json stringFilter(std::string property, std::string value) {
  json op = {{"operationType", "STRING"},
             {"operator", "IS_EQUAL_TO"},
             {"includeObjectsWithNoValueSet", false},
             {"value", std::move(value)}};
  return {{"filterType", "PROPERTY"}, {"property", std::move(property)}, {"operation", op}};
}

json eventBranch(std::string eventTypeId, json filters) {
  return {{"filterBranchType", "UNIFIED_EVENTS"},  {"filterBranchOperator", "AND"},
          {"eventTypeId", std::move(eventTypeId)}, {"operator", "HAS_COMPLETED"},
          {"filters", std::move(filters)},         {"filterBranches", json::array()}};
}

/// A change of `property` (to `value`, when given).
json propertyChange(const std::string &property, const std::optional<std::string> &value) {
  json filters = json::array({stringFilter("hs_name", property)});
  if (value)
    filters.push_back(stringFilter("hs_value", *value));
  return eventBranch(kPropertyChangeEvent, std::move(filters));
}

std::string rateText(const sema::Rate &rate) {
  static const std::pair<int64_t, const char *> units[] = {
      {60, "min"}, {3600, "hour"}, {86400, "day"}, {604800, "week"}};
  for (const auto &[seconds, unit] : units)
    if (rate.perSeconds == seconds)
      return std::to_string(rate.count) + "/" + unit;
  return std::to_string(rate.count) + " per " + std::to_string(rate.perSeconds) + "s";
}

json timeOfDay(uint32_t minute) { return {{"hour", minute / 60}, {"minute", minute % 60}}; }

} // namespace

std::string deployPlaceholder(std::string_view kind, std::string_view name) {
  return "${" + std::string(kind) + ":" + std::string(name) + "}";
}

json HubspotEmitter::eventTriggers(const sema::Flow &flow, json &listBranches) {
  json events = json::array();
  for (const sema::Trigger &trigger : flow.triggers) {
    switch (trigger.kind) {
    case sema::TriggerKind::FormSubmitted: {
      json op = {{"operationType", "STRING"},
                 {"operator", "IS_EQUAL_TO"},
                 {"includeObjectsWithNoValueSet", false},
                 {"value", deployValue("form", trigger.text)}};
      json filter = {{"filterType", "PROPERTY"}, {"property", "hs_form_id"}, {"operation", op}};
      events.push_back(eventBranch(kFormSubmissionEvent, json::array({filter})));
      break;
    }
    case sema::TriggerKind::Event:
      useEvent(trigger.text);
      events.push_back(eventBranch(deployPlaceholder("event", trigger.text), json::array()));
      break;
    case sema::TriggerKind::TagAdded:
      events.push_back(propertyChange(tagProperty(trigger.tag), std::string("true")));
      break;
    case sema::TriggerKind::FieldChanged: {
      std::optional<std::string> to;
      if (trigger.value)
        to = trigger.value->kind == ast::LiteralKind::Bool
                 ? std::string(trigger.value->boolean ? "true" : "false")
                 : trigger.value->text;
      events.push_back(propertyChange(property(trigger.field), to));
      break;
    }
    case sema::TriggerKind::ListJoined: {
      sema::AssetRef list{sema::AssetKind::List, trigger.list.value};
      json filter = {{"filterType", "IN_LIST"},
                     {"listId", listId(list, trigger.range)},
                     {"operator", "IN_LIST"}};
      listBranches.push_back(orBranch(json::array({andGroup(json::array({filter}))})));
      break;
    }
    case sema::TriggerKind::Schedule:
      break;
    }
  }
  return events;
}

json HubspotEmitter::enrolment(const sema::Flow &flow, const FlowPlan &plan, bool &ok) {
  bool reenroll = flow.reenrollAfterSeconds.has_value();
  json filter;
  if (plan.neverEnrols)
    filter = constantBranch(false);
  else if (!plan.enrolmentFilters.empty())
    ok &= filterBranchAll(plan.enrolmentFilters, program_.cond(flow.enrolmentFilters[0]).range,
                          filter);
  const sema::Trigger *schedule = nullptr;
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind == sema::TriggerKind::Schedule)
      schedule = &trigger;
  if (schedule && flow.triggers.size() > 1) {
    ctx_.unsupported(schedule->range, Construct::TriggerSchedule,
                     "a scheduled HubSpot workflow cannot also have event triggers; put the "
                     "schedule in a flow of its own");
    ok = false;
    return json::object();
  }
  if (schedule)
    return {{"type", "LIST_BASED"},
            {"shouldReEnroll", reenroll},
            {"unEnrollObjectsNotMeetingCriteria", false},
            {"listFilterBranch", filter.is_null() ? constantBranch(true) : filter},
            {"reEnrollmentTriggersFilterBranches", json::array()}};
  json listBranches = json::array();
  json events = eventTriggers(flow, listBranches);
  json criteria = {{"type", "EVENT_BASED"},
                   {"shouldReEnroll", reenroll},
                   {"eventFilterBranches", std::move(events)},
                   {"listMembershipFilterBranches", std::move(listBranches)}};
  if (!filter.is_null())
    criteria["refinementCriteria"] = std::move(filter);
  return criteria;
}

void HubspotEmitter::policies(const sema::Flow &flow, json &body) {
  std::bitset<1440> allowed;
  allowed.set();
  bool quiet = false;
  json suppression = json::array();
  std::set<std::string> seen;
  auto suppress = [&](sema::AssetRef ref, SourceRange range) {
    std::string id = listId(ref, range);
    if (!seen.insert(id).second)
      return;
    bool numeric = !id.empty() && id.find_first_not_of("0123456789") == std::string::npos;
    suppression.push_back(numeric ? json(std::stoll(id)) : json(id));
  };
  for (const sema::PolicyRule *rule : ctx_.policies(flow)) {
    switch (rule->kind) {
    case sema::PolicyKind::QuietHours:
      quiet = true;
      for (uint32_t m = rule->startMinute; m != rule->endMinute; m = (m + 1) % 1440)
        allowed.reset(m);
      break;
    case sema::PolicyKind::SuppressList:
      suppress({sema::AssetKind::List, rule->list.value}, rule->range);
      break;
    case sema::PolicyKind::SuppressSegment:
      suppress({sema::AssetKind::Segment, rule->segment.value}, rule->range);
      break;
    default:
      break;
    }
  }
  body["suppressionListIds"] = std::move(suppression);
  json windows = json::array();
  static constexpr std::array<const char *, 7> days = {
      "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
  for (const char *day : days) {
    for (uint32_t m = 0; quiet && m < 1440;) {
      if (!allowed.test(m)) {
        ++m;
        continue;
      }
      uint32_t end = m;
      while (end + 1 < 1440 && allowed.test(end + 1))
        ++end;
      // The end is exclusive (the first quiet minute); a window to midnight ends 23:59.
      uint32_t stop = end + 1 < 1440 ? end + 1 : 1439;
      windows.push_back({{"day", day}, {"startTime", timeOfDay(m)}, {"endTime", timeOfDay(stop)}});
      m = end + 1;
    }
  }
  body["timeWindows"] = std::move(windows);
}

std::string HubspotEmitter::description(const sema::Flow &flow) {
  std::string text = "Compiled by mac from flow `" + flow.name + "`";
  std::string release = ctx_.releaseTag();
  if (!release.empty())
    text += " (" + release + ")";
  text += " for environment " + std::string(ctx_.environment().name()) + ".";
  if (std::optional<sema::Rate> rate = ctx_.throttle(flow))
    text += " Enrolment limit " + rateText(*rate) + " is NOT enforced by HubSpot.";
  for (const sema::PolicyRule *rule : ctx_.policies(flow))
    if (rule->kind == sema::PolicyKind::SuppressUnsubscribed) {
      text += " Unsubscribed contacts are suppressed by HubSpot's subscription status.";
      break;
    }
  return text;
}

bool HubspotEmitter::flow(sema::FlowId id, json &body) {
  const sema::Flow &flow = program_.flows[id.value];
  const FlowPlan &plan = ctx_.plan(id);
  bool ok = true;
  body = {{"type", kContactFlowType},         {"objectTypeId", kContactObjectTypeId},
          {"flowType", "WORKFLOW"},           {"isEnabled", false},
          {"name", ctx_.displayName(flow)},   {"description", description(flow)},
          {"canEnrollFromSalesforce", false}, {"dataSources", json::array()},
          {"blockedDates", json::array()}};
  body["customProperties"] = {{"mac_flow", flow.name},
                              {"mac_env", std::string(ctx_.environment().name())},
                              {"mac_release", ctx_.releaseTag()}};
  body["enrollmentCriteria"] = enrolment(flow, plan, ok);
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind == sema::TriggerKind::Schedule && trigger.value)
      body["enrollmentSchedule"] = {
          {"type", "DAILY"},
          {"timeOfDay", timeOfDay(static_cast<uint32_t>(trigger.value->seconds))}};
  if (!plan.goals.empty()) {
    json goal = json::array();
    for (const Condition &condition : plan.goals) {
      json branch;
      if (!filterBranch(condition, program_.cond(flow.goals[0]).range, branch))
        return false;
      for (json &group : branch["filterBranches"])
        goal.push_back(std::move(group));
    }
    body["goalFilterBranch"] = orBranch(std::move(goal)); // any goal ends the flow
  }
  policies(flow, body);
  return emitActions(*this, plan, body) && ok;
}

} // namespace mac::backend::hubspot
