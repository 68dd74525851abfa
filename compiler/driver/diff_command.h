// `mac diff OLD NEW`: the semantic diff of two bundles (each a directory, a
// snapshot or `git:REV:PATH`), rendered as text, Markdown or JSON on stdout,
// and the semver gate (MAC6001/MAC6002) on stderr. Returns the exit status:
// 0 when the gate passes, 1 when it fails or a side has errors, 2 for usage
// and I/O problems.
#pragma once

#include <string>

namespace mac::driver {

enum class DiffFormat { Text, Markdown, Json };

struct DiffOptions {
  std::string oldSpec, newSpec;
  DiffFormat format = DiffFormat::Text;
  bool color = false;
};

int runDiff(const DiffOptions &options);

} // namespace mac::driver
