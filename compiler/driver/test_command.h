// `mac test [BUNDLE] [--env ENV] [--filter NAME]`: checks the bundle, then
// runs its `test` blocks in the simulator (LANGUAGE.md §11) and prints
// `PASS name` / `FAIL name`, the failures (MAC8001, MAC8002) and a closing
// `N passed, N failed` line. Exit 0 when every test passes, 1 on a failed
// test or a bundle with errors, 2 when the path cannot be used.
#pragma once

#include "compiler/diag/engine.h"

#include <llvm/Support/raw_ostream.h>

#include <optional>
#include <string>

namespace mac::sema {
struct Program;
}

namespace mac::driver {

struct TestOptions {
  std::string path = ".";
  std::optional<std::string> env; ///< for tests without an `env` line (default dev)
  std::string filter;             ///< run only tests whose name contains this
  bool color = false;
};

int runTests(const TestOptions &options);

/// Runs the `test` blocks of a checked Program that `options.filter`
/// selects, printing `PASS name` / `FAIL name` on `out` when given; failures
/// are reported into `failures`.
struct TestTally {
  size_t passed = 0, failed = 0;
};
TestTally runTestBlocks(const sema::Program &program, const TestOptions &options,
                        diag::Engine &failures, llvm::raw_ostream *out);

} // namespace mac::driver
