// `mac incident open|close` (see incident_command.h).
#include "compiler/driver/incident_command.h"

#include "compiler/driver/check_command.h"
#include "compiler/driver/history_command.h"
#include "deploy/ledger.h"
#include "release/snapshot_layout.h"

#include <llvm/Support/WithColor.h>

namespace mac::driver {
namespace {

using deploy::LedgerEntry;
using deploy::LedgerTime;
using nlohmann::json;

/// A refusal: the message for people, and the exit status 1.
struct Refusal {
  bool refused = false;
  llvm::Error refuse(const llvm::Twine &message) {
    refused = true;
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  }
};

/// The time of `flag` when given, else `fallback`; `name` for the message.
llvm::Expected<LedgerTime> timeFlag(const std::string &flag, const char *name,
                                    LedgerTime fallback) {
  if (flag.empty())
    return fallback;
  auto time = deploy::parseLedgerTime(flag);
  if (!time)
    return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                   std::string("--") + name + ": " +
                                       llvm::toString(time.takeError()));
  return *time;
}

/// Prints the error of an append: exit 1 for a refusal, else 2.
int reportAppendError(llvm::Error error, const Refusal &refusal) {
  if (!refusal.refused)
    return reportUsageError(llvm::toString(std::move(error)));
  llvm::WithColor::error(llvm::errs(), "mac") << llvm::toString(std::move(error)) << "\n";
  return 1;
}

bool deployedPerLedger(const std::vector<LedgerEntry> &entries, const std::string &tag) {
  for (const LedgerEntry &entry : entries)
    if ((entry.kind() == "deploy" || entry.kind() == "rollback") && entry.str("release") == tag)
      return true;
  return false;
}

} // namespace

int runIncidentOpen(const IncidentOpenOptions &options) {
  for (auto [value, flag] : {std::pair{&options.env, "--env"},
                             {&options.release, "--release"},
                             {&options.summary, "--summary"}})
    if (value->empty())
      return reportUsageError(std::string("incident open needs a non-empty ") + flag);
  auto now = deploy::ledgerNow();
  if (!now)
    return reportUsageError(llvm::toString(now.takeError()));
  auto detected = timeFlag(options.detected, "detected", *now);
  if (!detected)
    return reportUsageError(llvm::toString(detected.takeError()));

  std::string releases = ledgerDirectory(options.path, options.releases);
  std::string snapshot = release::snapshotDirFor(releases, options.release);
  json entry = {{"kind", "incident-open"},
                {"actor", deploy::ledgerActor(options.actor)},
                {"time", deploy::formatLedgerTime(*now)},
                {"env", options.env},
                {"release", options.release},
                {"summary", options.summary},
                {"detected", deploy::formatLedgerTime(*detected)}};
  if (!options.blastRadius.empty())
    entry["blast_radius"] = options.blastRadius;
  Refusal refusal;
  auto written = deploy::appendLedgerEntry(
      releases, entry, [&](const std::vector<LedgerEntry> &entries, json &) -> llvm::Error {
        if (release::isSnapshotDir(snapshot) || deployedPerLedger(entries, options.release))
          return llvm::Error::success();
        return refusal.refuse("unknown release '" + options.release + "': there is no snapshot " +
                              snapshot + " and the ledger shows no deploy of it");
      });
  if (!written)
    return reportAppendError(written.takeError(), refusal);
  llvm::outs() << written->str("incident") << "\n";
  return 0;
}

int runIncidentClose(const IncidentCloseOptions &options) {
  auto now = deploy::ledgerNow();
  if (!now)
    return reportUsageError(llvm::toString(now.takeError()));
  auto resolved = timeFlag(options.resolved, "resolved", *now);
  if (!resolved)
    return reportUsageError(llvm::toString(resolved.takeError()));
  auto mitigated = timeFlag(options.mitigated, "mitigated", *resolved);
  if (!mitigated)
    return reportUsageError(llvm::toString(mitigated.takeError()));

  std::string releases = ledgerDirectory(options.path, options.releases);
  json entry = {{"kind", "incident-close"},
                {"actor", deploy::ledgerActor(options.actor)},
                {"time", deploy::formatLedgerTime(*now)},
                {"incident", options.id},
                {"mitigated", deploy::formatLedgerTime(*mitigated)},
                {"resolved", deploy::formatLedgerTime(*resolved)}};
  if (!options.notes.empty())
    entry["notes"] = options.notes;
  Refusal refusal;
  LedgerTime detected = 0;
  auto written = deploy::appendLedgerEntry(
      releases, entry, [&](const std::vector<LedgerEntry> &entries, json &) -> llvm::Error {
        const LedgerEntry *opened = nullptr;
        for (const LedgerEntry &old : entries) {
          if (old.str("incident") != options.id)
            continue;
          if (old.kind() == "incident-open")
            opened = &old;
          else if (old.kind() == "incident-close")
            return refusal.refuse(options.id + " is already closed (" +
                                  deploy::ledgerPath(releases) + ":" + std::to_string(old.line) +
                                  ")");
        }
        if (!opened)
          return refusal.refuse("no incident " + options.id + " in " +
                                deploy::ledgerPath(releases));
        detected = opened->timeOf("detected");
        std::string when =
            " is before " + options.id + " was detected (" + opened->str("detected") + ")";
        if (*resolved < detected)
          return refusal.refuse("--resolved " + deploy::formatLedgerTime(*resolved) + when);
        if (*mitigated < detected)
          return refusal.refuse("--mitigated " + deploy::formatLedgerTime(*mitigated) + when);
        if (*resolved < *mitigated)
          return refusal.refuse("--resolved " + deploy::formatLedgerTime(*resolved) +
                                " is before --mitigated " + deploy::formatLedgerTime(*mitigated));
        return llvm::Error::success();
      });
  if (!written)
    return reportAppendError(written.takeError(), refusal);
  llvm::outs() << options.id << " closed: restored after "
               << deploy::formatDuration(*mitigated - detected) << ", resolved after "
               << deploy::formatDuration(*resolved - detected) << "\n";
  return 0;
}

} // namespace mac::driver
