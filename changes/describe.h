// Canonical text of the pieces of a sema::Program: values, conditions,
// triggers, policy rules and statements, written the way a user would write
// them but independent of layout, comments and spelling variants (`48h` and
// `2d` render alike). The comparison uses these strings both as the identity
// of what it compares (two Programs share no ids or ranges) and as the
// before/after text it shows. Names go through a Namer, which can apply the
// renames found so far so that a renamed field does not also change every
// condition that reads it.
#pragma once

#include "compiler/sema/program.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mac::changes {

/// Old name -> new name of renamed assets, keyed "field:score", "env:stage", ….
using RenameMap = std::map<std::string, std::string, std::less<>>;
std::string renameKey(std::string_view kind, std::string_view name);

/// Names the entities of one Program, optionally through a RenameMap.
class Namer {
public:
  explicit Namer(const sema::Program &program, const RenameMap *renames = nullptr)
      : program_(&program), renames_(renames) {}
  const sema::Program &program() const { return *program_; }

  std::string asset(sema::AssetRef ref) const;
  std::string asset(sema::AssetKind kind, uint32_t index) const { return asset({kind, index}); }
  std::string field(sema::FieldId id) const;
  std::string env(sema::EnvId id) const;
  /// `name` of `kind` mapped through the renames.
  std::string mapped(std::string_view kind, const std::string &name) const;

private:
  const sema::Program *program_;
  const RenameMap *renames_;
};

std::string quote(std::string_view text);    ///< "text" with \" and \\ escaped
std::string renderDuration(int64_t seconds); ///< 2d, 90m, 45s: the largest exact unit
std::string renderClock(int64_t minutes);    ///< 09:00
std::string renderValue(const sema::Value &value);
std::string renderRate(const sema::Rate &rate); ///< 100/hour

std::string renderCond(const Namer &names, sema::CondId cond);
/// The operands of a top-level `and` (flattened), or the condition itself.
std::vector<std::string> conjuncts(const Namer &names, sema::CondId cond);

std::string renderTrigger(const Namer &names, const sema::Trigger &trigger);
/// A policy rule as (identity, value): ("quiet_hours sms", "21:00..08:00 recipient_local").
std::pair<std::string, std::string> renderPolicyRule(const Namer &names,
                                                     const sema::PolicyRule &rule);

/// What aligns two statements: kind and target (`send welcome`, `wait`, `if`).
std::string stmtIdentity(const Namer &names, const sema::Stmt &stmt);
/// One line for a statement: `send welcome`, `wait 2d`, `if consent sms`.
std::string stmtHead(const Namer &names, const sema::Stmt &stmt);
/// The whole statement, nested bodies included, on one line.
std::string renderStmt(const Namer &names, sema::StmtId stmt);
std::string renderBody(const Namer &names, const std::vector<sema::StmtId> &body);

} // namespace mac::changes
