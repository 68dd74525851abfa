// Words shared by every build checklist: durations, clock times, rates,
// values, field conditions with an editor's operator names, whole conditions
// (as "A and B, or C"), and the flows a `emit event` reaches.
#pragma once

#include "backends/checklist/vocabulary.h"

#include <optional>
#include <string>
#include <vector>

namespace mac::backend::checklist {

/// "2 days", "1 week", "1 day 6 hours", "30 seconds".
std::string durationText(int64_t seconds);
/// The duration in one unit an editor offers: {count, "day(s)"/"hour(s)"/"minute(s)"},
/// the largest that divides it (minutes rounded up otherwise).
std::pair<int64_t, std::string> durationInUnit(int64_t seconds);
/// "09:00" from minutes since midnight.
std::string clockText(int64_t minutes);
/// "100 per hour".
std::string rateText(const sema::Rate &rate);
/// A value as entered in an editor field: strings as they are, numbers as written.
std::string valueText(const sema::Value &value);
/// The prefixed display name of a field, in bold.
std::string fieldLabel(BuildContext &ctx, sema::FieldId field);
/// The prefixed display name of any asset, in backticks.
std::string assetLabel(BuildContext &ctx, sema::AssetRef asset);
/// A field comparison, text test, `is set`/`is empty`, `in [...]` or
/// consent leaf with the editor's operator names; empty for other kinds.
std::string fieldLeaf(BuildContext &ctx, const Operators &ops, const sema::Cond &cond,
                      bool negated);
/// The whole condition in words, each leaf worded by `vocabulary`.
std::string conditionText(BuildContext &ctx, const Vocabulary &vocabulary,
                          const Condition &condition);
/// The rules of segment `segment` in words (flags resolved for the environment).
std::string segmentRules(BuildContext &ctx, const Vocabulary &vocabulary, sema::SegmentId segment);
/// The flows of the bundle that `on event NAME` starts, in declaration order.
std::vector<sema::FlowId> eventListeners(const sema::Program &program, std::string_view name);
/// The step of an `emit event`: for each flow of the bundle it starts, the
/// platform's `action` ("**Add To Workflow**") naming the flow as a `noun`
/// ("Workflow"); when none, a note that nothing is built on `platform`.
StepText emitEventStep(BuildContext &ctx, const sema::Stmt &stmt, std::string_view platform,
                       std::string_view action, std::string_view noun);
/// The list or segment a leaf tests membership of (`in list`, `in segment`,
/// the safe-mode audience); nullopt for every other leaf.
std::optional<sema::AssetRef> membershipOf(BuildContext &ctx, const Condition &leaf);
/// The message of a `notify`, and where it goes: "`#sales`: New MQL: {{email}}".
std::string notifyText(const sema::Stmt &stmt);

} // namespace mac::backend::checklist
