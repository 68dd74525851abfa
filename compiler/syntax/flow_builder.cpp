// Parse tree → AST for flows (triggers, settings, statements), conditions
// and tests. Condition chains are flat in the grammar, so these loops build
// n-ary And/Or nodes without recursion on chain length.
#include "compiler/syntax/ast_builder.h"

namespace mac::syntax {

// ---- conditions ----------------------------------------------------------

namespace {

ast::CompareOp compareOp(P::CompareOpContext *ctx) {
  if (ctx->NEQ())
    return ast::CompareOp::Ne;
  if (ctx->LT())
    return ast::CompareOp::Lt;
  if (ctx->LE())
    return ast::CompareOp::Le;
  if (ctx->GT())
    return ast::CompareOp::Gt;
  if (ctx->GE())
    return ast::CompareOp::Ge;
  return ast::CompareOp::Eq;
}

} // namespace

ast::Condition *AstBuilder::condition(P::ConditionContext *ctx) {
  if (broken(ctx))
    return nullptr;
  // A chain of one operand is that operand: `or` and `and` nodes are made
  // only for two or more, so no node is allocated that the tree drops.
  auto combine = [&](ast::CondKind kind, SourceRange where,
                     std::vector<ast::Condition *> operands) -> ast::Condition * {
    if (operands.size() == 1)
      return operands.front();
    auto *node = file_.arena.make<ast::Condition>();
    node->kind = kind;
    node->range = where;
    node->children = std::move(operands);
    return node;
  };
  std::vector<ast::Condition *> alternatives;
  for (P::AndConditionContext *andCtx : ctx->andCondition()) {
    if (broken(andCtx))
      return nullptr;
    std::vector<ast::Condition *> operands;
    for (P::NotConditionContext *notCtx : andCtx->notCondition()) {
      if (broken(notCtx) || broken(notCtx->primaryCondition()))
        return nullptr;
      P::PrimaryConditionContext *primaryCtx = notCtx->primaryCondition();
      ast::Condition *node = nullptr;
      if (auto *c = dynamic_cast<P::ParenCondContext *>(primaryCtx)) {
        node = condition(c->condition());
        if (node == nullptr)
          return nullptr;
      } else {
        node = file_.arena.make<ast::Condition>();
        node->range = range(primaryCtx);
        if (dynamic_cast<P::TrueCondContext *>(primaryCtx)) {
          node->kind = ast::CondKind::True;
        } else if (dynamic_cast<P::FalseCondContext *>(primaryCtx)) {
          node->kind = ast::CondKind::False;
        } else if (auto *c = dynamic_cast<P::ConsentCondContext *>(primaryCtx)) {
          node->kind = ast::CondKind::Consent;
          node->name = name(c->ident());
        } else if (auto *c = dynamic_cast<P::FlagCondContext *>(primaryCtx)) {
          node->kind = ast::CondKind::Flag;
          node->name = name(c->ident());
        } else if (auto *c = dynamic_cast<P::InListCondContext *>(primaryCtx)) {
          node->kind = ast::CondKind::InList;
          node->name = name(c->ident());
        } else if (auto *c = dynamic_cast<P::InSegmentCondContext *>(primaryCtx)) {
          node->kind = ast::CondKind::InSegment;
          node->name = name(c->ident());
        } else if (auto *c = dynamic_cast<P::HasTagCondContext *>(primaryCtx)) {
          node->kind = ast::CondKind::HasTag;
          node->name = name(c->ident());
        } else if (auto *c = dynamic_cast<P::CompareCondContext *>(primaryCtx)) {
          auto value = literal(c->literal());
          if (!value)
            return nullptr;
          node->kind = ast::CondKind::Compare;
          node->name = name(c->ident());
          node->op = compareOp(c->compareOp());
          node->values.push_back(*value);
        } else if (auto *c = dynamic_cast<P::InValuesCondContext *>(primaryCtx)) {
          node->kind = ast::CondKind::InValues;
          node->name = name(c->ident());
          for (P::LiteralContext *literalCtx : c->literal()) {
            auto value = literal(literalCtx);
            if (!value)
              return nullptr;
            node->values.push_back(*value);
          }
        } else if (auto *c = dynamic_cast<P::TextCondContext *>(primaryCtx)) {
          auto value = string(c->str());
          if (!value)
            return nullptr;
          node->kind = c->K_CONTAINS()      ? ast::CondKind::Contains
                       : c->K_STARTS_WITH() ? ast::CondKind::StartsWith
                                            : ast::CondKind::EndsWith;
          node->name = name(c->ident());
          ast::Literal lit;
          lit.kind = ast::LiteralKind::String;
          lit.text = value->value;
          lit.range = value->range;
          node->values.push_back(lit);
        } else if (auto *c = dynamic_cast<P::IsCondContext *>(primaryCtx)) {
          node->kind = c->K_SET() ? ast::CondKind::IsSet : ast::CondKind::IsEmpty;
          node->name = name(c->ident());
        }
      }
      for (size_t i = 0; i < notCtx->K_NOT().size(); ++i) {
        auto *negation = file_.arena.make<ast::Condition>();
        negation->kind = ast::CondKind::Not;
        // Up to the end of the primary, closing parenthesis included.
        negation->range =
            SourceRange{file_.file, range(notCtx->K_NOT(notCtx->K_NOT().size() - 1 - i)).begin,
                        range(primaryCtx).end};
        negation->children.push_back(node);
        node = negation;
      }
      operands.push_back(node);
    }
    alternatives.push_back(combine(ast::CondKind::And, range(andCtx), std::move(operands)));
  }
  return combine(ast::CondKind::Or, range(ctx), std::move(alternatives));
}

// ---- flows ---------------------------------------------------------------

std::optional<ast::Trigger> AstBuilder::trigger(P::TriggerSpecContext *ctx) {
  if (broken(ctx))
    return std::nullopt;
  ast::Trigger trigger;
  trigger.range = range(ctx);
  if (auto *c = dynamic_cast<P::FormTriggerContext *>(ctx)) {
    trigger.kind = ast::TriggerKind::FormSubmitted;
    if (!(trigger.text = string(c->str())))
      return std::nullopt;
  } else if (auto *c = dynamic_cast<P::TagTriggerContext *>(ctx)) {
    trigger.kind = ast::TriggerKind::TagAdded;
    trigger.name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::ListTriggerContext *>(ctx)) {
    trigger.kind = ast::TriggerKind::ListJoined;
    trigger.name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::FieldTriggerContext *>(ctx)) {
    trigger.kind = ast::TriggerKind::FieldChanged;
    trigger.name = name(c->ident());
    if (c->literal() && !(trigger.value = literal(c->literal())))
      return std::nullopt;
  } else if (auto *c = dynamic_cast<P::EventTriggerContext *>(ctx)) {
    trigger.kind = ast::TriggerKind::Event;
    if (!(trigger.text = string(c->str())))
      return std::nullopt;
  } else if (auto *c = dynamic_cast<P::ScheduleTriggerContext *>(ctx)) {
    trigger.kind = ast::TriggerKind::Schedule;
    auto minutes = clock(c->CLOCK());
    if (!minutes)
      return std::nullopt;
    ast::Literal at;
    at.kind = ast::LiteralKind::Clock;
    at.seconds = *minutes;
    at.range = range(c->CLOCK());
    at.text = c->CLOCK()->getText();
    trigger.value = at;
  }
  return trigger;
}

std::optional<ast::FlowSetting> AstBuilder::setting(P::FlowSettingContext *ctx) {
  if (broken(ctx))
    return std::nullopt;
  ast::FlowSetting setting;
  setting.range = range(ctx);
  if (dynamic_cast<P::ReenrollNeverContext *>(ctx)) {
    setting.kind = ast::SettingKind::ReenrollNever;
  } else if (auto *c = dynamic_cast<P::ReenrollAfterContext *>(ctx)) {
    setting.kind = ast::SettingKind::ReenrollAfter;
    auto seconds = duration(c->DURATION());
    if (!seconds)
      return std::nullopt;
    setting.seconds = *seconds;
  } else if (auto *c = dynamic_cast<P::DedupeContext *>(ctx)) {
    setting.kind = ast::SettingKind::Dedupe;
    for (P::IdentContext *field : c->ident())
      setting.fields.push_back(name(field));
  } else if (auto *c = dynamic_cast<P::FlowThrottleContext *>(ctx)) {
    setting.kind = ast::SettingKind::Throttle;
    if (!(setting.rate = rate(c->rate())))
      return std::nullopt;
  } else if (auto *c = dynamic_cast<P::GoalContext *>(ctx)) {
    setting.kind = ast::SettingKind::Goal;
    if (!(setting.condition = condition(c->condition())))
      return std::nullopt;
  } else if (auto *c = dynamic_cast<P::RequireContext *>(ctx)) {
    setting.kind = ast::SettingKind::Require;
    if (!(setting.condition = condition(c->condition())))
      return std::nullopt;
  }
  return setting;
}

ast::Decl *AstBuilder::flow(P::FlowDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::FlowDecl>(ctx, ctx->ident(), ctx->display());
  for (P::FlowItemContext *itemCtx : ctx->flowItem()) {
    if (broken(itemCtx))
      continue;
    if (P::TriggerContext *t = itemCtx->trigger()) {
      if (broken(t))
        continue;
      if (auto trig = trigger(t->triggerSpec())) {
        trig->range = range(t);
        attachable(trig->range);
        decl->triggers.push_back(*trig);
      }
    } else if (itemCtx->flowSetting()) {
      if (auto s = setting(itemCtx->flowSetting())) {
        attachable(s->range);
        decl->settings.push_back(*s);
      }
    } else if (itemCtx->policyStmt()) {
      if (auto p = policyStmt(itemCtx->policyStmt())) {
        attachable(p->range);
        decl->policies.push_back(*p);
      }
    } else if (itemCtx->statement()) {
      if (ast::Statement *stmt = statement(itemCtx->statement()))
        decl->body.push_back(stmt);
    }
  }
  return decl;
}

std::vector<ast::Statement *>
AstBuilder::statements(const std::vector<P::StatementContext *> &list) {
  std::vector<ast::Statement *> out;
  for (P::StatementContext *ctx : list)
    if (ast::Statement *stmt = statement(ctx))
      out.push_back(stmt);
  return out;
}

bool AstBuilder::ifStatement(P::IfStmtContext *ctx, ast::Statement &out) {
  std::vector<P::ConditionContext *> conditions = ctx->condition();
  std::vector<P::BlockContext *> blocks = ctx->block();
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (broken(blocks[i]))
      return false;
    if (i < conditions.size()) {
      ast::Branch branch;
      branch.condition = condition(conditions[i]);
      if (branch.condition == nullptr)
        return false;
      branch.range = SourceRange{file_.file, range(conditions[i]).begin, range(blocks[i]).end};
      branch.body = statements(blocks[i]->statement());
      out.branches.push_back(std::move(branch));
    } else {
      out.hasElse = true;
      out.elseBody = statements(blocks[i]->statement());
    }
  }
  return !out.branches.empty();
}

ast::Statement *AstBuilder::statement(P::StatementContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *stmt = file_.arena.make<ast::Statement>();
  stmt->range = range(ctx);
  stmt->keywordRange = range(ctx->getStart());
  attachable(stmt->range);
  using K = ast::StmtKind;
  bool ok = true;
  if (auto *c = dynamic_cast<P::IfStmtContext *>(ctx)) {
    stmt->kind = K::If;
    ok = ifStatement(c, *stmt);
  } else if (auto *c = dynamic_cast<P::SetStmtContext *>(ctx)) {
    stmt->kind = K::Set;
    stmt->name = name(c->ident());
    auto value = literal(c->literal());
    ok = value.has_value();
    if (ok)
      stmt->value = *value;
  } else if (auto *c = dynamic_cast<P::SendStmtContext *>(ctx)) {
    stmt->kind = K::Send;
    stmt->name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::WaitStmtContext *>(ctx)) {
    stmt->kind = K::Wait;
    auto seconds = duration(c->DURATION());
    ok = seconds.has_value();
    stmt->value.kind = ast::LiteralKind::Duration;
    stmt->value.seconds = seconds.value_or(0);
    stmt->value.range = range(c->DURATION());
  } else if (auto *c = dynamic_cast<P::WaitUntilStmtContext *>(ctx)) {
    stmt->kind = K::WaitUntil;
    auto minutes = clock(c->CLOCK());
    ok = minutes.has_value();
    stmt->value.kind = ast::LiteralKind::Clock;
    stmt->value.seconds = minutes.value_or(0);
    stmt->value.range = range(c->CLOCK());
  } else if (auto *c = dynamic_cast<P::WaitEventStmtContext *>(ctx)) {
    stmt->kind = K::WaitEvent;
    stmt->text = string(c->str());
    auto seconds = duration(c->DURATION());
    ok = seconds.has_value() && stmt->text.has_value();
    stmt->value.kind = ast::LiteralKind::Duration;
    stmt->value.seconds = seconds.value_or(0);
    stmt->value.range = range(c->DURATION());
  } else if (auto *c = dynamic_cast<P::CallStmtContext *>(ctx)) {
    stmt->kind = K::Call;
    stmt->name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::AssignStmtContext *>(ctx)) {
    stmt->kind = K::AssignOwner;
    stmt->name = name(c->ident());
    stmt->text = string(c->str());
    ok = stmt->text.has_value();
  } else if (auto *c = dynamic_cast<P::AddTagStmtContext *>(ctx)) {
    stmt->kind = K::AddTag;
    stmt->name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::RemoveTagStmtContext *>(ctx)) {
    stmt->kind = K::RemoveTag;
    stmt->name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::AddListStmtContext *>(ctx)) {
    stmt->kind = K::AddToList;
    stmt->name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::RemoveListStmtContext *>(ctx)) {
    stmt->kind = K::RemoveFromList;
    stmt->name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::IncrementStmtContext *>(ctx)) {
    stmt->kind = K::Increment;
    stmt->name = name(c->ident());
    stmt->value.kind = ast::LiteralKind::Number;
    stmt->value.text = c->number()->getText();
    stmt->value.number = std::strtod(stmt->value.text.c_str(), nullptr);
    stmt->value.range = range(c->number());
  } else if (auto *c = dynamic_cast<P::NotifyStmtContext *>(ctx)) {
    stmt->kind = K::Notify;
    stmt->text = string(c->str(0));
    stmt->message = string(c->str(1));
    ok = stmt->text && stmt->message;
  } else if (auto *c = dynamic_cast<P::EmitStmtContext *>(ctx)) {
    stmt->kind = K::Emit;
    stmt->text = string(c->str());
    ok = stmt->text.has_value();
  } else if (dynamic_cast<P::StopStmtContext *>(ctx)) {
    stmt->kind = K::Stop;
  }
  return ok ? stmt : nullptr;
}

// ---- tests ---------------------------------------------------------------

std::optional<ast::Expectation> AstBuilder::expectation(P::ExpectationContext *ctx) {
  if (broken(ctx))
    return std::nullopt;
  ast::Expectation expect;
  expect.range = range(ctx);
  P::TimingContext *timing = nullptr;
  if (auto *c = dynamic_cast<P::ExpectSentContext *>(ctx)) {
    expect.kind = ast::ExpectKind::Sent;
    expect.negated = c->K_NOT() != nullptr;
    expect.name = name(c->ident());
    timing = c->timing();
  } else if (auto *c = dynamic_cast<P::ExpectCalledContext *>(ctx)) {
    expect.kind = ast::ExpectKind::Called;
    expect.negated = c->K_NOT() != nullptr;
    expect.name = name(c->ident());
    timing = c->timing();
  } else if (auto *c = dynamic_cast<P::ExpectEnrolledContext *>(ctx)) {
    expect.kind = ast::ExpectKind::Enrolled;
    expect.negated = c->K_NOT() != nullptr;
    expect.name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::ExpectConditionContext *>(ctx)) {
    expect.kind = ast::ExpectKind::Condition;
    if (!(expect.condition = condition(c->condition())))
      return std::nullopt;
  }
  if (timing == nullptr)
    return expect;
  if (auto *t = dynamic_cast<P::TimingWithinContext *>(timing)) {
    auto seconds = duration(t->DURATION());
    if (!seconds)
      return std::nullopt;
    expect.timing = ast::TimingKind::Within;
    expect.withinSeconds = *seconds;
  } else if (auto *t = dynamic_cast<P::TimingAtContext *>(timing)) {
    auto at = when(t->when());
    if (!at)
      return std::nullopt;
    expect.timing = ast::TimingKind::At;
    expect.at = *at;
  } else if (auto *t = dynamic_cast<P::TimingBetweenContext *>(timing)) {
    auto from = when(t->when(0)), until = when(t->when(1));
    if (!from || !until)
      return std::nullopt;
    expect.timing = ast::TimingKind::Between;
    expect.at = *from;
    expect.until = *until;
  }
  return expect;
}

ast::Decl *AstBuilder::test(P::TestDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::TestDecl>(ctx, ctx->ident(), ctx->display());
  for (P::TestItemContext *itemCtx : ctx->testItem()) {
    if (broken(itemCtx))
      continue;
    attachable(range(itemCtx));
    if (auto *c = dynamic_cast<P::TestEnvContext *>(itemCtx)) {
      decl->env = name(c->ident());
    } else if (auto *c = dynamic_cast<P::TestContactContext *>(itemCtx)) {
      for (P::ContactItemContext *entry : c->contactItem()) {
        if (broken(entry))
          continue;
        if (auto *f = dynamic_cast<P::ContactFieldContext *>(entry)) {
          if (auto value = literal(f->literal()))
            decl->contact.push_back({name(f->ident()), *value});
        } else if (auto *z = dynamic_cast<P::ContactTimezoneContext *>(entry)) {
          decl->timezone = string(z->str());
        } else if (auto *t = dynamic_cast<P::ContactTagContext *>(entry)) {
          decl->contactTags.push_back(name(t->ident()));
        } else if (auto *l = dynamic_cast<P::ContactListContext *>(entry)) {
          decl->contactLists.push_back(name(l->ident()));
        }
      }
    } else if (auto *c = dynamic_cast<P::TestEventContext *>(itemCtx)) {
      auto at = when(c->when());
      auto trig = trigger(c->triggerSpec());
      if (at && trig)
        decl->events.push_back({*at, *trig});
    } else if (auto *c = dynamic_cast<P::TestHorizonContext *>(itemCtx)) {
      decl->horizonSeconds = duration(c->DURATION());
    } else if (auto *c = dynamic_cast<P::TestExpectContext *>(itemCtx)) {
      if (auto expect = expectation(c->expectation()))
        decl->expectations.push_back(*expect);
    }
  }
  return decl;
}

} // namespace mac::syntax
