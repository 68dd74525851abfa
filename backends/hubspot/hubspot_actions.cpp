// The flow plan as HubSpot's flat `actions[]`. Every plan node becomes one
// action whose `actionId` is the node's number; branches are LIST_BRANCH
// actions with one filtered branch (the `if`) and the default branch (the
// `else`). Branches rejoin: the first edge into an action is STANDARD, every
// later one is a GOTO edge (HubSpot's "go to action"). A send on a channel
// with a `require consent` policy gets a consent LIST_BRANCH in front of it,
// numbered after the plan's nodes. A path that ends has no `connection`.
#include "backends/hubspot/hubspot.h"

#include "analyzer/program_queries.h"

namespace mac::backend::hubspot {

namespace {

using sema::StmtKind;

json single(std::string_view actionTypeId, json fields) {
  return {{"type", "SINGLE_CONNECTION"},
          {"actionTypeId", actionTypeId},
          {"actionTypeVersion", 0},
          {"fields", std::move(fields)}};
}

json setProperty(const std::string &property, json value) {
  return single("0-5", {{"property_name", property}, {"value", std::move(value)}});
}

json staticValue(std::string value) {
  return {{"type", "STATIC_VALUE"}, {"staticValue", std::move(value)}};
}

/// Whole amounts as integers (`10`, not `10.0`).
json amount(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value)))
    return static_cast<int64_t>(value);
  return value;
}

std::string literalText(const sema::Value &value) {
  if (value.kind == ast::LiteralKind::Bool)
    return value.boolean ? "true" : "false";
  return value.text;
}

class ActionWriter {
public:
  ActionWriter(HubspotEmitter &emitter, const FlowPlan &plan)
      : emitter_(emitter), ctx_(emitter.ctx()), program_(emitter.program()), plan_(plan),
        nextId_(static_cast<uint32_t>(plan.nodes.size()) + 1) {
    const sema::Flow &flow = program_.flows[plan.flow.value];
    for (const sema::PolicyRule *rule : ctx_.policies(flow))
      if (rule->kind == sema::PolicyKind::RequireConsent)
        consentChannels_.insert(rule->channel);
    for (NodeIndex i = 0; i < plan.nodes.size(); ++i)
      if (std::optional<sema::Channel> channel = guardChannel(plan.nodes[i]))
        guards_[i] = nextId_++;
  }

  bool write(json &body) {
    json actions = json::array();
    bool ok = true;
    for (NodeIndex i = 0; i < plan_.nodes.size(); ++i) {
      if (guards_.count(i))
        ok &= consentGuard(i, actions);
      ok &= node(i, actions);
    }
    body["actions"] = std::move(actions);
    if (plan_.entry != kEnd)
      body["startActionId"] = entryId(plan_.entry);
    body["nextAvailableActionId"] = std::to_string(nextId_);
    return ok;
  }

private:
  std::optional<sema::Channel> guardChannel(const PlanNode &node) const {
    if (node.kind != PlanNode::Kind::Step)
      return std::nullopt;
    const sema::Stmt &stmt = program_.stmt(node.stmt);
    std::optional<sema::Channel> channel = analyzer::sendChannel(stmt);
    if (!channel || !consentChannels_.count(*channel) ||
        analyzer::isTransactional(program_, stmt.target))
      return std::nullopt;
    return channel;
  }

  std::string entryId(NodeIndex index) const {
    auto guard = guards_.find(index);
    return std::to_string(guard != guards_.end() ? guard->second : plan_.node(index).number);
  }

  /// The connection to `target`, or null when the path ends.
  json connection(NodeIndex target) {
    if (target == kEnd)
      return nullptr;
    std::string id = entryId(target);
    bool first = standard_.insert(id).second;
    return {{"edgeType", first ? "STANDARD" : "GOTO"}, {"nextActionId", id}};
  }

  static void connect(json &action, json connection) {
    if (!connection.is_null())
      action["connection"] = std::move(connection);
  }

  json listBranch(std::string id, json filterBranch, std::string name, NodeIndex ifTrue,
                  NodeIndex ifFalse) {
    json branch = {{"branchName", std::move(name)}, {"filterBranch", std::move(filterBranch)}};
    connect(branch, connection(ifTrue));
    json action = {{"type", "LIST_BRANCH"},
                   {"actionId", std::move(id)},
                   {"listBranches", json::array({branch})},
                   {"defaultBranchName", "Otherwise"}};
    json otherwise = connection(ifFalse);
    if (!otherwise.is_null())
      action["defaultBranch"] = std::move(otherwise);
    return action;
  }

  bool consentGuard(NodeIndex index, json &actions) {
    const PlanNode &node = plan_.node(index);
    sema::Channel channel = *guardChannel(node);
    const sema::Consent *consent = program_.consent(channel);
    if (!consent) {
      ctx_.unsupported(node.range, Construct::RequireConsentPolicy,
                       "the bundle declares no `consent` for this channel");
      return false;
    }
    json op = {{"operationType", "BOOL"},
               {"operator", "IS_EQUAL_TO"},
               {"includeObjectsWithNoValueSet", false},
               {"value", true}};
    json filter = {{"filterType", "PROPERTY"},
                   {"property", emitter_.property(consent->field)},
                   {"operation", std::move(op)}};
    json branch =
        HubspotEmitter::orBranch(json::array({HubspotEmitter::andGroup(json::array({filter}))}));
    std::string id = std::to_string(guards_.at(index));
    std::string name = "Consent " + std::string(sema::channelName(channel));
    // The guard is the only way into the send (STANDARD); skipping the send
    // joins the send's own next action, which keeps its STANDARD edge.
    std::string send = std::to_string(node.number);
    standard_.insert(send);
    json branchJson = {{"branchName", name},
                       {"filterBranch", std::move(branch)},
                       {"connection", {{"edgeType", "STANDARD"}, {"nextActionId", send}}}};
    json action = {{"type", "LIST_BRANCH"},
                   {"actionId", id},
                   {"listBranches", json::array({branchJson})},
                   {"defaultBranchName", "No consent"}};
    if (node.next != kEnd)
      action["defaultBranch"] = {{"edgeType", "GOTO"}, {"nextActionId", entryId(node.next)}};
    actions.push_back(std::move(action));
    return true;
  }

  bool node(NodeIndex index, json &actions) {
    const PlanNode &node = plan_.node(index);
    std::string id = std::to_string(node.number);
    if (node.kind == PlanNode::Kind::Branch) {
      json filterBranch;
      if (!emitter_.filterBranch(node.condition, node.range, filterBranch))
        return false;
      std::string name = node.safeModeGuard ? "Safe mode audience" : "If";
      actions.push_back(listBranch(id, std::move(filterBranch), name, node.ifTrue, node.ifFalse));
      return true;
    }
    json action;
    if (!step(program_.stmt(node.stmt), action))
      return false;
    action["actionId"] = id;
    connect(action, connection(node.next));
    actions.push_back(std::move(action));
    return true;
  }

  bool step(const sema::Stmt &stmt, json &action);
  json wait(const sema::Stmt &stmt);
  bool webhook(const sema::Stmt &stmt, json &action);
  bool assignOwner(const sema::Stmt &stmt, json &action);

  HubspotEmitter &emitter_;
  BuildContext &ctx_;
  const sema::Program &program_;
  const FlowPlan &plan_;
  uint32_t nextId_;
  std::set<sema::Channel> consentChannels_;
  std::map<NodeIndex, uint32_t> guards_; ///< send node → its consent guard's id
  std::set<std::string> standard_;       ///< actions with a STANDARD edge into them
};

json ActionWriter::wait(const sema::Stmt &stmt) {
  int64_t seconds = stmt.value.seconds;
  std::string_view unit = "MINUTES";
  int64_t delta = (seconds + 59) / 60;
  if (seconds % 86400 == 0)
    unit = "DAYS", delta = seconds / 86400;
  else if (seconds % 3600 == 0)
    unit = "HOURS", delta = seconds / 3600;
  else if (seconds % 60 != 0)
    ctx_.approximated(stmt.range, Construct::Wait,
                      "HubSpot delays count whole minutes: the wait is rounded up to " +
                          std::to_string(delta) + " minutes");
  return single("0-1", {{"delta", std::to_string(delta)}, {"time_unit", unit}});
}

bool ActionWriter::step(const sema::Stmt &stmt, json &action) {
  switch (stmt.kind) {
  case StmtKind::Send: {
    std::string id = ctx_.platformId(stmt.target, stmt.nameRange);
    bool sms = stmt.target.kind == sema::AssetKind::Sms;
    action = single(sms ? "0-40900952" : "0-4", {{"content_id", id}});
    return true;
  }
  case StmtKind::Set:
    action = setProperty(emitter_.property(stmt.field), staticValue(literalText(stmt.value)));
    return true;
  case StmtKind::Increment:
    action = setProperty(emitter_.property(stmt.field),
                         {{"type", "INCREMENT"}, {"incrementAmount", amount(stmt.value.number)}});
    return true;
  case StmtKind::Wait:
    action = wait(stmt);
    return true;
  case StmtKind::WaitUntil: {
    json time = {{"hour", stmt.value.seconds / 60}, {"minute", stmt.value.seconds % 60}};
    action = single("0-1", {{"delta", "0"}, {"time_unit", "DAYS"}, {"time_of_day", time}});
    return true;
  }
  case StmtKind::WaitEvent: {
    emitter_.useEvent(stmt.text);
    json branch = {{"filterBranchType", "UNIFIED_EVENTS"},
                   {"filterBranchOperator", "AND"},
                   {"eventTypeId", deployPlaceholder("event", stmt.text)},
                   {"operator", "HAS_COMPLETED"},
                   {"filters", json::array()},
                   {"filterBranches", json::array()}};
    action = single("0-29", {{"event_filter_branches", json::array({branch})},
                             {"expiration_minutes", std::to_string(stmt.value.seconds / 60)}});
    return true;
  }
  case StmtKind::Call:
    return webhook(stmt, action);
  case StmtKind::AssignOwner:
    return assignOwner(stmt, action);
  case StmtKind::AddTag:
  case StmtKind::RemoveTag:
    action = setProperty(emitter_.tagProperty(sema::TagId{stmt.target.index}),
                         staticValue(stmt.kind == StmtKind::AddTag ? "true" : "false"));
    return true;
  case StmtKind::AddToList:
  case StmtKind::RemoveFromList:
    action = single(stmt.kind == StmtKind::AddToList ? "0-63809083" : "0-63863438",
                    {{"listId", emitter_.listId(stmt.target, stmt.nameRange)}});
    return true;
  case StmtKind::Notify:
    action = single("0-9", {{"team_ids", json::array({emitter_.deployValue("team", stmt.text)})},
                            {"subject", emitter_.tokens(stmt.message.value)},
                            {"body", emitter_.tokens(stmt.message.value)}});
    return true;
  default:
    break;
  }
  ctx_.unsupported(stmt.range, Construct::EmitEvent, "HubSpot has no workflow action for this");
  return false;
}

bool ActionWriter::webhook(const sema::Stmt &stmt, json &action) {
  const sema::Webhook &hook = program_.webhooks[stmt.target.index];
  std::string url = ctx_.webhookUrl(sema::WebhookId{stmt.target.index});
  if (url.empty()) {
    ctx_.unsupported(stmt.range, Construct::Webhook, "the webhook has no URL in this environment");
    return false;
  }
  action = {{"type", "WEBHOOK"},
            {"method", hook.method},
            {"webhookUrl", url},
            {"queryParams", json::array()}};
  const sema::WebhookHeader *secret = nullptr;
  for (const sema::WebhookHeader &header : hook.headers) {
    if (!header.secret)
      continue;
    if (secret) {
      ctx_.unsupported(stmt.range, Construct::Webhook,
                       "a HubSpot webhook action authenticates with one secret header only");
      return false;
    }
    secret = &header;
  }
  if (secret)
    action["authSettings"] = {{"type", "AUTH_KEY"},
                              {"location", "HEADER"},
                              {"name", secret->name.value},
                              {"secretName", secret->value.value}};
  return true;
}

bool ActionWriter::assignOwner(const sema::Stmt &stmt, json &action) {
  const std::string &who = stmt.message.value;
  if (stmt.text == "round_robin") {
    action = single("0-11", {{"team_ids", json::array({emitter_.deployValue("team", who)})},
                             {"target_property", "hubspot_owner_id"},
                             {"overwrite_current_owner", "true"}});
    return true;
  }
  if (stmt.text == "user") {
    action = setProperty("hubspot_owner_id", staticValue(emitter_.deployValue("owner", who)));
    return true;
  }
  ctx_.unsupported(stmt.range, Construct::AssignOwner,
                   "HubSpot workflows assign owners by rotation or to a user, not to a queue");
  return false;
}

} // namespace

bool emitActions(HubspotEmitter &emitter, const FlowPlan &plan, json &body) {
  return ActionWriter(emitter, plan).write(body);
}

} // namespace mac::backend::hubspot
