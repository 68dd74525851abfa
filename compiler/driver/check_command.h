// `mac check`: run the pipeline on each bundle and print the diagnostics in
// the chosen format. Returns the process exit status (LANGUAGE.md §9).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mac::driver {

enum class OutputFormat { Text, Json, Sarif, Github };

struct CheckOptions {
  std::vector<std::string> paths;
  OutputFormat format = OutputFormat::Text;
  bool werror = false;
  bool color = false;
  std::optional<std::string> env;
};

int runCheck(const CheckOptions &options);

} // namespace mac::driver
