// Detecting hand edits in platform exports (see drift.h).
#include "release/drift.h"

#include <llvm/ADT/StringRef.h>

#include <map>

namespace mac::release {
namespace {

struct DriftProfile {
  std::string target;
  std::string flowSuffix; ///< the compiled file that mirrors the read endpoint
  DriftRules rules;
  /// The object holding the flow's `id` and `name` (the flow, or a member).
  std::string headerKey;
};

const std::vector<DriftProfile> &profiles() {
  static const std::vector<DriftProfile> all = {
      {"hubspot",
       ".json",
       {{"id", "revisionId", "createdAt", "updatedAt", "crmObjectCreationStatus",
         "nextAvailableActionId"},
        "actionId"},
       ""},
      {"activecampaign", ".blocks.json", {{"cdate", "mdate", "links"}, "id"}, "automation"},
  };
  return all;
}

const DriftProfile *profileOf(const std::string &target) {
  for (const DriftProfile &profile : profiles())
    if (profile.target == target)
      return &profile;
  return nullptr;
}

std::string textOf(const nlohmann::json &object, const char *key) {
  if (!object.is_object() || !object.contains(key))
    return "";
  const nlohmann::json &value = object[key];
  return value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.dump();
}

const nlohmann::json &header(const DriftProfile &profile, const nlohmann::json &flow) {
  static const nlohmann::json none;
  if (profile.headerKey.empty())
    return flow;
  return flow.is_object() && flow.contains(profile.headerKey) ? flow[profile.headerKey] : none;
}

/// The flows of one export file: an object, an array, or `{"results": [...]}`.
std::vector<const nlohmann::json *> flowsOf(const nlohmann::json &json) {
  std::vector<const nlohmann::json *> flows;
  const nlohmann::json &list =
      json.is_object() && json.contains("results") && json["results"].is_array() ? json["results"]
                                                                                 : json;
  if (list.is_array())
    for (const nlohmann::json &flow : list)
      flows.push_back(&flow);
  else
    flows.push_back(&list);
  return flows;
}

struct CompiledFlow {
  std::string file, name, id;
  nlohmann::json json;
  bool matched = false;
};

} // namespace

bool DriftReport::drifted() const {
  if (!unmanaged.empty())
    return true;
  for (const FlowDrift &flow : flows)
    if (!flow.edits.empty())
      return true;
  return false;
}

std::vector<std::string> driftTargets() {
  std::vector<std::string> names;
  for (const DriftProfile &profile : profiles())
    names.push_back(profile.target);
  return names;
}

llvm::Expected<DriftReport> detectDrift(const std::string &target, const FileMap &build,
                                        const std::vector<ExportFile> &exports) {
  const DriftProfile *profile = profileOf(target);
  if (!profile)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "`" + target + "` cannot be read back: drift reads " +
                                       llvm::join(driftTargets(), " and ") + " exports");
  std::vector<CompiledFlow> compiled;
  std::string prefix = target + "/flows/";
  for (const auto &[path, bytes] : build) {
    llvm::StringRef file = path;
    if (!file.consume_front(prefix) || !file.endswith(profile->flowSuffix) ||
        file.drop_back(profile->flowSuffix.size()).contains('.'))
      continue;
    auto json = nlohmann::json::parse(bytes, nullptr, false);
    if (json.is_discarded())
      continue;
    const nlohmann::json &head = header(*profile, json);
    compiled.push_back({path, textOf(head, "name"), textOf(head, "id"), std::move(json)});
  }

  DriftReport report;
  report.target = target;
  for (const ExportFile &file : exports)
    for (const nlohmann::json *flow : flowsOf(file.json)) {
      const nlohmann::json &head = header(*profile, *flow);
      if (!flow->is_object() || !head.is_object())
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "'" + file.path + "': not a " + target + " flow export (expected an object" +
                (profile->headerKey.empty() ? "" : " with `" + profile->headerKey + "`") + ")");
      std::string name = textOf(head, "name"), id = textOf(head, "id");
      CompiledFlow *match = nullptr;
      for (CompiledFlow &candidate : compiled)
        if (!candidate.matched && !id.empty() && candidate.id == id)
          match = &candidate;
      for (CompiledFlow &candidate : compiled)
        if (!match && !candidate.matched && candidate.name == name)
          match = &candidate;
      if (!match) {
        report.unmanaged.push_back({name, id, file.path});
        continue;
      }
      match->matched = true;
      report.flows.push_back(
          {match->file, name, id, file.path, compareJson(match->json, *flow, profile->rules)});
    }
  for (const CompiledFlow &flow : compiled)
    if (!flow.matched)
      report.notExported.push_back(flow.name.empty() ? flow.file : flow.name);
  return report;
}

void renderDriftText(const DriftReport &report, llvm::raw_ostream &os) {
  size_t edited = 0;
  for (const FlowDrift &flow : report.flows) {
    if (flow.edits.empty())
      continue;
    ++edited;
    os << report.target << " flow `" << flow.name << "`"
       << (flow.platformId.empty() ? "" : " (id " + flow.platformId + ")") << ": "
       << flow.edits.size() << (flow.edits.size() == 1 ? " hand edit" : " hand edits")
       << " against " << flow.compiledFile << "\n";
    for (const DriftEdit &edit : flow.edits) {
      os << "  " << driftKindName(edit.kind) << "  "
         << (edit.path.empty() ? "(the flow)" : edit.path);
      if (edit.kind == DriftKind::Changed)
        os << ": compiled " << edit.compiled.dump() << ", platform " << edit.platform.dump();
      else if (edit.kind == DriftKind::Added)
        os << ": " << edit.platform.dump();
      os << "\n";
    }
  }
  for (const UnmanagedFlow &flow : report.unmanaged)
    os << report.target << " flow `" << flow.name << "`"
       << (flow.platformId.empty() ? "" : " (id " + flow.platformId + ")")
       << ": not compiled by this release (made by hand in the platform?)\n";
  os << "drift: " << edited << " of " << report.flows.size() << " exported flows edited by hand, "
     << report.unmanaged.size() << " unmanaged";
  if (!report.notExported.empty())
    os << "; " << report.notExported.size() << " compiled flows not in the exports";
  os << "\n";
}

std::string renderDriftJson(const DriftReport &report) {
  nlohmann::json flows = nlohmann::json::array();
  for (const FlowDrift &flow : report.flows) {
    nlohmann::json edits = nlohmann::json::array();
    for (const DriftEdit &edit : flow.edits)
      edits.push_back({{"kind", driftKindName(edit.kind)},
                       {"path", edit.path},
                       {"compiled", edit.compiled},
                       {"platform", edit.platform}});
    flows.push_back({{"name", flow.name},
                     {"id", flow.platformId},
                     {"compiled_file", flow.compiledFile},
                     {"export_file", flow.exportFile},
                     {"edits", edits}});
  }
  nlohmann::json unmanaged = nlohmann::json::array();
  for (const UnmanagedFlow &flow : report.unmanaged)
    unmanaged.push_back(
        {{"name", flow.name}, {"id", flow.platformId}, {"export_file", flow.exportFile}});
  nlohmann::json json{
      {"version", 1},           {"target", report.target},           {"env", report.env},
      {"release", report.tag},  {"drifted", report.drifted()},       {"flows", flows},
      {"unmanaged", unmanaged}, {"not_exported", report.notExported}};
  return json.dump(2) + "\n";
}

} // namespace mac::release
