// Small questions many checks ask of the Program: walk every statement of a
// flow (iteratively, in source order), what a send sends and on which
// channel, whether it is marketing (not `transactional`), and which policy
// rules are in force for a flow (every bundle policy plus the flow's own).
#pragma once

#include "compiler/sema/program.h"

#include <functional>
#include <optional>
#include <vector>

namespace mac::analyzer {

/// Calls `visit` for every statement of `body` and of every nested branch,
/// in source order (pre-order), without recursion.
void forEachStatement(const sema::Program &program, const std::vector<sema::StmtId> &body,
                      const std::function<void(sema::StmtId, const sema::Stmt &)> &visit);

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
