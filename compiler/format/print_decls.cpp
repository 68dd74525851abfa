// Declarations outside flows and tests: one line each for `use`, `field`,
// `tag`, `list` and `segment`; a block with one property per line for the
// others, in the order the properties were written.
#include "compiler/format/file_printer.h"

#include <llvm/Support/Casting.h>

namespace mac::format {

using llvm::cast;

void FilePrinter::decl(const ast::Decl &d) {
  using K = ast::DeclKind;
  switch (d.kind) {
  case K::Bundle:
    return bundle(cast<ast::BundleDecl>(d));
  case K::Env:
    return env(cast<ast::EnvDecl>(d));
  case K::Field:
    return field(cast<ast::FieldDecl>(d));
  case K::Consent:
    return consent(cast<ast::ConsentDecl>(d));
  case K::Email:
    return email(cast<ast::EmailDecl>(d));
  case K::Sms:
    return sms(cast<ast::SmsDecl>(d));
  case K::Push:
    return push(cast<ast::PushDecl>(d));
  case K::Webhook:
    return webhook(cast<ast::WebhookDecl>(d));
  case K::Flag:
    return flag(cast<ast::FlagDecl>(d));
  case K::Policy:
    return policy(cast<ast::PolicyDecl>(d));
  case K::Flow:
    return flow(cast<ast::FlowDecl>(d));
  case K::Lint:
    return lint(cast<ast::LintDecl>(d));
  case K::Test:
    return test(cast<ast::TestDecl>(d));
  default:
    return simple(d);
  }
}

void FilePrinter::simple(const ast::Decl &d) {
  using K = ast::DeclKind;
  uint32_t from = begin(d.range), to = end(d.range);
  if (d.kind == K::Use) {
    const auto &use = cast<ast::UseDecl>(d);
    std::string what = use.isModule || !use.path ? use.name.text : spelling_.str(*use.path);
    return writer_.line(from, to, "use " + what + ";");
  }
  if (d.kind == K::Segment)
    return writer_.line(
        from, to,
        condition(cast<ast::SegmentDecl>(d).where, header("segment", d) + " where ", ";"));
  writer_.line(from, to, header(d.kind == K::Tag ? "tag" : "list", d) + ";");
}

void FilePrinter::block(const ast::Decl &d, std::string_view keyword, std::vector<Item> &items) {
  writer_.open(begin(d.range), openBrace(d), header(keyword, d));
  writeSorted(items);
  writer_.close(closeBrace(d.range));
}

void FilePrinter::bundle(const ast::BundleDecl &d) {
  std::vector<Item> items;
  if (const auto &v = d.version)
    items.push_back({begin(v->range), [this, &v] {
                       std::string text = source_.has(v->range)
                                              ? source_.compact(v->range.begin, v->range.end)
                                              : v->text;
                       leaf(v->range, v->range, "version " + text);
                     }});
  if (const auto &r = d.release)
    items.push_back({begin(r->range),
                     [this, &r] { leaf(r->range, r->range, "release " + spelling_.str(*r)); }});
  for (auto group : byStatement(d.targets))
    items.push_back({begin(group.front()->range), [this, group] {
                       std::string list;
                       for (const ast::Name *name : group)
                         list += (list.empty() ? "" : ", ") + name->text;
                       leaf(group.front()->range, group.back()->range, "targets " + list);
                     }});
  // Senders: split back into statements by the `;` after each.
  std::vector<std::vector<const ast::StringLit *>> senders;
  uint32_t previous = kNoOffset - 1;
  for (const ast::StringLit &s : d.senders) {
    uint32_t semi =
        source_.has(s.range) ? source_.find(s.range.end, source_.size(), ';') : kNoOffset;
    if (senders.empty() || semi != previous)
      senders.emplace_back();
    senders.back().push_back(&s);
    previous = semi;
  }
  for (auto group : senders)
    items.push_back({begin(group.front()->range), [this, group] {
                       std::string list;
                       for (const ast::StringLit *s : group)
                         list += (list.empty() ? "" : ", ") + spelling_.str(*s);
                       leaf(group.front()->range, group.back()->range, "senders " + list);
                     }});
  block(d, "bundle", items);
}

void FilePrinter::env(const ast::EnvDecl &d) {
  std::vector<Item> items;
  if (const auto &p = d.prefix)
    items.push_back(
        {begin(p->range), [this, &p] { leaf(p->range, p->range, "prefix " + spelling_.str(*p)); }});
  if (const auto &s = d.safeMode)
    items.push_back(
        {begin(s->range), [this, &s] { leaf(s->range, s->range, "safe_mode " + s->text); }});
  if (const auto &t = d.throttle)
    items.push_back({begin(t->range),
                     [this, &t] { leaf(t->range, t->range, "throttle " + spelling_.rate(*t)); }});
  if (d.production)
    items.push_back({begin(d.productionRange),
                     [this, &d] { leaf(d.productionRange, d.productionRange, "production"); }});
  block(d, "env", items);
}

void FilePrinter::field(const ast::FieldDecl &d) {
  std::string text = header("field", d) + ": ";
  if (d.typeName.text == "enum") {
    text += "enum(";
    for (size_t i = 0; i < d.enumValues.size(); ++i)
      text += (i ? ", " : "") + spelling_.str(d.enumValues[i]);
    text += ")";
  } else {
    text += d.typeName.text;
  }
  if (d.optional)
    text += "?";
  if (d.defaultValue)
    text += " = " + spelling_.literal(*d.defaultValue);
  writer_.line(begin(d.range), end(d.range), text + ";");
}

void FilePrinter::consent(const ast::ConsentDecl &d) {
  std::vector<Item> items;
  auto add = [&](const std::optional<ast::Name> &name, const char *keyword) {
    if (name)
      items.push_back({begin(name->range), [this, &name, keyword] {
                         leaf(name->range, name->range, std::string(keyword) + " " + name->text);
                       }});
  };
  add(d.field, "field");
  add(d.timestamp, "timestamp");
  add(d.source, "source");
  block(d, "consent", items);
}

void FilePrinter::email(const ast::EmailDecl &d) {
  std::vector<Item> items;
  auto add = [&](const std::optional<ast::StringLit> &lit, const char *keyword) {
    if (lit)
      items.push_back({begin(lit->range), [this, &lit, keyword] {
                         leaf(lit->range, lit->range,
                              std::string(keyword) + " " + spelling_.str(*lit));
                       }});
  };
  add(d.from, "from");
  add(d.subject, "subject");
  add(d.body, "body");
  add(d.bodyFile, "body file");
  if (const auto &u = d.unsubscribe)
    items.push_back({begin(d.unsubscribeRange), [this, &d, &u] {
                       leaf(d.unsubscribeRange, d.unsubscribeRange, "unsubscribe " + u->text);
                     }});
  if (d.transactional)
    keyword(d, "transactional", items);
  block(d, "email", items);
}

void FilePrinter::sms(const ast::SmsDecl &d) {
  std::vector<Item> items;
  if (const auto &t = d.text)
    items.push_back(
        {begin(t->range), [this, &t] { leaf(t->range, t->range, "text " + spelling_.str(*t)); }});
  if (d.transactional)
    keyword(d, "transactional", items);
  block(d, "sms", items);
}

void FilePrinter::push(const ast::PushDecl &d) {
  std::vector<Item> items;
  if (const auto &t = d.title)
    items.push_back(
        {begin(t->range), [this, &t] { leaf(t->range, t->range, "title " + spelling_.str(*t)); }});
  if (const auto &t = d.text)
    items.push_back(
        {begin(t->range), [this, &t] { leaf(t->range, t->range, "text " + spelling_.str(*t)); }});
  if (d.transactional)
    keyword(d, "transactional", items);
  block(d, "push", items);
}

void FilePrinter::webhook(const ast::WebhookDecl &d) {
  std::vector<Item> items;
  if (const auto &m = d.method)
    items.push_back(
        {begin(m->range), [this, &m] { leaf(m->range, m->range, "method " + m->text); }});
  for (const ast::WebhookUrl &u : d.urls) {
    SourceRange first = u.env ? u.env->range : u.url.range;
    items.push_back({begin(first), [this, &u, first] {
                       std::string env = u.env ? u.env->text + " " : "";
                       leaf(first, u.url.range, "url " + env + spelling_.str(u.url));
                     }});
  }
  for (const ast::WebhookHeader &h : d.headers)
    items.push_back({begin(h.name.range), [this, &h] {
                       leaf(h.name.range, h.value.range,
                            "header " + spelling_.str(h.name) + (h.secret ? " secret " : " ") +
                                spelling_.str(h.value));
                     }});
  for (auto group : byStatement(d.payload))
    items.push_back({begin(group.front()->range), [this, group] {
                       std::string list;
                       for (const ast::Name *name : group)
                         list += (list.empty() ? "" : ", ") + name->text;
                       leaf(group.front()->range, group.back()->range, "payload " + list);
                     }});
  if (d.retries)
    items.push_back({begin(d.retryRange), [this, &d] {
                       uint32_t from = kNoOffset, to = kNoOffset;
                       if (source_.has(d.retryRange)) {
                         size_t at = source_.slice(d.retryRange).find("backoff");
                         from =
                             at == std::string_view::npos ? kNoOffset : d.retryRange.begin + at + 7;
                         to = source_.find(d.retryRange.begin, d.retryRange.end, ';');
                       }
                       leaf(d.retryRange, d.retryRange,
                            "retry " + std::to_string(*d.retries) + " backoff " +
                                spelling_.duration(from, to, d.backoffSeconds));
                     }});
  if (const auto &l = d.deadLetter)
    items.push_back({begin(l->range),
                     [this, &l] { leaf(l->range, l->range, "dead_letter " + spelling_.str(*l)); }});
  if (const auto &a = d.alert)
    items.push_back(
        {begin(a->range), [this, &a] { leaf(a->range, a->range, "alert " + spelling_.str(*a)); }});
  block(d, "webhook", items);
}

void FilePrinter::keyword(const ast::Decl &d, const char *word, std::vector<Item> &items) {
  uint32_t at = find(d, {word, ";"});
  items.push_back({at, [this, &d, word, at] {
                     SourceRange where{d.range.file, at, at == kNoOffset ? at : at + 1};
                     leaf(where, where, word);
                   }});
}

void FilePrinter::flag(const ast::FlagDecl &d) {
  std::vector<Item> items;
  if (d.when)
    items.push_back({begin(d.when->range), [this, &d] {
                       writer_.line(begin(d.when->range), end(d.when->range),
                                    condition(d.when, "when ", ";"));
                     }});
  for (auto group : byStatement(d.envs))
    items.push_back({begin(group.front()->range), [this, group] {
                       std::string list;
                       for (const ast::Name *name : group)
                         list += (list.empty() ? "" : ", ") + name->text;
                       leaf(group.front()->range, group.back()->range, "envs " + list);
                     }});
  if (d.constant)
    keyword(d, *d.constant ? "on" : "off", items);
  block(d, "flag", items);
}

std::string FilePrinter::policyText(const ast::PolicyStmt &s) const {
  using K = ast::PolicyKind;
  switch (s.kind) {
  case K::SuppressUnsubscribed:
    return "suppress unsubscribed";
  case K::SuppressList:
    return "suppress list " + s.name.text;
  case K::SuppressSegment:
    return "suppress segment " + s.name.text;
  case K::RequireConsent:
    return "require consent " + s.name.text;
  case K::QuietHours:
    break;
  }
  std::string window = Spelling::clock(s.startMinute) + ".." + Spelling::clock(s.endMinute);
  std::string zone = s.zone       ? " " + s.zone->text
                     : s.zoneName ? " " + spelling_.str(*s.zoneName)
                                  : "";
  if (source_.has(s.range) && source_.has(s.name.range)) {
    uint32_t stop = s.zone       ? s.zone->range.begin
                    : s.zoneName ? s.zoneName->range.begin
                                 : source_.find(s.name.range.end, s.range.end, ';');
    window = source_.compact(s.name.range.end, stop);
  }
  return "quiet_hours " + s.name.text + " " + window + zone;
}

void FilePrinter::policy(const ast::PolicyDecl &d) {
  std::vector<Item> items;
  for (const ast::PolicyStmt &s : d.statements)
    items.push_back({begin(s.range), [this, &s] { leaf(s.range, s.range, policyText(s)); }});
  block(d, "policy", items);
}

void FilePrinter::lint(const ast::LintDecl &d) {
  static const char *verbs[] = {"disable", "error", "warning", "info"};
  writer_.open(begin(d.range), openBrace(d), "lint");
  for (const ast::LintStmt &s : d.statements) {
    std::string text = verbs[static_cast<int>(s.verb)];
    for (size_t i = 0; i < s.rules.size(); ++i)
      text += (i ? ", " : " ") + s.rules[i].text;
    leaf(s.range, s.range, text);
  }
  writer_.close(closeBrace(d.range));
}

} // namespace mac::format
