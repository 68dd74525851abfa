// MAC3004 sms-opt-out-missing: the text of a marketing SMS (not
// `transactional`) must contain the whole words STOP and HELP, in any case,
// outside placeholders. Fix: append the missing sentence inside the string,
// e.g. " Reply STOP to opt out, HELP for help.".
#include "analyzer/check.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"

#include <cctype>

namespace mac::analyzer {

namespace {

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// True when `word` (upper-case) stands in `text` as a whole word, any case.
bool hasWord(std::string_view text, std::string_view word) {
  for (size_t at = 0; at + word.size() <= text.size(); ++at) {
    bool match = true;
    for (size_t i = 0; i < word.size() && match; ++i)
      match = std::toupper(static_cast<unsigned char>(text[at + i])) == word[i];
    if (match && (at == 0 || !isWordChar(text[at - 1])) &&
        (at + word.size() == text.size() || !isWordChar(text[at + word.size()])))
      return true;
  }
  return false;
}

/// The text without its placeholders: a word inside `{{…}}` is not shown as written.
std::string withoutPlaceholders(const TemplateText &text) {
  std::string out;
  size_t from = 0;
  for (const Placeholder &placeholder : text.placeholders) {
    out.append(std::string_view(text.text->value).substr(from, placeholder.begin - from))
        .append(" ");
    from = placeholder.end;
  }
  return out.append(std::string_view(text.text->value).substr(from));
}

class SmsOptOutMissingCheck final : public Check {
public:
  std::string_view name() const override { return "sms-opt-out-missing"; }

  void run(CheckContext &ctx) override {
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (const TemplateText &text : model.texts()) {
      if (text.role != TextRole::SmsText || !model.isMarketing(text))
        continue;
      std::string shown = withoutPlaceholders(text);
      bool stop = hasWord(shown, "STOP"), help = hasWord(shown, "HELP");
      if (stop && help)
        continue;
      diag::Diagnostic &d =
          ctx.diags().report(diag::Code::SmsOptOutMissing, text.text->range, model.ownerName(text),
                             !stop && !help ? "STOP and HELP"
                             : !stop        ? "STOP"
                                            : "HELP");
      std::string sentence = !stop && !help ? "Reply STOP to opt out, HELP for help."
                             : !stop        ? "Reply STOP to opt out."
                                            : "Reply HELP for help.";
      const std::string &value = text.text->value;
      if (!value.empty() && !std::isspace(static_cast<unsigned char>(value.back())))
        sentence = " " + sentence;
      bool triple = isTripleQuoted(ctx.sources(), *text.text);
      d.fixes.push_back(
          {"append \"" + sentence.substr(sentence[0] == ' ') + "\"",
           {{endOfValue(ctx.sources(), *text.text), escapedForLiteral(sentence, triple)}}});
    }
  }
};

} // namespace

std::unique_ptr<Check> createSmsOptOutMissingCheck() {
  return std::make_unique<SmsOptOutMissingCheck>();
}

} // namespace mac::analyzer
