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
  explicit Dumper(std::string_view source) : source_(source) {}

  void line(const std::string &text) {
    out_.append(depth_ * 2, ' ');
    out_ += text;
    out_ += '\n';
  }
  static std::string s(const ast::StringLit &lit) { return Spelling::quote(lit.value); }
  static std::string s(const std::optional<ast::StringLit> &lit) { return lit ? s(*lit) : "-"; }
  static std::string n(const std::optional<ast::Name> &name) { return name ? name->text : "-"; }
  static std::string n(const std::vector<ast::Name> &names) {
    std::string out = "[";
    for (const ast::Name &name : names)
      out += name.text + ",";
    return out + "]";
  }
  static std::string lit(const ast::Literal &l) {
    char number[40];
    std::snprintf(number, sizeof number, "%.17g", l.number);
    return "lit(" + std::to_string(int(l.kind)) + " " + Spelling::quote(l.text) + " " + number +
           " " + (l.boolean ? "T" : "F") + " " + std::to_string(l.seconds) + ")";
  }
  static std::string rate(const std::optional<ast::Rate> &r) {
    return r ? std::to_string(r->count) + "/" + std::to_string(r->perSeconds) : "-";
  }

  void condition(const ast::Condition *c) {
    if (c == nullptr)
      return line("cond -");
    std::string text = "cond " + std::to_string(int(c->kind)) + " " + c->name.text + " op" +
                       std::to_string(int(c->op));
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
    line("stmt " + std::to_string(int(st.kind)) + " " + st.name.text + " " + lit(st.value) + " " +
         s(st.text) + " " + s(st.message) + (st.hasElse ? " else" : ""));
    for (const ast::Branch &branch : st.branches) {
      line("branch");
      condition(branch.condition);
      statements(branch.body);
    }
    if (st.hasElse) {
      line("else");
      statements(st.elseBody);
    }
  }

  void policy(const ast::PolicyStmt &p) {
    line("policy " + std::to_string(int(p.kind)) + " " + p.name.text + " " +
         std::to_string(p.startMinute) + ".." + std::to_string(p.endMinute) + " " + n(p.zone) +
         " " + s(p.zoneName));
  }

  void trigger(const ast::Trigger &t) {
    line("trigger " + std::to_string(int(t.kind)) + " " + t.name.text + " " + s(t.text) + " " +
         (t.value ? lit(*t.value) : "-"));
  }

  void decl(const ast::Decl &d);
  void flow(const ast::FlowDecl &d);
  void test(const ast::TestDecl &d);
  void ignores(const ast::File &file);
  std::string take() { return std::move(out_); }

private:
  SourceText source_;
  std::string out_;
  size_t depth_ = 0;
};

void Dumper::flow(const ast::FlowDecl &d) {
  for (const ast::Trigger &t : d.triggers)
    trigger(t);
  for (const ast::FlowSetting &st : d.settings) {
    line("setting " + std::to_string(int(st.kind)) + " " + std::to_string(st.seconds) + " " +
         n(st.fields) + " " + rate(st.rate));
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
    line("contact " + v.field.text + " = " + lit(v.value));
  for (const ast::TestEvent &e : d.events) {
    line("event at " + e.at.text);
    trigger(e.trigger);
  }
  for (const ast::Expectation &e : d.expectations) {
    line("expect " + std::to_string(int(e.kind)) + (e.negated ? " not " : " ") + e.name.text +
         " timing" + std::to_string(int(e.timing)) + " " + std::to_string(e.withinSeconds) + " " +
         e.at.text + " " + e.until.text);
    if (e.condition)
      condition(e.condition);
  }
}

void Dumper::decl(const ast::Decl &d) {
  line("decl " + std::to_string(int(d.kind)) + " " + d.name.text + " " + s(d.display));
  ++depth_;
  if (auto *b = dyn_cast<ast::BundleDecl>(&d)) {
    line("version " + (b->version ? b->version->text : "-") + " release " + s(b->release) +
         " targets " + n(b->targets));
    for (const ast::StringLit &sender : b->senders)
      line("sender " + s(sender));
  } else if (auto *u = dyn_cast<ast::UseDecl>(&d)) {
    line(std::string(u->isModule ? "module" : "path ") + s(u->path));
  } else if (auto *e = dyn_cast<ast::EnvDecl>(&d)) {
    line("prefix " + s(e->prefix) + " safe " + n(e->safeMode) + " throttle " + rate(e->throttle) +
         (e->production ? " production" : ""));
  } else if (auto *f = dyn_cast<ast::FieldDecl>(&d)) {
    std::string values;
    for (const ast::StringLit &v : f->enumValues)
      values += s(v) + ",";
    line("type " + f->typeName.text + "(" + values + ")" + (f->optional ? "?" : "") + " = " +
         (f->defaultValue ? lit(*f->defaultValue) : "-"));
  } else if (auto *c = dyn_cast<ast::ConsentDecl>(&d)) {
    line("field " + n(c->field) + " timestamp " + n(c->timestamp) + " source " + n(c->source));
  } else if (auto *sg = dyn_cast<ast::SegmentDecl>(&d)) {
    condition(sg->where);
  } else if (auto *m = dyn_cast<ast::EmailDecl>(&d)) {
    line("from " + s(m->from) + " subject " + s(m->subject) + " body " + s(m->body) + " file " +
         s(m->bodyFile) + " unsubscribe " + n(m->unsubscribe) + (m->transactional ? " tx" : ""));
  } else if (auto *sm = dyn_cast<ast::SmsDecl>(&d)) {
    line("text " + s(sm->text) + (sm->transactional ? " tx" : ""));
  } else if (auto *p = dyn_cast<ast::PushDecl>(&d)) {
    line("title " + s(p->title) + " text " + s(p->text) + (p->transactional ? " tx" : ""));
  } else if (auto *w = dyn_cast<ast::WebhookDecl>(&d)) {
    line("method " + n(w->method) + " payload " + n(w->payload) + " retry " +
         (w->retries ? std::to_string(*w->retries) : "-") + " backoff " +
         std::to_string(w->backoffSeconds) + " dlq " + s(w->deadLetter) + " alert " + s(w->alert));
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
        rules += " " + rule.text;
      line("lint " + std::to_string(int(st.verb)) + rules);
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
      rules += " " + rule.text;
    // The target by its text without layout or grouping parentheses.
    std::string target = "-";
    if (source_.has(ignore.target)) {
      target.clear();
      for (char c : source_.compact(ignore.target.begin, ignore.target.end))
        if (c != '(' && c != ')')
          target += c;
    }
    line("ignore" + rules + " : " + Spelling::quote(ignore.reason) + " -> " + target);
  }
}

} // namespace

std::string dumpFile(const ast::File &file, std::string_view source) {
  Dumper dumper(source);
  for (const ast::Decl *decl : file.decls)
    dumper.decl(*decl);
  dumper.ignores(file);
  return dumper.take();
}

} // namespace mac::format
