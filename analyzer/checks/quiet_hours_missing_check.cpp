// MAC3002 quiet-hours-missing: a marketing SMS `send` (not `transactional`)
// in a flow that no `quiet_hours sms` rule covers: neither a bundle policy
// (stdlib ones from `use std.tcpa` included) nor the flow's own policy
// statements. The window's own compliance is MAC3003's business. Fix: add
// `quiet_hours sms 21:00..08:00 recipient_local;` to the first policy declared
// in the bundle's own files, else `use std.tcpa;` after the `bundle`
// declaration (at the top of bundle.flow, or of the file in single-file mode).
#include "analyzer/check.h"
#include "analyzer/decl_edits.h"
#include "analyzer/program_queries.h"

#include <algorithm>

namespace mac::analyzer {

namespace {

constexpr std::string_view kQuietLine = "quiet_hours sms 21:00..08:00 recipient_local;";
constexpr std::string_view kUseLine = "use std.tcpa;";

bool hasSmsQuietHours(const sema::Program &program, const sema::Flow &flow) {
  std::vector<const sema::PolicyRule *> rules = policyRulesInForce(program, flow);
  return std::any_of(rules.begin(), rules.end(), [](const sema::PolicyRule *rule) {
    return rule->kind == sema::PolicyKind::QuietHours && rule->channel == sema::Channel::Sms;
  });
}

/// The file a bundle-level `use` goes into when there is no `bundle` declaration.
FileId manifestFile(const SourceManager &sources, FileId fallback) {
  for (uint32_t i = 0; i < sources.fileCount(); ++i)
    if (sources.displayPath(FileId{i}) == "bundle.flow")
      return FileId{i};
  return fallback;
}

std::optional<diag::Fix> quietHoursFix(CheckContext &ctx, FileId sendFile) {
  const sema::Program &program = ctx.program();
  for (const sema::Policy &policy : program.policies) {
    if (inStdlib(ctx.sources(), policy.range))
      continue;
    if (auto edit = insertBeforeClosingBrace(ctx.sources(), policy.range, kQuietLine))
      return diag::Fix{"add TCPA quiet hours to policy `" + policy.name + "`", {*edit}};
    return std::nullopt;
  }
  std::string message = "use the stdlib policy `std.tcpa` (quiet hours 21:00..08:00 "
                        "recipient-local)";
  const SourceRange &bundle = program.bundle.range;
  if (bundle.isValid() && bundle.end > bundle.begin)
    return diag::Fix{message,
                     {insertLineAfter(ctx.sources(), bundle.file, bundle.end - 1, kUseLine)}};
  FileId file = manifestFile(ctx.sources(), sendFile);
  return diag::Fix{message, {{SourceRange{file, 0, 0}, std::string(kUseLine) + "\n"}}};
}

class QuietHoursMissingCheck final : public Check {
public:
  std::string_view name() const override { return "quiet-hours-missing"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    for (const sema::Flow &flow : program.flows) {
      if (hasSmsQuietHours(program, flow))
        continue;
      forEachStatement(program, flow.body, [&](sema::StmtId, const sema::Stmt &stmt) {
        if (sendChannel(stmt) != sema::Channel::Sms || !isMarketingSend(program, stmt))
          return;
        diag::Diagnostic &d = ctx.diags().report(diag::Code::QuietHoursMissing, stmt.range,
                                                 program.declared(stmt.target).name);
        if (auto fix = quietHoursFix(ctx, stmt.range.file))
          d.fixes.push_back(std::move(*fix));
      });
    }
  }
};

} // namespace

std::unique_ptr<Check> createQuietHoursMissingCheck() {
  return std::make_unique<QuietHoursMissingCheck>();
}

} // namespace mac::analyzer
