// MAC4003 malformed-link: a link that is not a valid absolute URL according
// to uriparser (RFC 3986): a syntax error such as a space or a stray quote, a
// relative URL (no scheme), or an http(s) URL without a host. Built-in links
// (`{{unsubscribe_url}}`), links that start with a placeholder and in-page
// anchors (`#top`) are not judged.
#include "analyzer/check.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"

namespace mac::analyzer {

namespace {

class MalformedLinkCheck final : public Check {
public:
  std::string_view name() const override { return "malformed-link"; }

  void run(CheckContext &ctx) override {
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (const TemplateText &text : model.texts())
      for (const Link &link : text.links)
        if (link.builtin.empty() && !link.facts.dynamic && !link.facts.valid)
          model.noteOrigin(
              text, ctx.diags().report(diag::Code::MalformedLink, link.range,
                                       link.url.empty() ? "href=\"\"" : shownInMessage(link.url),
                                       link.facts.problem));
  }
};

} // namespace

std::unique_ptr<Check> createMalformedLinkCheck() { return std::make_unique<MalformedLinkCheck>(); }

} // namespace mac::analyzer
