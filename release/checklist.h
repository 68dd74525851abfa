// `mac checklist`: the release checklist of one bundle in one environment,
// pre-flight, promotion and post-release (items in checklist_items.def).
// What a check or a test can decide is ticked or flagged with its evidence
// (the diagnostics that remain after lint control, test results, the
// snapshot and the version gate); what only people can decide stays open
// with the role that signs it. Markdown for a pull request, JSON for tools.
#pragma once

#include "compiler/base/source_manager.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/sema/program.h"

#include <optional>
#include <string>
#include <vector>

namespace mac::release {

enum class ChecklistPhase { PreFlight, Promotion, PostRelease };
enum class ChecklistRole { None, MarketingOps, SalesRevOps, Compliance, EngineeringBI };
enum class ChecklistStatus { Ticked, Flagged, Open };

struct ChecklistItem {
  std::string id;
  ChecklistPhase phase = ChecklistPhase::PreFlight;
  std::string text;
  ChecklistStatus status = ChecklistStatus::Open;
  ChecklistRole role = ChecklistRole::None;
  std::vector<std::string> evidence; ///< one line each
};

/// A fact the driver establishes; unknown facts leave their item open.
struct ChecklistFact {
  bool decided = false;
  bool holds = false;
  std::vector<std::string> evidence;
};

struct ChecklistInput {
  const sema::Program &program;
  const SourceManager &sources;
  std::string env;
  std::vector<diag::Diagnostic> diagnostics; ///< after lint control, for `env`
  ChecklistFact tests, snapshot, versionGate, drift;
};

/// Decides every item of checklist_items.def.
std::vector<ChecklistItem> buildChecklist(const ChecklistInput &input);

std::string renderChecklistMarkdown(const std::vector<ChecklistItem> &items,
                                    const sema::Program &program, const std::string &env);
std::string renderChecklistJson(const std::vector<ChecklistItem> &items,
                                const sema::Program &program, const std::string &env);

} // namespace mac::release
