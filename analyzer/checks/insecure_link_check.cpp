// MAC4004 insecure-link: a valid link whose scheme is `http` (any case).
// Fix: write `https` in place of the scheme as written.
#include "analyzer/check.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"

#include <llvm/ADT/StringRef.h>

namespace mac::analyzer {

namespace {

class InsecureLinkCheck final : public Check {
public:
  std::string_view name() const override { return "insecure-link"; }

  void run(CheckContext &ctx) override {
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (const TemplateText &text : model.texts())
      for (const Link &link : text.links) {
        if (!link.builtin.empty() || !link.facts.valid || link.facts.scheme != "http")
          continue;
        diag::Diagnostic &d =
            ctx.diags().report(diag::Code::InsecureLink, link.range, shownInMessage(link.url));
        model.noteOrigin(text, d);
        // The scheme as written, when it maps one to one onto the source.
        SourceRange scheme = text.rangeOf(link.begin, link.begin + 4);
        if (scheme.end - scheme.begin == 4 &&
            llvm::StringRef(ctx.textOf(scheme).data(), 4).equals_insensitive("http"))
          d.fixes.push_back({"use `https://`", {{scheme, "https"}}});
      }
  }
};

} // namespace

std::unique_ptr<Check> createInsecureLinkCheck() { return std::make_unique<InsecureLinkCheck>(); }

} // namespace mac::analyzer
