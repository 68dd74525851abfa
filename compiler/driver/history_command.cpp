// `mac history` (see history_command.h).
#include "compiler/driver/history_command.h"

#include "compiler/driver/check_command.h"
#include "compiler/driver/snapshot_command.h"
#include "deploy/ledger.h"
#include "release/snapshot_layout.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <map>

namespace mac::driver {
namespace {

using deploy::LedgerEntry;

/// The incident-open entry of every incident id.
std::map<std::string, const LedgerEntry *>
openedIncidents(const std::vector<LedgerEntry> &entries) {
  std::map<std::string, const LedgerEntry *> opened;
  for (const LedgerEntry &entry : entries)
    if (entry.kind() == "incident-open")
      opened.emplace(entry.str("incident"), &entry);
  return opened;
}

/// The key of `entry`, or of the opening of its incident for a close.
std::string keyOf(const LedgerEntry &entry, const char *key,
                  const std::map<std::string, const LedgerEntry *> &opened) {
  if (entry.kind() == "incident-close")
    if (auto it = opened.find(entry.str("incident")); it != opened.end())
      return it->second->str(key);
  return entry.str(key);
}

std::string deployDetails(const LedgerEntry &entry) {
  const nlohmann::json &json = entry.json;
  std::string text = entry.str("target") + ": " + entry.str("outcome") + ", " +
                     std::to_string(json.value("applied", 0)) + "/" +
                     std::to_string(json.value("planned", 0)) + " operations";
  if (entry.kind() == "rollback")
    text += ", from " + entry.str("from");
  else if (entry.str("via") != "deploy")
    text += ", via " + entry.str("via");
  if (!entry.str("error").empty())
    text += ": " + entry.str("error");
  return text;
}

std::string details(const LedgerEntry &entry,
                    const std::map<std::string, const LedgerEntry *> &opened) {
  std::string kind = entry.kind();
  if (kind == "snapshot")
    return "version " + entry.str("version") + " of " + entry.str("bundle");
  if (kind == "deploy" || kind == "rollback")
    return deployDetails(entry);
  if (kind == "incident-open") {
    std::string text =
        entry.str("incident") + " detected " + entry.str("detected") + ": " + entry.str("summary");
    if (!entry.str("blast_radius").empty())
      text += " (blast radius: " + entry.str("blast_radius") + ")";
    return text;
  }
  if (kind == "incident-close") {
    std::string text = entry.str("incident");
    if (auto it = opened.find(entry.str("incident")); it != opened.end()) {
      deploy::LedgerTime detected = it->second->timeOf("detected");
      text += " mitigated after " + deploy::formatDuration(entry.timeOf("mitigated") - detected) +
              ", resolved after " + deploy::formatDuration(entry.timeOf("resolved") - detected);
    } else {
      text += " mitigated " + entry.str("mitigated") + ", resolved " + entry.str("resolved");
    }
    if (!entry.str("notes").empty())
      text += ": " + entry.str("notes");
    return text;
  }
  return "";
}

std::string orDash(std::string text) { return text.empty() ? "-" : text; }

} // namespace

std::string ledgerDirectory(const std::string &path, const std::string &flag) {
  if (flag.empty() && release::isSnapshotDir(path)) {
    llvm::StringRef dir = llvm::StringRef(path).rtrim('/');
    if (dir.empty() || dir == ".")
      return "..";
    llvm::StringRef parent = llvm::sys::path::parent_path(dir);
    return parent.empty() ? "." : parent.str();
  }
  return releasesDirectory(path, flag);
}

void printAlignedRows(const std::vector<std::vector<std::string>> &rows, llvm::raw_ostream &os) {
  std::vector<size_t> width;
  for (const auto &row : rows) {
    width.resize(std::max(width.size(), row.size()));
    for (size_t c = 0; c < row.size(); ++c)
      width[c] = std::max(width[c], row[c].size());
  }
  for (const auto &row : rows) {
    size_t end = row.size(); // trailing empty cells: no padding before them
    while (end > 0 && row[end - 1].empty())
      --end;
    for (size_t c = 0; c < end; ++c) {
      os << row[c];
      if (c + 1 < end)
        os.indent(width[c] - row[c].size() + 2);
    }
    os << "\n";
  }
}

int runHistory(const HistoryOptions &options) {
  if (!options.kind.empty() &&
      std::none_of(std::begin(deploy::kLedgerKinds), std::end(deploy::kLedgerKinds),
                   [&](const char *kind) { return options.kind == kind; }))
    return reportUsageError("--kind must be one of snapshot, deploy, rollback, incident-open, "
                            "incident-close, not '" +
                            options.kind + "'");
  std::string releases = ledgerDirectory(options.path, options.releases);
  auto entries = deploy::readLedger(releases);
  if (!entries)
    return reportUsageError(llvm::toString(entries.takeError()));
  auto opened = openedIncidents(*entries);

  std::vector<const LedgerEntry *> shown;
  for (const LedgerEntry &entry : *entries)
    if ((options.kind.empty() || entry.kind() == options.kind) &&
        (options.env.empty() || keyOf(entry, "env", opened) == options.env))
      shown.push_back(&entry);

  if (options.format == LedgerFormat::Json) {
    nlohmann::json array = nlohmann::json::array();
    for (const LedgerEntry *entry : shown)
      array.push_back(entry->json);
    llvm::outs() << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  if (shown.empty()) {
    llvm::errs() << "mac: no ledger entries"
                 << (options.env.empty() && options.kind.empty() ? "" : " match") << " in "
                 << deploy::ledgerPath(releases) << "\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows{
      {"SEQ", "TIME", "KIND", "ENV", "RELEASE", "ACTOR", "DETAILS"}};
  for (const LedgerEntry *entry : shown)
    rows.push_back({std::to_string(entry->seq()), entry->str("time"), entry->kind(),
                    orDash(keyOf(*entry, "env", opened)), orDash(keyOf(*entry, "release", opened)),
                    entry->str("actor"), details(*entry, opened)});
  printAlignedRows(rows, llvm::outs());
  return 0;
}

} // namespace mac::driver
