// Planning a rollback from two build outputs (see rollback_plan.h).
#include "release/rollback_plan.h"

#include <llvm/ADT/StringRef.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace mac::release {
namespace {

using ItemKey = std::tuple<std::string, std::string, std::string>; ///< target, kind, name

/// `hubspot/flows/lead_intake.json` -> (hubspot, flow, lead_intake);
/// `hubspot/assets/lists/nurture.json` -> (hubspot, lists, nurture). Files
/// that are not a flow or an asset (DEPLOY.md, manifest.json) are no item.
std::optional<ItemKey> itemOf(llvm::StringRef path) {
  llvm::SmallVector<llvm::StringRef, 5> parts;
  path.split(parts, '/');
  if (parts.size() == 3 && parts[1] == "flows")
    return ItemKey{parts[0].str(), "flow", parts[2].split('.').first.str()};
  if (parts.size() == 4 && parts[1] == "assets")
    return ItemKey{parts[0].str(), parts[2].str(), parts[3].split('.').first.str()};
  return std::nullopt;
}

struct Presence {
  bool inLive = false, inTarget = false, differs = false;
  std::vector<std::string> files;
};

} // namespace

std::string_view rollbackActionName(RollbackAction action) {
  switch (action) {
  case RollbackAction::Replace:
    return "replace";
  case RollbackAction::RenameBack:
    return "rename back";
  case RollbackAction::Restore:
    return "restore";
  case RollbackAction::SwitchOff:
    return "switch off";
  case RollbackAction::Keep:
    return "keep";
  case RollbackAction::Unchanged:
    return "unchanged";
  }
  return "unchanged";
}

bool RollbackPlan::nothingToDo() const {
  for (const RollbackItem &item : items)
    if (item.action != RollbackAction::Unchanged)
      return false;
  return true;
}

RollbackPlan planRollback(const std::string &env, const std::string &liveTag, const FileMap &live,
                          const std::string &targetTag, const FileMap &target,
                          const FlowRenames &renamed) {
  std::map<ItemKey, Presence> items;
  for (const auto &[path, bytes] : live)
    if (auto key = itemOf(path)) {
      Presence &presence = items[*key];
      presence.inLive = true;
      presence.files.push_back(path);
      auto other = target.find(path);
      presence.differs |= other == target.end() || other->second != bytes;
    }
  for (const auto &[path, bytes] : target)
    if (auto key = itemOf(path)) {
      Presence &presence = items[*key];
      presence.inTarget = true;
      if (!live.count(path)) {
        presence.files.push_back(path);
        presence.differs = true;
      }
    }
  RollbackPlan plan{env, liveTag, targetTag, {}};
  for (auto &[key, presence] : items) {
    auto &[targetName, kind, name] = key;
    RollbackAction action =
        !presence.inTarget ? (kind == "flow" ? RollbackAction::SwitchOff : RollbackAction::Keep)
        : !presence.inLive ? RollbackAction::Restore
        : presence.differs ? RollbackAction::Replace
                           : RollbackAction::Unchanged;
    std::sort(presence.files.begin(), presence.files.end());
    plan.items.push_back({targetName, kind, name, action, std::move(presence.files), {}});
  }
  // A flow renamed since: its restore and its switch-off are one flow.
  for (const auto &[liveName, targetName] : renamed) {
    auto find = [&](const std::string &target, const std::string &name, RollbackAction action) {
      return std::find_if(plan.items.begin(), plan.items.end(), [&](const RollbackItem &item) {
        return item.target == target && item.kind == "flow" && item.name == name &&
               item.action == action;
      });
    };
    for (RollbackItem &restore : plan.items) {
      if (restore.kind != "flow" || restore.name != targetName ||
          restore.action != RollbackAction::Restore)
        continue;
      auto switchOff = find(restore.target, liveName, RollbackAction::SwitchOff);
      if (switchOff == plan.items.end())
        continue;
      restore.action = RollbackAction::RenameBack;
      restore.liveName = liveName;
      switchOff->action = RollbackAction::Unchanged; // folded into the rename
      switchOff->name.clear();
    }
  }
  std::erase_if(plan.items, [](const RollbackItem &item) { return item.name.empty(); });
  return plan;
}

void renderRollbackText(const RollbackPlan &plan, llvm::raw_ostream &os) {
  os << "rollback of " << plan.env << ": " << plan.liveTag << " -> " << plan.targetTag << "\n";
  if (plan.nothingToDo()) {
    os << "  nothing to do: " << plan.targetTag << " is what " << plan.env << " runs\n";
    return;
  }
  size_t unchanged = 0;
  for (const RollbackItem &item : plan.items) {
    if (item.action == RollbackAction::Unchanged) {
      ++unchanged;
      continue;
    }
    os << "  " << rollbackActionName(item.action) << "  " << item.target << " " << item.kind << " `"
       << item.name << "`";
    if (item.action == RollbackAction::RenameBack)
      os << " (now `" << item.liveName << "`)";
    os << "\n";
  }
  os << "  (" << unchanged << " unchanged)\n";
}

std::string renderRollbackMarkdown(const RollbackPlan &plan) {
  std::string md =
      "# Rollback of `" + plan.env + "` from " + plan.liveTag + " to " + plan.targetTag + "\n\n";
  if (plan.nothingToDo())
    return md + "Nothing to do: " + plan.targetTag + " is what `" + plan.env + "` runs.\n";
  struct Section {
    RollbackAction action;
    const char *title, *what;
  };
  const Section sections[] = {
      {RollbackAction::Replace, "Replace", "update with the payload in this directory"},
      {RollbackAction::RenameBack, "Rename back",
       "renamed since: the live flow of the new name is the same flow; update it with the "
       "payload in this directory, which gives it its old name back (its contacts stay)"},
      {RollbackAction::Restore, "Restore", "removed since: create again from this directory"},
      {RollbackAction::SwitchOff, "Switch off",
       "added since: turn off; never delete (contacts and history stay)"},
      {RollbackAction::Keep, "Keep",
       "added since, no longer referenced: leave in place (contact data stays)"}};
  for (const Section &section : sections) {
    std::string lines;
    for (const RollbackItem &item : plan.items)
      if (item.action == section.action)
        lines += "- [ ] " + item.target + " " + item.kind + " `" + item.name + "`" +
                 (item.liveName.empty() ? "" : " (now `" + item.liveName + "`)") + " (" +
                 item.files.front() + ")\n";
    if (!lines.empty())
      md += "## " + std::string(section.title) + "\n\n" + section.what + ".\n\n" + lines + "\n";
  }
  return md;
}

std::string renderRollbackJson(const RollbackPlan &plan) {
  nlohmann::json items = nlohmann::json::array();
  for (const RollbackItem &item : plan.items)
    items.push_back({{"target", item.target},
                     {"kind", item.kind},
                     {"name", item.name},
                     {"action", rollbackActionName(item.action)},
                     {"live_name", item.liveName.empty() ? item.name : item.liveName},
                     {"files", item.files}});
  nlohmann::json json{{"version", 1},
                      {"env", plan.env},
                      {"from", plan.liveTag},
                      {"to", plan.targetTag},
                      {"nothing_to_do", plan.nothingToDo()},
                      {"items", items}};
  return json.dump(2) + "\n";
}

} // namespace mac::release
