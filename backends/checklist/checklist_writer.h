// The parts of DEPLOY.md that are the same on every editor-only platform:
// the header (bundle, release, environment, prefix, safe mode), the table of
// assets to create or check and bind, and the numbered steps of a flow with
// their Yes/No paths nested under each branch. The backend supplies the
// editor's words (Vocabulary) and writes the platform-specific parts between.
#pragma once

#include "backends/checklist/checklist_tree.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/vocabulary.h"

namespace mac::backend::checklist {

/// Title, what was built from what, and the rules every step below follows.
void writeHeader(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary,
                 std::string_view intro);
/// "Assets": every field, tag, list, segment, template and webhook of the
/// bundle with the name to give it in the editor and its bound id.
void writeAssets(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary);
/// The numbered steps of `tree` (a plan of `flow`) as nested bullets.
void writeSteps(Markdown &md, BuildContext &ctx, const Vocabulary &vocabulary,
                const sema::Flow &flow, const Tree &tree);
/// One branch's condition in words, saying when it is the safe-mode guard.
std::string branchCondition(BuildContext &ctx, const Vocabulary &vocabulary, const PlanNode &node);
/// "`PRD — Lead Intake` (`lead_intake`)".
std::string flowTitle(BuildContext &ctx, const sema::Flow &flow);
/// The heading of a flow's section, and a warning when no `who` (contact,
/// person) can enter it in this environment.
void writeFlowHeading(Markdown &md, BuildContext &ctx, const sema::Flow &flow, const FlowPlan &plan,
                      std::string_view who);

} // namespace mac::backend::checklist
