// structure() and sameStatement() (see structurer.h). Post-dominators are
// computed over the graph without its back edges, in post-order; a node whose
// paths all end is post-dominated by "everything", so a branch arm that stops
// does not hide where the other arms meet. Walks are iterative over nodes
// and recursive only over nesting (as deep as the flow's `if`s).
#include "importers/structurer.h"

#include "importers/ast_make.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace mac::importer {

namespace {

/// The nodes every path from a node passes through, not counting the paths
/// that end (so that a branch arm that stops does not hide a join).
using PostDom = std::set<std::string>;

class Structurer {
public:
  Structurer(BundleModel &model, const Graph &graph, const StructureHooks &hooks)
      : model_(model), graph_(graph), hooks_(hooks) {}

  std::vector<ast::Statement *> run(const std::string &entry, const ast::Node *owner) {
    order(entry);
    postDominators();
    Body body;
    walk("", entry, "", body);
    return model_.finish(body, owner);
  }

private:
  const GraphNode *node(const std::string &id) const {
    auto found = graph_.find(id);
    return found == graph_.end() ? nullptr : &found->second;
  }

  /// Depth-first order from `entry` with an explicit stack; marks back edges.
  void order(const std::string &entry) {
    if (entry.empty() || !node(entry))
      return;
    std::map<std::string, int> state; // 1: on the stack, 2: done
    std::vector<std::pair<std::string, size_t>> stack{{entry, 0}};
    state[entry] = 1;
    while (!stack.empty()) {
      auto &[id, index] = stack.back();
      const GraphNode *n = node(id);
      if (index < n->next.size()) {
        std::string to = n->next[index++];
        if (to.empty() || !node(to))
          continue;
        if (state[to] == 1)
          backEdges_.insert({id, to});
        else if (state[to] == 0) {
          state[to] = 1;
          stack.push_back({to, 0});
        }
        continue;
      }
      state[id] = 2;
      postOrder_.push_back(id);
      stack.pop_back();
    }
  }

  void postDominators() {
    for (const std::string &id : postOrder_) {
      PostDom result;
      bool first = true;
      for (const std::string &to : node(id)->next) {
        if (to.empty() || !node(to) || backEdges_.count({id, to}))
          continue;
        const PostDom &next = pdom_[to];
        if (first) {
          result = next;
          first = false;
          continue;
        }
        PostDom both;
        for (const std::string &n : result)
          if (next.count(n))
            both.insert(n);
        result = std::move(both);
      }
      result.insert(id);
      pdom_[id] = std::move(result);
    }
  }

  /// The node where at least two arms of branch `id` meet again, or "".
  std::string join(const std::string &id) const {
    std::map<std::string, int> arms;
    for (const std::string &to : node(id)->next) {
      if (to.empty() || !node(to) || backEdges_.count({id, to}))
        continue;
      for (const std::string &n : pdom_.at(to))
        ++arms[n];
    }
    std::string best;
    size_t bestSize = 0;
    for (const auto &[n, count] : arms)
      if (count >= 2 && pdom_.at(n).size() > bestSize)
        best = n, bestSize = pdom_.at(n).size();
    return best;
  }

  /// Converts the path from `id` (entered from `from`) until `stop`; returns
  /// true when it reached `stop`, false when it ended before.
  bool walk(std::string from, std::string id, const std::string &stop, Body &body) {
    while (!id.empty() && id != stop) {
      if (backEdges_.count({from, id})) {
        for (std::string &line : hooks_.loop(from, id))
          body.pending.push_back(std::move(line));
        return false;
      }
      const GraphNode *n = node(id);
      if (!n)
        return false;
      if (!n->branch) {
        hooks_.step(id, body);
        from = id;
        id = n->next.empty() ? std::string() : n->next.front();
        continue;
      }
      std::string meet = join(id);
      if (meet.empty())
        meet = stop; // the arms end or go on where the enclosing arm does
      std::vector<ast::Condition *> conditions = hooks_.conditions(id, body);
      if (conditions.empty() || conditions.size() + 1 != n->next.size() ||
          std::find(conditions.begin(), conditions.end(), nullptr) != conditions.end())
        return false; // the hook kept the decision as a comment
      ast::Statement *stmt = make::stmt(model_.arena(), ast::StmtKind::If);
      for (size_t i = 0; i < conditions.size(); ++i)
        stmt->branches.push_back({conditions[i], arm(id, n->next[i], meet, body), {}});
      stmt->elseBody = arm(id, n->next.back(), meet, body);
      stmt->hasElse = !stmt->elseBody.empty();
      if (meet.empty())
        hoistCommonSuffix(*stmt, body);
      else
        model_.append(body, stmt);
      foldElseIf(*stmt);
      if (meet.empty())
        return stop.empty();
      from = id;
      id = meet;
      if (id == stop)
        return true;
    }
    return id == stop;
  }

  /// The statements of one arm; comment lines of an arm without statements
  /// go to `outer`, before the `if` (an empty arm has no place for them).
  std::vector<ast::Statement *> arm(const std::string &branch, const std::string &start,
                                    const std::string &meet, Body &outer) {
    Body body;
    bool reached = walk(branch, start, meet, body);
    if (!reached && !meet.empty())
      model_.append(body, make::stmt(model_.arena(), ast::StmtKind::Stop));
    if (body.stmts.empty()) {
      std::move(body.pending.begin(), body.pending.end(), std::back_inserter(outer.pending));
      body.pending.clear();
    }
    return model_.finish(body, nullptr);
  }

  /// Tree-shaped flows: the statements every arm ends with go after the `if`.
  void hoistCommonSuffix(ast::Statement &stmt, Body &body) {
    std::vector<std::vector<ast::Statement *> *> arms;
    for (ast::Branch &b : stmt.branches)
      arms.push_back(&b.body);
    arms.push_back(&stmt.elseBody);
    size_t common = 0;
    while (true) {
      bool same = arms[0]->size() > common;
      for (auto *a : arms)
        if (!same || a->size() <= common ||
            !sameStatement(*(*a)[a->size() - 1 - common],
                           *(*arms[0])[arms[0]->size() - 1 - common]))
          same = false;
      if (!same)
        break;
      ++common;
    }
    // Keep at least one statement in the first arm (an `if` with nothing to do is noise).
    std::vector<ast::Statement *> tail;
    if (common > 0) {
      tail.assign(arms[0]->end() - common, arms[0]->end());
      for (auto *a : arms)
        a->resize(a->size() - common);
      stmt.hasElse = !stmt.elseBody.empty();
    }
    model_.append(body, &stmt);
    for (ast::Statement *s : tail)
      model_.append(body, s);
  }

  void foldElseIf(ast::Statement &stmt) {
    if (stmt.elseBody.size() != 1 || stmt.elseBody.front()->kind != ast::StmtKind::If)
      return;
    ast::Statement *inner = stmt.elseBody.front();
    if (model_.notes().before.count(inner) || model_.notes().after.count(inner))
      return;
    for (ast::Branch &b : inner->branches)
      stmt.branches.push_back(std::move(b));
    stmt.elseBody = inner->elseBody;
    stmt.hasElse = inner->hasElse;
  }

  BundleModel &model_;
  const Graph &graph_;
  const StructureHooks &hooks_;
  std::vector<std::string> postOrder_;
  std::set<std::pair<std::string, std::string>> backEdges_;
  std::map<std::string, PostDom> pdom_;
};

bool sameLiteral(const ast::Literal &a, const ast::Literal &b) {
  return a.kind == b.kind && a.text == b.text && a.number == b.number && a.boolean == b.boolean &&
         a.seconds == b.seconds;
}

bool sameList(const std::vector<ast::Statement *> &a, const std::vector<ast::Statement *> &b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!sameStatement(*a[i], *b[i]))
      return false;
  return true;
}

} // namespace

bool sameCondition(const ast::Condition *a, const ast::Condition *b) {
  if (!a || !b)
    return a == b;
  if (a->kind != b->kind || a->name.text != b->name.text || a->op != b->op ||
      a->children.size() != b->children.size() || a->values.size() != b->values.size())
    return false;
  for (size_t i = 0; i < a->children.size(); ++i)
    if (!sameCondition(a->children[i], b->children[i]))
      return false;
  for (size_t i = 0; i < a->values.size(); ++i)
    if (!sameLiteral(a->values[i], b->values[i]))
      return false;
  return true;
}

bool sameStatement(const ast::Statement &a, const ast::Statement &b) {
  auto sameText = [](const std::optional<ast::StringLit> &x,
                     const std::optional<ast::StringLit> &y) {
    return x.has_value() == y.has_value() && (!x || x->value == y->value);
  };
  if (a.kind != b.kind || a.name.text != b.name.text || !sameLiteral(a.value, b.value) ||
      !sameText(a.text, b.text) || !sameText(a.message, b.message) ||
      a.branches.size() != b.branches.size() || a.hasElse != b.hasElse)
    return false;
  for (size_t i = 0; i < a.branches.size(); ++i)
    if (!sameCondition(a.branches[i].condition, b.branches[i].condition) ||
        !sameList(a.branches[i].body, b.branches[i].body))
      return false;
  return sameList(a.elseBody, b.elseBody);
}

std::vector<ast::Statement *> structure(BundleModel &model, const Graph &graph,
                                        const std::string &entry, const StructureHooks &hooks,
                                        const ast::Node *owner) {
  return Structurer(model, graph, hooks).run(entry, owner);
}

} // namespace mac::importer
