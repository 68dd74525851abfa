// The three renderings of a semantic diff: `text` for the terminal, `md` for
// a CHANGELOG entry (also used by `mac changelog`) and `json` for tools.
#pragma once

#include "changes/change.h"
#include "changes/version_gate.h"

#include <llvm/Support/raw_ostream.h>

#include <string>

namespace mac::changes {

/// Everything a `mac diff` report shows.
struct DiffReport {
  const ChangeSet &changes;
  std::string oldLabel, newLabel;
  GateResult gate;
};

/// The heading of a CHANGELOG entry: `## <title> — <required bump>`.
struct EntryHeading {
  std::string title; ///< the release tag ("LI-2.5.0") or the version
  std::string date;  ///< appended as ` (date)` when not empty
};

/// Grouped by section; the compliance section is always printed ("none"
/// when empty); then the required bump and the verdict of the version gate.
void renderText(const DiffReport &report, llvm::raw_ostream &os);
/// A CHANGELOG entry: Added, Removed, Changed, Compliance (always) and
/// Migration notes; empty sections other than Compliance are omitted.
void renderMarkdownEntry(const ChangeSet &changes, const EntryHeading &heading,
                         llvm::raw_ostream &os);
/// One JSON object (envelope version 1) with stable keys.
void renderJson(const DiffReport &report, llvm::raw_ostream &os);

/// One line of detail for a change: "`wait 2d` → `wait 3d`", "step 3 → step 2".
/// `code` wraps values in backticks (Markdown).
std::string changeDetail(const Change &change, bool code);

} // namespace mac::changes
