// Lowering of conditions, statements, flows and tests into the Program's
// pools, resolving every name they mention and checking values by type.
#include "compiler/sema/resolver.h"

#include <llvm/Support/Casting.h>

namespace mac::sema {
namespace {

/// Counts the conditions and statements an AST holds.
struct Counter {
  size_t conds = 0;
  size_t stmts = 0;

  void condition(const ast::Condition *condition) {
    if (condition == nullptr)
      return;
    ++conds;
    for (const ast::Condition *child : condition->children)
      this->condition(child);
  }

  void statements(const std::vector<ast::Statement *> &body) {
    for (const ast::Statement *statement : body) {
      ++stmts;
      for (const ast::Branch &branch : statement->branches) {
        condition(branch.condition);
        statements(branch.body);
      }
      statements(statement->elseBody);
    }
  }

  void decl(const ast::Decl &decl) {
    using llvm::cast;
    switch (decl.kind) {
    case ast::DeclKind::Segment:
      condition(cast<ast::SegmentDecl>(decl).where);
      break;
    case ast::DeclKind::Flag:
      condition(cast<ast::FlagDecl>(decl).when);
      break;
    case ast::DeclKind::Flow: {
      const auto &flow = cast<ast::FlowDecl>(decl);
      for (const ast::FlowSetting &setting : flow.settings)
        condition(setting.condition);
      statements(flow.body);
      break;
    }
    case ast::DeclKind::Test:
      for (const ast::Expectation &expect : cast<ast::TestDecl>(decl).expectations)
        condition(expect.condition);
      break;
    default:
      break;
    }
  }
};

} // namespace

/// Lowering turns each ast::Condition into one Cond and each ast::Statement
/// into one Stmt, so reserving the AST's counts gives the pools their final
/// size: no doubling slack, no copy of a pool while it grows.
void reservePools(const LoadedBundle &bundle, Program &program) {
  Counter counter;
  for (const LoadedFile &file : bundle.files)
    for (const ast::Decl *decl : file.ast->decls)
      counter.decl(*decl);
  program.conds.reserve(counter.conds);
  program.stmts.reserve(counter.stmts);
}

CondId Resolver::lowerCondition(const ast::Condition *condition) {
  if (condition == nullptr)
    return {};
  Cond cond;
  cond.kind = condition->kind;
  cond.range = condition->range;
  cond.op = condition->op;
  const ast::Name &name = condition->name;
  switch (condition->kind) {
  case CondKind::Or:
  case CondKind::And:
  case CondKind::Not:
    cond.children.reserve(condition->children.size());
    for (const ast::Condition *child : condition->children)
      cond.children.push_back(lowerCondition(child));
    break;
  case CondKind::True:
  case CondKind::False:
    break;
  case CondKind::Consent:
    if (auto channel = resolveChannel(name)) {
      cond.channel = *channel;
      if (!program_.consent(*channel))
        diags_.report(diag::Code::UndefinedReference, name.range, "consent", name.text,
                      "; declare it with `consent " + name.text + " { field ...; }`");
    }
    break;
  case CondKind::Flag:
    if (AssetRef ref = resolve(name, {AssetKind::Flag}, "`flag`"); ref.isValid())
      cond.flag = FlagId{ref.index};
    break;
  case CondKind::InList:
    if (AssetRef ref = resolve(name, {AssetKind::List}, "`in list`"); ref.isValid())
      cond.list = ListId{ref.index};
    break;
  case CondKind::InSegment:
    if (AssetRef ref = resolve(name, {AssetKind::Segment}, "`in segment`"); ref.isValid())
      cond.segment = SegmentId{ref.index};
    break;
  case CondKind::HasTag:
    if (AssetRef ref = resolve(name, {AssetKind::Tag}, "`has tag`"); ref.isValid())
      cond.tag = TagId{ref.index};
    break;
  case CondKind::Compare:
  case CondKind::InValues:
    cond.field = resolveField(name, "a condition");
    if (cond.field && checkOrdering(cond.field, cond.op, condition->range))
      for (const Value &value : condition->values)
        if (checkValue(cond.field, value, "the compared value"))
          cond.values.push_back(value);
    break;
  case CondKind::Contains:
  case CondKind::StartsWith:
  case CondKind::EndsWith:
    cond.field = resolveField(name, "a condition");
    if (checkTextField(cond.field, condition->range,
                       condition->kind == CondKind::Contains     ? "contains"
                       : condition->kind == CondKind::StartsWith ? "starts_with"
                                                                 : "ends_with"))
      cond.values = condition->values;
    break;
  case CondKind::IsSet:
  case CondKind::IsEmpty:
    cond.field = resolveField(name, "a condition");
    break;
  }
  program_.conds.push_back(std::move(cond));
  return CondId{static_cast<uint32_t>(program_.conds.size() - 1)};
}

std::vector<StmtId> Resolver::lowerStatements(const std::vector<ast::Statement *> &body) {
  std::vector<StmtId> ids;
  ids.reserve(body.size());
  for (const ast::Statement *statement : body) {
    Stmt stmt;
    stmt.kind = statement->kind;
    stmt.range = statement->range;
    stmt.keywordRange = statement->keywordRange;
    stmt.nameRange = statement->name.range;
    stmt.value = statement->value;
    if (statement->text)
      stmt.text = statement->text->value;
    if (statement->message)
      stmt.message = *statement->message;
    const ast::Name &name = statement->name;
    switch (statement->kind) {
    case StmtKind::If:
      stmt.branches.reserve(statement->branches.size());
      for (const ast::Branch &branch : statement->branches)
        stmt.branches.push_back(
            {lowerCondition(branch.condition), lowerStatements(branch.body), branch.range});
      stmt.elseBody = lowerStatements(statement->elseBody);
      stmt.hasElse = statement->hasElse;
      break;
    case StmtKind::Set:
      stmt.field = resolveField(name, "`set`");
      checkValue(stmt.field, statement->value, "the value set");
      break;
    case StmtKind::Increment:
      stmt.field = resolveField(name, "`increment`");
      checkNumberField(stmt.field, name.range, "`increment`");
      break;
    case StmtKind::Send:
      stmt.target = resolve(name, {AssetKind::Email, AssetKind::Sms, AssetKind::Push}, "`send`");
      break;
    case StmtKind::Call:
      stmt.target = resolve(name, {AssetKind::Webhook}, "`call`");
      break;
    case StmtKind::AddTag:
    case StmtKind::RemoveTag:
      stmt.target = resolve(name, {AssetKind::Tag},
                            statement->kind == StmtKind::AddTag ? "`add tag`" : "`remove tag`");
      break;
    case StmtKind::AddToList:
    case StmtKind::RemoveFromList:
      stmt.target =
          resolve(name, {AssetKind::List},
                  statement->kind == StmtKind::AddToList ? "`add to list`" : "`remove from list`");
      break;
    case StmtKind::AssignOwner:
      if (auto method = resolveWord(name, "owner assignment", {"queue", "round_robin", "user"}))
        stmt.text = *method, stmt.message = statement->text.value_or(Text{});
      break;
    default:
      break;
    }
    program_.stmts.push_back(std::move(stmt));
    ids.push_back(StmtId{static_cast<uint32_t>(program_.stmts.size() - 1)});
  }
  return ids;
}

std::optional<Trigger> Resolver::lowerTrigger(const ast::Trigger &trigger) {
  Trigger out;
  out.kind = trigger.kind;
  out.range = trigger.range;
  if (trigger.text)
    out.text = trigger.text->value;
  switch (trigger.kind) {
  case TriggerKind::TagAdded: {
    AssetRef ref = resolve(trigger.name, {AssetKind::Tag}, "`on tag_added`");
    if (!ref.isValid())
      return std::nullopt;
    out.tag = TagId{ref.index};
    break;
  }
  case TriggerKind::ListJoined: {
    AssetRef ref = resolve(trigger.name, {AssetKind::List}, "`on list_joined`");
    if (!ref.isValid())
      return std::nullopt;
    out.list = ListId{ref.index};
    break;
  }
  case TriggerKind::FieldChanged:
    out.field = resolveField(trigger.name, "`on field_changed`");
    if (!out.field)
      return std::nullopt;
    if (trigger.value && checkValue(out.field, *trigger.value, "the `to` value"))
      out.value = trigger.value;
    break;
  case TriggerKind::Schedule:
    out.value = trigger.value;
    break;
  default:
    break;
  }
  return out;
}

std::optional<PolicyRule> Resolver::lowerPolicyRule(const ast::PolicyStmt &stmt) {
  PolicyRule rule;
  rule.kind = static_cast<PolicyKind>(stmt.kind);
  rule.range = stmt.range;
  switch (stmt.kind) {
  case ast::PolicyKind::QuietHours: {
    auto channel = resolveChannel(stmt.name);
    if (!channel)
      return std::nullopt;
    rule.channel = *channel;
    rule.startMinute = stmt.startMinute;
    rule.endMinute = stmt.endMinute;
    if (stmt.zone) {
      auto zone = resolveWord(*stmt.zone, "time zone mode", {"account_local", "recipient_local"});
      if (!zone)
        return std::nullopt;
      rule.zone = *zone;
    } else if (stmt.zoneName) {
      rule.zone = stmt.zoneName->value;
    }
    break;
  }
  case ast::PolicyKind::SuppressUnsubscribed:
    break;
  case ast::PolicyKind::SuppressList: {
    AssetRef ref = resolve(stmt.name, {AssetKind::List}, "`suppress list`");
    if (!ref.isValid())
      return std::nullopt;
    rule.list = ListId{ref.index};
    break;
  }
  case ast::PolicyKind::SuppressSegment: {
    AssetRef ref = resolve(stmt.name, {AssetKind::Segment}, "`suppress segment`");
    if (!ref.isValid())
      return std::nullopt;
    rule.segment = SegmentId{ref.index};
    break;
  }
  case ast::PolicyKind::RequireConsent: {
    auto channel = resolveChannel(stmt.name);
    if (!channel)
      return std::nullopt;
    rule.channel = *channel;
    if (!program_.consent(*channel))
      diags_.report(diag::Code::UndefinedReference, stmt.name.range, "consent", stmt.name.text,
                    "; declare it with `consent " + stmt.name.text + " { field ...; }`");
    break;
  }
  }
  return rule;
}

void Resolver::lowerFlow(const ast::FlowDecl &decl, Flow &flow) {
  for (const ast::Trigger &trigger : decl.triggers)
    if (auto lowered = lowerTrigger(trigger))
      flow.triggers.push_back(*lowered);
  for (const ast::FlowSetting &setting : decl.settings) {
    switch (setting.kind) {
    case ast::SettingKind::ReenrollNever:
      flow.reenrollExplicitNever = true;
      flow.reenrollAfterSeconds.reset();
      break;
    case ast::SettingKind::ReenrollAfter:
      flow.reenrollAfterSeconds = setting.seconds;
      break;
    case ast::SettingKind::Dedupe:
      for (const ast::Name &field : setting.fields)
        if (FieldId id = resolveField(field, "`dedupe by`"))
          flow.dedupe.push_back(id);
      break;
    case ast::SettingKind::Throttle:
      flow.throttle = Rate{setting.rate->count, setting.rate->perSeconds, setting.rate->range};
      break;
    case ast::SettingKind::Goal:
      flow.goals.push_back(lowerCondition(setting.condition));
      break;
    case ast::SettingKind::Require:
      flow.enrolmentFilters.push_back(lowerCondition(setting.condition));
      break;
    }
  }
  for (const ast::PolicyStmt &stmt : decl.policies)
    if (auto rule = lowerPolicyRule(stmt))
      flow.policies.push_back(*rule);
  flow.body = lowerStatements(decl.body);
}

void Resolver::lowerTest(const ast::TestDecl &decl, Test &test) {
  if (decl.env)
    test.env = resolveEnv(*decl.env);
  for (const ast::ContactValue &entry : decl.contact) {
    FieldId field = resolveField(entry.field, "a test contact");
    if (field && checkValue(field, entry.value, "the test contact's value"))
      test.contact.push_back({field, entry.value});
  }
  if (decl.timezone)
    test.timezone = decl.timezone->value;
  for (const ast::Name &tag : decl.contactTags)
    if (AssetRef ref = resolve(tag, {AssetKind::Tag}, "a test contact's `tag`"); ref.isValid())
      test.tags.push_back(TagId{ref.index});
  for (const ast::Name &list : decl.contactLists)
    if (AssetRef ref = resolve(list, {AssetKind::List}, "a test contact's `list`"); ref.isValid())
      test.lists.push_back(ListId{ref.index});
  for (const ast::TestEvent &event : decl.events)
    if (auto trigger = lowerTrigger(event.trigger))
      test.events.push_back({event.at.text, *trigger});
  if (decl.horizonSeconds)
    test.horizonSeconds = *decl.horizonSeconds;
  for (const ast::Expectation &expect : decl.expectations) {
    TestExpectation out;
    out.kind = expect.kind;
    out.negated = expect.negated;
    out.range = expect.range;
    out.timing = expect.timing;
    out.withinSeconds = expect.withinSeconds;
    out.at = expect.at.text;
    out.until = expect.until.text;
    switch (expect.kind) {
    case ast::ExpectKind::Sent:
      out.target = resolve(expect.name, {AssetKind::Email, AssetKind::Sms, AssetKind::Push},
                           "`expect sent`");
      break;
    case ast::ExpectKind::Called:
      out.target = resolve(expect.name, {AssetKind::Webhook}, "`expect called`");
      break;
    case ast::ExpectKind::Enrolled:
      out.target = resolve(expect.name, {AssetKind::Flow}, "`expect enrolled`");
      break;
    case ast::ExpectKind::Condition:
      out.condition = lowerCondition(expect.condition);
      break;
    }
    test.expectations.push_back(std::move(out));
  }
}

} // namespace mac::sema
