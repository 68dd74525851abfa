// MAC4008 unknown-filter: a placeholder filter other than `default`, the one
// filter every target platform can express. A misspelling close to `default`
// gets a fix.
#include "analyzer/check.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"
#include "compiler/sema/names.h"

namespace mac::analyzer {

namespace {

class UnknownFilterCheck final : public Check {
public:
  std::string_view name() const override { return "unknown-filter"; }

  void run(CheckContext &ctx) override {
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (const TemplateText &text : model.texts())
      for (const Placeholder &placeholder : text.placeholders)
        for (const PlaceholderFilter &filter : placeholder.filters) {
          if (filter.name == "default")
            continue;
          std::optional<std::string> closest = sema::closestName(filter.name, {"default"});
          std::string_view written =
              std::string_view(text.text->value)
                  .substr(placeholder.begin, placeholder.end - placeholder.begin);
          diag::Diagnostic &d = ctx.diags().report(diag::Code::UnknownFilter, filter.nameRange,
                                                   filter.name, shownInMessage(written),
                                                   closest ? "; did you mean `default`?" : "");
          model.noteOrigin(text, d);
          if (closest)
            d.fixes.push_back({"replace with `default`", {{filter.nameRange, "default"}}});
        }
  }
};

} // namespace

std::unique_ptr<Check> createUnknownFilterCheck() { return std::make_unique<UnknownFilterCheck>(); }

} // namespace mac::analyzer
