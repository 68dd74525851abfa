// Runs one `test` block of LANGUAGE.md §11: builds its contact, turns its
// contact-local event times into instants, simulates the bundle in the
// test's environment over its horizon, and checks every expectation. A
// failed expectation is MAC8001 at the expectation with the contact's trace
// as notes; a contact stopped by the step cap is MAC8002 with the cycle.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <string>

namespace mac::sim {

struct TestRunOptions {
  std::string defaultEnv = "dev"; ///< for tests without an `env` line
  size_t maxTraceNotes = 200;
};

/// Runs test `id`; reports its failures into `diags`. True when it passed.
bool runTest(const sema::Program &program, sema::TestId id, const TestRunOptions &options,
             diag::Engine &diags);

} // namespace mac::sim
