// `mac stats [BUNDLE] [--releases DIR] [--env ENV] [--since T] [--until T]
// [--format text|json]`: delivery metrics from the release ledger, a row per
// environment (docs/ledger.md defines each): deploys, deploys per day,
// deploys followed by an incident, change failure rate, mean time to
// restore and to resolve, incidents and those still open.
#pragma once

#include "compiler/driver/history_command.h"

#include <string>

namespace mac::driver {

struct StatsOptions {
  std::string path = ".";
  std::string releases; ///< empty: <bundle>/releases, or a snapshot's parent
  std::string env;      ///< empty: every environment in the ledger
  std::string since, until;
  LedgerFormat format = LedgerFormat::Text;
};

int runStats(const StatsOptions &options);

} // namespace mac::driver
