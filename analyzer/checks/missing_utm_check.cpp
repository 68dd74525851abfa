// MAC4005 missing-utm: an http(s) link in a marketing template (an email,
// SMS or push that is not `transactional`) whose query has no `utm_`
// parameter. Not judged: built-in links, mailto:/tel: and other schemes,
// links that start with a placeholder, links with a placeholder in the query
// (it may carry the parameters), the From line and `notify` messages.
// Fix: append `utm_source=<channel>&utm_campaign=<template>` to the query.
#include "analyzer/check.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"

namespace mac::analyzer {

namespace {

std::string_view channelOf(sema::AssetKind kind) {
  return kind == sema::AssetKind::Email ? "email" : kind == sema::AssetKind::Sms ? "sms" : "push";
}

class MissingUtmCheck final : public Check {
public:
  std::string_view name() const override { return "missing-utm"; }

  void run(CheckContext &ctx) override {
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (const TemplateText &text : model.texts()) {
      if (!model.isMarketing(text) || text.role == TextRole::From)
        continue;
      for (const Link &link : text.links) {
        const UrlFacts &facts = link.facts;
        if (!link.builtin.empty() || !facts.valid || !facts.isWeb() || facts.hasUtm ||
            facts.queryHasPlaceholder)
          continue;
        diag::Diagnostic &d =
            ctx.diags().report(diag::Code::MissingUtm, link.range, shownInMessage(link.url));
        model.noteOrigin(text, d);
        addFix(model, text, link, d);
      }
    }
  }

private:
  static void addFix(const TemplateModel &model, const TemplateText &text, const Link &link,
                     diag::Diagnostic &d) {
    std::string_view written =
        std::string_view(text.text->value).substr(link.begin, link.end - link.begin);
    size_t hash = written.find('#');
    size_t at = hash == std::string_view::npos ? written.size() : hash;
    if (at == 0)
      return;
    std::string_view beforeAt = written.substr(0, at);
    std::string separator = beforeAt.find('?') == std::string_view::npos         ? "?"
                            : beforeAt.ends_with("?") || beforeAt.ends_with("&") ? ""
                                                                                 : "&";
    uint32_t offset = link.begin + static_cast<uint32_t>(at);
    SourceRange previous = text.rangeOf(offset - 1, offset);
    std::string parameters = separator + "utm_source=" + std::string(channelOf(text.owner.kind)) +
                             "&utm_campaign=" + model.ownerName(text);
    d.fixes.push_back(
        {"add utm parameters", {{{previous.file, previous.end, previous.end}, parameters}}});
  }
};

} // namespace

std::unique_ptr<Check> createMissingUtmCheck() { return std::make_unique<MissingUtmCheck>(); }

} // namespace mac::analyzer
