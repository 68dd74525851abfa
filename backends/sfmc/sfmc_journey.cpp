// Journeys from flow plans (see sfmc_journey.h).
#include "backends/sfmc/sfmc_journey.h"

#include "analyzer/program_queries.h"
#include "backends/sfmc/sfmc_filters.h"
#include "backends/sfmc/sfmc_model.h"
#include "backends/sfmc/sfmc_steps.h"

namespace mac::backend::sfmc {

namespace {

using nlohmann::json;

/// One activity of a node's chain; a guard's remainder path ends the journey.
struct Link {
  json activity;
  bool guard = false;
};

json decision(std::string_view journey, std::string_view key, std::string name,
              const std::string &xml, const std::string &ifTrue, const std::string &ifFalse) {
  json activity = activitySkeleton(journey, key, name, "MULTICRITERIADECISION");
  json yes = outcome(journey, key, "default_path_1", ifTrue);
  yes["metaData"] = {{"label", name}};
  json no = outcome(journey, key, "remainder_path", ifFalse);
  no["metaData"] = {{"label", "Remainder"}};
  activity["outcomes"] = json::array({yes, no});
  activity["configurationArguments"] = {{"criteria", {{"default_path_1", xml}}}};
  activity["metaData"] = {{"isConfigured", true}};
  return activity;
}

class JourneyWriter {
public:
  JourneyWriter(BuildContext &ctx, const sema::Flow &flow, const FlowPlan &plan)
      : ctx_(ctx), flow_(flow), plan_(plan), key_(journeyKey(ctx, flow)) {}

  std::optional<json> activities() {
    std::vector<std::vector<Link>> chains(plan_.nodes.size());
    for (NodeIndex i = 0; i < plan_.nodes.size(); ++i)
      if (!chain(i, chains[i]))
        return std::nullopt;
    // The key each node is entered by, taken before the activities are moved
    // out: with joins, a node is also named by nodes that come after it.
    std::vector<std::string> entries(plan_.nodes.size());
    for (NodeIndex i = 0; i < plan_.nodes.size(); ++i)
      entries[i] = chains[i].front().activity["key"].get<std::string>();
    auto first = [&](NodeIndex index) { return index == kEnd ? std::string() : entries[index]; };
    json out = json::array();
    std::string entry = first(plan_.entry);
    if (plan_.neverEnrols || !plan_.enrolmentFilters.empty()) {
      std::string xml = plan_.neverEnrols ? neverXml() : filterXmlAll(ctx_, plan_.enrolmentFilters);
      out.push_back(decision(key_, "MULTICRITERIADECISIONV2-require", "Enrolment filter", xml,
                             plan_.neverEnrols ? "" : entry, ""));
    }
    for (NodeIndex i = 0; i < plan_.nodes.size(); ++i) {
      const PlanNode &node = plan_.node(i);
      if (node.kind == PlanNode::Kind::Branch) {
        json &activity = chains[i].front().activity;
        activity["outcomes"][0]["next"] = first(node.ifTrue);
        activity["outcomes"][1]["next"] = first(node.ifFalse);
        for (json &o : activity["outcomes"])
          if (o["next"] == "")
            o.erase("next");
      } else {
        link(chains[i], first(node.next));
      }
      for (Link &l : chains[i])
        out.push_back(std::move(l.activity));
    }
    return out;
  }

private:
  /// The activities of node `index`, in order, outcomes not yet linked.
  bool chain(NodeIndex index, std::vector<Link> &links) {
    const PlanNode &node = plan_.node(index);
    std::string number = std::to_string(node.number);
    if (node.kind == PlanNode::Kind::Branch) {
      std::string name =
          node.safeModeGuard ? "Safe mode: " + audienceName(node.condition) : "Decision " + number;
      links.push_back({decision(key_, "MULTICRITERIADECISIONV2-" + number, name,
                                filterXml(ctx_, node.condition), "", ""),
                       false});
      return true;
    }
    const sema::Stmt &stmt = ctx_.program().stmt(node.stmt);
    std::string key = std::string(stepKeyPrefix(ctx_.program(), stmt)) + "-" + number;
    if (std::optional<sema::Channel> channel = analyzer::sendChannel(stmt))
      sendPolicies(*channel, stmt, key, links);
    std::optional<json> activity = stepActivity(ctx_, flow_, node, key_, key);
    if (!activity)
      return false;
    links.push_back({std::move(*activity), false});
    return true;
  }

  /// The guard decision (suppression, consent policy) and quiet-hours waits before a send.
  void sendPolicies(sema::Channel channel, const sema::Stmt &stmt, const std::string &key,
                    std::vector<Link> &links) {
    std::vector<sema::AssetRef> excluded;
    std::optional<sema::Channel> consent;
    std::vector<const sema::PolicyRule *> quiet;
    bool marketing = !analyzer::isTransactional(ctx_.program(), stmt.target);
    for (const sema::PolicyRule *rule : ctx_.policies(flow_)) {
      switch (rule->kind) {
      case sema::PolicyKind::SuppressList:
        excluded.push_back({sema::AssetKind::List, rule->list.value});
        break;
      case sema::PolicyKind::SuppressSegment:
        excluded.push_back({sema::AssetKind::Segment, rule->segment.value});
        break;
      case sema::PolicyKind::RequireConsent:
        if (rule->channel == channel && marketing)
          consent = channel;
        break;
      case sema::PolicyKind::QuietHours:
        if (rule->channel == channel)
          quiet.push_back(rule);
        break;
      case sema::PolicyKind::SuppressUnsubscribed:
        break; // the platform's own subscriber status
      }
    }
    if (!excluded.empty() || consent)
      links.push_back({decision(key_, key + "-policy", "Suppression and consent",
                                guardXml(ctx_, excluded, consent), "", ""),
                       true});
    for (size_t i = 0; i < quiet.size(); ++i)
      links.push_back(
          {quietHoursWait(*quiet[i], key_, key + "-quiet" + (i ? std::to_string(i + 1) : "")),
           false});
  }

  /// Links each activity of a step's chain to the next, the last to `next`.
  void link(std::vector<Link> &links, const std::string &next) {
    for (size_t i = 0; i < links.size(); ++i) {
      std::string to =
          i + 1 < links.size() ? links[i + 1].activity["key"].get<std::string>() : next;
      json &activity = links[i].activity;
      if (links[i].guard) {
        activity["outcomes"][0]["next"] = to;
        if (to.empty())
          activity["outcomes"][0].erase("next");
        continue;
      }
      activity["outcomes"] =
          json::array({outcome(key_, activity["key"].get<std::string>(), "", to)});
    }
  }

  std::string audienceName(const Condition &condition) const {
    if (condition.op == Condition::Op::Audience)
      return ctx_.displayName(ctx_.program().declared(condition.audience));
    return "audience";
  }

  BuildContext &ctx_;
  const sema::Flow &flow_;
  const FlowPlan &plan_;
  std::string key_;
};

json journeyDefaults(const BuildContext &ctx) {
  json defaults = json::object();
  for (uint32_t i = 0; i < ctx.program().fields.size(); ++i)
    if (ctx.program().fields[i].type == sema::FieldType::Email) {
      std::string column = ctx.fieldName(sema::FieldId{i});
      defaults["email"] = json::array({"{{" + attributeKey(ctx, column) + "}}"});
      break;
    }
  return defaults;
}

} // namespace

std::optional<Journey> buildJourney(BuildContext &ctx, sema::FlowId id) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  // Paths join at the activity after the decision: several outcomes name one
  // key (Journey Builder's "join"), so each statement is emitted once.
  const FlowPlan &plan = ctx.plan(id);
  if (plan.tooLarge)
    return std::nullopt;
  std::optional<Entry> entry = journeyEntry(ctx, flow);
  std::optional<json> activities = JourneyWriter(ctx, flow, plan).activities();
  if (!entry || !activities)
    return std::nullopt;
  json body = {{"key", journeyKey(ctx, flow)},
               {"name", ctx.displayName(flow)},
               {"description", "Compiled by mac from flow `" + flow.name + "` (" +
                                   ctx.releaseTag() + ", " + std::string(ctx.environment().name()) +
                                   ")"},
               {"workflowApiVersion", 1},
               {"entryMode", entryMode(flow)},
               {"definitionType", "Multistep"},
               {"channel", ""},
               {"triggers", json::array({entry->trigger})},
               {"activities", std::move(*activities)},
               {"goals", journeyGoals(ctx, plan)},
               {"exits", json::array()},
               {"notifiers", json::array()},
               {"defaults", journeyDefaults(ctx)}};
  return Journey{std::move(body), std::move(*entry)};
}

} // namespace mac::backend::sfmc
