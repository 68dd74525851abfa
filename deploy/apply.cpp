// Applying a plan item by item with a persisted journal (see apply.h).
#include "deploy/apply.h"

#include "deploy/placeholders.h"

#include <fmt/format.h>

namespace mac::deploy {

namespace {

llvm::Error applyItem(const PlanItem &item, Platform &platform, Session &session,
                      DeployState &state, const std::string &statePath, llvm::raw_ostream &out) {
  auto commit = [&] { return saveDeployState(statePath, state); };
  if (item.action == Action::SwitchOff) {
    ResourceProgress &progress = state.progress[item.key];
    if (progress.hash != "switch-off")
      progress = {"switch-off", 0, nlohmann::json::object()};
    Progress steps(progress, commit);
    ResourceRecord &record = state.resources.at(item.key);
    if (llvm::Error error = platform.switchOff(session, item.key, record, steps))
      return error;
    record.enabled = false;
    state.progress.erase(item.key);
    out << fmt::format("switched off {} (id {})\n", item.key, record.id);
    return commit();
  }
  Resource resource = *item.resource; // a copy: placeholders get filled
  std::vector<std::string> left = resolvePlaceholders(resource.payload, state);
  if (!left.empty())
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: %s has no platform id (bind it in the bindings)",
                                   item.key.c_str(), left.front().c_str());
  ResourceProgress &progress = state.progress[item.key];
  if (progress.hash != resource.hash) {
    progress.hash = resource.hash; // another payload: its operations start again,
    progress.done = 0;             // but ids saved so far are kept and reused
  }
  Progress steps(progress, commit);
  auto found = state.resources.find(item.key);
  ResourceRecord adopted; // bound in the bindings: the platform has it already
  adopted.id = item.platformId;
  const ResourceRecord *current = found != state.resources.end() ? &found->second
                                  : item.platformId.empty()      ? nullptr
                                                                 : &adopted;
  auto record = platform.apply(session, resource, current, steps);
  if (!record)
    return record.takeError();
  record->hash = resource.hash;
  record->enabled = true;
  state.resources[item.key] = *record;
  state.progress.erase(item.key);
  out << fmt::format("{} {} (id {})\n", current ? "updated" : "created", item.key, record->id);
  return commit();
}

} // namespace

ApplyOutcome applyPlan(const Plan &plan, Platform &platform, Session &session, DeployState &state,
                       const std::string &statePath, llvm::raw_ostream &out) {
  ApplyOutcome outcome;
  outcome.planned = plan.changes();
  if (plan.blocked()) {
    outcome.error = "the plan is blocked: payloads refer to what has no id on the platform";
    return outcome;
  }
  int unverified = 0;
  for (const PlanItem &item : plan.items) {
    if (item.action == Action::Unchanged)
      continue;
    if (item.action == Action::Manual) {
      auto problems = platform.verify(session, *item.resource);
      if (!problems) {
        outcome.error = session.redactor()(llvm::toString(problems.takeError()));
        break;
      }
      out << fmt::format("{} {}\n", problems->empty() ? "verified" : "NOT as built:", item.key);
      for (const std::string &problem : *problems)
        out << "  " << problem << "\n";
      unverified += !problems->empty();
      continue;
    }
    if (llvm::Error error = applyItem(item, platform, session, state, statePath, out)) {
      outcome.error = session.redactor()(llvm::toString(std::move(error)));
      break;
    }
  }
  if (outcome.ok() && unverified)
    outcome.error = fmt::format("{} flow(s) on the platform differ from the build: finish them "
                                "by hand as DEPLOY.md says",
                                unverified);
  outcome.applied = session.changes();
  if (outcome.ok()) {
    state.release = plan.release;
    state.version = plan.version;
    if (llvm::Error error = saveDeployState(statePath, state))
      outcome.error = llvm::toString(std::move(error));
  }
  return outcome;
}

} // namespace mac::deploy
