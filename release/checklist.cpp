// Deciding and rendering the release checklist (see checklist.h).
#include "release/checklist.h"

#include "backends/build_context.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <nlohmann/json.hpp>

#include <set>

namespace mac::release {
namespace {

enum class Decider { Codes, Fact, Person };

struct ItemSpec {
  const char *id;
  ChecklistPhase phase;
  const char *text;
  Decider decider;
  const char *codes;
  ChecklistRole role;
};

const ItemSpec kItems[] = {
#define CHECK(ID, PHASE, TEXT, CODES)                                                              \
  {#ID, ChecklistPhase::PHASE, TEXT, Decider::Codes, CODES, ChecklistRole::None},
#define FACT(ID, PHASE, TEXT)                                                                      \
  {#ID, ChecklistPhase::PHASE, TEXT, Decider::Fact, "", ChecklistRole::None},
#define PERSON(ID, PHASE, TEXT, ROLE)                                                              \
  {#ID, ChecklistPhase::PHASE, TEXT, Decider::Person, "", ChecklistRole::ROLE},
#include "release/checklist_items.def"
#undef CHECK
#undef FACT
#undef PERSON
};

constexpr size_t kMaxEvidence = 5;

std::string_view phaseTitle(ChecklistPhase phase) {
  switch (phase) {
  case ChecklistPhase::PreFlight:
    return "Pre-flight";
  case ChecklistPhase::Promotion:
    return "Promotion";
  case ChecklistPhase::PostRelease:
    return "Post-release";
  }
  return "";
}

std::string_view phaseId(ChecklistPhase phase) {
  switch (phase) {
  case ChecklistPhase::PreFlight:
    return "pre-flight";
  case ChecklistPhase::Promotion:
    return "promotion";
  case ChecklistPhase::PostRelease:
    return "post-release";
  }
  return "";
}

std::string_view roleName(ChecklistRole role) {
  switch (role) {
  case ChecklistRole::None:
    return "";
  case ChecklistRole::MarketingOps:
    return "Marketing Ops";
  case ChecklistRole::SalesRevOps:
    return "Sales/RevOps";
  case ChecklistRole::Compliance:
    return "Compliance";
  case ChecklistRole::EngineeringBI:
    return "Engineering/BI";
  }
  return "";
}

std::string_view statusName(ChecklistStatus status) {
  switch (status) {
  case ChecklistStatus::Ticked:
    return "ticked";
  case ChecklistStatus::Flagged:
    return "flagged";
  case ChecklistStatus::Open:
    return "open";
  }
  return "";
}

std::string located(const diag::Diagnostic &d, const SourceManager &sources) {
  std::string where;
  if (d.range.isValid()) {
    LineColumn at = sources.lineColumn(d.range.file, d.range.begin);
    where = sources.displayPath(d.range.file) + ":" + std::to_string(at.line) + ":" +
            std::to_string(at.column) + ": ";
  }
  return where + std::string(diag::ruleInfo(d.code).id) + " " + d.message;
}

/// Ticked when no remaining diagnostic has one of `codes`; flagged with them.
void decideByCodes(ChecklistItem &item, llvm::StringRef codes, const ChecklistInput &input) {
  llvm::SmallVector<llvm::StringRef, 8> wanted;
  codes.split(wanted, ' ', -1, false);
  std::set<std::string> set(wanted.begin(), wanted.end());
  size_t found = 0;
  for (const diag::Diagnostic &d : input.diagnostics) {
    if (d.severity == diag::Severity::Ignored || !set.count(std::string(diag::ruleInfo(d.code).id)))
      continue;
    if (++found <= kMaxEvidence)
      item.evidence.push_back(located(d, input.sources));
  }
  if (found > kMaxEvidence)
    item.evidence.push_back("and " + std::to_string(found - kMaxEvidence) + " more");
  item.status = found ? ChecklistStatus::Flagged : ChecklistStatus::Ticked;
  if (!found)
    item.evidence.push_back("no " + codes.str() + " in " + input.env);
}

/// Outside production, every environment prefixes the names it creates.
ChecklistFact environmentPrefix(const ChecklistInput &input) {
  ChecklistFact fact{true, true, {}};
  for (const sema::Env &env : input.program.envs) {
    if (env.name != input.env)
      continue;
    if (env.production)
      fact.evidence.push_back("`" + env.name + "` is production: names carry no prefix");
    else if (env.prefix && !env.prefix->value.empty())
      fact.evidence.push_back("`" + env.name + "` prefixes names with \"" + env.prefix->value +
                              "\"");
    else {
      fact.holds = false;
      fact.evidence.push_back("`" + env.name +
                              "` is not production but has no `prefix`: its flows and assets "
                              "would look like production's in the platform");
    }
  }
  return fact;
}

void decideByFact(ChecklistItem &item, const ChecklistFact &fact, const std::string &howToDecide) {
  if (!fact.decided) {
    item.status = ChecklistStatus::Open;
    item.evidence.push_back(howToDecide);
    return;
  }
  item.status = fact.holds ? ChecklistStatus::Ticked : ChecklistStatus::Flagged;
  item.evidence = fact.evidence;
}

} // namespace

std::vector<ChecklistItem> buildChecklist(const ChecklistInput &input) {
  std::vector<ChecklistItem> items;
  for (const ItemSpec &spec : kItems) {
    ChecklistItem item{spec.id, spec.phase, spec.text, ChecklistStatus::Open, spec.role, {}};
    llvm::StringRef id = spec.id;
    if (spec.decider == Decider::Codes)
      decideByCodes(item, spec.codes, input);
    else if (id == "env_prefix")
      decideByFact(item, environmentPrefix(input), "");
    else if (id == "tests")
      decideByFact(item, input.tests,
                   "the bundle has no `test` block (or has errors): nothing proves it in " +
                       input.env);
    else if (id == "snapshot")
      decideByFact(item, input.snapshot, "take it with `mac snapshot`");
    else if (id == "version_gate")
      decideByFact(item, input.versionGate, "decided when a snapshot of an earlier version exists");
    else if (id == "drift")
      decideByFact(item, input.drift,
                   "after the release: `mac drift --target T --env " + input.env + " EXPORT.json`");
    items.push_back(std::move(item));
  }
  return items;
}

std::string renderChecklistMarkdown(const std::vector<ChecklistItem> &items,
                                    const sema::Program &program, const std::string &env) {
  std::string md =
      "# Release checklist: " + backend::releaseTag(program.bundle) + " in `" + env + "`\n\n";
  size_t ticked = 0, flagged = 0, open = 0;
  for (const ChecklistItem &item : items)
    (item.status == ChecklistStatus::Ticked    ? ticked
     : item.status == ChecklistStatus::Flagged ? flagged
                                               : open)++;
  md += std::to_string(ticked) + " ticked by `mac`, " + std::to_string(flagged) + " flagged, " +
        std::to_string(open) + " open for people.\n";
  std::optional<ChecklistPhase> phase;
  for (const ChecklistItem &item : items) {
    if (phase != item.phase) {
      phase = item.phase;
      md += "\n## " + std::string(phaseTitle(item.phase)) + "\n\n";
    }
    const char *box = item.status == ChecklistStatus::Ticked    ? "- [x] "
                      : item.status == ChecklistStatus::Flagged ? "- [ ] ⚠ "
                                                                : "- [ ] ";
    md += box + item.text;
    if (item.role != ChecklistRole::None)
      md += " — **" + std::string(roleName(item.role)) + "**";
    md += "\n";
    for (const std::string &line : item.evidence)
      if (!line.empty())
        md += "  - " + line + "\n";
  }
  return md;
}

std::string renderChecklistJson(const std::vector<ChecklistItem> &items,
                                const sema::Program &program, const std::string &env) {
  nlohmann::json list = nlohmann::json::array();
  for (const ChecklistItem &item : items) {
    nlohmann::json entry{{"id", item.id},
                         {"phase", phaseId(item.phase)},
                         {"text", item.text},
                         {"status", statusName(item.status)},
                         {"evidence", item.evidence}};
    if (item.role != ChecklistRole::None)
      entry["role"] = roleName(item.role);
    list.push_back(std::move(entry));
  }
  nlohmann::json json{{"version", 1},
                      {"release", backend::releaseTag(program.bundle)},
                      {"env", env},
                      {"items", std::move(list)}};
  return json.dump(2) + "\n";
}

} // namespace mac::release
