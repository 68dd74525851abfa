// `mac build BUNDLE --env ENV [--target T,...] -o OUT`: check the bundle, run
// the backends for one environment and, only when no error remains, replace
// OUT atomically with the payloads and manifest (or print them with -o -).
// Diagnostics go to stderr. Exit 0 built, 1 errors, 2 usage or I/O failure.
#pragma once

#include "compiler/driver/check_command.h"

#include <string>
#include <vector>

namespace mac::driver {

struct BuildCommandOptions {
  std::string path;
  std::string env;
  std::vector<std::string> targets; ///< empty: the bundle's targets
  std::string out;                  ///< a directory, or "-" for stdout
  std::string date;                 ///< `--date`; empty: SOURCE_DATE_EPOCH, else none
  OutputFormat format = OutputFormat::Text;
  bool werror = false;
  bool color = false;
};

int runBuild(const BuildCommandOptions &options);

/// The manifest date: `--date` (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ) if given,
/// else SOURCE_DATE_EPOCH as UTC, else "". An error for a malformed value.
llvm::Expected<std::string> buildDate(const std::string &flag, const char *sourceDateEpoch);

} // namespace mac::driver
