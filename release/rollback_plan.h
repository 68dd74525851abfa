// The plan of `mac rollback`: what changes on the platform when the live
// release of an environment is replaced by an older snapshot's payloads.
// Computed from the two snapshots' build outputs for that environment,
// grouped per target and per flow or asset (a flow may span several files,
// e.g. ActiveCampaign's `x.json` and `x.blocks.json`):
// - replace:    present in both, different payload;
// - restore:    only in the older release (removed since): create it again;
// - switch off: a flow only in the live release (added since): turn it off,
//               never delete it: its contacts and history stay;
// - keep:       an asset (list, field, template…) only in the live release:
//               left in place, no longer referenced; contact data stays;
// - rename back: a flow renamed since (the semantic diff of the two
//               releases says so): the live flow of the new name is the same
//               flow; update it with the older payload, which renames it back;
// - unchanged:  identical in both.
#pragma once

#include "release/snapshot_contents.h"

#include <llvm/Support/raw_ostream.h>

#include <map>
#include <string>
#include <vector>

namespace mac::release {

enum class RollbackAction { Replace, RenameBack, Restore, SwitchOff, Keep, Unchanged };
std::string_view rollbackActionName(RollbackAction action);

struct RollbackItem {
  std::string target; ///< hubspot, klaviyo, …
  std::string kind;   ///< "flow", or the asset folder ("lists", "fields", …)
  std::string name;   ///< the flow or asset identifier (file stem)
  RollbackAction action = RollbackAction::Unchanged;
  std::vector<std::string> files; ///< OUT-relative paths involved
  std::string liveName;           ///< RenameBack: the flow's name in the live release
};

struct RollbackPlan {
  std::string env, liveTag, targetTag;
  std::vector<RollbackItem> items; ///< ordered by target, kind, name
  /// True when nothing on the platform changes (the release is already live).
  bool nothingToDo() const;
};

/// Flows renamed between the target release and the live one: live name ->
/// target name.
using FlowRenames = std::map<std::string, std::string>;

/// Compares the live build output of an environment with the target's.
RollbackPlan planRollback(const std::string &env, const std::string &liveTag, const FileMap &live,
                          const std::string &targetTag, const FileMap &target,
                          const FlowRenames &renamed = {});

void renderRollbackText(const RollbackPlan &plan, llvm::raw_ostream &os);
/// ROLLBACK.md: the plan as a checklist for the person who applies it.
std::string renderRollbackMarkdown(const RollbackPlan &plan);
/// rollback.json: the plan for tools (stable keys).
std::string renderRollbackJson(const RollbackPlan &plan);

} // namespace mac::release
