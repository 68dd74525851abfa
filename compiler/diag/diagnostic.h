// The diagnostic value type and the rule registry generated from
// diagnostics.def: every code mac can report, with its stable kebab-case
// name, default severity, category, message format and explanation.
#pragma once

#include "compiler/base/source_manager.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mac::diag {

enum class Severity : uint8_t { Ignored, Info, Warning, Error };

/// One enumerator per registry entry, in registry order.
enum class Code : uint16_t {
#define DIAG(ENUM, CODE, NAME, SEVERITY, CATEGORY, SUMMARY, FORMAT, EXPLANATION) ENUM,
#include "compiler/diag/diagnostics.def"
#undef DIAG
};

/// What the registry says about one rule.
struct RuleInfo {
  Code code;
  std::string_view id;          ///< "MAC3001"
  std::string_view name;        ///< "consent-missing"
  Severity defaultSeverity;
  std::string_view category;    ///< "compliance"
  std::string_view summary;     ///< one line, as in LANGUAGE.md §8
  std::string_view format;      ///< fmt format string of the message
  std::string_view explanation; ///< paragraphs with a bad and a good example
};

const RuleInfo &ruleInfo(Code code);
std::span<const RuleInfo> allRules();
/// Finds a rule by its code ("MAC3001", case-insensitive) or kebab-case name.
std::optional<Code> lookupRule(std::string_view codeOrName);
std::string_view severityName(Severity severity); ///< "error", "warning", "info", "ignored"

struct Note {
  std::string message;
  SourceRange range; ///< may be invalid: a note without a place
};

struct Edit {
  SourceRange range; ///< the bytes replaced (empty range: an insertion)
  std::string text;
};

struct Fix {
  std::string message;
  std::vector<Edit> edits;
};

struct Diagnostic {
  Code code;
  Severity severity;
  std::string message;
  SourceRange range; ///< primary location; invalid only for bundle-level failures
  std::vector<Note> notes;
  std::vector<Fix> fixes;
};

} // namespace mac::diag
