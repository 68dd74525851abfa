// The canonical AST dump (see ast_dump.h). Enumerations are printed as their
// numbers: the dump is compared, not read.
#include "compiler/format/ast_dump.h"

#include "compiler/format/source_text.h"
#include "compiler/format/spelling.h"

#include <llvm/Support/Casting.h>

#include <cstdio>

namespace mac::format {
namespace {

using llvm::dyn_cast;

class Dumper {
public:
  Dumper(std::string_view source, const DumpOptions &options)
      : source_(source), ranges_(options.ranges) {}

  void line(const std::string &text) {
    out_.append(depth_ * 2, ' ');
    out_ += text;
    out_ += '\n';
  }
  /// With DumpOptions::ranges, `@FILE:BEGIN-END`; else nothing.
  std::string at(const SourceRange &r) const {
    if (!ranges_)
      return "";
    return "@" + (r.file.isValid() ? std::to_string(r.file.value) : std::string("-")) + ":" +
           std::to_string(r.begin) + "-" + std::to_string(r.end);
  }
  std::string s(const ast::StringLit &lit) const {
    std::string out = Spelling::quote(lit.value);
    if (ranges_) {
      out += at(lit.range) + "{";
      for (const ast::StringLit::Run &run : lit.runs)
        out += std::to_string(run.valueOffset) + ">" + std::to_string(run.sourceOffset) + ",";
      out += "}";
    }
    return out;
  }
  std::string s(const ast::BoxedOptional<ast::StringLit> &lit) const { return lit ? s(*lit) : "-"; }
  std::string s(const std::optional<ast::StringLit> &lit) const { return lit ? s(*lit) : "-"; }
  std::string n(const ast::Name &name) const { return name.text + at(name.range); }
  std::string n(const std::optional<ast::Name> &name) const { return name ? n(*name) : "-"; }
  std::string n(const std::vector<ast::Name> &names) const {
    std::string out = "[";
    for (const ast::Name &name : names)
      out += n(name) + ",";
    return out + "]";
  }
  std::string lit(const ast::Literal &l) const {
    char number[40];
    std::snprintf(number, sizeof number, "%.17g", l.number);
    return "lit(" + std::to_string(int(l.kind)) + " " + Spelling::quote(l.text) + " " + number +
           " " + (l.boolean ? "T" : "F") + " " + std::to_string(l.seconds) + ")" + at(l.range);
  }
  std::string rate(const std::optional<ast::Rate> &r) const {
    return r ? std::to_string(r->count) + "/" + std::to_string(r->perSeconds) + at(r->range) : "-";
  }

  void condition(const ast::Condition *c) {
    if (c == nullptr)
      return line("cond -");
    std::string text = "cond " + std::to_string(int(c->kind)) + " " + n(c->name) + " op" +
                       std::to_string(int(c->op)) + at(c->range);
    for (const ast::Literal &value : c->values)
      text += " " + lit(value);
    line(text);
    ++depth_;
    for (const ast::Condition *child : c->children)
      condition(child);
    --depth_;
  }

  void statements(const std::vector<ast::Statement *> &list) {
    ++depth_;
    for (const ast::Statement *stmt : list)
      statement(*stmt);
    --depth_;
  }

  void statement(const ast::Statement &st) {
    line("stmt " + std::to_string(int(st.kind)) + " " + n(st.name) + " " + lit(st.value) + " " +
         s(st.text) + " " + s(st.message) + (st.hasElse ? " else" : "") + at(st.range) +
         at(st.keywordRange));
    for (const ast::Branch &branch : st.branches) {
      line("branch" + at(branch.range));
      condition(branch.condition);
      statements(branch.body);
    }
    if (st.hasElse) {
      line("else");
      statements(st.elseBody);
    }
  }

  void policy(const ast::PolicyStmt &p) {
    line("policy " + std::to_string(int(p.kind)) + " " + n(p.name) + " " +
         std::to_string(p.startMinute) + ".." + std::to_string(p.endMinute) + " " + n(p.zone) +
         " " + s(p.zoneName) + at(p.range));
  }

  void trigger(const ast::Trigger &t) {
    line("trigger " + std::to_string(int(t.kind)) + " " + n(t.name) + " " + s(t.text) + " " +
         (t.value ? lit(*t.value) : "-") + at(t.range));
  }

  void decl(const ast::Decl &d);
  void flow(const ast::FlowDecl &d);
  void test(const ast::TestDecl &d);
  void ignores(const ast::File &file);
  std::string take() { return std::move(out_); }

private:
  SourceText source_;
  bool ranges_;
  std::string out_;
  size_t depth_ = 0;
};

void Dumper::flow(const ast::FlowDecl &d) {
  for (const ast::Trigger &t : d.triggers)
    trigger(t);
  for (const ast::FlowSetting &st : d.settings) {
    line("setting " + std::to_string(int(st.kind)) + " " + std::to_string(st.seconds) + " " +
         n(st.fields) + " " + rate(st.rate) + at(st.range));
    if (st.condition)
      condition(st.condition);
  }
  for (const ast::PolicyStmt &p : d.policies)
    policy(p);
  statements(d.body);
}

void Dumper::test(const ast::TestDecl &d) {
  line("env " + n(d.env) + " tz " + s(d.timezone) + " tags " + n(d.contactTags) + " lists " +
       n(d.contactLists) + " horizon " +
       (d.horizonSeconds ? std::to_string(*d.horizonSeconds) : "-"));
  for (const ast::ContactValue &v : d.contact)
    line("contact " + n(v.field) + " = " + lit(v.value));
  for (const ast::TestEvent &e : d.events) {
    line("event at " + e.at.text + at(e.at.range));
    trigger(e.trigger);
  }
  for (const ast::Expectation &e : d.expectations) {
    line("expect " + std::to_string(int(e.kind)) + (e.negated ? " not " : " ") + n(e.name) +
         " timing" + std::to_string(int(e.timing)) + " " + std::to_string(e.withinSeconds) + " " +
         e.at.text + at(e.at.range) + " " + e.until.text + at(e.until.range) + at(e.range));
    if (e.condition)
      condition(e.condition);
  }
}

void Dumper::decl(const ast::Decl &d) {
  line("decl " + std::to_string(int(d.kind)) + " " + n(d.name) + " " + s(d.display) + at(d.range));
  ++depth_;
  if (auto *b = dyn_cast<ast::BundleDecl>(&d)) {
    line("version " + (b->version ? (ranges_ ? lit(*b->version) : b->version->text) : "-") +
         " release " + s(b->release) + " targets " + n(b->targets));
    for (const ast::StringLit &sender : b->senders)
      line("sender " + s(sender));
  } else if (auto *u = dyn_cast<ast::UseDecl>(&d)) {
    line(std::string(u->isModule ? "module" : "path ") + s(u->path));
  } else if (auto *e = dyn_cast<ast::EnvDecl>(&d)) {
    line("prefix " + s(e->prefix) + " safe " + n(e->safeMode) + " throttle " + rate(e->throttle) +
         (e->production ? " production" : "") + at(e->productionRange));
  } else if (auto *f = dyn_cast<ast::FieldDecl>(&d)) {
    std::string values;
    for (const ast::StringLit &v : f->enumValues)
      values += s(v) + ",";
    line("type " + n(f->typeName) + "(" + values + ")" + (f->optional ? "?" : "") + " = " +
         (f->defaultValue ? lit(*f->defaultValue) : "-"));
  } else if (auto *c = dyn_cast<ast::ConsentDecl>(&d)) {
    line("field " + n(c->field) + " timestamp " + n(c->timestamp) + " source " + n(c->source));
  } else if (auto *sg = dyn_cast<ast::SegmentDecl>(&d)) {
    condition(sg->where);
  } else if (auto *m = dyn_cast<ast::EmailDecl>(&d)) {
    line("from " + s(m->from) + " subject " + s(m->subject) + " body " + s(m->body) + " file " +
         s(m->bodyFile) + " unsubscribe " + n(m->unsubscribe) + at(m->unsubscribeRange) +
         (m->transactional ? " tx" : ""));
  } else if (auto *sm = dyn_cast<ast::SmsDecl>(&d)) {
    line("text " + s(sm->text) + (sm->transactional ? " tx" : ""));
  } else if (auto *p = dyn_cast<ast::PushDecl>(&d)) {
    line("title " + s(p->title) + " text " + s(p->text) + (p->transactional ? " tx" : ""));
  } else if (auto *w = dyn_cast<ast::WebhookDecl>(&d)) {
    line("method " + n(w->method) + " payload " + n(w->payload) + " retry " +
         (w->retries ? std::to_string(*w->retries) : "-") + " backoff " +
         std::to_string(w->backoffSeconds) + at(w->retryRange) + " dlq " + s(w->deadLetter) +
         " alert " + s(w->alert));
    for (const ast::WebhookUrl &url : w->urls)
      line("url " + n(url.env) + " " + s(url.url));
    for (const ast::WebhookHeader &h : w->headers)
      line("header " + s(h.name) + (h.secret ? " secret " : " ") + s(h.value));
  } else if (auto *fl = dyn_cast<ast::FlagDecl>(&d)) {
    line("envs " + n(fl->envs) + " constant " +
         (fl->constant ? (*fl->constant ? "on" : "off") : "-"));
    if (fl->when)
      condition(fl->when);
  } else if (auto *po = dyn_cast<ast::PolicyDecl>(&d)) {
    for (const ast::PolicyStmt &st : po->statements)
      policy(st);
  } else if (auto *fw = dyn_cast<ast::FlowDecl>(&d)) {
    flow(*fw);
  } else if (auto *li = dyn_cast<ast::LintDecl>(&d)) {
    for (const ast::LintStmt &st : li->statements) {
      std::string rules;
      for (const ast::LintRule &rule : st.rules)
        rules += " " + rule.text + at(rule.range);
      line("lint " + std::to_string(int(st.verb)) + rules + at(st.range));
    }
  } else if (auto *t = dyn_cast<ast::TestDecl>(&d)) {
    test(*t);
  }
  --depth_;
}

void Dumper::ignores(const ast::File &file) {
  for (const ast::IgnoreComment &ignore : file.ignores) {
    std::string rules;
    for (const ast::LintRule &rule : ignore.rules)
      rules += " " + rule.text + at(rule.range);
    // The target by its text without layout or grouping parentheses.
    std::string target = "-";
    if (source_.has(ignore.target)) {
      target.clear();
      for (char c : source_.compact(ignore.target.begin, ignore.target.end))
        if (c != '(' && c != ')')
          target += c;
    }
    line("ignore" + rules + " : " + Spelling::quote(ignore.reason) + " -> " + target +
         at(ignore.range) + at(ignore.target));
  }
}

} // namespace

std::string dumpFile(const ast::File &file, std::string_view source, const DumpOptions &options) {
  Dumper dumper(source, options);
  if (options.ranges)
    dumper.line("file " + std::to_string(file.file.value));
  for (const ast::Decl *decl : file.decls)
    dumper.decl(*decl);
  dumper.ignores(file);
  return dumper.take();
}

} // namespace mac::format
