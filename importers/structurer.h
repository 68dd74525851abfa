// From a platform's flat graph of steps and branches (HubSpot actions,
// Klaviyo actions with links, SFMC activities with outcomes) back to nested
// Flow statements. Where the branches of a decision meet again (the
// decision's immediate post-dominator, paths that end not counted) the `if`
// closes and the flow goes on; a branch that ends before that point gets
// `stop;`. Platforms whose flows are trees copy the rest of the flow into
// every branch: the identical statements at the end of all branches are
// moved after the `if` (only when equal statement by statement, so nothing
// changes meaning). An edge back to a step already on the path is a loop
// Flow cannot express: it becomes a marked comment.
#pragma once

#include "importers/bundle_model.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace mac::importer {

struct GraphNode {
  bool branch = false;
  /// Step: its next node ("" or none: the path ends). Branch: the node of each
  /// arm, then the default (else) node.
  std::vector<std::string> next;
};
using Graph = std::map<std::string, GraphNode>;

struct StructureHooks {
  /// Appends the statement(s) of a step, or the comment lines for it, to `body`.
  std::function<void(const std::string &id, Body &body)> step;
  /// The conditions of a branch's arms (null: not expressible; the hook
  /// has added comment lines to `body`).
  std::function<std::vector<ast::Condition *>(const std::string &id, Body &body)> conditions;
  /// Comment lines for an edge that loops back to `id`.
  std::function<std::vector<std::string>(const std::string &from, const std::string &to)> loop;
};

/// The statements of the flow that starts at `entry`; comment lines left at
/// the end go before `owner` when the flow has no statement.
std::vector<ast::Statement *> structure(BundleModel &model, const Graph &graph,
                                        const std::string &entry, const StructureHooks &hooks,
                                        const ast::Node *owner);

/// True when two statements (and everything nested in them) say the same.
bool sameStatement(const ast::Statement &a, const ast::Statement &b);
/// True when two conditions (null or not) say the same, written the same way.
bool sameCondition(const ast::Condition *a, const ast::Condition *b);

} // namespace mac::importer
