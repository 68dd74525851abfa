// The rule registry: a static table built from diagnostics.def, with lookups
// by code and by name. Everything that lists or explains rules (`mac rules`,
// `mac explain`, SARIF, docs/diagnostics.md) reads this table.
#include "compiler/diag/diagnostic.h"

#include <cctype>
#include <iterator>

namespace mac::diag {
namespace {

constexpr RuleInfo kRules[] = {
#define DIAG(ENUM, CODE, NAME, SEVERITY, CATEGORY, SUMMARY, FORMAT, EXPLANATION)                   \
  RuleInfo{Code::ENUM, CODE, NAME, Severity::SEVERITY, CATEGORY, SUMMARY, FORMAT, EXPLANATION},
#include "compiler/diag/diagnostics.def"
#undef DIAG
};

constexpr bool registryIsInOrder() {
  for (size_t i = 0; i < std::size(kRules); ++i)
    if (static_cast<size_t>(kRules[i].code) != i)
      return false;
  return true;
}
static_assert(registryIsInOrder(), "kRules must be indexed by Code");

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

} // namespace

const RuleInfo &ruleInfo(Code code) { return kRules[static_cast<size_t>(code)]; }

std::span<const RuleInfo> allRules() { return kRules; }

std::optional<Code> lookupRule(std::string_view codeOrName) {
  for (const RuleInfo &rule : kRules)
    if (rule.name == codeOrName || equalsIgnoringCase(rule.id, codeOrName))
      return rule.code;
  return std::nullopt;
}

std::string_view severityName(Severity severity) {
  switch (severity) {
  case Severity::Ignored:
    return "ignored";
  case Severity::Info:
    return "info";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "unknown";
}

} // namespace mac::diag
