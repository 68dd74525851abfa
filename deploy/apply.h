// Carrying out a deploy plan: each item through the platform adapter, the
// deploy state saved after every operation that changed the platform, and
// a line per item on `out`. The first failure stops the run with the state
// exactly as far as it got; running the same plan again continues there.
#pragma once

#include "deploy/plan.h"

#include <llvm/Support/raw_ostream.h>

#include <string>

namespace mac::deploy {

struct ApplyOutcome {
  int applied = 0;   ///< operations that changed the platform in this run
  int planned = 0;   ///< items of the plan that change something
  std::string error; ///< empty: every item done (or verified)
  bool ok() const { return error.empty(); }
};

ApplyOutcome applyPlan(const Plan &plan, Platform &platform, Session &session, DeployState &state,
                       const std::string &statePath, llvm::raw_ostream &out);

} // namespace mac::deploy
