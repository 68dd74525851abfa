// Semantic analysis: one namespace per bundle, name resolution, field types
// and enum domains, lint control. Reports MAC1001-MAC1008 and MAC5006.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/loader.h"
#include "compiler/sema/program.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mac::sema {

struct SemaOptions {
  std::optional<std::string> env; ///< `--env`: must name a declared environment
};

/// Builds the Program of a loaded bundle. Always returns a Program (possibly
/// partial); errors are in `diags`.
std::unique_ptr<Program> analyze(const LoadedBundle &bundle, const SourceManager &sources,
                                 const SemaOptions &options, diag::Engine &diags);

} // namespace mac::sema

namespace mac::sema {

/// Rules only some commands run: `mac build` the "platforms" rules (MAC7xxx),
/// `mac diff` the "versioning" ones, `mac test` the "testing" ones. An ignore
/// of such a rule is reported unused (MAC1007) only by a command that ran it.
struct LintScope {
  std::vector<std::string_view> commandCategories; ///< e.g. {"platforms"} for mac build
};

/// Applies the bundle's lint control to every diagnostic reported so far:
/// `mac-ignore` suppressions, MAC1007 for ignores that suppressed nothing,
/// then severity overrides from `lint {}`. Run once, after the last check.
void applyLintControl(const Program &program, diag::Engine &diags, const LintScope &scope = {});

} // namespace mac::sema
