// `mac drift`: which hand edits a platform's editor made to flows that a
// snapshot compiled. Each platform that can be read back has a profile: the
// compiled file that mirrors what its read endpoint returns, how to name and
// identify a flow in both, and the keys the platform assigns itself:
// - hubspot: `flows/<flow>.json` (the create request) against
//   `GET /automation/v4/flows/{flowId}`; ignored: id, revisionId, createdAt,
//   updatedAt, crmObjectCreationStatus, nextAvailableActionId (ApiFlow's
//   properties that the create request does not have); actions by `actionId`.
// - activecampaign: `flows/<flow>.blocks.json` against
//   `GET /api/3/automations/{id}/blocks` as that file shapes it; blocks by `id`;
//   ignored: cdate, mdate, links.
// An export is one flow, an array of flows, or a listing with `results`.
// Flows are matched by platform id when the compiled flow carries one, else
// by name (the environment's prefix included).
#pragma once

#include "release/json_drift.h"
#include "release/snapshot_contents.h"

#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>

#include <optional>
#include <string>
#include <vector>

namespace mac::release {

struct FlowDrift {
  std::string compiledFile; ///< OUT-relative, e.g. hubspot/flows/lead_intake.json
  std::string name, platformId, exportFile;
  std::vector<DriftEdit> edits;
};

struct UnmanagedFlow {
  std::string name, platformId, exportFile;
};

struct DriftReport {
  std::string target, env, tag;
  std::vector<FlowDrift> flows;         ///< every exported flow the snapshot compiled
  std::vector<UnmanagedFlow> unmanaged; ///< exported flows the snapshot does not know
  std::vector<std::string> notExported; ///< compiled flows with no export given
  bool drifted() const;
};

struct ExportFile {
  std::string path;
  nlohmann::json json;
};

/// The targets whose exports `mac drift` reads.
std::vector<std::string> driftTargets();
/// Compares `exports` with the snapshot's compiled `build` for `target`;
/// an error for a target without a profile or an export of the wrong shape.
llvm::Expected<DriftReport> detectDrift(const std::string &target, const FileMap &build,
                                        const std::vector<ExportFile> &exports);

void renderDriftText(const DriftReport &report, llvm::raw_ostream &os);
std::string renderDriftJson(const DriftReport &report);

} // namespace mac::release
