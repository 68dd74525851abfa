// The expected read-back of a built automation: what
// `GET /api/3/automations/{id}/blocks` should return once a person has
// followed DEPLOY.md, so that a drift check can compare. Blocks are listed in
// builder order with their parent (the If/Else they sit under, and which
// path), position and kind; `type` uses mac's names for the builder's block
// kinds and `params` the names a person picks (ids are ActiveCampaign's own).
#include "backends/activecampaign/activecampaign.h"

#include "analyzer/program_queries.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/phrases.h"

namespace mac::backend::activecampaign {

namespace {

using nlohmann::json;

json stepParams(BuildContext &ctx, const sema::Stmt &stmt, std::string &type) {
  using K = sema::StmtKind;
  auto name = [&](sema::AssetRef ref) { return ctx.displayName(ctx.program().declared(ref)); };
  switch (stmt.kind) {
  case K::Send:
    type = *analyzer::sendChannel(stmt) == sema::Channel::Sms ? "send_sms" : "send_email";
    return {{"message", name(stmt.target)}};
  case K::Set:
    type = "update_contact";
    return {{"field", ctx.fieldName(stmt.field)}, {"value", checklist::valueText(stmt.value)}};
  case K::Increment:
    type = "update_contact";
    return {{"field", ctx.fieldName(stmt.field)}, {"add", stmt.value.text}};
  case K::Wait:
    type = "wait";
    return {{"seconds", stmt.value.seconds}};
  case K::WaitUntil:
    type = "wait";
    return {{"until", checklist::clockText(stmt.value.seconds)}};
  case K::WaitEvent:
    type = "wait";
    return {{"event", stmt.text}, {"max_seconds", stmt.value.seconds}};
  case K::Call:
    type = "webhook";
    return {{"url", ctx.webhookUrl(sema::WebhookId{stmt.target.index})}};
  case K::AssignOwner:
    type = "split";
    return {{"team", stmt.message.value}};
  case K::AddTag:
    type = "add_tag";
    return {{"tag", name(stmt.target)}};
  case K::RemoveTag:
    type = "remove_tag";
    return {{"tag", name(stmt.target)}};
  case K::AddToList:
    type = "subscribe";
    return {{"list", name(stmt.target)}};
  case K::RemoveFromList:
    type = "unsubscribe";
    return {{"list", name(stmt.target)}};
  case K::Notify:
    type = "notify";
    return {{"to", stmt.text}, {"message", stmt.message.value}};
  case K::Emit: {
    type = "start_automation";
    json names = json::array();
    for (sema::FlowId flow : checklist::eventListeners(ctx.program(), stmt.text))
      names.push_back(ctx.displayName(ctx.program().flows[flow.value]));
    return {{"event", stmt.text}, {"automations", names}};
  }
  case K::Stop:
    type = "end";
    return json::object();
  case K::If:
    break;
  }
  type = "unknown";
  return json::object();
}

class BlockWriter {
public:
  BlockWriter(BuildContext &ctx, const Words &words, const FlowPlan &plan)
      : ctx_(ctx), words_(words), plan_(plan) {}

  void items(const std::vector<checklist::Item> &list, int parent, const char *path) {
    int order = 0;
    for (const checklist::Item &item : list) {
      json block = {{"parent", std::to_string(parent)}, {"ordernum", ++order}};
      if (path)
        block["path"] = path;
      switch (item.kind) {
      case checklist::Item::Kind::Step: {
        std::string type;
        block["params"] = stepParams(ctx_, ctx_.program().stmt(plan_.node(item.node).stmt), type);
        block["type"] = type;
        break;
      }
      case checklist::Item::Kind::Branch:
        block["type"] = "if_else";
        block["params"] = {{"condition", checklist::plain(checklist::conditionText(
                                             ctx_, words_, plan_.node(item.node).condition))}};
        break;
      case checklist::Item::Kind::End:
        block["type"] = "end";
        block["params"] = json::object();
        break;
      case checklist::Item::Kind::Continue:
        block["type"] = "goto";
        block["params"] = {{"target", std::to_string(item.number)}};
        break;
      }
      if (item.number && item.kind != checklist::Item::Kind::Continue)
        block["id"] = std::to_string(item.number);
      blocks_.push_back(std::move(block));
      if (item.kind == checklist::Item::Kind::Branch) {
        items(item.yes, item.number, "yes");
        items(item.no, item.number, "no");
      }
    }
  }

  json take() { return std::move(blocks_); }

private:
  BuildContext &ctx_;
  const Words &words_;
  const FlowPlan &plan_;
  json blocks_ = json::array();
};

json triggerBlock(BuildContext &ctx, const sema::Flow &flow, const sema::Trigger &trigger) {
  auto name = [&](sema::AssetRef ref) { return ctx.displayName(ctx.program().declared(ref)); };
  json block = {{"multientry", flow.reenrollAfterSeconds.has_value()}};
  using K = sema::TriggerKind;
  switch (trigger.kind) {
  case K::FormSubmitted:
    block["type"] = "form_submitted";
    block["params"] = {{"form", trigger.text}};
    break;
  case K::TagAdded:
    block["type"] = "tag_added";
    block["params"] = {{"tag", name({sema::AssetKind::Tag, trigger.tag.value})}};
    break;
  case K::ListJoined:
    block["type"] = "subscribe";
    block["params"] = {{"list", name({sema::AssetKind::List, trigger.list.value})}};
    break;
  case K::FieldChanged:
    block["type"] = "field_changed";
    block["params"] = {{"field", ctx.fieldName(trigger.field)}};
    if (trigger.value)
      block["params"]["to"] = checklist::valueText(*trigger.value);
    break;
  case K::Event:
  case K::Schedule:
    break;
  }
  return block;
}

} // namespace

nlohmann::json expectedBlocks(BuildContext &ctx, const Words &words, sema::FlowId id,
                              const checklist::Tree &tree, const std::string &bound) {
  const sema::Flow &flow = ctx.program().flows[id.value];
  BlockWriter writer(ctx, words, *tree.plan);
  writer.items(tree.items, 0, nullptr);
  json blocks = writer.take();
  size_t topLevel = 0;
  for (const json &block : blocks)
    topLevel += block["parent"] == "0";
  for (const Condition &goal : tree.plan->goals)
    blocks.push_back(
        {{"parent", "0"},
         {"ordernum", ++topLevel},
         {"type", "goal"},
         {"params",
          {{"condition", checklist::plain(checklist::conditionText(ctx, words, goal))}}}});
  json triggers = json::array();
  for (const sema::Trigger &trigger : flow.triggers)
    if (trigger.kind != sema::TriggerKind::Event)
      triggers.push_back(triggerBlock(ctx, flow, trigger));
  return {{"automation", {{"id", bound}, {"name", ctx.displayName(flow)}}},
          {"triggers", std::move(triggers)},
          {"blocks", std::move(blocks)}};
}

} // namespace mac::backend::activecampaign
