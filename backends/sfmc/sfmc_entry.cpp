// Entry mode, entry event and goals of a journey (see sfmc_entry.h). The
// trigger and event-definition shapes are those of the real payloads in
// shared/specs/sfmc/ (API event: serializedObjectType 11; data-extension
// audience on an automation schedule: 9); goals follow Salesforce's "Goals" Journey Specification
// page.
#include "backends/sfmc/sfmc_entry.h"

#include "backends/sfmc/sfmc_filters.h"
#include "backends/sfmc/sfmc_model.h"

namespace mac::backend::sfmc {

namespace {

using nlohmann::json;
using sema::TriggerKind;

// The installed-package ids Journey Builder gives its built-in entry sources
// (the same in every account; see sample_eventDefinitions.json).
constexpr std::string_view kApiEventApp = "7db1f972-f8b7-49b6-91b5-fa218e13953d";
constexpr std::string_view kDataExtensionApp = "97e942ee-6914-4d3d-9e52-37ecb71f79ed";

std::string sourceLine(const BuildContext &ctx, const sema::Trigger &trigger) {
  const sema::Program &program = ctx.program();
  switch (trigger.kind) {
  case TriggerKind::FormSubmitted:
    return "form \"" + trigger.text + "\" is submitted";
  case TriggerKind::TagAdded: {
    sema::AssetRef tag{sema::AssetKind::Tag, trigger.tag.value};
    return "tag `" + program.declared(tag).name + "` is added (column `" +
           membershipColumn(ctx, tag) + "` becomes true)";
  }
  case TriggerKind::ListJoined: {
    sema::AssetRef list{sema::AssetKind::List, trigger.list.value};
    return "the contact joins list `" + program.declared(list).name + "` (column `" +
           membershipColumn(ctx, list) + "` becomes true)";
  }
  case TriggerKind::FieldChanged:
    return "field `" + ctx.fieldName(trigger.field) + "` changes" +
           (trigger.value ? " to `" + valueText(*trigger.value) + "`" : std::string());
  case TriggerKind::Event:
    return "event \"" + trigger.text + "\" occurs";
  case TriggerKind::Schedule:
    return "daily at " + clockText(trigger.value->seconds);
  }
  return {};
}

json baseDefinition(const BuildContext &ctx, const sema::Flow &flow, std::string description) {
  std::string key = eventDefinitionKey(ctx, flow);
  return {{"name", ctx.displayName(flow) + " Entry"},
          {"description", std::move(description)},
          {"mode", "Production"},
          {"eventDefinitionKey", key},
          {"dataExtensionId", contactDataExtensionId(ctx)},
          {"dataExtensionName", contactDataExtensionKey(ctx)},
          {"filterDefinitionTemplate", ""},
          {"isVisibleInPicker", true}};
}

json apiEventDefinition(const BuildContext &ctx, const sema::Flow &flow, std::string description) {
  json definition = baseDefinition(ctx, flow, std::move(description));
  definition["type"] = "APIEvent";
  definition["category"] = "Event";
  definition["sourceApplicationExtensionId"] = kApiEventApp;
  definition["iconUrl"] = "/events/images/icon_journeyBuilder-event-api-blue.svg";
  definition["arguments"] = {{"serializedObjectType", 11},
                             {"eventDefinitionKey", definition["eventDefinitionKey"]},
                             {"dataExtensionId", definition["dataExtensionId"]},
                             {"criteria", ""},
                             {"useHighWatermark", false}};
  definition["metaData"] = {{"criteriaDescription", ""}, {"scheduleState", "No Schedule"}};
  return definition;
}

json scheduledDefinition(const BuildContext &ctx, const sema::Flow &flow,
                         const sema::Trigger &trigger, std::string description) {
  json definition = baseDefinition(ctx, flow, std::move(description));
  definition["type"] = "AutomationAudience";
  definition["category"] = "Audience";
  definition["sourceApplicationExtensionId"] = kDataExtensionApp;
  definition["iconUrl"] = "/images/icon-data-extension.svg";
  definition["arguments"] = {{"serializedObjectType", 9},
                             {"eventDefinitionKey", definition["eventDefinitionKey"]},
                             {"dataExtensionId", definition["dataExtensionId"]},
                             {"criteria", ""},
                             {"useHighWatermark", false}};
  definition["configurationArguments"] = {{"unconfigured", false}};
  definition["metaData"] = {{"criteriaDescription", ""}, {"scheduleFlowMode", "automation"}};
  std::string date = ctx.options().date.substr(0, 10);
  json schedule = {{"frequency", "Daily"},
                   {"recurrencePattern", "Interval"},
                   {"interval", 1},
                   {"timeZone", std::string(kDefaultTimeZone)}};
  if (!date.empty())
    schedule["startDateTime"] = date + "T" + clockText(trigger.value->seconds) + ":00";
  definition["schedule"] = schedule;
  return definition;
}

json journeyTrigger(const BuildContext &ctx, const sema::Flow &flow, bool scheduled) {
  json metaData = {{"eventDefinitionKey", eventDefinitionKey(ctx, flow)},
                   {"chainType", "None"},
                   {"configurationRequired", false},
                   {"title", scheduled ? "Data Extension" : "API Event"},
                   {"iconUrl", scheduled
                                   ? "/images/icon-data-extension.svg"
                                   : "/events/images/icon_journeyBuilder-event-api-blue.svg"}};
  return {{"id", BuildContext::stableUuid(journeyKey(ctx, flow) + "/TRIGGER")},
          {"key", "TRIGGER"},
          {"name", "TRIGGER"},
          {"description", ""},
          {"type", scheduled ? "AutomationAudience" : "APIEvent"},
          {"outcomes", json::array()},
          {"arguments", json::object()},
          {"configurationArguments", json::object()},
          {"metaData", metaData}};
}

} // namespace

std::optional<Entry> journeyEntry(BuildContext &ctx, const sema::Flow &flow) {
  Entry entry;
  const sema::Trigger *schedule = nullptr;
  for (const sema::Trigger &trigger : flow.triggers) {
    entry.sources.push_back(sourceLine(ctx, trigger));
    if (trigger.kind == TriggerKind::Schedule)
      schedule = &trigger;
  }
  if (schedule && flow.triggers.size() > 1) {
    ctx.unsupported(schedule->range, Construct::MultipleTriggers,
                    "a journey has one entry source, and a scheduled data-extension entry "
                    "cannot also be fired as an API event; split the flow");
    return std::nullopt;
  }
  std::string description = "Fire when: ";
  for (size_t i = 0; i < entry.sources.size(); ++i)
    description += (i ? "; " : "") + entry.sources[i];
  entry.eventDefinition = schedule ? scheduledDefinition(ctx, flow, *schedule, description)
                                   : apiEventDefinition(ctx, flow, description);
  entry.trigger = journeyTrigger(ctx, flow, schedule != nullptr);
  return entry;
}

std::string entryMode(const sema::Flow &flow) {
  return flow.reenrollAfterSeconds ? "SingleEntryAcrossAllVersions" : "OnceAndDone";
}

json journeyGoals(BuildContext &ctx, const FlowPlan &plan) {
  json goals = json::array();
  for (size_t i = 0; i < plan.goals.size(); ++i) {
    json metaData = {
        {"conversionUnit", "percentage"}, {"conversionValue", "100"}, {"isExitCriteria", true}};
    goals.push_back({{"key", "GOAL-" + std::to_string(i + 1)},
                     {"name", "Goal " + std::to_string(i + 1)},
                     {"description", ""},
                     {"type", "Event"},
                     {"outcomes", json::array()},
                     {"arguments", json::object()},
                     {"configurationArguments", {{"criteria", filterXml(ctx, plan.goals[i])}}},
                     {"metaData", metaData}});
  }
  return goals;
}

} // namespace mac::backend::sfmc
