// The flow plan as Klaviyo `actions`: one action per plan node, in node
// order, with `temporary_id` "action-N" (N = the node's pre-order number) and
// `links` (`next`, or `next_if_true` / `next_if_false` for a
// `conditional-split`); `null` ends the path. Several links may name one
// action: the branches of an `if` join at the statement after it, so every
// statement is one action (no copies). A `require` filter
// becomes a first `conditional-split` whose false side ends the flow.
#include "backends/klaviyo/klaviyo_context.h"

#include "analyzer/program_queries.h"

namespace mac::backend::klaviyo {

namespace {

using sema::StmtKind;

json delayData(KlaviyoContext &k, int64_t seconds, SourceRange range, Construct construct) {
  if (seconds % 86400 == 0)
    return {{"unit", "days"}, {"value", seconds / 86400}};
  if (seconds % 3600 == 0)
    return {{"unit", "hours"}, {"value", seconds / 3600}};
  if (seconds % 60 != 0)
    k.ctx.approximated(range, construct,
                       "Klaviyo delays count whole minutes: rounded up to " +
                           std::to_string(seconds / 60 + 1) + " minutes");
  return {{"unit", "minutes"}, {"value", (seconds + 59) / 60}};
}

class ActionBuilder {
public:
  ActionBuilder(KlaviyoContext &k, const sema::Flow &flow, const FlowPlan &plan)
      : k_(k), program_(k.program), flow_(flow), plan_(plan) {
    for (const sema::PolicyRule *rule : k.ctx.policies(flow)) {
      if (rule->kind == sema::PolicyKind::QuietHours && rule->channel == sema::Channel::Sms)
        smsQuietHours_ = true;
      if (rule->kind == sema::PolicyKind::RequireConsent)
        consentChannels_.insert(rule->channel);
    }
  }

  static json link(const FlowPlan &plan, NodeIndex index) {
    return index == kEnd ? json(nullptr)
                         : json("action-" + std::to_string(plan.node(index).number));
  }

  std::optional<json> action(const PlanNode &node) {
    json action;
    action["temporary_id"] = "action-" + std::to_string(node.number);
    if (node.kind == PlanNode::Kind::Branch) {
      std::optional<json> filter = filterOf(k_, node.condition, node.range);
      if (!filter)
        return std::nullopt;
      action["type"] = "conditional-split";
      action["links"] = {{"next_if_true", link(plan_, node.ifTrue)},
                         {"next_if_false", link(plan_, node.ifFalse)}};
      action["data"] = {{"profile_filter", std::move(*filter)}};
      return action;
    }
    action["links"] = {{"next", link(plan_, node.next)}};
    return step(program_.stmt(node.stmt), action) ? std::optional<json>(action) : std::nullopt;
  }

private:
  bool step(const sema::Stmt &stmt, json &action) {
    switch (stmt.kind) {
    case StmtKind::Send:
      return send(stmt, action);
    case StmtKind::Set:
      return setField(stmt, action);
    case StmtKind::Wait:
      action["type"] = "time-delay";
      action["data"] = delayData(k_, stmt.value.seconds, stmt.range, Construct::Wait);
      return true;
    case StmtKind::WaitEvent:
      action["type"] = "time-delay";
      action["data"] = delayData(k_, stmt.value.seconds, stmt.range, Construct::WaitEvent);
      return true;
    case StmtKind::WaitUntil:
      action["type"] = "time-delay";
      action["data"] = {{"unit", "days"},
                        {"value", 0},
                        {"delay_until_time", clockText(stmt.value.seconds) + ":00"},
                        {"timezone", "profile"}};
      return true;
    case StmtKind::Call:
      return webhook(stmt, action);
    case StmtKind::AddTag:
    case StmtKind::RemoveTag:
    case StmtKind::AddToList:
    case StmtKind::RemoveFromList:
      return listUpdate(stmt, action);
    case StmtKind::Notify:
      return notify(stmt, action);
    case StmtKind::Emit:
      action["type"] = "internal-service";
      action["data"] = {{"status", "draft"},
                        {"service_configuration",
                         {{"service_method_type", "track-event"}, {"event_key", stmt.text}}}};
      return true;
    default:
      break;
    }
    k_.ctx.unsupported(stmt.range, Construct::Increment, "Klaviyo flows have no such action");
    return false;
  }

  std::optional<json> consentFilter(sema::Channel channel, sema::AssetRef tmpl) const {
    if (!consentChannels_.count(channel) || analyzer::isTransactional(program_, tmpl))
      return std::nullopt;
    return json{{"condition_groups",
                 json::array({{{"conditions", json::array({consentCondition(channel, true)})}}})}};
  }

  bool send(const sema::Stmt &stmt, json &action) {
    sema::Channel channel = *analyzer::sendChannel(stmt);
    json message = {{"name", k_.ctx.displayName(program_.declared(stmt.target))},
                    {"smart_sending_enabled", false},
                    {"transactional", analyzer::isTransactional(program_, stmt.target)}};
    if (std::optional<json> filter = consentFilter(channel, stmt.target))
      message["additional_filters"] = std::move(*filter);
    if (channel == sema::Channel::Email) {
      const sema::Email &email = program_.emails[stmt.target.index];
      auto [label, address] = splitFrom(email.from ? email.from->value : std::string());
      message["template_id"] = k_.assetId(stmt.target, stmt.nameRange, "email template");
      message["subject_line"] = klaviyoText(k_, email.subject ? email.subject->value : "");
      message["from_email"] = address.empty() ? json(nullptr) : json(address);
      message["from_label"] = label.empty() ? json(nullptr) : json(label);
      action["type"] = "send-email";
    } else if (channel == sema::Channel::Sms) {
      const sema::Sms &sms = program_.smses[stmt.target.index];
      message["template_id"] = k_.assetId(stmt.target, stmt.nameRange, "SMS template");
      message["body"] = klaviyoText(k_, sms.text ? sms.text->value : "");
      message["sms_quiet_hours_enabled"] = smsQuietHours_;
      message["add_opt_out_language"] = false;
      message["add_org_prefix"] = false;
      action["type"] = "send-sms";
    } else {
      const sema::Push &push = program_.pushes[stmt.target.index];
      message["title"] = push.title ? json(klaviyoText(k_, push.title->value)) : json(nullptr);
      message["body"] = klaviyoText(k_, push.text ? push.text->value : "");
      action["type"] = "send-mobile-push";
    }
    action["data"] = {{"status", "draft"}, {"message", std::move(message)}};
    return true;
  }

  bool setField(const sema::Stmt &stmt, json &action) {
    const sema::Value &value = stmt.value;
    json operation = {{"operator", "update"}, {"property_key", profileKey(k_, stmt.field)}};
    switch (value.kind) {
    case ast::LiteralKind::Number:
      operation["property_type"] = "numeric";
      operation["property_value"] = value.number;
      if (value.number == static_cast<double>(static_cast<int64_t>(value.number)))
        operation["property_value"] = static_cast<int64_t>(value.number);
      break;
    case ast::LiteralKind::Bool:
      operation["property_type"] = "boolean";
      operation["property_value"] = value.boolean;
      break;
    case ast::LiteralKind::Date:
      operation["property_type"] = "date";
      operation["property_value"] = value.text;
      break;
    default:
      operation["property_type"] = "string";
      operation["property_value"] = value.text;
      break;
    }
    action["type"] = "update-profile";
    action["data"] = {{"status", "draft"}, {"profile_operations", json::array({operation})}};
    return true;
  }

  bool listUpdate(const sema::Stmt &stmt, json &action) {
    bool isTag = stmt.kind == StmtKind::AddTag || stmt.kind == StmtKind::RemoveTag;
    bool add = stmt.kind == StmtKind::AddTag || stmt.kind == StmtKind::AddToList;
    std::string id = k_.assetId(stmt.target, stmt.nameRange, isTag ? "tag list" : "list");
    action["type"] = "list-update";
    action["data"] = {{"status", "draft"},
                      {"name", k_.ctx.displayName(program_.declared(stmt.target))},
                      {"list_id", id},
                      {"on_execution", add}};
    return true;
  }

  bool webhook(const sema::Stmt &stmt, json &action);
  bool notify(const sema::Stmt &stmt, json &action);

  KlaviyoContext &k_;
  const sema::Program &program_;
  const sema::Flow &flow_;
  const FlowPlan &plan_;
  bool smsQuietHours_ = false;
  std::set<sema::Channel> consentChannels_;
};

bool ActionBuilder::webhook(const sema::Stmt &stmt, json &action) {
  const sema::Webhook &hook = program_.webhooks[stmt.target.index];
  if (hook.method != "POST") {
    k_.ctx.unsupported(stmt.range, Construct::Webhook,
                       "Klaviyo webhook actions always POST; `" + hook.name + "` uses " +
                           hook.method);
    return false;
  }
  json headers = json::object();
  for (const sema::WebhookHeader &header : hook.headers) {
    if (!header.secret) {
      headers[header.name.value] = header.value.value;
      continue;
    }
    headers[header.name.value] = "<secret " + header.value.value + ">";
    k_.secrets.insert({k_.ctx.displayName(flow_), k_.ctx.displayName(hook), header.name.value,
                       header.value.value});
  }
  json body = json::object();
  for (sema::FieldId field : hook.payload)
    body[program_.field(field).name] = klaviyoText(k_, "{{" + program_.field(field).name + "}}");
  json message = {{"name", k_.ctx.displayName(hook)},
                  {"url", k_.ctx.webhookUrl(sema::WebhookId{stmt.target.index})},
                  {"headers", std::move(headers)},
                  {"body", body.dump()}};
  action["type"] = "send-webhook";
  action["data"] = {{"status", "draft"}, {"message", std::move(message)}};
  return true;
}

bool ActionBuilder::notify(const sema::Stmt &stmt, json &action) {
  const std::string &channel = stmt.text;
  std::string to =
      channel.find('@') != std::string::npos ? channel : k_.extraId("alert", channel, stmt.range);
  if (to != channel)
    k_.require({"alert recipient", channel, to, "internal alert email address for " + channel});
  json message = {{"from_email", nullptr},
                  {"from_label", nullptr},
                  {"to_emails", json::array({to})},
                  {"subject_line", klaviyoText(k_, stmt.message.value)}};
  action["type"] = "send-internal-alert";
  action["data"] = {{"status", "draft"}, {"message", std::move(message)}};
  return true;
}

} // namespace

bool buildActions(KlaviyoContext &k, sema::FlowId flowId, const FlowPlan &plan, json &actions,
                  json &entry) {
  const sema::Flow &flow = k.program.flows[flowId.value];
  ActionBuilder builder(k, flow, plan);
  actions = json::array();
  entry = ActionBuilder::link(plan, plan.entry);
  bool ok = true;
  if (!plan.enrolmentFilters.empty() && !plan.neverEnrols) {
    Condition all = Condition::of(Condition::Op::And);
    all.operands = plan.enrolmentFilters;
    std::optional<json> filter = filterOf(k, all.operands.size() == 1 ? all.operands.front() : all,
                                          k.program.cond(flow.enrolmentFilters.front()).range);
    ok = filter.has_value();
    if (filter) {
      actions.push_back({{"temporary_id", "enrolment-filter"},
                         {"type", "conditional-split"},
                         {"links", {{"next_if_true", entry}, {"next_if_false", nullptr}}},
                         {"data", {{"profile_filter", std::move(*filter)}}}});
      entry = "enrolment-filter";
    }
  }
  if (plan.neverEnrols) {
    entry = nullptr; // a `require` that is false in this environment: nobody enters
    return ok;
  }
  for (const PlanNode &node : plan.nodes) {
    std::optional<json> action = builder.action(node);
    if (!action)
      ok = false;
    else
      actions.push_back(std::move(*action));
  }
  return ok;
}

} // namespace mac::backend::klaviyo
