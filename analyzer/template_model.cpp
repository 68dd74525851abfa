// Building the template model: every template text of the Program, scanned
// for placeholders and links, each mapped back to the source through the
// text's runs (`notify` messages included). The texts are listed first, then
// scanned in parallel, each into its own place, so the order is fixed.
#include "analyzer/template_model.h"

#include "analyzer/html_link_memo.h"
#include "analyzer/program_queries.h"
#include "analyzer/template_links.h"

#include <llvm/Support/Parallel.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace mac::analyzer {

namespace {

bool endsWithHtmlExtension(std::string_view path) {
  auto endsWith = [&](std::string_view suffix) {
    if (path.size() < suffix.size())
      return false;
    for (size_t i = 0; i < suffix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(path[path.size() - suffix.size() + i])) !=
          suffix[i])
        return false;
    return true;
  };
  return endsWith(".html") || endsWith(".htm");
}

} // namespace

const std::vector<std::string_view> &TemplateModel::builtins() {
  static const std::vector<std::string_view> names{"unsubscribe_url", "view_in_browser_url",
                                                   "owner_name"};
  return names;
}

const std::vector<std::string_view> &TemplateModel::builtinLinks() {
  static const std::vector<std::string_view> names{"unsubscribe_url", "view_in_browser_url"};
  return names;
}

void TemplateModel::addText(TextRole role, sema::AssetRef owner, const sema::Text &text, bool html,
                            bool fromFile) {
  TemplateText out;
  out.role = role;
  out.owner = owner;
  out.text = &text;
  out.html = html;
  out.fromFile = fromFile;
  texts_.push_back(std::move(out));
}

void TemplateModel::scanText(TemplateText &out, HtmlLinkMemo *linkMemo) {
  const sema::Text &text = *out.text;
  const bool html = out.html;
  const TextRole role = out.role;
  PlaceholderScan scan = scanPlaceholders(text.value);
  out.placeholders = std::move(scan.placeholders);
  out.problems = std::move(scan.problems);
  for (Placeholder &placeholder : out.placeholders) {
    placeholder.range = text.rangeOf(placeholder.begin, placeholder.end);
    placeholder.nameRange = text.rangeOf(placeholder.nameBegin, placeholder.nameEnd);
    for (PlaceholderFilter &filter : placeholder.filters)
      filter.nameRange = text.rangeOf(filter.nameBegin, filter.nameEnd);
  }
  for (PlaceholderProblem &problem : out.problems)
    problem.range = text.rangeOf(problem.begin, problem.end);
  out.linksUnknown = html && !htmlWithinLimits(text.value);
  if (role != TextRole::From && !out.linksUnknown) {
    std::vector<RawLink> raw =
        html ? (linkMemo ? linkMemo->linksOf(text.value) : htmlLinks(text.value))
             : textLinks(text.value, out.placeholders, builtinLinks());
    for (RawLink &found : raw) {
      Link link;
      link.url = std::move(found.url);
      link.begin = found.begin;
      link.end = found.end;
      link.range = text.rangeOf(found.begin, found.end);
      link.fromHtml = found.fromHtml;
      PlaceholderScan inside = scanPlaceholders(link.url);
      if (inside.problems.empty() && inside.placeholders.size() == 1 &&
          inside.placeholders[0].begin == 0 && inside.placeholders[0].end == link.url.size()) {
        const std::vector<std::string_view> &links = builtinLinks();
        const std::string &name = inside.placeholders[0].name;
        if (std::find(links.begin(), links.end(), name) != links.end())
          link.builtin = name;
      }
      if (link.builtin.empty())
        link.facts = analyzeUrl(link.url);
      out.links.push_back(std::move(link));
    }
  }
}

void TemplateModel::addNotifyMessages() {
  for (uint32_t f = 0; f < program_.flows.size(); ++f)
    forEachStatement(program_, program_.flows[f].body, [&](sema::StmtId id, const sema::Stmt &s) {
      if (s.kind != sema::StmtKind::Notify)
        return;
      addText(TextRole::NotifyMessage, sema::AssetRef{}, s.message, false, false);
      texts_.back().flow = sema::FlowId{f};
      texts_.back().stmt = id;
    });
}

std::unique_ptr<TemplateModel> TemplateModel::compute(CheckContext &ctx) {
  const sema::Program &program = ctx.program();
  std::unique_ptr<TemplateModel> model(new TemplateModel(program));
  auto start = [&](int kind) {
    model->firstText_[kind].push_back(static_cast<uint32_t>(model->texts_.size()));
  };
  using sema::AssetKind;
  for (uint32_t i = 0; i < program.emails.size(); ++i) {
    const sema::Email &email = program.emails[i];
    sema::AssetRef ref{AssetKind::Email, i};
    start(0);
    if (email.from)
      model->addText(TextRole::From, ref, *email.from, false, false);
    if (email.subject)
      model->addText(TextRole::Subject, ref, *email.subject, false, false);
    if (email.body) {
      bool fromFile = email.bodyFile && !(email.body->range.file == email.range.file);
      bool html = looksLikeHtml(email.body->value) ||
                  (fromFile && endsWithHtmlExtension(email.bodyFile->value));
      model->addText(TextRole::Body, ref, *email.body, html, fromFile);
    }
  }
  start(0);
  for (uint32_t i = 0; i < program.smses.size(); ++i) {
    start(1);
    if (program.smses[i].text)
      model->addText(TextRole::SmsText, {AssetKind::Sms, i}, *program.smses[i].text, false, false);
  }
  start(1);
  for (uint32_t i = 0; i < program.pushes.size(); ++i) {
    const sema::Push &push = program.pushes[i];
    start(2);
    if (push.title)
      model->addText(TextRole::PushTitle, {AssetKind::Push, i}, *push.title, false, false);
    if (push.text)
      model->addText(TextRole::PushText, {AssetKind::Push, i}, *push.text, false, false);
  }
  start(2);
  model->addNotifyMessages();
  // Every text is scanned on its own: on every core, each into its place.
  HtmlLinkMemo *linkMemo = ctx.options().htmlLinkMemo;
  llvm::parallelForEach(model->texts_,
                        [linkMemo](TemplateText &text) { scanText(text, linkMemo); });
  return model;
}

const TemplateText *TemplateModel::find(sema::AssetRef owner, TextRole role) const {
  int kind = owner.kind == sema::AssetKind::Email  ? 0
             : owner.kind == sema::AssetKind::Sms  ? 1
             : owner.kind == sema::AssetKind::Push ? 2
                                                   : -1;
  if (kind < 0 || owner.index + 1 >= firstText_[kind].size())
    return nullptr;
  for (uint32_t i = firstText_[kind][owner.index]; i < firstText_[kind][owner.index + 1]; ++i)
    if (texts_[i].role == role)
      return &texts_[i];
  return nullptr;
}

bool TemplateModel::isMarketing(const TemplateText &text) const {
  return text.owner.isValid() && !isTransactional(program_, text.owner);
}

const std::string &TemplateModel::ownerName(const TemplateText &text) const {
  return text.owner.isValid() ? program_.declared(text.owner).name
                              : program_.flows[text.flow.value].name;
}

void TemplateModel::noteOrigin(const TemplateText &text, diag::Diagnostic &d) const {
  if (!text.fromFile)
    return;
  const sema::Email &email = program_.emails[text.owner.index];
  d.notes.push_back(
      {"in the body of email `" + email.name + "`, read from this file", email.bodyFile->range});
}

} // namespace mac::analyzer
