// `mac checklist [BUNDLE] --env ENV [--format md|json]`: print the release
// checklist (release/checklist.h) for one environment. Every check runs as
// for `mac build` (platform checks included); the tests run in the
// simulator; the snapshot and the version gate are looked up in the
// releases directory. The checklist is a report for a pull request: it
// exits 0 when printed (`mac check` and `mac test` are the gates), 2 for
// usage and I/O problems.
#pragma once

#include <string>

namespace mac::driver {

struct ChecklistOptions {
  std::string path = ".";
  std::string env;
  std::string releases;
  bool json = false;
};

int runChecklist(const ChecklistOptions &options);

} // namespace mac::driver
