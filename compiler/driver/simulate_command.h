// `mac simulate BUNDLE --env ENV --contacts CONTACTS.csv [--events EVENTS.csv]
// [--days N] [--against OLD_BUNDLE] [--format text|md|json|csv]`: streams a
// contacts export through the simulator one contact at a time and prints
// what the bundle does to it (simulator/report.h), or with --against the
// blast radius of BUNDLE compared with OLD_BUNDLE (simulator/blast_radius.h).
// Exit 0; 1 when a CSV has errors (the report is still printed) or a bundle's
// data model is broken; 2 on usage errors and unreadable files.
#pragma once

#include "simulator/report.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mac::driver {

struct SimulateOptions {
  std::string bundle;
  std::string env;
  std::string contacts;
  std::string events;                 ///< empty: no events
  uint32_t days = 30;                 ///< length of the simulated interval
  std::optional<std::string> against; ///< the version to compare with
  sim::ReportFormat format = sim::ReportFormat::Text;
  bool progress = false; ///< a progress line on stderr (a terminal)
};

int runSimulate(const SimulateOptions &options);

} // namespace mac::driver
