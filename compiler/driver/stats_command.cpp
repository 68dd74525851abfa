// `mac stats` (see stats_command.h): parses the window, reads the ledger,
// computes deploy::computeStats and renders it.
#include "compiler/driver/stats_command.h"

#include "compiler/driver/check_command.h"
#include "deploy/ledger.h"
#include "deploy/stats.h"

#include <fmt/format.h>

#include <cmath>

namespace mac::driver {
namespace {

using deploy::EnvironmentStats;
using deploy::LedgerStats;
using nlohmann::json;

json optionalNumber(const std::optional<double> &value) {
  return value ? json(*value) : json(nullptr);
}

std::string durationText(const std::optional<double> &seconds) {
  return seconds ? deploy::formatDuration(std::llround(*seconds)) : "-";
}

void printJson(const LedgerStats &stats) {
  json out = {{"since", nullptr}, {"until", nullptr}, {"days", nullptr}};
  if (stats.hasWindow) {
    out["since"] = deploy::formatLedgerTime(stats.since);
    out["until"] = deploy::formatLedgerTime(stats.until);
    out["days"] = stats.days;
  }
  json environments = json::array();
  for (const EnvironmentStats &row : stats.environments)
    environments.push_back(
        {{"env", row.env},
         {"deploys", row.deploys},
         {"deploys_per_day", row.deploysPerDay},
         {"failed_deploys", row.failedDeploys},
         {"change_failure_rate", optionalNumber(row.changeFailureRate)},
         {"incidents", row.incidents},
         {"restored_incidents", row.restoredIncidents},
         {"open_incidents", row.openIncidents},
         {"mean_time_to_restore_seconds", optionalNumber(row.meanTimeToRestore)},
         {"mean_time_to_resolve_seconds", optionalNumber(row.meanTimeToResolve)}});
  out["environments"] = std::move(environments);
  llvm::outs() << out.dump(2) << "\n";
}

void printText(const LedgerStats &stats, const std::string &ledger) {
  if (!stats.hasWindow) {
    llvm::outs() << "no ledger entries in " << ledger << "\n";
    return;
  }
  llvm::outs() << "window " << deploy::formatLedgerTime(stats.since) << " .. "
               << deploy::formatLedgerTime(stats.until)
               << fmt::format(" ({:.2f} days)\n", stats.days);
  std::vector<std::vector<std::string>> rows{{"ENV", "DEPLOYS", "PER DAY", "FAILED", "FAILURE RATE",
                                              "TIME TO RESTORE", "TIME TO RESOLVE", "INCIDENTS",
                                              "OPEN"}};
  for (const EnvironmentStats &row : stats.environments)
    rows.push_back(
        {row.env, std::to_string(row.deploys), fmt::format("{:.2f}", row.deploysPerDay),
         std::to_string(row.failedDeploys),
         row.changeFailureRate ? fmt::format("{:.1f}%", *row.changeFailureRate * 100) : "-",
         durationText(row.meanTimeToRestore), durationText(row.meanTimeToResolve),
         std::to_string(row.incidents), std::to_string(row.openIncidents)});
  printAlignedRows(rows, llvm::outs());
}

} // namespace

int runStats(const StatsOptions &options) {
  deploy::StatsWindow window;
  for (auto [flag, bound, name] : {std::tuple{&options.since, &window.since, "--since"},
                                   {&options.until, &window.until, "--until"}}) {
    if (flag->empty())
      continue;
    auto time = deploy::parseLedgerTime(*flag);
    if (!time)
      return reportUsageError(std::string(name) + ": " + llvm::toString(time.takeError()));
    *bound = *time;
  }
  if (window.since && window.until && *window.since > *window.until)
    return reportUsageError("--since " + options.since + " is after --until " + options.until);

  std::string releases = ledgerDirectory(options.path, options.releases);
  auto entries = deploy::readLedger(releases);
  if (!entries)
    return reportUsageError(llvm::toString(entries.takeError()));
  LedgerStats stats = deploy::computeStats(*entries, window, options.env);
  if (options.format == LedgerFormat::Json)
    printJson(stats);
  else
    printText(stats, deploy::ledgerPath(releases));
  return 0;
}

} // namespace mac::driver
