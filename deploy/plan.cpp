// Building and printing the deploy plan (see plan.h).
#include "deploy/plan.h"

#include "deploy/placeholders.h"

#include <fmt/format.h>

#include <set>

namespace mac::deploy {

using nlohmann::json;

std::string_view actionName(Action action) {
  switch (action) {
  case Action::Create:
    return "create";
  case Action::Update:
    return "update";
  case Action::Unchanged:
    return "unchanged";
  case Action::SwitchOff:
    return "switch-off";
  case Action::Manual:
    return "manual";
  }
  return "?";
}

bool Plan::blocked() const {
  for (const PlanItem &item : items)
    if (!item.blocked.empty())
      return true;
  return false;
}

int Plan::changes() const {
  int count = 0;
  for (const PlanItem &item : items)
    count += item.action == Action::Create || item.action == Action::Update ||
             item.action == Action::SwitchOff;
  return count;
}

namespace {

/// Compares the platform's copy with the build's payload (when read).
llvm::Error addDifferences(PlanItem &item, const Resource &resource, const ResourceRecord &record,
                           const DeployState &state, Platform &platform, Session *session) {
  if (!session)
    return llvm::Error::success();
  auto held = platform.read(*session, resource, record);
  if (!held)
    return held.takeError();
  if (!*held && item.action == Action::Update && record.hash.empty()) {
    // Bound in the bindings, which the build's payloads already refer to:
    // creating another would leave them pointing at nothing.
    item.blocked.push_back("id " + record.id + " (bound in the bindings)");
    return llvm::Error::success();
  }
  if (!*held) {
    item.notes.push_back("the platform no longer holds id " + record.id + ": created again");
    item.action = Action::Create;
    item.platformId.clear();
    return llvm::Error::success();
  }
  json payload = resource.payload; // as it will be sent: placeholders filled
  resolvePlaceholders(payload, state);
  item.differences = release::compareJson(payload, **held, platform.driftRules(resource.kind));
  if (item.action == Action::Unchanged && !item.differences.empty()) {
    item.action = Action::Update;
    item.notes.push_back("changed on the platform since mac applied it: applied again");
  }
  return llvm::Error::success();
}

} // namespace

/// The id `bindings` gives a list resource (bound as a list or a segment).
std::string boundId(const nlohmann::json &bindings, const Resource &resource) {
  if (resource.kind != "list" || !bindings.is_object())
    return "";
  for (const char *kind : {"list", "segment"}) {
    const json &names = bindings.value(kind, json::object());
    if (names.is_object() && names.contains(resource.name)) {
      const json &id = names[resource.name];
      return id.is_string() ? id.get<std::string>() : id.dump();
    }
  }
  return "";
}

llvm::Expected<Plan> makePlan(const std::vector<Resource> &resources, const DeployState &state,
                              const nlohmann::json &bindings, Platform &platform,
                              Session *session) {
  Plan plan;
  plan.env = state.env;
  plan.target = state.target;
  plan.platformRead = session != nullptr;
  std::set<std::string> built;
  for (const Resource &resource : resources)
    built.insert(resource.key);
  for (const Resource &resource : resources) {
    PlanItem item;
    item.key = resource.key;
    item.resource = resource;
    if (!platform.writesAutomations()) {
      item.action = Action::Manual;
      item.notes.push_back("no API writes this platform's automations: build it by hand from "
                           "DEPLOY.md; --apply verifies it");
      plan.items.push_back(std::move(item));
      continue;
    }
    auto progress = state.progress.find(resource.key);
    auto record = state.resources.find(resource.key);
    if (progress != state.progress.end()) {
      item.resumes = true;
      item.notes.push_back(fmt::format("an earlier run stopped after {} operation(s) of it: "
                                       "resumes there",
                                       progress->second.done));
    }
    for (const std::string &placeholder : placeholdersIn(resource.payload)) {
      std::string key = *placeholderKey(placeholder);
      if (key.empty() || (!built.count(key) && !state.resources.count(key)))
        item.blocked.push_back(placeholder);
    }
    std::string bound = boundId(bindings, resource);
    if (record == state.resources.end() && !bound.empty()) {
      item.action = Action::Update;
      item.platformId = bound;
      item.notes.push_back("bound to id " + bound + " in the bindings: adopted, not created");
      ResourceRecord adopted;
      adopted.id = bound;
      if (llvm::Error error = addDifferences(item, resource, adopted, state, platform, session))
        return error;
    } else if (record == state.resources.end()) {
      item.action = Action::Create;
    } else {
      item.platformId = record->second.id;
      item.action = record->second.hash == resource.hash && record->second.enabled && !item.resumes
                        ? Action::Unchanged
                        : Action::Update;
      if (!record->second.enabled)
        item.notes.push_back("switched off by an earlier deploy: switched on again");
      if (llvm::Error error =
              addDifferences(item, resource, record->second, state, platform, session))
        return error;
    }
    plan.items.push_back(std::move(item));
  }
  for (const auto &[key, record] : state.resources) {
    if (built.count(key) || !record.enabled)
      continue;
    PlanItem item;
    item.action = Action::SwitchOff;
    item.key = key;
    item.platformId = record.id;
    item.notes.push_back("no longer in this build: switched off, not deleted");
    plan.items.push_back(std::move(item));
  }
  return plan;
}

namespace {

std::string valueText(const json &value) {
  std::string text = value.is_null() ? "(none)" : value.dump();
  return text.size() > 80 ? text.substr(0, 77) + "..." : text;
}

/// One difference in the plan's words: what the update does to the
/// platform's copy (drift's "removed" is what the platform lacks).
std::string differenceText(const release::DriftEdit &edit) {
  switch (edit.kind) {
  case release::DriftKind::Changed:
    return fmt::format("changed {}: {} → {}", edit.path, valueText(edit.platform),
                       valueText(edit.compiled));
  case release::DriftKind::Removed:
    return fmt::format("not on the platform {}: adds {}", edit.path, valueText(edit.compiled));
  case release::DriftKind::Added:
    return fmt::format("only on the platform {}: {} goes", edit.path, valueText(edit.platform));
  }
  return "";
}

} // namespace

void renderPlanText(const Plan &plan, llvm::raw_ostream &os) {
  os << fmt::format("deploy plan: {} {} → {} ({})\n", plan.release.empty() ? "?" : plan.release,
                    plan.source, plan.target, plan.env);
  if (!plan.platformRead)
    os << "  (the platform was not read: no credentials; compared with the deploy state only)\n";
  for (const PlanItem &item : plan.items) {
    os << fmt::format("  {:<10} {}", actionName(item.action), item.key);
    if (!item.platformId.empty())
      os << " (id " << item.platformId << ")";
    os << "\n";
    for (const std::string &note : item.notes)
      os << "             " << note << "\n";
    for (const std::string &placeholder : item.blocked)
      os << "             BLOCKED: " << placeholder
         << (placeholder.rfind("id ", 0) == 0 ? " is not on the platform: fix bindings/"
                                              : " has no platform id: bind it in bindings/")
         << plan.target << "." << plan.env << ".json\n";
    for (const release::DriftEdit &edit : item.differences)
      os << "             " << differenceText(edit) << "\n";
  }
  int manual = 0, unchanged = 0;
  for (const PlanItem &item : plan.items) {
    manual += item.action == Action::Manual;
    unchanged += item.action == Action::Unchanged;
  }
  os << fmt::format("{} change(s), {} unchanged, {} manual\n", plan.changes(), unchanged, manual);
  if (plan.blocked())
    os << "BLOCKED: some payloads refer to what has no id on the platform (see above)\n";
}

std::string renderPlanJson(const Plan &plan) {
  json items = json::array();
  for (const PlanItem &item : plan.items) {
    json differences = json::array();
    for (const release::DriftEdit &edit : item.differences)
      differences.push_back({{"kind", std::string(release::driftKindName(edit.kind))},
                             {"path", edit.path},
                             {"platform", edit.platform},
                             {"build", edit.compiled}});
    json entry = {{"action", std::string(actionName(item.action))},
                  {"key", item.key},
                  {"notes", item.notes},
                  {"differences", differences},
                  {"resumes", item.resumes},
                  {"blocked", item.blocked}};
    if (!item.platformId.empty())
      entry["id"] = item.platformId;
    if (item.resource)
      entry["file"] = item.resource->file;
    items.push_back(entry);
  }
  json document = {{"env", plan.env},
                   {"target", plan.target},
                   {"release", plan.release},
                   {"version", plan.version},
                   {"source", plan.source},
                   {"platform_read", plan.platformRead},
                   {"changes", plan.changes()},
                   {"blocked", plan.blocked()},
                   {"items", items}};
  return document.dump(2) + "\n";
}

} // namespace mac::deploy
