// The shared parts of DEPLOY.md (see checklist_writer.h).
#include "backends/checklist/checklist_writer.h"

#include "backends/checklist/phrases.h"

namespace mac::backend::checklist {

std::string flowTitle(BuildContext &ctx, const sema::Flow &flow) {
  return code(ctx.displayName(flow)) + " (" + code(flow.name) + ")";
}

void writeHeader(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary,
                 std::string_view intro) {
  const sema::Program &program = ctx.program();
  std::string tag = ctx.releaseTag();
  md.heading(1, std::string(vocabulary.platform()) + " build checklist: " + program.bundle.display +
                    (tag.empty() ? "" : " " + tag));
  md.paragraph("Built by `mac` from bundle " + code(program.bundle.name) + " for environment " +
               code(std::string(ctx.environment().name())) +
               (ctx.production() ? " (production)." : " (non-production)."));
  md.paragraph(intro);
  md.paragraph("Rules for every step below:");
  const std::optional<sema::Text> &prefix = ctx.environment().prefix();
  if (prefix)
    md.item(0, "Every name starts with the environment prefix " + code(prefix->value) +
                   ": type or paste names exactly as shown between backticks.");
  else
    md.item(0, "Type or paste names exactly as shown between backticks.");
  md.item(0, "Build the steps in the order of their numbers; a step inside a **Yes** or **No** "
             "path goes on that path of the branch above it.");
  sema::AssetRef seeds = ctx.environment().safeMode();
  if (seeds.isValid())
    md.item(0, "Safe mode: before every send there is a branch on membership of " +
                   assetLabel(ctx, seeds) +
                   "; in this environment only those contacts may receive a message.");
  md.endList();
}

namespace {

void assetRows(BuildContext &ctx, const Vocabulary &vocabulary, sema::AssetKind kind, size_t count,
               std::vector<std::vector<std::string>> &rows) {
  for (uint32_t i = 0; i < count; ++i) {
    sema::AssetRef ref{kind, i};
    const sema::Declared &decl = ctx.program().declared(ref);
    std::optional<std::string> id = ctx.boundId(ref);
    std::string bound = id ? code(*id) : "not bound";
    if (kind == sema::AssetKind::Field)
      bound = code(ctx.fieldName(sema::FieldId{i}));
    rows.push_back(
        {vocabulary.assetKind(kind), code(ctx.displayName(decl)), code(decl.name), bound});
  }
}

void webhookDetails(Markdown &md, BuildContext &ctx, const sema::Webhook &webhook, uint32_t index) {
  std::string url = ctx.webhookUrl(sema::WebhookId{index});
  md.item(0, code(ctx.displayName(webhook)) + ": " + bold(webhook.method) + " " +
                 (url.empty() ? "(no URL for this environment)" : code(url)));
  for (const sema::WebhookHeader &header : webhook.headers)
    md.item(1, "Header " + code(header.name.value) + ": " +
                   (header.secret ? "the secret " + code(header.value.value) +
                                        " from your secret store (never paste it into a flow)"
                                  : code(header.value.value)));
  std::string payload;
  for (sema::FieldId field : webhook.payload)
    payload += (payload.empty() ? "" : ", ") + code(ctx.fieldName(field));
  if (!payload.empty())
    md.item(1, "JSON body fields: " + payload);
  if (webhook.retries)
    md.item(1, "Retries: " + std::to_string(*webhook.retries) + ", " +
                   durationText(webhook.backoffSeconds) + " apart");
  if (webhook.deadLetter)
    md.item(1, "Failed calls go to the dead-letter queue " + code(webhook.deadLetter->value));
  if (webhook.alert)
    md.item(1, "Failures alert " + code(webhook.alert->value));
}

} // namespace

void writeAssets(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary) {
  const sema::Program &program = ctx.program();
  md.heading(2, "Assets");
  md.paragraph("Create each of these in " + std::string(vocabulary.platform()) +
               " if it does not exist yet, with exactly this name. Ids come from `bindings/" +
               std::string(ctx.target()) + "." + std::string(ctx.environment().name()) +
               ".json`; add the id of every asset marked *not bound* there and build again.");
  std::vector<std::vector<std::string>> rows;
  using K = sema::AssetKind;
  assetRows(ctx, vocabulary, K::Field, program.fields.size(), rows);
  assetRows(ctx, vocabulary, K::Tag, program.tags.size(), rows);
  assetRows(ctx, vocabulary, K::List, program.lists.size(), rows);
  assetRows(ctx, vocabulary, K::Segment, program.segments.size(), rows);
  assetRows(ctx, vocabulary, K::Email, program.emails.size(), rows);
  assetRows(ctx, vocabulary, K::Sms, program.smses.size(), rows);
  assetRows(ctx, vocabulary, K::Push, program.pushes.size(), rows);
  assetRows(ctx, vocabulary, K::Webhook, program.webhooks.size(), rows);
  md.table({"Kind", "Name", "Identifier", "Id / API name"}, rows);
  for (uint32_t i = 0; i < program.segments.size(); ++i)
    md.item(0, "Segment " + code(ctx.displayName(program.segments[i])) + ": contacts where " +
                   segmentRules(ctx, vocabulary, sema::SegmentId{i}) + ".");
  md.endList();
  for (uint32_t i = 0; i < program.webhooks.size(); ++i)
    webhookDetails(md, ctx, program.webhooks[i], i);
  md.endList();
}

std::string branchCondition(BuildContext &ctx, const Vocabulary &vocabulary, const PlanNode &node) {
  std::string text = conditionText(ctx, vocabulary, node.condition);
  if (node.safeModeGuard)
    return text + " (safe mode of environment " + code(std::string(ctx.environment().name())) + ")";
  return text;
}

namespace {

void items(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary, const sema::Flow &flow,
           const FlowPlan &plan, const std::vector<Item> &list, int depth);

void path(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary, const sema::Flow &flow,
          const FlowPlan &plan, std::string_view name, const std::vector<Item> &list, int depth) {
  md.item(depth, bold(name) + " path:" +
                     (list.empty() ? " no further steps (the contact leaves the flow here)" : ""));
  items(md, ctx, vocabulary, flow, plan, list, depth + 1);
}

void items(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary, const sema::Flow &flow,
           const FlowPlan &plan, const std::vector<Item> &list, int depth) {
  for (const Item &item : list) {
    std::string number = bold(std::to_string(item.number) + ".") + " ";
    switch (item.kind) {
    case Item::Kind::Step: {
      StepText text = vocabulary.step(ctx, flow, plan.node(item.node));
      md.item(depth, number + text.action);
      for (const std::string &setting : text.settings)
        md.item(depth + 1, setting);
      break;
    }
    case Item::Kind::Branch:
      md.item(depth,
              number + vocabulary.branch(branchCondition(ctx, vocabulary, plan.node(item.node))));
      path(md, ctx, vocabulary, flow, plan, "Yes", item.yes, depth + 1);
      path(md, ctx, vocabulary, flow, plan, "No", item.no, depth + 1);
      break;
    case Item::Kind::End:
      md.item(depth, vocabulary.end());
      break;
    case Item::Kind::Continue:
      md.item(depth, vocabulary.continueAt(item.number));
      break;
    }
  }
}

} // namespace

void writeSteps(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary,
                const sema::Flow &flow, const Tree &tree) {
  if (tree.items.empty())
    md.item(0, "No steps: the flow has nothing to do in this environment.");
  items(md, ctx, vocabulary, flow, *tree.plan, tree.items, 0);
  md.endList();
}

void writeFlowHeading(Markdown &md, BuildContext &ctx, const sema::Flow &flow, const FlowPlan &plan,
                      std::string_view who) {
  md.heading(2, "Flow " + flowTitle(ctx, flow));
  if (plan.neverEnrols)
    md.paragraph("No " + std::string(who) +
                 " can enter this flow in this environment (an enrolment filter is always "
                 "false); build it only to keep environments alike.");
}

} // namespace mac::backend::checklist
