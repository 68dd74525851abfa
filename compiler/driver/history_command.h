// `mac history [BUNDLE] [--releases DIR] [--env ENV] [--kind K]
// [--format text|json]`: list the release ledger (docs/ledger.md), a line
// per entry in aligned columns, or the entries as one JSON array. Also the
// helpers the ledger commands share: where the ledger is, and aligned text.
#pragma once

#include <llvm/Support/raw_ostream.h>

#include <string>
#include <vector>

namespace mac::driver {

enum class LedgerFormat { Text, Json };

struct HistoryOptions {
  std::string path = ".";
  std::string releases; ///< empty: <bundle>/releases, or a snapshot's parent
  std::string env;      ///< empty: every environment (and snapshots)
  std::string kind;     ///< empty: every kind
  LedgerFormat format = LedgerFormat::Text;
};

int runHistory(const HistoryOptions &options);

/// The releases directory holding ledger.jsonl: `flag` when given, the
/// parent directory when `path` is a snapshot, else <bundle>/releases.
std::string ledgerDirectory(const std::string &path, const std::string &flag);

/// Rows of cells in columns padded to the widest cell, two spaces apart;
/// no line ends in spaces.
void printAlignedRows(const std::vector<std::vector<std::string>> &rows, llvm::raw_ostream &os);

} // namespace mac::driver
