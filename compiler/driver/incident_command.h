// `mac incident open|close`: log an incident against a release in the
// release ledger (docs/ledger.md). `open` takes the environment, the release
// tag (a snapshot under releases/ or a release the ledger shows deployed),
// a summary, the detection time (default now) and an optional blast radius,
// and prints the new id (`INC-3`). `close INC-n` records when service was
// restored (`--mitigated`) and the cause fixed (`--resolved`), both
// defaulting to now (mitigated to resolved when only that is given); it
// refuses an unknown or closed id and times before the detection.
// Refusals exit 1; usage and I/O problems 2.
#pragma once

#include <string>

namespace mac::driver {

struct IncidentOpenOptions {
  std::string path = ".";
  std::string releases; ///< empty: <bundle>/releases, or a snapshot's parent
  std::string env, release, summary;
  std::string detected;    ///< empty: now
  std::string blastRadius; ///< optional
  std::string actor;       ///< empty: $MAC_ACTOR, $USER, `unknown`
};

struct IncidentCloseOptions {
  std::string path = ".";
  std::string releases;
  std::string id;                  ///< INC-n
  std::string mitigated, resolved; ///< empty: defaults as above
  std::string notes;               ///< optional
  std::string actor;
};

int runIncidentOpen(const IncidentOpenOptions &options);
int runIncidentClose(const IncidentCloseOptions &options);

} // namespace mac::driver
