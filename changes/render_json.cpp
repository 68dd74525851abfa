// `mac diff --format json`: one object, envelope version 1, keys in a fixed
// order (nlohmann::ordered_json) so output is byte-stable.
#include "changes/render.h"

#include <nlohmann/json.hpp>

namespace mac::changes {

namespace {

std::string sectionKey(Section section) {
  switch (section) {
  case Section::Assets:
    return "assets";
  case Section::Flows:
    return "flows";
  case Section::DataModel:
    return "data_model";
  case Section::Integrations:
    return "integrations";
  }
  return "assets";
}

nlohmann::ordered_json orNull(const std::string &text) {
  return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
}

} // namespace

void renderJson(const DiffReport &report, llvm::raw_ostream &os) {
  using Json = nlohmann::ordered_json;
  const GateResult &gate = report.gate;
  Json out;
  out["version"] = 1;
  out["old"] = {{"label", report.oldLabel}, {"version", orNull(gate.oldVersion)}};
  out["new"] = {{"label", report.newLabel}, {"version", orNull(gate.newVersion)}};
  Json changes = Json::array();
  for (const Change &change : report.changes.changes())
    changes.push_back({{"section", sectionKey(change.section)},
                       {"kind", changeKindName(change.kind)},
                       {"subject", change.subject},
                       {"before", orNull(change.before)},
                       {"after", orNull(change.after)},
                       {"bump", bumpName(change.bump)},
                       {"rule", ruleInfo(change.rule).id},
                       {"compliance", change.compliance},
                       {"migration", orNull(change.migration)}});
  out["changes"] = std::move(changes);
  out["required"] = bumpName(gate.required);
  out["gate"] = {{"step", bumpName(gate.declared)},
                 {"passed", gate.passed()},
                 {"code", gate.failure ? Json(diag::ruleInfo(*gate.failure).id) : Json()},
                 {"suggested", orNull(gate.suggested)}};
  os << out.dump(2) << "\n";
}

} // namespace mac::changes
