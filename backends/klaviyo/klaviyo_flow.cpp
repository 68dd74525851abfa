// One flow as `POST /api/flows` bodies (`FlowCreateQuery`). A Klaviyo flow
// has exactly one trigger, so a flow with several triggers becomes one
// Klaviyo flow per trigger with the same definition: `flows/<flow-id>.json`
// for the first trigger, `flows/<flow-id>.trigger-<n>.json` for the n-th.
// The flow filter (`profile_filter`, which Klaviyo checks at entry and
// before every action) holds the suppressions and the negated goals;
// `reentry_criteria` holds `reenroll`.
#include "backends/klaviyo/klaviyo_context.h"

#include "backends/json_output.h"

namespace mac::backend::klaviyo {

namespace {

using sema::TriggerKind;

/// The trigger object and how it reads; nullopt for kinds declared unsupported.
std::optional<json> triggerOf(KlaviyoContext &k, const sema::Trigger &trigger, std::string &reads) {
  switch (trigger.kind) {
  case TriggerKind::FormSubmitted: {
    std::string id = k.extraId("form", trigger.text, trigger.range);
    k.require({"form metric", trigger.text, id,
               "metric recorded when form \"" + trigger.text + "\" is submitted"});
    reads = "metric " + id + " (form \"" + trigger.text + "\" submitted)";
    return json{{"type", "metric"}, {"id", id}};
  }
  case TriggerKind::Event: {
    std::string id = k.extraId("metric", trigger.text, trigger.range);
    k.require({"metric", trigger.text, id, "event \"" + trigger.text + "\""});
    reads = "metric " + id + " (event \"" + trigger.text + "\")";
    return json{{"type", "metric"}, {"id", id}};
  }
  case TriggerKind::TagAdded:
  case TriggerKind::ListJoined: {
    bool tag = trigger.kind == TriggerKind::TagAdded;
    sema::AssetRef ref = tag ? sema::AssetRef{sema::AssetKind::Tag, trigger.tag.value}
                             : sema::AssetRef{sema::AssetKind::List, trigger.list.value};
    std::string id = k.assetId(ref, trigger.range, tag ? "tag list" : "list");
    reads = "added to list " + id + " (" + (tag ? "tag `" : "list `") +
            k.program.declared(ref).name + "`)";
    return json{{"type", "list"}, {"id", id}};
  }
  default:
    break;
  }
  k.ctx.unsupported(trigger.range, Construct::TriggerSchedule,
                    "Klaviyo flows start on a list, segment, metric or date only");
  return std::nullopt;
}

json reentryOf(KlaviyoContext &k, const sema::Flow &flow) {
  if (!flow.reenrollAfterSeconds)
    return {{"duration", 1}, {"unit", "alltime"}};
  int64_t seconds = *flow.reenrollAfterSeconds;
  if (seconds % 604800 == 0)
    return {{"duration", seconds / 604800}, {"unit", "week"}};
  if (seconds % 86400 == 0)
    return {{"duration", seconds / 86400}, {"unit", "day"}};
  if (seconds % 3600 != 0)
    k.ctx.approximated(flow.nameRange, Construct::ReenrollAfter,
                       "Klaviyo counts re-entry in whole hours: rounded up to " +
                           std::to_string(seconds / 3600 + 1) + " hours");
  return {{"duration", (seconds + 3599) / 3600}, {"unit", "hour"}};
}

json exclusion(std::string id) {
  return {{"conditions", json::array({{{"type", "profile-group-membership"},
                                       {"is_member", false},
                                       {"group_ids", json::array({std::move(id)})}}})}};
}

/// Suppressions and negated goals; null when there are none; nullopt on MAC7001.
std::optional<json> flowFilter(KlaviyoContext &k, const sema::Flow &flow, const FlowPlan &plan) {
  json groups = json::array();
  for (const sema::PolicyRule *rule : k.ctx.policies(flow)) {
    if (rule->kind == sema::PolicyKind::SuppressList)
      groups.push_back(
          exclusion(k.assetId({sema::AssetKind::List, rule->list.value}, rule->range, "list")));
    else if (rule->kind == sema::PolicyKind::SuppressSegment)
      groups.push_back(exclusion(
          k.assetId({sema::AssetKind::Segment, rule->segment.value}, rule->range, "segment")));
  }
  for (size_t i = 0; i < plan.goals.size(); ++i) {
    Condition negated = Condition::of(Condition::Op::Not);
    negated.operands.push_back(plan.goals[i]);
    std::optional<json> filter = filterOf(k, negated, k.program.cond(flow.goals[i]).range);
    if (!filter)
      return std::nullopt;
    for (json &group : (*filter)["condition_groups"])
      groups.push_back(std::move(group));
  }
  if (groups.empty())
    return json(nullptr);
  return json{{"condition_groups", std::move(groups)}};
}

} // namespace

bool emitFlow(KlaviyoContext &k, sema::FlowId id, OutputSink &out) {
  const sema::Flow &flow = k.program.flows[id.value];
  // Branches join at the statement after the `if`: several links may name one
  // action, so each statement is emitted once (the output grows linearly).
  const FlowPlan &plan = k.ctx.plan(id);
  if (plan.tooLarge)
    return false; // reported by ctx.plan
  json actions, entry;
  bool ok = buildActions(k, id, plan, actions, entry);
  std::optional<json> filter = flowFilter(k, flow, plan);
  if (!ok || !filter)
    return false;
  json definition = {{"actions", std::move(actions)},
                     {"entry_action_id", std::move(entry)},
                     {"profile_filter", std::move(*filter)},
                     {"reentry_criteria", reentryOf(k, flow)}};
  size_t count = std::max<size_t>(flow.triggers.size(), 1);
  for (size_t i = 0; i < count; ++i) {
    std::string reads = "none";
    json triggers = json::array();
    if (i < flow.triggers.size()) {
      std::optional<json> trigger = triggerOf(k, flow.triggers[i], reads);
      if (!trigger)
        return false;
      triggers.push_back(std::move(*trigger));
    }
    definition["triggers"] = std::move(triggers);
    std::string name = k.ctx.displayName(flow);
    if (count > 1)
      name += " (trigger " + std::to_string(i + 1) + " of " + std::to_string(count) + ")";
    std::string path = "flows/" + flow.name +
                       (i == 0 ? std::string() : ".trigger-" + std::to_string(i + 1)) + ".json";
    // The last (usually the only) trigger's file takes the definition itself.
    json body = {{"data",
                  {{"type", "flow"},
                   {"attributes",
                    {{"name", name},
                     {"definition", i + 1 == count ? std::move(definition) : json(definition)}}}}}};
    writeJson(out, path, body);
    k.flowFiles.push_back({path, name, reads});
  }
  return true;
}

} // namespace mac::backend::klaviyo
