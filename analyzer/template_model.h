// The template model: one shared analysis holding every text a contact or a
// team can receive — each email's from, subject and body (inline or `body
// file`), each SMS text, each push title and text, and every `notify`
// message in flows — with its placeholders, its malformed `{{`, and its links
// (each judged as a URL), all positioned in the source. Built once per
// Program; the template checks (MAC3004, MAC3005, MAC4001-MAC4008) read it.
#pragma once

#include "analyzer/check.h"
#include "analyzer/link_url.h"
#include "analyzer/template_placeholders.h"

#include <string>
#include <string_view>
#include <vector>

namespace mac::analyzer {

class HtmlLinkMemo;

/// Which text of a template (or of a flow) a TemplateText is.
enum class TextRole : uint8_t { From, Subject, Body, SmsText, PushTitle, PushText, NotifyMessage };

/// One link of a text.
struct Link {
  std::string url;             ///< as the client sees it (HTML entities decoded)
  uint32_t begin = 0, end = 0; ///< value offsets of the URL as written
  SourceRange range;           ///< the URL as written
  bool fromHtml = false;       ///< an `<a href>` / `<area href>` rather than plain text
  /// The whole link is one built-in link placeholder (`{{unsubscribe_url}}`,
  /// `{{view_in_browser_url}}`); `builtin` names it, empty otherwise.
  std::string builtin;
  UrlFacts facts; ///< uriparser's judgement; not meaningful for built-in links
};

/// One text with everything found in it. Offsets index `text->value`.
struct TemplateText {
  TextRole role = TextRole::Body;
  sema::AssetRef owner; ///< the email, SMS or push; invalid for a notify message
  sema::FlowId flow;    ///< notify only: the flow and the statement
  sema::StmtId stmt;
  const sema::Text *text = nullptr; ///< owned by the Program, or by the model (notify)
  bool html = false;                ///< parsed as HTML (markup, or a .html body file)
  bool fromFile = false;            ///< an email body read from `body file`
  std::vector<Placeholder> placeholders;
  std::vector<PlaceholderProblem> problems;
  std::vector<Link> links;
  /// HTML too large and deeply nested to parse in reasonable time (see
  /// htmlWithinLimits): `links` is empty and rules about links stay silent.
  bool linksUnknown = false;

  /// The source range of value bytes [begin, end).
  SourceRange rangeOf(uint32_t begin, uint32_t end) const { return text->rangeOf(begin, end); }
};

class TemplateModel final : public Analysis {
public:
  static std::unique_ptr<TemplateModel> compute(CheckContext &ctx);

  /// Every text: emails, SMS, pushes in declaration order (each template's
  /// texts in the order from, subject, body / title, text), then the notify
  /// messages of every flow in declaration and statement order.
  const std::vector<TemplateText> &texts() const { return texts_; }

  /// The text of `role` of the template `owner`, or null when it has none.
  const TemplateText *find(sema::AssetRef owner, TextRole role) const;

  /// `unsubscribe_url`, `view_in_browser_url`, `owner_name`.
  static const std::vector<std::string_view> &builtins();
  /// The built-ins that are links: `unsubscribe_url`, `view_in_browser_url`.
  static const std::vector<std::string_view> &builtinLinks();

  /// True when the text belongs to a template that is not `transactional`.
  bool isMarketing(const TemplateText &text) const;

  /// The name of the template or flow a text belongs to, for messages.
  const std::string &ownerName(const TemplateText &text) const;

  /// Adds to `d`, when `text` was read from a `body file`, a note at the
  /// `body file` line saying which email the file is the body of.
  void noteOrigin(const TemplateText &text, diag::Diagnostic &d) const;

private:
  explicit TemplateModel(const sema::Program &program) : program_(program) {}
  /// Adds a text, to be scanned by scanText.
  void addText(TextRole role, sema::AssetRef owner, const sema::Text &text, bool html,
               bool fromFile);
  /// Finds the placeholders, problems and links of one added text.
  /// `links`, when not null, memoises the HTML link extraction.
  static void scanText(TemplateText &text, HtmlLinkMemo *links);
  void addNotifyMessages();

  const sema::Program &program_;
  std::vector<TemplateText> texts_;
  /// Per template kind (email, SMS, push) and index: the first of its texts in texts_.
  std::vector<uint32_t> firstText_[3];
};

} // namespace mac::analyzer
