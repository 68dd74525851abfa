// State shared by every contact of one simulated population: enrolment
// throttles (the environment's and each flow's `throttle`, counted per flow
// in fixed windows of the rate's period) and dedupe indexes (which contact
// first enrolled in a flow under each `dedupe by` key). `mac test` uses one
// Population per test; `mac simulate` one per run. Memory grows with the
// windows used and with the dedupe keys seen (16 bytes of hash and owner per
// key and flow, plus the hash table's overhead), nothing else.
#pragma once

#include "compiler/sema/program.h"
#include "simulator/time_zone.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mac::sim {

class Population {
public:
  explicit Population(size_t flowCount);

  /// The earliest instant at or after `at` when flow `flow` has room under
  /// both rates (either may be absent); that room is taken.
  Instant reserveEnrolment(sema::FlowId flow, Instant at, const std::optional<sema::Rate> &env,
                           const std::optional<sema::Rate> &own);

  /// The contact that already holds one of `keys` in `flow`, if it is not
  /// `identity`; otherwise records the keys for `identity` and returns nullopt.
  std::optional<uint64_t> claimDedupe(sema::FlowId flow, const std::vector<std::string> &keys,
                                      uint64_t identity);

private:
  struct Windows {
    std::unordered_map<int64_t, int64_t> used; ///< window number → enrolments
    /// For a full window: a later window to look at next (skips runs of full
    /// windows, so a burst of a million enrolments stays linear).
    std::unordered_map<int64_t, int64_t> skip;
  };
  struct FlowState {
    Windows env, own;
    std::unordered_map<uint64_t, uint64_t> dedupe; ///< 64-bit hash of a key → contact
  };
  std::vector<FlowState> flows_;
};

/// The dedupe key of a field value: emails lower-cased and trimmed, phone
/// numbers in E.164 (libphonenumber, default region US) so that
/// "(415) 555-0100" and "+1 415 555 0100" are one key; empty: no key.
std::string dedupeKey(const sema::Field &field, const std::string &text);

} // namespace mac::sim
