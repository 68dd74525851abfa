// The semver gate of `mac diff`: the declared versions of the two sides must
// step by at least the bump the ChangeSet requires. Reports MAC6001 (content
// changed, version did not) or MAC6002 (the step is too small) at the new
// bundle's `version` (or its declaration when it has none), with a note per
// change that needs the bump and a fix to the smallest sufficient version.
#pragma once

#include "changes/change.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <optional>
#include <string>

namespace mac::changes {

struct GateResult {
  Bump required = Bump::None;         ///< what the changes need
  Bump declared = Bump::None;         ///< the step between the declared versions
  std::string oldVersion, newVersion; ///< as declared ("" when absent)
  std::string suggested;              ///< the smallest sufficient version, when the gate fails
  std::optional<diag::Code> failure;
  bool passed() const { return !failure; }
};

/// Checks the versions of `before` and `after` against `changes`; reports
/// into `diags` (ranges in the new side's sources). `oldLabel` names the old
/// side in the message.
GateResult checkVersion(const ChangeSet &changes, const sema::Bundle &before,
                        const sema::Bundle &after, const SourceManager &afterSources,
                        const std::string &oldLabel, diag::Engine &diags);

} // namespace mac::changes
