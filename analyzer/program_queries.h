// Small questions many checks ask of the Program: walk every statement of a
// flow (iteratively, in source order), what a send sends and on which
// channel, whether it is marketing (not `transactional`), and which policy
// rules are in force for a flow (every bundle policy plus the flow's own).
#pragma once

#include "compiler/sema/program.h"

#include <llvm/ADT/SmallVector.h>

#include <functional>
#include <optional>
#include <vector>

namespace mac::analyzer {

/// Calls `visit(StmtId, const Stmt &)` for every statement of `body` and of
/// every nested branch, in source order (pre-order), without recursion. A
/// template, so that the visitor is inlined (every check walks every flow).
template <class Visit>
void forEachStatement(const sema::Program &program, const std::vector<sema::StmtId> &body,
                      Visit &&visit) {
  // A stack of (block, next index) pairs; a flow's nesting is shallow.
  llvm::SmallVector<std::pair<const std::vector<sema::StmtId> *, size_t>, 8> stack{{&body, 0}};
  while (!stack.empty()) {
    auto &[block, index] = stack.back();
    if (index == block->size()) {
      stack.pop_back();
      continue;
    }
    sema::StmtId id = (*block)[index++];
    const sema::Stmt &stmt = program.stmt(id);
    visit(id, stmt);
    if (stmt.kind != sema::StmtKind::If)
      continue;
    if (stmt.hasElse)
      stack.push_back({&stmt.elseBody, 0});
    for (auto branch = stmt.branches.rbegin(); branch != stmt.branches.rend(); ++branch)
      stack.push_back({&branch->body, 0});
  }
}

/// The channel of a `send` statement's template; nullopt for other statements.
std::optional<sema::Channel> sendChannel(const sema::Stmt &stmt);

/// True when `stmt` sends a template that is not `transactional`.
bool isMarketingSend(const sema::Program &program, const sema::Stmt &stmt);

/// True when the template `ref` (an email, SMS or push) is `transactional`.
bool isTransactional(const sema::Program &program, sema::AssetRef ref);

/// True when the flow sends at least one marketing template.
bool isMarketingFlow(const sema::Program &program, const sema::Flow &flow);

/// Every policy rule in force for `flow`: the rules of every bundle policy
/// (stdlib ones included), then the flow's own policy statements.
std::vector<const sema::PolicyRule *> policyRulesInForce(const sema::Program &program,
                                                         const sema::Flow &flow);

} // namespace mac::analyzer
