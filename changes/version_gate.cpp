// The semver gate: see version_gate.h.
#include "changes/version_gate.h"

#include <fmt/format.h>

namespace mac::changes {

namespace {

constexpr size_t kMaxNotes = 10;

std::string describe(const Change &change) {
  return fmt::format("{} {}", changeKindName(change.kind), change.subject);
}

} // namespace

GateResult checkVersion(const ChangeSet &changes, const sema::Bundle &before,
                        const sema::Bundle &after, const SourceManager &afterSources,
                        const std::string &oldLabel, diag::Engine &diags) {
  GateResult result;
  result.required = changes.required();
  result.oldVersion = before.version;
  result.newVersion = after.version;
  SemVer from = SemVer::parse(before.version).value_or(SemVer{});
  std::optional<SemVer> to = SemVer::parse(after.version);
  if (to)
    result.declared = bumpBetween(from, *to);
  if (result.required == Bump::None || (to && result.declared >= result.required))
    return result;

  // While major is 0 a minor step counts as major (bumpBetween): 0.4.0 suffices after 0.3.2.
  Bump step = from.major == 0 && result.required == Bump::Major ? Bump::Minor : result.required;
  result.suggested = bumped(from, step).str();
  std::vector<const Change *> needing = changes.needing(result.required);
  diag::Diagnostic *d;
  if (!to || *to == from) {
    result.failure = diag::Code::VersionNotBumped;
    SourceRange where = to ? after.versionRange : after.nameRange;
    d = &diags.report(*result.failure, where, oldLabel, to ? to->str() : "undeclared");
  } else {
    result.failure = diag::Code::InsufficientVersionBump;
    std::string what = needing.size() == 1 ? "`" + needing[0]->subject + "` (" +
                                                 std::string(changeKindName(needing[0]->kind)) + ")"
                                           : fmt::format("{} changes", needing.size());
    d = &diags.report(*result.failure, after.versionRange, what, bumpName(result.required),
                      from.str(), to->str());
  }
  for (size_t i = 0; i < needing.size() && i < kMaxNotes; ++i)
    d->notes.push_back({fmt::format("{} needs a {} bump (rule {})", describe(*needing[i]),
                                    bumpName(result.required), ruleInfo(needing[i]->rule).id),
                        {}});
  if (needing.size() > kMaxNotes)
    d->notes.push_back({fmt::format("and {} more", needing.size() - kMaxNotes), {}});

  diag::Fix fix{"set the version to " + result.suggested, {}};
  if (to) {
    fix.edits.push_back({after.versionRange, result.suggested});
  } else if (after.nameRange.isValid()) {
    // No `version` yet: insert one after the `{` of the bundle declaration.
    std::string_view text = afterSources.text(after.nameRange.file);
    size_t brace = text.find('{', after.nameRange.end);
    if (brace != std::string_view::npos && brace < after.range.end) {
      SourceRange at{after.nameRange.file, uint32_t(brace + 1), uint32_t(brace + 1)};
      fix.edits.push_back({at, " version " + result.suggested + ";"});
    }
  }
  if (!fix.edits.empty())
    d->fixes.push_back(std::move(fix));
  return result;
}

} // namespace mac::changes
