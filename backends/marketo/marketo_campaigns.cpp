// How a flow plan is split into Marketo smart campaigns, and the DEPLOY.md
// section that builds them. Marketo's flow is a list of steps, each with
// optional choices; a branch whose one path is a single step (and whose
// other path is empty) becomes that step with a choice, any other branch an
// **Execute Campaign** step that runs an executable campaign per path and
// then goes on, so paths meet again naturally. A choice takes one filter: a
// compound condition becomes a smart list of its own, tested with
// **Member of Smart List**.
#include "backends/marketo/marketo.h"

#include "backends/checklist/checklist_writer.h"
#include "backends/checklist/phrases.h"

namespace mac::backend::marketo {

using checklist::bold;
using checklist::code;
using checklist::Item;

namespace {

size_t realItems(const std::vector<Item> &path) {
  size_t n = 0;
  for (const Item &item : path)
    n += item.kind != Item::Kind::Continue;
  return n;
}

/// True when the path goes on with the steps after its branch (rather than
/// leaving the flow); a path ending in a branch goes on when one of its paths does.
bool continues(const std::vector<Item> &path) {
  if (path.empty())
    return false;
  const Item &last = path.back();
  return last.kind == Item::Kind::Continue ||
         (last.kind == Item::Kind::Branch && (continues(last.yes) || continues(last.no)));
}

bool isPlainStep(const Item &item, const FlowPlan &plan, const sema::Program &program) {
  if (item.kind != Item::Kind::Step)
    return false;
  sema::StmtKind kind = program.stmt(plan.node(item.node).stmt).kind;
  return kind != sema::StmtKind::Wait && kind != sema::StmtKind::WaitUntil &&
         kind != sema::StmtKind::WaitEvent && kind != sema::StmtKind::Stop &&
         kind != sema::StmtKind::Emit;
}

/// Adds the executable campaigns under `items` (the flow of the campaign
/// named by `suffix`); inline choices stay in the campaign they are in.
void collect(const std::vector<Item> &items, const std::string &suffix, const FlowPlan &plan,
             const sema::Program &program, std::vector<Campaign> &out) {
  int local = 0;
  for (const Item &item : items) {
    if (item.kind == Item::Kind::Continue)
      continue;
    ++local;
    if (item.kind != Item::Kind::Branch || isInlineChoice(item, plan, program))
      continue;
    for (bool yes : {true, false}) {
      const std::vector<Item> &path = yes ? item.yes : item.no;
      if (!realItems(path))
        continue;
      std::string child = suffix + " · " + std::to_string(local) + (yes ? " yes" : " no");
      out.push_back({child, &path, true, &item, yes});
      collect(path, child, plan, program, out);
    }
  }
}

const Campaign *pathCampaign(const std::vector<Campaign> &campaigns, const Item &branch, bool yes) {
  for (const Campaign &campaign : campaigns)
    if (campaign.branch == &branch && campaign.yes == yes)
      return &campaign;
  return nullptr;
}

} // namespace

bool isInlineChoice(const Item &item, const FlowPlan &plan, const sema::Program &program) {
  if (item.kind != Item::Kind::Branch || continues(item.yes) != continues(item.no))
    return false;
  size_t yes = realItems(item.yes), no = realItems(item.no);
  const std::vector<Item> &single = yes == 1 ? item.yes : item.no;
  return yes + no == 1 && isPlainStep(single.front(), plan, program);
}

std::vector<Campaign> campaignsOf(const checklist::Tree &tree, const sema::Program &program) {
  std::vector<Campaign> out{{"", &tree.items, false}};
  collect(tree.items, "", *tree.plan, program, out);
  if (!tree.plan->goals.empty())
    out.push_back({" · goal", nullptr, false});
  return out;
}

namespace {

/// Writes the flow steps of one campaign; collects the smart lists its
/// choices need (name, rules).
class CampaignWriter {
public:
  CampaignWriter(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                 const sema::Flow &flow, const FlowPlan &plan,
                 const std::vector<Campaign> &campaigns)
      : md_(md), ctx_(ctx), words_(words), flow_(flow), plan_(plan), campaigns_(campaigns),
        display_(ctx.displayName(flow)) {}

  void steps(const std::vector<Item> &items) {
    int n = 0;
    for (const Item &item : items) {
      std::string number = bold(std::to_string(++n) + ".") + " ";
      switch (item.kind) {
      case Item::Kind::Continue:
        --n;
        break;
      case Item::Kind::End:
        md_.item(0, number + words_.end());
        break;
      case Item::Kind::Step:
        step(number, item.node, "");
        break;
      case Item::Kind::Branch:
        branch(number, item);
        break;
      }
    }
    if (n == 0)
      md_.item(0, "No flow steps.");
    md_.endList();
  }

  const std::vector<std::pair<std::string, std::string>> &smartLists() const { return lists_; }

private:
  void step(const std::string &number, NodeIndex node, const std::string &choice) {
    checklist::StepText text = words_.step(ctx_, flow_, plan_.node(node));
    md_.item(0, number + text.action);
    for (const std::string &setting : text.settings)
      md_.item(1, setting);
    if (!choice.empty())
      md_.item(1, "**Add Choice**: **If** " + choice +
                      " → this step; **Default choice**: **Do "
                      "Nothing**.");
  }

  /// One filter for a choice: the leaf itself, or a smart list of the rules.
  std::string choice(const Item &item, bool negated) {
    const PlanNode &node = plan_.node(item.node);
    Condition condition = node.condition;
    if (negated) {
      Condition wrapped = Condition::of(Condition::Op::Not);
      wrapped.operands.push_back(std::move(condition));
      condition = std::move(wrapped);
    }
    std::optional<Dnf> dnf = toDnf(condition, 16);
    if (dnf && dnf->size() == 1 && dnf->front().size() == 1)
      return words_.leaf(ctx_, *dnf->front().front().leaf, dnf->front().front().negated) +
             (node.safeModeGuard ? " (safe mode)" : "");
    std::string name = display_ + " · condition " + std::to_string(item.number);
    lists_.push_back({name, checklist::conditionText(ctx_, words_, condition)});
    return "**Member of Smart List** in " + code(name);
  }

  void branch(const std::string &number, const Item &item) {
    if (isInlineChoice(item, plan_, ctx_.program())) {
      bool yes = realItems(item.yes) == 1;
      const std::vector<Item> &path = yes ? item.yes : item.no;
      step(number, path.front().node, choice(item, !yes));
      return;
    }
    const Campaign *yes = pathCampaign(campaigns_, item, true);
    const Campaign *no = pathCampaign(campaigns_, item, false);
    bool hasYes = yes != nullptr, hasNo = no != nullptr;
    std::string first = code(display_ + (hasYes ? yes : no)->suffix);
    md_.item(0, number + "flow step **Execute Campaign**, **Use Parent Campaign Token "
                         "Context** checked:");
    md_.item(1, "**Add Choice**: **If** " + choice(item, !hasYes) + " → **Execute Campaign** " +
                    first + ".");
    md_.item(1, "**Default choice**: " +
                    (hasYes && hasNo ? "**Execute Campaign** " + code(display_ + no->suffix) + "."
                                     : std::string("**Do Nothing**.")));
  }

  checklist::Markdown &md_;
  BuildContext &ctx_;
  const Words &words_;
  const sema::Flow &flow_;
  const FlowPlan &plan_;
  const std::vector<Campaign> &campaigns_;
  std::string display_;
  std::vector<std::pair<std::string, std::string>> lists_;
};

} // namespace

std::vector<std::pair<std::string, std::string>>
writeCampaignSteps(checklist::Markdown &md, BuildContext &ctx, const Words &words,
                   const sema::Flow &flow, const FlowPlan &plan,
                   const std::vector<Campaign> &campaigns, const Campaign &campaign) {
  CampaignWriter writer(md, ctx, words, flow, plan, campaigns);
  writer.steps(*campaign.items);
  return writer.smartLists();
}

} // namespace mac::backend::marketo
