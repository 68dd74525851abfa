// Delivery metrics over the ledger (see stats.h and docs/ledger.md).
#include "deploy/stats.h"

#include <algorithm>
#include <map>
#include <set>

namespace mac::deploy {
namespace {

constexpr double kSecondsPerDay = 86400;

/// Every time an entry mentions (`time`, `detected`, `mitigated`, `resolved`).
void eachTime(const LedgerEntry &entry, const std::function<void(LedgerTime)> &use) {
  for (const char *key : {"time", "detected", "mitigated", "resolved"})
    if (entry.json.contains(key))
      use(entry.timeOf(key));
}

/// The window's bounds: given ones, else the first `time` and the last time
/// any entry mentions (so a close whose `resolved` is later still counts).
void resolveWindow(const std::vector<LedgerEntry> &entries, const StatsWindow &window,
                   LedgerStats &stats) {
  if (entries.empty() && !window.since && !window.until)
    return;
  stats.hasWindow = true;
  std::optional<LedgerTime> first, last;
  for (const LedgerEntry &entry : entries) {
    first = std::min(first.value_or(entry.time()), entry.time());
    eachTime(entry, [&](LedgerTime time) { last = std::max(last.value_or(time), time); });
  }
  stats.since = window.since ? *window.since : first ? *first : *window.until;
  stats.until = window.until ? *window.until : std::max(last.value_or(stats.since), stats.since);
  stats.days = std::max(1.0, double(stats.until - stats.since) / kSecondsPerDay);
}

} // namespace

const LedgerEntry *deployBehindIncident(const std::vector<LedgerEntry> &entries,
                                        const LedgerEntry &incident) {
  LedgerTime detected = incident.timeOf("detected");
  const LedgerEntry *behind = nullptr;
  for (const LedgerEntry &entry : entries) {
    if (!entry.isSucceededDeploy() || entry.str("env") != incident.str("env") ||
        entry.str("release") != incident.str("release") || entry.time() > detected)
      continue;
    if (!behind || entry.time() >= behind->time())
      behind = &entry;
  }
  return behind;
}

LedgerStats computeStats(const std::vector<LedgerEntry> &entries, const StatsWindow &window,
                         const std::string &env) {
  LedgerStats stats;
  resolveWindow(entries, window, stats);
  if (!stats.hasWindow)
    return stats;
  auto inWindow = [&](LedgerTime time) { return time >= stats.since && time <= stats.until; };
  auto wanted = [&](const std::string &name) { return env.empty() || name == env; };

  std::map<std::string, EnvironmentStats> rows;
  std::map<std::string, const LedgerEntry *> closes;
  std::set<std::int64_t> failedSeqs;
  if (!env.empty())
    rows[env].env = env;
  for (const LedgerEntry &entry : entries) {
    std::string kind = entry.kind();
    if (kind == "incident-close")
      closes.emplace(entry.str("incident"), &entry);
    if ((kind == "deploy" || kind == "rollback" || kind == "incident-open") &&
        wanted(entry.str("env")))
      rows[entry.str("env")].env = entry.str("env");
    if (kind == "incident-open")
      if (const LedgerEntry *deploy = deployBehindIncident(entries, entry))
        failedSeqs.insert(deploy->seq());
  }

  std::map<std::string, std::pair<double, double>> sums; // restore, resolve
  for (const LedgerEntry &entry : entries) {
    if (!wanted(entry.str("env")))
      continue;
    if (entry.isSucceededDeploy() && inWindow(entry.time())) {
      EnvironmentStats &row = rows[entry.str("env")];
      ++row.deploys;
      row.failedDeploys += failedSeqs.count(entry.seq());
    }
    if (entry.kind() != "incident-open")
      continue;
    EnvironmentStats &row = rows[entry.str("env")];
    LedgerTime detected = entry.timeOf("detected");
    auto close = closes.find(entry.str("incident"));
    bool resolved = close != closes.end() && close->second->timeOf("resolved") <= stats.until;
    if (detected <= stats.until && !resolved)
      ++row.openIncidents;
    if (!inWindow(detected))
      continue;
    ++row.incidents;
    if (resolved) {
      ++row.restoredIncidents;
      sums[row.env].first += double(close->second->timeOf("mitigated") - detected);
      sums[row.env].second += double(close->second->timeOf("resolved") - detected);
    }
  }

  for (auto &[name, row] : rows) {
    row.deploysPerDay = row.deploys / stats.days;
    if (row.deploys)
      row.changeFailureRate = double(row.failedDeploys) / row.deploys;
    if (row.restoredIncidents) {
      row.meanTimeToRestore = sums[name].first / row.restoredIncidents;
      row.meanTimeToResolve = sums[name].second / row.restoredIncidents;
    }
    stats.environments.push_back(row);
  }
  return stats;
}

} // namespace mac::deploy
