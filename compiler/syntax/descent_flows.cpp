// The fast path's flows (triggers, settings, policies, statements) and tests
// (grammar/FlowParser.g4 §6 and §11), mirroring flow_builder.cpp. An `else
// if` chain is a loop, as in the grammar, so its length costs no stack.
#include "compiler/syntax/descent_parser_impl.h"

#include "FlowLexer.h"

namespace mac::syntax::descent {
namespace {

using T = gen::FlowLexer;

} // namespace

// flowDecl : K_FLOW ident display? LBRACE flowItem* RBRACE
// flowItem : trigger | flowSetting | policyStmt | statement
// `require consent X;` is both a setting (`require` CONDITION) and a policy
// statement; ANTLR resolves the ambiguity to the first alternative, the
// setting, and so does this switch.
ast::Decl *Parser::flow() {
  size_t first = pos_++;
  auto *decl = declare<ast::FlowDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    switch (la()) {
    case T::K_ON: { // trigger : K_ON triggerSpec SEMI
      size_t on = pos_++;
      ast::Trigger trigger = triggerSpec();
      semi();
      trigger.range = span(on, last());
      attachable(trigger.range);
      decl->triggers.push_back(std::move(trigger));
      break;
    }
    case T::K_REENROLL:
    case T::K_DEDUPE:
    case T::K_THROTTLE:
    case T::K_GOAL:
    case T::K_REQUIRE:
      decl->settings.push_back(setting());
      attachable(decl->settings.back().range);
      break;
    case T::K_QUIET_HOURS:
    case T::K_SUPPRESS:
      decl->policies.push_back(policyStmt());
      attachable(decl->policies.back().range);
      break;
    default:
      decl->body.push_back(statement());
      break;
    }
  }
  decl->range = span(first, last());
  return decl;
}

// triggerSpec
//   : K_FORM_SUBMITTED str | K_TAG_ADDED ident | K_LIST_JOINED ident
//   | K_FIELD_CHANGED ident (K_TO literal)? | K_EVENT str
//   | K_SCHEDULE K_DAILY K_AT CLOCK
ast::Trigger Parser::triggerSpec() {
  ast::Trigger trigger;
  size_t first = pos_;
  switch (la()) {
  case T::K_FORM_SUBMITTED:
    ++pos_;
    trigger.kind = ast::TriggerKind::FormSubmitted;
    trigger.text = string();
    break;
  case T::K_TAG_ADDED:
    ++pos_;
    trigger.kind = ast::TriggerKind::TagAdded;
    trigger.name = ident();
    break;
  case T::K_LIST_JOINED:
    ++pos_;
    trigger.kind = ast::TriggerKind::ListJoined;
    trigger.name = ident();
    break;
  case T::K_FIELD_CHANGED:
    ++pos_;
    trigger.kind = ast::TriggerKind::FieldChanged;
    trigger.name = ident();
    if (accept(T::K_TO))
      trigger.value = literal();
    break;
  case T::K_EVENT:
    ++pos_;
    trigger.kind = ast::TriggerKind::Event;
    trigger.text = string();
    break;
  case T::K_SCHEDULE: {
    ++pos_;
    expect(T::K_DAILY);
    expect(T::K_AT);
    trigger.kind = ast::TriggerKind::Schedule;
    ast::Literal at;
    at.kind = ast::LiteralKind::Clock;
    at.range = rangeOf(pos_);
    at.text = std::string(textOf(pos_));
    at.seconds = clock();
    trigger.value = std::move(at);
    break;
  }
  default:
    decline();
  }
  trigger.range = span(first, last());
  return trigger;
}

// flowSetting
//   : K_REENROLL K_NEVER SEMI | K_REENROLL K_AFTER DURATION SEMI
//   | K_DEDUPE K_BY ident (COMMA ident)* SEMI | K_THROTTLE rate SEMI
//   | K_GOAL condition SEMI | K_REQUIRE condition SEMI
ast::FlowSetting Parser::setting() {
  ast::FlowSetting setting;
  size_t first = pos_;
  switch (la()) {
  case T::K_REENROLL:
    ++pos_;
    if (accept(T::K_NEVER)) {
      setting.kind = ast::SettingKind::ReenrollNever;
    } else {
      expect(T::K_AFTER);
      setting.kind = ast::SettingKind::ReenrollAfter;
      setting.seconds = duration();
    }
    break;
  case T::K_DEDUPE:
    ++pos_;
    expect(T::K_BY);
    setting.kind = ast::SettingKind::Dedupe;
    do
      setting.fields.push_back(ident());
    while (accept(T::COMMA));
    break;
  case T::K_THROTTLE:
    ++pos_;
    setting.kind = ast::SettingKind::Throttle;
    setting.rate = rate();
    break;
  case T::K_GOAL:
  case T::K_REQUIRE:
    setting.kind = la() == T::K_GOAL ? ast::SettingKind::Goal : ast::SettingKind::Require;
    ++pos_;
    setting.condition = condition().node;
    break;
  default:
    decline();
  }
  semi();
  setting.range = span(first, last());
  return setting;
}

// block : LBRACE statement* RBRACE; `closing` gets the `}`.
std::vector<ast::Statement *> Parser::block(size_t &closing) {
  expect(T::LBRACE);
  std::vector<ast::Statement *> body;
  while (la() != T::RBRACE)
    body.push_back(statement());
  closing = pos_++;
  return body;
}

// statement: one alternative per leading keyword; `wait`, `add` and
// `remove` are told apart by the token after them.
ast::Statement *Parser::statement() {
  size_t first = pos_;
  auto *stmt = file_.arena.make<ast::Statement>();
  stmt->keywordRange = rangeOf(first);
  using K = ast::StmtKind;
  switch (la()) {
  case T::K_IF: { // K_IF condition block (K_ELSE K_IF condition block)* (K_ELSE block)?
    ++pos_;
    stmt->kind = K::If;
    while (true) {
      ParsedCondition condition = this->condition();
      size_t closing = 0;
      ast::Branch branch;
      branch.condition = condition.node;
      branch.body = block(closing);
      branch.range = SourceRange{file_.file, tokens_[condition.first].begin, tokens_[closing].end};
      stmt->branches.push_back(std::move(branch));
      if (la() == T::K_ELSE && la(1) == T::K_IF) {
        pos_ += 2;
        continue;
      }
      if (accept(T::K_ELSE)) {
        stmt->hasElse = true;
        stmt->elseBody = block(closing);
      }
      break;
    }
    stmt->range = span(first, last());
    attachable(stmt->range);
    return stmt;
  }
  case T::K_SET:
    ++pos_;
    stmt->kind = K::Set;
    stmt->name = ident();
    expect(T::ASSIGN_OP);
    stmt->value = literal();
    break;
  case T::K_SEND:
  case T::K_CALL:
    stmt->kind = la() == T::K_SEND ? K::Send : K::Call;
    ++pos_;
    stmt->name = ident();
    break;
  case T::K_WAIT:
    ++pos_;
    if (accept(T::K_UNTIL)) {
      stmt->kind = K::WaitUntil;
      stmt->value.kind = ast::LiteralKind::Clock;
      stmt->value.range = rangeOf(pos_);
      stmt->value.seconds = clock();
    } else if (accept(T::K_FOR)) {
      expect(T::K_EVENT);
      stmt->kind = K::WaitEvent;
      stmt->text = string();
      expect(T::K_TIMEOUT);
      stmt->value.kind = ast::LiteralKind::Duration;
      stmt->value.range = rangeOf(pos_);
      stmt->value.seconds = duration();
    } else {
      stmt->kind = K::Wait;
      stmt->value.kind = ast::LiteralKind::Duration;
      stmt->value.range = rangeOf(pos_);
      stmt->value.seconds = duration();
    }
    break;
  case T::K_ASSIGN:
    ++pos_;
    expect(T::K_OWNER);
    stmt->kind = K::AssignOwner;
    stmt->name = ident();
    stmt->text = string();
    break;
  case T::K_ADD:
    ++pos_;
    if (accept(T::K_TAG)) {
      stmt->kind = K::AddTag;
    } else {
      expect(T::K_TO);
      expect(T::K_LIST);
      stmt->kind = K::AddToList;
    }
    stmt->name = ident();
    break;
  case T::K_REMOVE:
    ++pos_;
    if (accept(T::K_TAG)) {
      stmt->kind = K::RemoveTag;
    } else {
      expect(T::K_FROM);
      expect(T::K_LIST);
      stmt->kind = K::RemoveFromList;
    }
    stmt->name = ident();
    break;
  case T::K_INCREMENT:
    ++pos_;
    stmt->kind = K::Increment;
    stmt->name = ident();
    expect(T::K_BY);
    stmt->value = number();
    break;
  case T::K_NOTIFY:
    ++pos_;
    stmt->kind = K::Notify;
    stmt->text = string();
    stmt->message = string();
    break;
  case T::K_EMIT:
    ++pos_;
    expect(T::K_EVENT);
    stmt->kind = K::Emit;
    stmt->text = string();
    break;
  case T::K_STOP:
    ++pos_;
    stmt->kind = K::Stop;
    break;
  default:
    decline();
  }
  semi();
  stmt->range = span(first, last());
  attachable(stmt->range);
  return stmt;
}

// testDecl : K_TEST ident display? LBRACE testItem* RBRACE
// testItem : K_ENV ident SEMI | K_CONTACT LBRACE contactItem* RBRACE
//          | K_AT when triggerSpec SEMI | K_RUN K_FOR DURATION SEMI
//          | K_EXPECT expectation SEMI
ast::Decl *Parser::test() {
  size_t first = pos_++;
  auto *decl = declare<ast::TestDecl>();
  expect(T::LBRACE);
  while (!accept(T::RBRACE)) {
    size_t itemFirst = pos_;
    switch (la()) {
    case T::K_ENV:
      ++pos_;
      decl->env = ident();
      semi();
      break;
    case T::K_CONTACT:
      ++pos_;
      expect(T::LBRACE);
      while (!accept(T::RBRACE))
        contactItem(*decl);
      break;
    case T::K_AT: {
      ++pos_;
      ast::TestTime at = when();
      ast::Trigger trigger = triggerSpec();
      semi();
      decl->events.push_back({std::move(at), std::move(trigger)});
      break;
    }
    case T::K_RUN:
      ++pos_;
      expect(T::K_FOR);
      decl->horizonSeconds = duration();
      semi();
      break;
    case T::K_EXPECT:
      ++pos_;
      decl->expectations.push_back(expectation());
      semi();
      break;
    default:
      decline();
    }
    attachable(span(itemFirst, last()));
  }
  decl->range = span(first, last());
  return decl;
}

// contactItem : ident ASSIGN_OP literal SEMI | K_TIMEZONE str SEMI
//             | K_TAG ident SEMI | K_LIST ident SEMI
// `timezone`, `tag` and `list` are idents too: a field when `=` follows.
void Parser::contactItem(ast::TestDecl &decl) {
  if (isIdent(la()) && la(1) == T::ASSIGN_OP) {
    ast::Name field = ident();
    ++pos_;
    decl.contact.push_back({std::move(field), literal()});
  } else if (accept(T::K_TIMEZONE)) {
    decl.timezone = string();
  } else if (accept(T::K_TAG)) {
    decl.contactTags.push_back(ident());
  } else if (accept(T::K_LIST)) {
    decl.contactLists.push_back(ident());
  } else {
    decline();
  }
  semi();
}

// expectation
//   : K_NOT? K_SENT ident timing? | K_NOT? K_CALLED ident timing?
//   | K_NOT? K_ENROLLED ident | condition
// `sent`, `called` and `enrolled` are idents, so a condition may start with
// them too (`sent == 1`). The first three alternatives are taken only when
// the token after their ident can follow them (a timing keyword or `;`);
// then no condition can: an ident after an ident is never a condition.
ast::Expectation Parser::expectation() {
  ast::Expectation out;
  size_t first = pos_;
  size_t keyword = la() == T::K_NOT ? 1 : 0;
  uint32_t type = la(keyword);
  uint32_t after = la(keyword + 2);
  bool timed =
      (type == T::K_SENT || type == T::K_CALLED) &&
      (after == T::K_WITHIN || after == T::K_AT || after == T::K_BETWEEN || after == T::SEMI);
  bool enrolled = type == T::K_ENROLLED && after == T::SEMI;
  if (!(timed || enrolled) || !isIdent(la(keyword + 1))) {
    out.kind = ast::ExpectKind::Condition;
    out.condition = condition().node;
    out.range = span(first, last());
    return out;
  }
  out.negated = keyword == 1;
  out.kind = type == T::K_SENT     ? ast::ExpectKind::Sent
             : type == T::K_CALLED ? ast::ExpectKind::Called
                                   : ast::ExpectKind::Enrolled;
  pos_ += keyword + 1;
  out.name = ident();
  if (timed) {
    if (accept(T::K_WITHIN)) {
      out.timing = ast::TimingKind::Within;
      out.withinSeconds = duration();
    } else if (accept(T::K_AT)) {
      out.timing = ast::TimingKind::At;
      out.at = when();
    } else if (accept(T::K_BETWEEN)) {
      out.timing = ast::TimingKind::Between;
      out.at = when();
      expect(T::K_AND);
      out.until = when();
    }
  }
  out.range = span(first, last());
  return out;
}

} // namespace mac::syntax::descent
