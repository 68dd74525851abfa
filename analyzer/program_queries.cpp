// Implementation of the small Program queries shared by checks.
#include "analyzer/program_queries.h"

namespace mac::analyzer {

using namespace sema;

std::optional<Channel> sendChannel(const Stmt &stmt) {
  if (stmt.kind != StmtKind::Send || !stmt.target.isValid())
    return std::nullopt;
  switch (stmt.target.kind) {
  case AssetKind::Email:
    return Channel::Email;
  case AssetKind::Sms:
    return Channel::Sms;
  case AssetKind::Push:
    return Channel::Push;
  default:
    return std::nullopt;
  }
}

bool isTransactional(const Program &program, AssetRef ref) {
  switch (ref.kind) {
  case AssetKind::Email:
    return program.emails[ref.index].transactional;
  case AssetKind::Sms:
    return program.smses[ref.index].transactional;
  case AssetKind::Push:
    return program.pushes[ref.index].transactional;
  default:
    return false;
  }
}

bool isMarketingSend(const Program &program, const Stmt &stmt) {
  return sendChannel(stmt) && !isTransactional(program, stmt.target);
}

bool isMarketingFlow(const Program &program, const Flow &flow) {
  bool marketing = false;
  forEachStatement(program, flow.body, [&](StmtId, const Stmt &stmt) {
    marketing = marketing || isMarketingSend(program, stmt);
  });
  return marketing;
}

std::vector<const PolicyRule *> policyRulesInForce(const Program &program, const Flow &flow) {
  std::vector<const PolicyRule *> rules;
  for (const Policy &policy : program.policies)
    for (const PolicyRule &rule : policy.rules)
      rules.push_back(&rule);
  for (const PolicyRule &rule : flow.policies)
    rules.push_back(&rule);
  return rules;
}

} // namespace mac::analyzer
