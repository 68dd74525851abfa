// The release ledger `releases/ledger.jsonl` (docs/ledger.md): append-only,
// one JSON object per line with sorted keys, one line per snapshot, deploy,
// rollback and incident. Appending takes an exclusive lock on the file,
// numbers the entry (`seq`), stamps its `time` and validates the keys of its
// kind, so concurrent `mac` processes never interleave or reuse a number.
// Reading validates every line and names `ledger.jsonl:LINE` when one is bad.
#pragma once

#include "deploy/ledger_time.h"

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/Support/Error.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace mac::deploy {

inline constexpr const char *kLedgerFileName = "ledger.jsonl";

/// The kinds of entry (the `kind` key).
inline constexpr const char *kLedgerKinds[] = {"snapshot", "deploy", "rollback", "incident-open",
                                               "incident-close"};

/// One line of the ledger, valid per validateLedgerEntry.
struct LedgerEntry {
  nlohmann::json json; ///< the object as written (keys sorted)
  int line = 0;        ///< 1-based line in ledger.jsonl; 0 when not read from a file

  std::int64_t seq() const { return json.at("seq").get<std::int64_t>(); }
  std::string kind() const { return str("kind"); }
  /// The time of `key` (`time`, `detected`, `mitigated`, `resolved`), which
  /// validation guarantees parses; 0 when absent.
  LedgerTime timeOf(const char *key) const;
  LedgerTime time() const { return timeOf("time"); }
  /// The string at `key`, "" when absent or not a string.
  std::string str(const char *key) const;
  bool isSucceededDeploy() const; ///< a deploy or rollback whose outcome is succeeded
};

/// RELEASES/ledger.jsonl.
std::string ledgerPath(const std::string &releasesDir);

/// Who appends: `flag` when given, else $MAC_ACTOR, else $USER, else `unknown`.
std::string ledgerActor(const std::string &flag);

/// An error naming the first missing or mistyped key: the common keys (seq,
/// time, kind, actor) and those of the entry's kind (docs/ledger.md).
/// Unknown kinds are refused unless `allowUnknownKind` (a newer mac wrote them).
llvm::Error validateLedgerEntry(const nlohmann::json &entry, bool allowUnknownKind = false);

/// Parses the text of a ledger; errors are `NAME:LINE: why`. Lines must be
/// numbered 1, 2, ... in file order; blank lines are skipped.
llvm::Expected<std::vector<LedgerEntry>> parseLedger(llvm::StringRef text, llvm::StringRef name);

/// Reads RELEASES/ledger.jsonl; a missing file is an empty ledger.
llvm::Expected<std::vector<LedgerEntry>> readLedger(const std::string &releasesDir);

/// Runs under the ledger's lock with the entries already written: may fill
/// in keys of the new entry (an incident id) or refuse it with an error,
/// which appendLedgerEntry returns unchanged.
using LedgerCheck =
    llvm::function_ref<llvm::Error(const std::vector<LedgerEntry> &, nlohmann::json &)>;

/// Appends `entry` as one line (a single write to a file opened O_APPEND,
/// under an exclusive lock), creating the directory and the file. Fills in
/// `seq` (always), `time` (now, unless given), `actor` (ledgerActor(""),
/// unless given) and, for `incident-open` without one, `incident`
/// (`INC-<1 + incidents so far>`); then runs `check` and validates. Returns
/// the entry as written.
llvm::Expected<LedgerEntry> appendLedgerEntry(const std::string &releasesDir, nlohmann::json entry,
                                              LedgerCheck check = nullptr);

} // namespace mac::deploy
