// Delivery metrics over the release ledger (docs/ledger.md), per
// environment and over a window of time: deploys and deploy frequency,
// change failure rate, mean time to restore and to resolve, open incidents.
// Pure functions of the ledger's entries; the `mac stats` command renders them.
#pragma once

#include "deploy/ledger.h"

#include <optional>
#include <string>
#include <vector>

namespace mac::deploy {

/// `--since` / `--until`; absent bounds default to the ledger's first and
/// last times.
struct StatsWindow {
  std::optional<LedgerTime> since, until;
};

struct EnvironmentStats {
  std::string env;
  int deploys = 0;          ///< succeeded deploys and rollbacks in the window
  int failedDeploys = 0;    ///< of those, followed by an incident (deployBehindIncident)
  double deploysPerDay = 0; ///< deploys / the window's days
  std::optional<double> changeFailureRate; ///< failedDeploys / deploys; none without deploys
  int incidents = 0;                       ///< detected in the window
  int restoredIncidents = 0;               ///< of those, closed with `resolved` by the window's end
  std::optional<double> meanTimeToRestore; ///< seconds, mean of mitigated - detected
  std::optional<double> meanTimeToResolve; ///< seconds, mean of resolved - detected
  int openIncidents = 0; ///< detected by the window's end and not resolved by then
};

struct LedgerStats {
  bool hasWindow = false; ///< false: an empty ledger and no bounds given
  LedgerTime since = 0, until = 0;
  double days = 1;                            ///< (until - since) in days, at least 1
  std::vector<EnvironmentStats> environments; ///< by name
};

/// The succeeded deploy or rollback an incident is counted against: the
/// latest one to the incident's environment of the incident's release at or
/// before its `detected` time. Null when there is none.
const LedgerEntry *deployBehindIncident(const std::vector<LedgerEntry> &entries,
                                        const LedgerEntry &incident);

/// Metrics for every environment the ledger names (deploys, rollbacks,
/// incidents), or only `env` when it is not empty (a row even without entries).
LedgerStats computeStats(const std::vector<LedgerEntry> &entries, const StatsWindow &window,
                         const std::string &env = "");

} // namespace mac::deploy
