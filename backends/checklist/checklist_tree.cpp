// Building the checklist tree (see checklist_tree.h). The meeting point of a
// branch's paths is the first node (in the plan's pre-order numbering)
// reachable from both of them; for the structured graphs the lowering makes,
// that is the statement after the `if`.
#include "backends/checklist/checklist_tree.h"

#include <map>

namespace mac::backend::checklist {

namespace {

class TreeBuilder {
public:
  explicit TreeBuilder(const FlowPlan &plan) : plan_(plan) {}

  Tree build() {
    Tree tree;
    tree.plan = &plan_;
    if (plan_.entry != kEnd)
      sequence(plan_.entry, kEnd, tree.items);
    resolve(tree.items);
    tree.steps = counter_;
    return tree;
  }

private:
  std::vector<bool> reachable(NodeIndex from) const {
    std::vector<bool> seen(plan_.nodes.size(), false);
    std::vector<NodeIndex> work{from};
    while (!work.empty()) {
      NodeIndex n = work.back();
      work.pop_back();
      if (n == kEnd || seen[n])
        continue;
      seen[n] = true;
      const PlanNode &node = plan_.node(n);
      if (node.kind == PlanNode::Kind::Step) {
        work.push_back(node.next);
      } else {
        work.push_back(node.ifTrue);
        work.push_back(node.ifFalse);
      }
    }
    return seen;
  }

  NodeIndex join(const PlanNode &branch) const {
    std::vector<bool> a = reachable(branch.ifTrue), b = reachable(branch.ifFalse);
    for (NodeIndex i = 0; i < a.size(); ++i)
      if (a[i] && b[i])
        return i;
    return kEnd;
  }

  // Appends the items from `n` until the path reaches `stopAt` or ends.
  void sequence(NodeIndex n, NodeIndex stopAt, std::vector<Item> &out) {
    while (true) {
      if (n == kEnd) {
        if (stopAt != kEnd)
          out.push_back(Item{Item::Kind::End});
        return;
      }
      if (n == stopAt) {
        out.push_back(Item{Item::Kind::Continue, n});
        return;
      }
      const PlanNode &node = plan_.node(n);
      Item item{node.kind == PlanNode::Kind::Step ? Item::Kind::Step : Item::Kind::Branch, n,
                ++counter_};
      numbers_[n] = item.number;
      if (node.kind == PlanNode::Kind::Step) {
        out.push_back(std::move(item));
        n = node.next;
        continue;
      }
      NodeIndex meet = join(node);
      NodeIndex until = meet != kEnd ? meet : stopAt;
      sequence(node.ifTrue, until, item.yes);
      sequence(node.ifFalse, until, item.no);
      out.push_back(std::move(item));
      if (meet == kEnd || meet == stopAt)
        return; // the paths ended, or already said where they go on
      n = meet;
    }
  }

  void resolve(std::vector<Item> &items) {
    for (Item &item : items) {
      if (item.kind == Item::Kind::Continue)
        item.number = numbers_[item.node];
      resolve(item.yes);
      resolve(item.no);
    }
  }

  const FlowPlan &plan_;
  int counter_ = 0;
  std::map<NodeIndex, int> numbers_;
};

} // namespace

Tree buildTree(const FlowPlan &plan) { return TreeBuilder(plan).build(); }

} // namespace mac::backend::checklist
