// MAC4006 sms-too-long: an SMS text longer than one segment, 160 GSM-7
// septets or 70 UTF-16 code units once one character needs UCS-2 (see
// sms_length.h). Placeholders count as their fallback, or as nothing: the
// count is a lower bound, so the rule never fires on a text that fits. A note
// points at the first character that forces UCS-2.
#include "analyzer/check.h"
#include "analyzer/sms_length.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"

namespace mac::analyzer {

namespace {

class SmsTooLongCheck final : public Check {
public:
  std::string_view name() const override { return "sms-too-long"; }

  void run(CheckContext &ctx) override {
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (const TemplateText &text : model.texts()) {
      if (text.role != TextRole::SmsText)
        continue;
      SmsLength length = smsLength(text.text->value, text.placeholders);
      if (length.units <= length.segmentLimit)
        continue;
      diag::Diagnostic &d =
          ctx.diags().report(diag::Code::SmsTooLong, text.text->range, model.ownerName(text),
                             length.units, smsEncodingName(length.encoding), length.segmentLimit);
      if (length.firstNonGsm) {
        auto [at, size] = *length.firstNonGsm;
        std::string_view character = std::string_view(text.text->value).substr(at, size);
        bool inPlaceholder = character.starts_with("{{");
        d.notes.push_back({inPlaceholder
                               ? "the fallback of this placeholder is not GSM-7, so the whole text "
                                 "is sent as UCS-2"
                               : "`" + shownInMessage(character) +
                                     "` is not in the GSM-7 alphabet, so the whole text is sent as "
                                     "UCS-2",
                           text.rangeOf(at, at + size)});
      }
    }
  }
};

} // namespace

std::unique_ptr<Check> createSmsTooLongCheck() { return std::make_unique<SmsTooLongCheck>(); }

} // namespace mac::analyzer
