// `mac seed-data [BUNDLE] --count N [--edge-cases] [--seed S] [-o FILE]`:
// synthetic contacts for the bundle's data model (contacts/seed_data.h,
// docs/stage-data.md). Also the two helpers `mac mask` shares: loading a
// bundle for its data model, and writing an output file atomically.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdint>
#include <memory>
#include <string>

namespace mac::driver {

struct SeedDataOptions {
  std::string bundle = "."; ///< the bundle whose data model the rows follow
  uint64_t count = 100;
  bool edgeCases = false;
  uint64_t seed = 1;
  std::string out = "-"; ///< a file (written atomically) or - for stdout
  /// Hidden (tests): read a contacts or events CSV through the readers of
  /// contacts/csv_reader.h instead, print the records and the diagnostics.
  std::string readContacts, readEvents;
};

int runSeedData(const SeedDataOptions &options);

/// Loads and checks the bundle at `path` for its data model. Prints errors
/// of loading, parsing and names (which leave the model incomplete) to
/// stderr and returns null with `status` set (1, or 2 for an unusable path).
std::unique_ptr<sema::Program> loadDataModel(const std::string &path, SourceManager &sources,
                                             int &status);

/// Calls `write` on `path` ("-": stdout). A file is written beside `path` and
/// renamed over it only when `write` returns true. False: the reason is
/// printed.
bool writeOutput(const std::string &path, llvm::function_ref<bool(llvm::raw_ostream &)> write);

} // namespace mac::driver
