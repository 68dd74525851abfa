// The flow plan: one flow lowered for one environment into the flat graph of
// steps and two-way branches that every platform's workflow format is made
// of (HubSpot actions, Klaviyo actions with links, SFMC activities with
// outcomes). Lowering does what is the same on every platform:
//  - flags the environment decides are folded at compile time (a branch on a
//    constant condition disappears, keeping only the branch that runs);
//    flags decided per contact become their `when` condition;
//  - `else if` chains become nested two-way branches;
//  - `stop` ends the path (no node), so do the statements after it;
//  - with `safe_mode S`, every send is preceded by a branch "in S";
//  - on request, branches never rejoin (the rest of the flow is copied into
//    each branch) for platforms whose flows are trees. No backend asks for
//    it any more: every platform lets several steps name one next step.
// Nodes are numbered in pre-order of the source, so numbering is stable for
// the same input; backends derive their platform ids from the numbers.
#pragma once

#include "analyzer/environment_model.h"
#include "compiler/sema/program.h"

#include <optional>
#include <string>
#include <vector>

namespace mac::backend {

/// A branch condition with flags resolved for the environment: `and`,
/// `or` and `not` over leaves. A leaf is a sema condition other than a
/// combinator, a flag or a constant, or the safe-mode audience.
struct Condition {
  enum class Op : uint8_t { Leaf, Audience, And, Or, Not };
  Op op = Op::Leaf;
  sema::CondId leaf;               ///< Leaf
  sema::AssetRef audience;         ///< Audience: member of this segment or list
  std::vector<Condition> operands; ///< And, Or: two or more; Not: one
  sema::FlagId flag;               ///< set when this is the `when` of a flag decided per contact

  static Condition of(Op op) {
    Condition condition;
    condition.op = op;
    return condition;
  }
};

/// One leaf of a normal form, possibly negated.
struct Literal {
  const Condition *leaf = nullptr; ///< a Leaf or Audience condition
  bool negated = false;
};
/// Disjunctive normal form: any clause holds when all of its literals hold.
using Dnf = std::vector<std::vector<Literal>>;
/// Conjunctive normal form: every clause holds when one of its literals holds.
using Cnf = std::vector<std::vector<Literal>>;

/// `condition` in DNF / CNF with negations pushed onto the literals; nullopt
/// when the form would need more than `maxClauses` clauses.
std::optional<Dnf> toDnf(const Condition &condition, size_t maxClauses = 64);
std::optional<Cnf> toCnf(const Condition &condition, size_t maxClauses = 64);

using NodeIndex = uint32_t;
constexpr NodeIndex kEnd = UINT32_MAX; ///< "the flow ends here"

struct PlanNode {
  enum class Kind : uint8_t { Step, Branch };
  Kind kind = Kind::Step;
  uint32_t number = 0;   ///< 1-based, pre-order; stable for the same input
  sema::StmtId stmt;     ///< Step: the statement; Branch: its `if` (invalid for safe mode)
  Condition condition;   ///< Branch
  SourceRange range;     ///< the statement, or the branch's condition
  NodeIndex next = kEnd; ///< Step
  NodeIndex ifTrue = kEnd, ifFalse = kEnd; ///< Branch
  bool safeModeGuard = false;              ///< Branch inserted by the environment's safe_mode
};

struct FlowPlan {
  sema::FlowId flow;
  std::vector<PlanNode> nodes; ///< index order = number order
  NodeIndex entry = kEnd;
  /// `require` filters with flags resolved; filters constant-true are gone.
  std::vector<Condition> enrolmentFilters;
  /// `goal` conditions with flags resolved.
  std::vector<Condition> goals;
  /// True when an enrolment filter is constant-false: no contact can enter.
  bool neverEnrols = false;
  bool tooLarge = false; ///< the plan needed more than the node budget

  const PlanNode &node(NodeIndex index) const { return nodes[index]; }
};

struct PlanOptions {
  bool tree = false;      ///< branches never rejoin: copy the continuation
  size_t maxNodes = 5000; ///< node budget, tree copies included (tooLarge beyond)
};

/// Flags resolved for one environment.
class FlagResolver {
public:
  FlagResolver(const sema::Program &program, const analyzer::EnvironmentModel &model,
               sema::EnvId env)
      : program_(program), model_(model), env_(env) {}
  /// The condition with flags resolved: a constant, or a Condition.
  struct Resolved {
    std::optional<bool> constant;
    Condition condition;
  };
  Resolved resolve(sema::CondId cond) const;
  /// On / off everywhere in the environment, or nullopt: decided per contact.
  std::optional<bool> flagState(sema::FlagId flag) const;

private:
  const sema::Program &program_;
  const analyzer::EnvironmentModel &model_;
  sema::EnvId env_;
};

/// Lowers `flow` for `env` (see the file comment).
FlowPlan buildFlowPlan(const sema::Program &program, const analyzer::EnvironmentModel &model,
                       sema::EnvId env, sema::FlowId flow, const PlanOptions &options = {});

} // namespace mac::backend
