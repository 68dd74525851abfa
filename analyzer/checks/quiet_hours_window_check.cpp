// MAC3003 quiet-hours-outside-tcpa: the `quiet_hours sms` windows in force
// for a flow (bundle policies, stdlib ones included, plus the flow's own)
// must together keep every minute from 21:00 to 08:00 recipient-local quiet.
// Only `recipient_local` windows count towards that union: a window measured
// in account-local time (or a fixed zone) protects no recipient hour. When
// the union leaves a gap, every quiet sms window in force there is reported,
// once per rule, with the recipient-local times the union still allows (or,
// for a window in another zone, that it counts the wrong clock). A bundle
// without flows is judged on its bundle policies alone. std.tcpa (21:00..08:00)
// and std.tcpa_strict (20:00..08:00) pass. Fix: rewrite the rule as the
// smallest recipient-local window that covers both it and 21:00..08:00.
#include "analyzer/check.h"
#include "analyzer/decl_edits.h"
#include "analyzer/program_queries.h"
#include "analyzer/quiet_hours.h"

#include <algorithm>
#include <utility>

namespace mac::analyzer {

namespace {

using Rules = std::vector<const sema::PolicyRule *>;

bool isSmsQuiet(const sema::PolicyRule *rule) {
  return rule->kind == sema::PolicyKind::QuietHours && rule->channel == sema::Channel::Sms;
}
bool isRecipientLocal(const sema::PolicyRule &rule) { return rule.zone == "recipient_local"; }

std::string zoneText(const sema::PolicyRule &rule) {
  if (rule.zone == "recipient_local" || rule.zone == "account_local")
    return rule.zone;
  return "\"" + rule.zone + "\"";
}

/// `22:00..07:00`, with the zone when it is not recipient-local.
std::string windowText(const sema::PolicyRule &rule) {
  std::string text = clockText(rule.startMinute) + ".." + clockText(rule.endMinute);
  return isRecipientLocal(rule) ? text : text + " " + zoneText(rule);
}

/// The `HH:MM..HH:MM` bytes of the rule, or the whole rule.
SourceRange windowRange(std::string_view ruleText, const SourceRange &rule) {
  size_t dots = ruleText.find("..");
  if (dots == std::string_view::npos)
    return rule;
  auto isClock = [](char c) { return (c >= '0' && c <= '9') || c == ':'; };
  size_t begin = dots, end = dots + 2;
  while (begin > 0 && isClock(ruleText[begin - 1]))
    --begin;
  while (end < ruleText.size() && isClock(ruleText[end]))
    ++end;
  return {rule.file, rule.begin + static_cast<uint32_t>(begin),
          rule.begin + static_cast<uint32_t>(end)};
}

/// The zone of the rule (after its window, before the `;`), or the whole rule.
SourceRange zoneRange(std::string_view ruleText, const SourceRange &rule) {
  SourceRange window = windowRange(ruleText, rule);
  size_t begin = window == rule ? ruleText.size() : window.end - rule.begin;
  size_t end = ruleText.rfind(';');
  while (begin < ruleText.size() && (ruleText[begin] == ' ' || ruleText[begin] == '\t'))
    ++begin;
  while (end != std::string_view::npos && end > begin &&
         (ruleText[end - 1] == ' ' || ruleText[end - 1] == '\t'))
    --end;
  if (end == std::string_view::npos || end <= begin)
    return rule;
  return {rule.file, rule.begin + static_cast<uint32_t>(begin),
          rule.begin + static_cast<uint32_t>(end)};
}

/// Every rule that some gap leaves open, with the union of those gaps.
struct Offence {
  const sema::PolicyRule *rule;
  MinuteSet gap;
};

void collect(const Rules &inForce, std::vector<Offence> &offences) {
  MinuteSet quiet;
  for (const sema::PolicyRule *rule : inForce)
    if (isSmsQuiet(rule) && isRecipientLocal(*rule))
      quiet |= quietMinutes(rule->startMinute, rule->endMinute);
  MinuteSet gap = tcpaGap(quiet);
  if (gap.none())
    return;
  for (const sema::PolicyRule *rule : inForce) {
    if (!isSmsQuiet(rule))
      continue;
    auto seen = std::find_if(offences.begin(), offences.end(),
                             [&](const Offence &o) { return o.rule == rule; });
    if (seen == offences.end())
      offences.push_back({rule, gap});
    else
      seen->gap |= gap;
  }
}

class QuietHoursWindowCheck final : public Check {
public:
  std::string_view name() const override { return "quiet-hours-outside-tcpa"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    std::vector<Offence> offences;
    // A flow without policies of its own has the bundle's rules in force;
    // collecting them again for the next such flow would change nothing
    // (the same gap or'ed into the same offences), so it is done once.
    bool bundleRulesCollected = false;
    for (const sema::Flow &flow : program.flows) {
      if (flow.policies.empty() && std::exchange(bundleRulesCollected, true))
        continue;
      collect(policyRulesInForce(program, flow), offences);
    }
    if (program.flows.empty()) {
      Rules bundleRules;
      for (const sema::Policy &policy : program.policies)
        for (const sema::PolicyRule &rule : policy.rules)
          bundleRules.push_back(&rule);
      collect(bundleRules, offences);
    }
    for (const Offence &offence : offences)
      report(ctx, *offence.rule, offence.gap);
  }

private:
  static void report(CheckContext &ctx, const sema::PolicyRule &rule, const MinuteSet &gap) {
    std::string allowed = isRecipientLocal(rule)
                              ? describeGap(gap)
                              : "at any recipient-local hour: it counts " +
                                    (rule.zone == "account_local" ? std::string("account-local")
                                                                  : "`" + rule.zone + "`") +
                                    " time";
    std::string_view text = ctx.textOf(rule.range);
    SourceRange range =
        isRecipientLocal(rule) ? windowRange(text, rule.range) : zoneRange(text, rule.range);
    diag::Diagnostic &d =
        ctx.diags().report(diag::Code::QuietHoursOutsideTcpa, range, windowText(rule), allowed);
    auto widened = widenedToTcpa(rule.startMinute, rule.endMinute);
    if (!widened || inStdlib(ctx.sources(), rule.range))
      return;
    std::string window = clockText(widened->first) + ".." + clockText(widened->second);
    d.fixes.push_back({"quiet from " + clockText(widened->first) + " to " +
                           clockText(widened->second) + " recipient-local",
                       {{rule.range, "quiet_hours sms " + window + " recipient_local;"}}});
  }
};

} // namespace

std::unique_ptr<Check> createQuietHoursWindowCheck() {
  return std::make_unique<QuietHoursWindowCheck>();
}

} // namespace mac::analyzer
