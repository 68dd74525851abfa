// MAC3005 unsubscribe-missing: a marketing email (not `transactional`) needs
// both halves of a working opt-out, each reported on its own:
//  * a visible unsubscribe link in its body: `{{unsubscribe_url}}` as an
//    `<a href>` (HTML) or standing in the text (plain-text body). Fix for an
//    inline body: append a link inside the string.
//  * RFC 8058 one-click unsubscribe: `unsubscribe one_click;`. Fix: insert
//    that line before the email's closing `}`, or turn `unsubscribe link;`
//    into it.
#include "analyzer/check.h"
#include "analyzer/decl_edits.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"

namespace mac::analyzer {

namespace {

class UnsubscribeMissingCheck final : public Check {
public:
  std::string_view name() const override { return "unsubscribe-missing"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (uint32_t i = 0; i < program.emails.size(); ++i) {
      const sema::Email &email = program.emails[i];
      if (email.transactional)
        continue;
      const TemplateText *body = model.find({sema::AssetKind::Email, i}, TextRole::Body);
      if (!hasUnsubscribeLink(body) && !(body && body->linksUnknown))
        reportMissingLink(ctx, email, body);
      if (email.unsubscribe != "one_click")
        reportMissingOneClick(ctx, email);
    }
  }

private:
  static bool hasUnsubscribeLink(const TemplateText *body) {
    return body && std::any_of(body->links.begin(), body->links.end(),
                               [](const Link &link) { return link.builtin == "unsubscribe_url"; });
  }

  static void reportMissingLink(CheckContext &ctx, const sema::Email &email,
                                const TemplateText *body) {
    bool html = body && body->html;
    bool inText =
        body && std::any_of(body->placeholders.begin(), body->placeholders.end(),
                            [](const Placeholder &p) { return p.name == "unsubscribe_url"; });
    std::string what = inText
                           ? "unsubscribe link: `{{unsubscribe_url}}` stands in the text, not in "
                             "an `<a href>`"
                       : html ? "unsubscribe link in its body; add `<a "
                                "href=\"{{unsubscribe_url}}\">Unsubscribe</a>`"
                              : "unsubscribe link in its body; add `{{unsubscribe_url}}`";
    SourceRange range = body ? body->text->range : email.nameRange;
    diag::Diagnostic &d =
        ctx.diags().report(diag::Code::UnsubscribeMissing, range, email.name, what);
    if (!body || body->fromFile || inText)
      return;
    const SourceManager &sources = ctx.sources();
    bool triple = isTripleQuoted(sources, *body->text);
    SourceRange at = endOfValue(sources, *body->text);
    std::string link = html ? "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>"
                            : "Unsubscribe: {{unsubscribe_url}}";
    std::string text = triple ? "\n" + indentationAt(sources, at.file, at.begin) + link
                              : escapedForLiteral(" " + link, false);
    d.fixes.push_back({"add an unsubscribe link", {{at, text}}});
  }

  static void reportMissingOneClick(CheckContext &ctx, const sema::Email &email) {
    const SourceManager &sources = ctx.sources();
    if (email.unsubscribeRange.isValid()) {
      SourceRange range = email.unsubscribeRange;
      diag::Diagnostic &d = ctx.diags().report(
          diag::Code::UnsubscribeMissing, range, email.name,
          "one-click unsubscribe: `" + std::string(ctx.textOf(range)) +
              "` gives only a List-Unsubscribe link; write `unsubscribe one_click;` (RFC 8058)");
      d.fixes.push_back({"use `unsubscribe one_click;`", {{range, "unsubscribe one_click;"}}});
      return;
    }
    diag::Diagnostic &d =
        ctx.diags().report(diag::Code::UnsubscribeMissing, email.nameRange, email.name,
                           "one-click unsubscribe; add `unsubscribe one_click;` (RFC 8058)");
    if (std::optional<diag::Edit> edit =
            insertBeforeClosingBrace(sources, email.range, "unsubscribe one_click;"))
      d.fixes.push_back({"add `unsubscribe one_click;`", {*edit}});
  }
};

} // namespace

std::unique_ptr<Check> createUnsubscribeMissingCheck() {
  return std::make_unique<UnsubscribeMissingCheck>();
}

} // namespace mac::analyzer
