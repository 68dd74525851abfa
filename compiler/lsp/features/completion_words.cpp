// The completion vocabulary (see completion_words.h).
#include "compiler/lsp/features/completion_words.h"

namespace mac::lsp::features {

const Words kTopLevel = {"bundle", "use",     "env",   "field", "consent", "tag",
                         "list",   "segment", "email", "sms",   "push",    "webhook",
                         "flag",   "policy",  "flow",  "lint",  "test"};
const Words kSteps = {"if",  "set",    "send",      "wait",   "call", "assign",
                      "add", "remove", "increment", "notify", "emit", "stop"};
const Words kFlowSettings = {"on",       "reenroll", "dedupe",  "throttle",
                             "suppress", "goal",     "require", "quiet_hours"};
const Words kConditionStart = {"consent", "flag", "in", "has", "not", "true", "false"};
Words operatorsFor(sema::FieldType type) {
  using sema::FieldType;
  Words words = {"==", "!="};
  if (type == FieldType::Number || type == FieldType::Date || type == FieldType::DateTime)
    words.insert(words.end(), {"<", "<=", ">", ">="});
  words.push_back("in");
  if (type == FieldType::Text || type == FieldType::Email || type == FieldType::Phone ||
      type == FieldType::Enum)
    words.insert(words.end(), {"contains", "starts_with", "ends_with"});
  words.push_back("is");
  return words;
}

const Words &blockKeywords(std::string_view block) {
  static const std::pair<std::string_view, Words> table[] = {
      {"bundle", {"version", "release", "targets", "senders"}},
      {"env", {"prefix", "safe_mode", "throttle", "production"}},
      {"consent", {"field", "timestamp", "source"}},
      {"email", {"from", "subject", "body", "unsubscribe", "transactional"}},
      {"sms", {"text", "transactional"}},
      {"push", {"title", "text", "transactional"}},
      {"webhook", {"method", "url", "header", "payload", "retry", "dead_letter", "alert"}},
      {"flag", {"when", "envs", "on", "off"}},
      {"policy", {"quiet_hours", "suppress", "require"}},
      {"lint", {"disable", "error", "warning", "info"}},
      {"test", {"env", "contact", "at", "run", "expect"}},
      {"contact", {"timezone", "tag", "list"}},
  };
  static const Words none;
  for (const auto &[name, words] : table)
    if (name == block)
      return words;
  return none;
}

int itemKind(sema::AssetKind kind) {
  using sema::AssetKind;
  switch (kind) {
  case AssetKind::Field:
    return Field;
  case AssetKind::Tag:
    return Constant;
  case AssetKind::List:
    return Value;
  case AssetKind::Segment:
    return Class;
  case AssetKind::Email:
  case AssetKind::Sms:
  case AssetKind::Push:
    return Text;
  case AssetKind::Webhook:
    return Interface;
  case AssetKind::Flag:
    return Variable;
  case AssetKind::Policy:
    return Struct;
  case AssetKind::Flow:
    return Function;
  }
  return Value;
}

} // namespace mac::lsp::features
