// `mac import --from hubspot|klaviyo|sfmc FILE... -o DIR`: read what a
// platform returned for its flows and write a readable bundle into DIR
// (replaced atomically; nothing is written when an input is malformed).
// Warnings (MAC9003 kept as a comment, MAC9004 approximated) go to stderr.
// Returns the exit status of LANGUAGE.md §9.
#pragma once

#include "compiler/driver/check_command.h"

#include <string>
#include <vector>

namespace mac::driver {

struct ImportOptions {
  std::string from;               ///< hubspot, klaviyo or sfmc
  std::vector<std::string> files; ///< the platform's JSON responses
  std::string out;                ///< the bundle directory to write, or - for stdout
  std::string env;                ///< the environment the data comes from (default: inferred)
  OutputFormat format = OutputFormat::Text;
  bool color = false;
  /// Hidden (tests): print the Program dump of the bundle files[0] for
  /// target `from` and environment `env` instead (importers/program_dump.h).
  bool dumpProgram = false;
};

int runImport(const ImportOptions &options);

} // namespace mac::driver
