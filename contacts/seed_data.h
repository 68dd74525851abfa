// Synthetic contacts for stage (`mac seed-data`): one row per contact in the
// canonical columns of a Program, realistic values chosen by field type and
// role, and, with edge cases on, the cases every stage needs at fixed rates
// (docs/stage-data.md). Deterministic: row i depends only on the seed and i
// (std::mt19937_64, whose output the standard fixes, reduced by modulo; no
// clock, no std::random_device), so any count gives the same first rows.
#pragma once

#include "compiler/sema/program.h"

#include <llvm/Support/raw_ostream.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace mac::contacts {

/// Edge cases: row i (0-based, header excluded) gets the case whose slot is
/// i % kEdgePeriod. A case the data model cannot express (no phone field, no
/// consent, no address fields) leaves its rows ordinary.
inline constexpr uint64_t kEdgePeriod = 20;
enum class EdgeCase : uint8_t {
  None,
  NoConsent,
  ConsentWithoutTimestamp,
  PartialAddress,
  DuplicatePhone,
  InternationalPhone,
  InvalidEmail,
  UnknownTimeZone
};
/// The edge case of row `index`: slots 1 no consent, 3 consent without
/// timestamp, 5 partial address, 7-9 one phone in three spellings, 11
/// international phone, 13 invalid email, 15 unknown time zone.
EdgeCase edgeCaseOf(uint64_t index);

struct SeedOptions {
  uint64_t count = 100;
  bool edgeCases = false;
  uint64_t seed = 1;         ///< the default seed of `mac seed-data`
  std::string region = "US"; ///< region of ordinary phone numbers
};

/// One row's generator state: its random stream and cells.
struct SeedRow {
  uint64_t index = 0;
  std::mt19937_64 rng;
  std::vector<std::string> cells; ///< canonical column order
  uint64_t next(uint64_t bound) { return rng() % bound; }
  bool chance(unsigned percent) { return next(100) < percent; }
};

/// The cells of row `row.index` without edge cases (seed_data.cpp).
void fillOrdinaryRow(const sema::Program &program, const SeedOptions &options, SeedRow &row);
/// Rewrites the row for its edge case (seed_edge_cases.cpp).
void applyEdgeCase(const sema::Program &program, const SeedOptions &options, EdgeCase edge,
                   SeedRow &row);

/// Writes the header and `options.count` rows.
void writeSeedData(const sema::Program &program, const SeedOptions &options,
                   llvm::raw_ostream &out);

} // namespace mac::contacts
