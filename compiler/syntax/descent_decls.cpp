// The fast path's declarations outside flows and tests (grammar/FlowParser.g4
// §1–5 and §7), mirroring ast_builder.cpp: the same fields, the same ranges,
// the same attachables for mac-ignore, and a later property overwriting an
// earlier one of the same kind.
#include "compiler/syntax/descent_parser_impl.h"

#include "FlowLexer.h"

#include <cstdlib>

namespace mac::syntax::descent {
namespace {

using T = gen::FlowLexer;

} // namespace

ast::Decl *Parser::item() {
  switch (la()) {
  case T::K_BUNDLE:
    return bundle();
  case T::K_USE:
    return use();
  case T::K_ENV:
    return env();
  case T::K_FIELD:
    return field();
  case T::K_CONSENT:
    return consent();
  case T::K_TAG:
    return tagOrList(true);
  case T::K_LIST:
    return tagOrList(false);
  case T::K_SEGMENT:
    return segment();
  case T::K_EMAIL:
    return email();
  case T::K_SMS:
    return sms();
  case T::K_PUSH:
    return push();
  case T::K_WEBHOOK:
    return webhook();
  case T::K_FLAG:
    return flag();
  case T::K_POLICY:
    return policy();
  case T::K_FLOW:
    return flow();
  case T::K_LINT:
    return lint();
  case T::K_TEST:
    return test();
  default:
    decline();
  }
}

// bundleDecl : K_BUNDLE ident display? LBRACE bundleProp* RBRACE
ast::Decl *Parser::bundle() {
  size_t first = pos_++;
  auto *decl = declare<ast::BundleDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t propFirst = pos_;
    switch (la()) {
    case T::K_VERSION: {
      ++pos_;
      uint32_t type = la();
      if (type != T::VERSION && type != T::DECIMAL && type != T::INT)
        decline();
      ast::Literal version;
      version.range = rangeOf(pos_);
      version.text = std::string(textOf(pos_++));
      if (std::holds_alternative<LiteralError>(decodeVersion(version.text)))
        decline();
      decl->version = std::move(version);
      break;
    }
    case T::K_RELEASE:
      ++pos_;
      decl->release = string();
      break;
    case T::K_TARGETS:
      ++pos_;
      do
        decl->targets.push_back(ident());
      while (accept(T::COMMA));
      break;
    case T::K_SENDERS:
      ++pos_;
      do
        decl->senders.push_back(string());
      while (accept(T::COMMA));
      break;
    default:
      decline();
    }
    semi();
    attachable(span(propFirst, last()));
  }
  decl->range = span(first, last());
  return decl;
}

// useDecl : K_USE (ident (DOT ident)* | str) SEMI
ast::Decl *Parser::use() {
  size_t first = pos_++;
  auto *decl = file_.arena.make<ast::UseDecl>();
  if (isString(la())) {
    decl->path = string();
    decl->name = ast::Name{decl->path->value, decl->path->range};
  } else {
    decl->isModule = true;
    ast::Name part = ident();
    decl->name = part;
    while (accept(T::DOT)) {
      part = ident();
      decl->name.text += "." + part.text;
      decl->name.range.end = part.range.end;
    }
  }
  semi();
  decl->range = span(first, last());
  return decl;
}

// envDecl : K_ENV ident display? LBRACE envProp* RBRACE
ast::Decl *Parser::env() {
  size_t first = pos_++;
  auto *decl = declare<ast::EnvDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t propFirst = pos_;
    switch (la()) {
    case T::K_PREFIX:
      ++pos_;
      decl->prefix = string();
      break;
    case T::K_SAFE_MODE:
      ++pos_;
      decl->safeMode = ident();
      break;
    case T::K_THROTTLE:
      ++pos_;
      decl->throttle = rate();
      break;
    case T::K_PRODUCTION:
      ++pos_;
      decl->production = true;
      break;
    default:
      decline();
    }
    semi();
    attachable(span(propFirst, last()));
    if (tokens_[propFirst].type == T::K_PRODUCTION)
      decl->productionRange = span(propFirst, last());
  }
  decl->range = span(first, last());
  return decl;
}

// fieldDecl : K_FIELD ident display? COLON typeRef QUESTION? (ASSIGN_OP literal)? SEMI
// typeRef : K_ENUM LPAREN str (COMMA str)* RPAREN | ident. `enum` is also an
// ident: the enum type only when `(` follows.
ast::Decl *Parser::field() {
  size_t first = pos_++;
  auto *decl = declare<ast::FieldDecl>();
  expect(T::COLON);
  if (la() == T::K_ENUM && la(1) == T::LPAREN) {
    decl->typeName = ast::Name{"enum", rangeOf(pos_)};
    pos_ += 2;
    do
      decl->enumValues.push_back(string());
    while (accept(T::COMMA));
    expect(T::RPAREN);
  } else {
    decl->typeName = ident();
  }
  decl->optional = accept(T::QUESTION);
  if (accept(T::ASSIGN_OP))
    decl->defaultValue = literal();
  semi();
  decl->range = span(first, last());
  return decl;
}

// consentDecl : K_CONSENT ident LBRACE consentProp* RBRACE
ast::Decl *Parser::consent() {
  size_t first = pos_++;
  auto *decl = declare<ast::ConsentDecl>(false);
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t propFirst = pos_;
    uint32_t type = la();
    ++pos_;
    ast::Name value = ident();
    if (type == T::K_FIELD)
      decl->field = std::move(value);
    else if (type == T::K_TIMESTAMP)
      decl->timestamp = std::move(value);
    else if (type == T::K_SOURCE)
      decl->source = std::move(value);
    else
      decline();
    semi();
    attachable(span(propFirst, last()));
  }
  decl->range = span(first, last());
  return decl;
}

// tagDecl : K_TAG ident display? SEMI ; listDecl : K_LIST ident display? SEMI
ast::Decl *Parser::tagOrList(bool isTag) {
  size_t first = pos_++;
  ast::Decl *decl = isTag ? static_cast<ast::Decl *>(declare<ast::TagDecl>())
                          : static_cast<ast::Decl *>(declare<ast::ListDecl>());
  semi();
  decl->range = span(first, last());
  return decl;
}

// segmentDecl : K_SEGMENT ident display? K_WHERE condition SEMI
ast::Decl *Parser::segment() {
  size_t first = pos_++;
  auto *decl = declare<ast::SegmentDecl>();
  expect(T::K_WHERE);
  decl->where = condition().node;
  semi();
  decl->range = span(first, last());
  return decl;
}

// emailDecl : K_EMAIL ident display? LBRACE emailProp* RBRACE
ast::Decl *Parser::email() {
  size_t first = pos_++;
  auto *decl = declare<ast::EmailDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t propFirst = pos_;
    switch (la()) {
    case T::K_FROM:
      ++pos_;
      decl->from = string();
      break;
    case T::K_SUBJECT:
      ++pos_;
      decl->subject = string();
      break;
    case T::K_BODY:
      ++pos_;
      if (accept(T::K_FILE))
        decl->bodyFile = string();
      else
        decl->body = string();
      break;
    case T::K_UNSUBSCRIBE:
      ++pos_;
      decl->unsubscribe = ident();
      break;
    case T::K_TRANSACTIONAL:
      ++pos_;
      decl->transactional = true;
      break;
    default:
      decline();
    }
    semi();
    attachable(span(propFirst, last()));
    if (tokens_[propFirst].type == T::K_UNSUBSCRIBE)
      decl->unsubscribeRange = span(propFirst, last());
  }
  decl->range = span(first, last());
  return decl;
}

// smsDecl : K_SMS ident display? LBRACE smsProp* RBRACE
ast::Decl *Parser::sms() {
  size_t first = pos_++;
  auto *decl = declare<ast::SmsDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t propFirst = pos_;
    if (accept(T::K_TEXT))
      decl->text = string();
    else if (accept(T::K_TRANSACTIONAL))
      decl->transactional = true;
    else
      decline();
    semi();
    attachable(span(propFirst, last()));
  }
  decl->range = span(first, last());
  return decl;
}

// pushDecl : K_PUSH ident display? LBRACE pushProp* RBRACE
ast::Decl *Parser::push() {
  size_t first = pos_++;
  auto *decl = declare<ast::PushDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t propFirst = pos_;
    if (accept(T::K_TITLE))
      decl->title = string();
    else if (accept(T::K_TEXT))
      decl->text = string();
    else if (accept(T::K_TRANSACTIONAL))
      decl->transactional = true;
    else
      decline();
    semi();
    attachable(span(propFirst, last()));
  }
  decl->range = span(first, last());
  return decl;
}

// webhookDecl : K_WEBHOOK ident display? LBRACE webhookProp* RBRACE
ast::Decl *Parser::webhook() {
  size_t first = pos_++;
  auto *decl = declare<ast::WebhookDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t propFirst = pos_;
    switch (la()) {
    case T::K_METHOD:
      ++pos_;
      decl->method = ident();
      break;
    case T::K_URL: { // K_URL ident? str
      ++pos_;
      std::optional<ast::Name> env;
      if (isIdent(la()))
        env = ident();
      decl->urls.push_back(ast::WebhookUrl{std::move(env), string()});
      break;
    }
    case T::K_HEADER: { // K_HEADER str K_SECRET str | K_HEADER str str
      ++pos_;
      ast::StringLit name = string();
      bool secret = accept(T::K_SECRET);
      decl->headers.push_back(ast::WebhookHeader{std::move(name), string(), secret});
      break;
    }
    case T::K_PAYLOAD:
      ++pos_;
      do
        decl->payload.push_back(ident());
      while (accept(T::COMMA));
      break;
    case T::K_RETRY: {
      ++pos_;
      size_t count = expect(T::INT);
      expect(T::K_BACKOFF);
      int64_t backoff = duration();
      decl->retries = std::atoll(std::string(textOf(count)).c_str());
      decl->backoffSeconds = backoff;
      break;
    }
    case T::K_DEAD_LETTER:
      ++pos_;
      decl->deadLetter = string();
      break;
    case T::K_ALERT:
      ++pos_;
      decl->alert = string();
      break;
    default:
      decline();
    }
    semi();
    attachable(span(propFirst, last()));
    if (tokens_[propFirst].type == T::K_RETRY)
      decl->retryRange = span(propFirst, last());
  }
  decl->range = span(first, last());
  return decl;
}

// flagDecl : K_FLAG ident display? LBRACE flagProp* RBRACE
ast::Decl *Parser::flag() {
  size_t first = pos_++;
  auto *decl = declare<ast::FlagDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t propFirst = pos_;
    switch (la()) {
    case T::K_WHEN:
      ++pos_;
      decl->when = condition().node;
      break;
    case T::K_ENVS:
      ++pos_;
      do
        decl->envs.push_back(ident());
      while (accept(T::COMMA));
      break;
    case T::K_OFF:
      ++pos_;
      decl->constant = false;
      break;
    case T::K_ON:
      ++pos_;
      decl->constant = true;
      break;
    default:
      decline();
    }
    semi();
    attachable(span(propFirst, last()));
  }
  decl->range = span(first, last());
  return decl;
}

// policyStmt, in policies and flows:
//   K_QUIET_HOURS ident CLOCK DOTDOT CLOCK (ident | str)? SEMI
//   K_SUPPRESS (K_UNSUBSCRIBED | K_LIST ident | K_SEGMENT ident) SEMI
//   K_REQUIRE K_CONSENT ident SEMI
ast::PolicyStmt Parser::policyStmt() {
  ast::PolicyStmt stmt;
  size_t first = pos_;
  switch (la()) {
  case T::K_QUIET_HOURS:
    ++pos_;
    stmt.kind = ast::PolicyKind::QuietHours;
    stmt.name = ident();
    stmt.startMinute = clock();
    expect(T::DOTDOT);
    stmt.endMinute = clock();
    if (isIdent(la()))
      stmt.zone = ident();
    else if (isString(la()))
      stmt.zoneName = string();
    break;
  case T::K_SUPPRESS:
    ++pos_;
    if (accept(T::K_UNSUBSCRIBED)) {
      stmt.kind = ast::PolicyKind::SuppressUnsubscribed;
    } else if (accept(T::K_LIST)) {
      stmt.kind = ast::PolicyKind::SuppressList;
      stmt.name = ident();
    } else if (accept(T::K_SEGMENT)) {
      stmt.kind = ast::PolicyKind::SuppressSegment;
      stmt.name = ident();
    } else {
      decline();
    }
    break;
  case T::K_REQUIRE:
    ++pos_;
    expect(T::K_CONSENT);
    stmt.kind = ast::PolicyKind::RequireConsent;
    stmt.name = ident();
    break;
  default:
    decline();
  }
  semi();
  stmt.range = span(first, last());
  return stmt;
}

// policyDecl : K_POLICY ident display? LBRACE policyStmt* RBRACE
ast::Decl *Parser::policy() {
  size_t first = pos_++;
  auto *decl = declare<ast::PolicyDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    decl->statements.push_back(policyStmt());
    attachable(decl->statements.back().range);
  }
  decl->range = span(first, last());
  return decl;
}

// lintDecl : K_LINT LBRACE lintStmt* RBRACE
// lintStmt : (K_DISABLE | K_ERROR | K_WARNING | K_INFO) ruleRef (COMMA ruleRef)* SEMI
// ruleRef : KEBAB | ident
ast::Decl *Parser::lint() {
  size_t first = pos_++;
  auto *decl = file_.arena.make<ast::LintDecl>();
  decl->name = ast::Name{"lint", rangeOf(first)};
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    ast::LintStmt stmt;
    size_t stmtFirst = pos_;
    switch (la()) {
    case T::K_DISABLE:
      stmt.verb = ast::LintVerb::Disable;
      break;
    case T::K_ERROR:
      stmt.verb = ast::LintVerb::Error;
      break;
    case T::K_WARNING:
      stmt.verb = ast::LintVerb::Warning;
      break;
    case T::K_INFO:
      stmt.verb = ast::LintVerb::Info;
      break;
    default:
      decline();
    }
    ++pos_;
    do {
      if (la() != T::KEBAB && !isIdent(la()))
        decline();
      stmt.rules.push_back({std::string(textOf(pos_)), rangeOf(pos_)});
      ++pos_;
    } while (accept(T::COMMA));
    semi();
    stmt.range = span(stmtFirst, last());
    attachable(stmt.range);
    decl->statements.push_back(std::move(stmt));
  }
  decl->range = span(first, last());
  return decl;
}

} // namespace mac::syntax::descent
