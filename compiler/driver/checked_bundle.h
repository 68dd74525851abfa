// A bundle loaded from anywhere a release command accepts (a directory, a
// snapshot, `git:REV:PATH`) and run through the checking pipeline, with its
// own SourceManager and diagnostics: one side of `mac diff`, the previous
// release of `mac snapshot` and `mac changelog`.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"
#include "release/bundle_source.h"

#include <memory>
#include <string>

namespace mac::driver {

struct CheckedBundle {
  release::BundleSource source;
  SourceManager sources;
  diag::Engine diags;
  std::unique_ptr<sema::Program> program;
};

/// Loads and checks `spec` into `out`. Returns 0 when it has no errors, 1
/// when it has (printed on stderr after a line naming `command` and the
/// bundle), 2 when it cannot be read at all (said on stderr).
int loadCheckedBundle(const std::string &spec, CheckedBundle &out, bool color,
                      const std::string &command);

} // namespace mac::driver
