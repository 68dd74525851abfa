// Parse tree → AST for declarations outside flows and tests, plus the
// helpers every part of the builder shares (ranges, names, literals).
#include "compiler/syntax/ast_builder.h"

namespace mac::syntax {

using antlr4::tree::TerminalNode;

// ---- helpers ---------------------------------------------------------------

SourceRange AstBuilder::range(antlr4::Token *token) const {
  if (token == nullptr || token->getType() == antlr4::Token::EOF ||
      token->getStartIndex() == INVALID_INDEX)
    return SourceRange{file_.file, 0, 0};
  return SourceRange{file_.file, offsets_.byteOffset(token->getStartIndex()),
                     offsets_.byteOffset(token->getStopIndex() + 1)};
}

SourceRange AstBuilder::range(antlr4::ParserRuleContext *ctx) const {
  SourceRange begin = range(ctx->getStart());
  antlr4::Token *stop = ctx->getStop();
  if (stop == nullptr || stop->getTokenIndex() < ctx->getStart()->getTokenIndex())
    return begin;
  SourceRange end = range(stop);
  return SourceRange{file_.file, begin.begin, std::max(begin.end, end.end)};
}

bool AstBuilder::broken(antlr4::ParserRuleContext *ctx) const {
  return ctx == nullptr || ctx->exception != nullptr;
}

ast::Name AstBuilder::name(P::IdentContext *ctx) const {
  if (ctx == nullptr || ctx->getStart() == nullptr ||
      ctx->getStart()->getTokenIndex() == INVALID_INDEX || ctx->exception)
    return {};
  // A token conjured by error recovery has no source: leave the name empty
  // so that later phases do not report it again.
  if (ctx->getStart()->getStartIndex() == INVALID_INDEX)
    return {};
  return ast::Name{ctx->getText(), range(ctx)};
}

void AstBuilder::invalidLiteral(SourceRange where, std::string_view kind, std::string_view text,
                                const LiteralError &error) {
  SourceRange at = where;
  if (error.length > 0) {
    at.begin = std::min(where.end, where.begin + error.offset);
    at.end = std::min(where.end, at.begin + error.length);
  }
  std::string shown(text.substr(0, 60));
  diags_.report(diag::Code::InvalidLiteral, at, kind, shown, error.reason);
}

std::optional<ast::StringLit> AstBuilder::string(P::StrContext *ctx) {
  if (broken(ctx) || ctx->getStart()->getStartIndex() == INVALID_INDEX)
    return std::nullopt;
  SourceRange where = range(ctx);
  std::string text = ctx->getText();
  auto decoded = decodeString(text, file_.file, where.begin);
  if (auto *error = std::get_if<LiteralError>(&decoded)) {
    invalidLiteral(where, "string", text.substr(error->offset, error->length ? error->length : 20),
                   *error);
    return std::nullopt;
  }
  return std::get<ast::StringLit>(std::move(decoded));
}

std::optional<int64_t> AstBuilder::duration(TerminalNode *node) {
  if (node == nullptr || node->getSymbol()->getStartIndex() == INVALID_INDEX)
    return std::nullopt;
  auto decoded = decodeDuration(node->getText());
  if (auto *error = std::get_if<LiteralError>(&decoded)) {
    invalidLiteral(range(node), "duration", node->getText(), *error);
    return std::nullopt;
  }
  return std::get<int64_t>(decoded);
}

std::optional<uint32_t> AstBuilder::clock(TerminalNode *node) {
  if (node == nullptr || node->getSymbol()->getStartIndex() == INVALID_INDEX)
    return std::nullopt;
  auto decoded = decodeClock(node->getText());
  if (auto *error = std::get_if<LiteralError>(&decoded)) {
    invalidLiteral(range(node), "clock time", node->getText(), *error);
    return std::nullopt;
  }
  return std::get<uint32_t>(decoded);
}

std::optional<ast::Rate> AstBuilder::rate(P::RateContext *ctx) {
  if (broken(ctx) || ctx->INT() == nullptr || ctx->ident() == nullptr)
    return std::nullopt;
  auto unit = decodeRateUnit(ctx->ident()->getText());
  if (auto *error = std::get_if<LiteralError>(&unit)) {
    invalidLiteral(range(ctx), "rate", ctx->getText(), *error);
    return std::nullopt;
  }
  ast::Rate rate;
  rate.count = std::atoll(ctx->INT()->getText().c_str());
  rate.perSeconds = std::get<int64_t>(unit);
  rate.range = range(ctx);
  if (rate.count <= 0) {
    invalidLiteral(range(ctx), "rate", ctx->getText(), {"the count must be at least 1", 0, 0});
    return std::nullopt;
  }
  return rate;
}

std::optional<ast::Literal> AstBuilder::literal(P::LiteralContext *ctx) {
  if (broken(ctx) || ctx->getStart()->getStartIndex() == INVALID_INDEX)
    return std::nullopt;
  ast::Literal lit;
  lit.range = range(ctx);
  lit.text = ctx->getText();
  if (ctx->str()) {
    auto value = string(ctx->str());
    if (!value)
      return std::nullopt;
    lit.kind = ast::LiteralKind::String;
    lit.text = value->value;
  } else if (ctx->number()) {
    lit.kind = ast::LiteralKind::Number;
    lit.number = std::strtod(lit.text.c_str(), nullptr);
  } else if (ctx->K_TRUE() || ctx->K_FALSE()) {
    lit.kind = ast::LiteralKind::Bool;
    lit.boolean = ctx->K_TRUE() != nullptr;
  } else if (ctx->DATE()) {
    lit.kind = ast::LiteralKind::Date;
    auto date = decodeDate(lit.text);
    if (auto *error = std::get_if<LiteralError>(&date))
      return invalidLiteral(lit.range, "date", lit.text, *error), std::nullopt;
  } else if (ctx->DATETIME()) {
    lit.kind = ast::LiteralKind::DateTime;
    auto dateTime = decodeDateTime(lit.text);
    if (auto *error = std::get_if<LiteralError>(&dateTime))
      return invalidLiteral(lit.range, "date and time", lit.text, *error), std::nullopt;
  } else if (ctx->CLOCK()) {
    lit.kind = ast::LiteralKind::Clock;
    auto minutes = clock(ctx->CLOCK());
    if (!minutes)
      return std::nullopt;
    lit.seconds = *minutes;
  } else if (ctx->DURATION()) {
    lit.kind = ast::LiteralKind::Duration;
    auto seconds = duration(ctx->DURATION());
    if (!seconds)
      return std::nullopt;
    lit.seconds = *seconds;
  }
  return lit;
}

std::optional<ast::TestTime> AstBuilder::when(P::WhenContext *ctx) {
  if (broken(ctx))
    return std::nullopt;
  ast::TestTime time;
  time.range = range(ctx);
  if (ctx->DATETIME()) {
    auto decoded = decodeDateTime(ctx->DATETIME()->getText());
    if (auto *error = std::get_if<LiteralError>(&decoded))
      return invalidLiteral(time.range, "date and time", ctx->getText(), *error), std::nullopt;
    time.text = std::get<std::string>(decoded);
    return time;
  }
  if (ctx->DATE() == nullptr)
    return std::nullopt;
  auto date = decodeDate(ctx->DATE()->getText());
  if (auto *error = std::get_if<LiteralError>(&date))
    return invalidLiteral(range(ctx->DATE()), "date", ctx->DATE()->getText(), *error), std::nullopt;
  time.text = std::get<std::string>(date) + "T00:00";
  if (ctx->CLOCK()) {
    if (!clock(ctx->CLOCK()))
      return std::nullopt;
    std::string hhmm = ctx->CLOCK()->getText();
    time.text = std::get<std::string>(date) + "T" + (hhmm.size() == 4 ? "0" : "") + hhmm;
  }
  return time;
}

// ---- declarations -------------------------------------------------------------

void AstBuilder::build(P::FileContext *tree) {
  for (P::ItemContext *itemCtx : tree->item()) {
    if (broken(itemCtx))
      continue;
    if (ast::Decl *decl = item(itemCtx)) {
      attachable(decl->range);
      file_.decls.push_back(decl);
    }
  }
}

template <class T>
T *AstBuilder::declare(antlr4::ParserRuleContext *ctx, P::IdentContext *ident,
                       P::DisplayContext *display) {
  T *decl = file_.arena.make<T>();
  decl->range = range(ctx);
  decl->name = name(ident);
  if (display != nullptr)
    decl->display = string(display->str());
  return decl;
}

// Flows and tests are built in flow_builder.cpp.
template ast::FlowDecl *AstBuilder::declare<ast::FlowDecl>(antlr4::ParserRuleContext *,
                                                           P::IdentContext *, P::DisplayContext *);
template ast::TestDecl *AstBuilder::declare<ast::TestDecl>(antlr4::ParserRuleContext *,
                                                           P::IdentContext *, P::DisplayContext *);

ast::Decl *AstBuilder::item(P::ItemContext *ctx) {
  if (ctx->bundleDecl())
    return bundle(ctx->bundleDecl());
  if (ctx->useDecl())
    return use(ctx->useDecl());
  if (ctx->envDecl())
    return env(ctx->envDecl());
  if (ctx->fieldDecl())
    return field(ctx->fieldDecl());
  if (ctx->consentDecl())
    return consent(ctx->consentDecl());
  if (auto *c = ctx->tagDecl())
    return broken(c) ? nullptr : declare<ast::TagDecl>(c, c->ident(), c->display());
  if (auto *c = ctx->listDecl())
    return broken(c) ? nullptr : declare<ast::ListDecl>(c, c->ident(), c->display());
  if (ctx->segmentDecl())
    return segment(ctx->segmentDecl());
  if (ctx->emailDecl())
    return email(ctx->emailDecl());
  if (ctx->smsDecl())
    return sms(ctx->smsDecl());
  if (ctx->pushDecl())
    return push(ctx->pushDecl());
  if (ctx->webhookDecl())
    return webhook(ctx->webhookDecl());
  if (ctx->flagDecl())
    return flag(ctx->flagDecl());
  if (ctx->policyDecl())
    return policy(ctx->policyDecl());
  if (ctx->flowDecl())
    return flow(ctx->flowDecl());
  if (ctx->lintDecl())
    return lint(ctx->lintDecl());
  if (ctx->testDecl())
    return test(ctx->testDecl());
  return nullptr;
}

ast::Decl *AstBuilder::bundle(P::BundleDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::BundleDecl>(ctx, ctx->ident(), ctx->display());
  for (P::BundlePropContext *prop : ctx->bundleProp()) {
    if (broken(prop))
      continue;
    attachable(range(prop));
    if (auto *c = dynamic_cast<P::BundleVersionContext *>(prop)) {
      ast::Literal version;
      version.range = range(c->versionLit());
      version.text = c->versionLit()->getText();
      auto decoded = decodeVersion(version.text);
      if (auto *error = std::get_if<LiteralError>(&decoded))
        invalidLiteral(version.range, "version", version.text, *error);
      else
        decl->version = version;
    } else if (auto *c = dynamic_cast<P::BundleReleaseContext *>(prop)) {
      decl->release = string(c->str());
    } else if (auto *c = dynamic_cast<P::BundleTargetsContext *>(prop)) {
      for (P::IdentContext *target : c->ident())
        decl->targets.push_back(name(target));
    } else if (auto *c = dynamic_cast<P::BundleSendersContext *>(prop)) {
      for (P::StrContext *sender : c->str())
        if (auto value = string(sender))
          decl->senders.push_back(*value);
    }
  }
  return decl;
}

ast::Decl *AstBuilder::use(P::UseDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = file_.arena.make<ast::UseDecl>();
  decl->range = range(ctx);
  if (ctx->str()) {
    decl->path = string(ctx->str());
    if (!decl->path)
      return nullptr;
    decl->name = ast::Name{decl->path->value, decl->path->range};
  } else {
    decl->isModule = true;
    std::vector<P::IdentContext *> parts = ctx->ident();
    std::string text;
    for (P::IdentContext *part : parts)
      text += (text.empty() ? "" : ".") + part->getText();
    decl->name = ast::Name{
        text, SourceRange{file_.file, range(parts.front()).begin, range(parts.back()).end}};
  }
  return decl;
}

ast::Decl *AstBuilder::env(P::EnvDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::EnvDecl>(ctx, ctx->ident(), ctx->display());
  for (P::EnvPropContext *prop : ctx->envProp()) {
    if (broken(prop))
      continue;
    attachable(range(prop));
    if (auto *c = dynamic_cast<P::EnvPrefixContext *>(prop))
      decl->prefix = string(c->str());
    else if (auto *c = dynamic_cast<P::EnvSafeModeContext *>(prop))
      decl->safeMode = name(c->ident());
    else if (auto *c = dynamic_cast<P::EnvThrottleContext *>(prop))
      decl->throttle = rate(c->rate());
    else if (dynamic_cast<P::EnvProductionContext *>(prop)) {
      decl->production = true;
      decl->productionRange = range(prop);
    }
  }
  return decl;
}

ast::Decl *AstBuilder::field(P::FieldDeclContext *ctx) {
  if (broken(ctx) || broken(ctx->typeRef()))
    return nullptr;
  auto *decl = declare<ast::FieldDecl>(ctx, ctx->ident(), ctx->display());
  if (auto *e = dynamic_cast<P::EnumTypeContext *>(ctx->typeRef())) {
    decl->typeName = ast::Name{"enum", range(e->K_ENUM())};
    for (P::StrContext *value : e->str())
      if (auto lit = string(value))
        decl->enumValues.push_back(*lit);
  } else if (auto *n = dynamic_cast<P::NamedTypeContext *>(ctx->typeRef())) {
    decl->typeName = name(n->ident());
  }
  decl->optional = ctx->QUESTION() != nullptr;
  if (ctx->literal())
    decl->defaultValue = literal(ctx->literal());
  return decl;
}

ast::Decl *AstBuilder::consent(P::ConsentDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::ConsentDecl>(ctx, ctx->ident(), nullptr);
  for (P::ConsentPropContext *prop : ctx->consentProp()) {
    if (broken(prop))
      continue;
    attachable(range(prop));
    if (auto *c = dynamic_cast<P::ConsentFieldContext *>(prop))
      decl->field = name(c->ident());
    else if (auto *c = dynamic_cast<P::ConsentTimestampContext *>(prop))
      decl->timestamp = name(c->ident());
    else if (auto *c = dynamic_cast<P::ConsentSourceContext *>(prop))
      decl->source = name(c->ident());
  }
  return decl;
}

ast::Decl *AstBuilder::segment(P::SegmentDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::SegmentDecl>(ctx, ctx->ident(), ctx->display());
  decl->where = condition(ctx->condition());
  return decl->where ? decl : nullptr;
}

ast::Decl *AstBuilder::email(P::EmailDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::EmailDecl>(ctx, ctx->ident(), ctx->display());
  for (P::EmailPropContext *prop : ctx->emailProp()) {
    if (broken(prop))
      continue;
    attachable(range(prop));
    if (auto *c = dynamic_cast<P::EmailFromContext *>(prop))
      decl->from = string(c->str());
    else if (auto *c = dynamic_cast<P::EmailSubjectContext *>(prop))
      decl->subject = string(c->str());
    else if (auto *c = dynamic_cast<P::EmailBodyContext *>(prop))
      decl->body = string(c->str());
    else if (auto *c = dynamic_cast<P::EmailBodyFileContext *>(prop))
      decl->bodyFile = string(c->str());
    else if (auto *c = dynamic_cast<P::EmailUnsubscribeContext *>(prop))
      decl->unsubscribe = name(c->ident()), decl->unsubscribeRange = range(prop);
    else if (dynamic_cast<P::EmailTransactionalContext *>(prop))
      decl->transactional = true;
  }
  return decl;
}

ast::Decl *AstBuilder::sms(P::SmsDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::SmsDecl>(ctx, ctx->ident(), ctx->display());
  for (P::SmsPropContext *prop : ctx->smsProp()) {
    if (broken(prop))
      continue;
    attachable(range(prop));
    if (auto *c = dynamic_cast<P::SmsTextContext *>(prop))
      decl->text = string(c->str());
    else
      decl->transactional = true;
  }
  return decl;
}

ast::Decl *AstBuilder::push(P::PushDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::PushDecl>(ctx, ctx->ident(), ctx->display());
  for (P::PushPropContext *prop : ctx->pushProp()) {
    if (broken(prop))
      continue;
    attachable(range(prop));
    if (auto *c = dynamic_cast<P::PushTitleContext *>(prop))
      decl->title = string(c->str());
    else if (auto *c = dynamic_cast<P::PushTextContext *>(prop))
      decl->text = string(c->str());
    else
      decl->transactional = true;
  }
  return decl;
}

ast::Decl *AstBuilder::webhook(P::WebhookDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::WebhookDecl>(ctx, ctx->ident(), ctx->display());
  for (P::WebhookPropContext *prop : ctx->webhookProp()) {
    if (broken(prop))
      continue;
    attachable(range(prop));
    if (auto *c = dynamic_cast<P::WebhookMethodContext *>(prop)) {
      decl->method = name(c->ident());
    } else if (auto *c = dynamic_cast<P::WebhookUrlContext *>(prop)) {
      if (auto url = string(c->str())) {
        ast::WebhookUrl entry{std::nullopt, *url};
        if (c->ident())
          entry.env = name(c->ident());
        decl->urls.push_back(std::move(entry));
      }
    } else if (auto *c = dynamic_cast<P::WebhookSecretHeaderContext *>(prop)) {
      auto header = string(c->str(0)), secret = string(c->str(1));
      if (header && secret)
        decl->headers.push_back({*header, *secret, true});
    } else if (auto *c = dynamic_cast<P::WebhookHeaderContext *>(prop)) {
      auto header = string(c->str(0)), value = string(c->str(1));
      if (header && value)
        decl->headers.push_back({*header, *value, false});
    } else if (auto *c = dynamic_cast<P::WebhookPayloadContext *>(prop)) {
      for (P::IdentContext *field : c->ident())
        decl->payload.push_back(name(field));
    } else if (auto *c = dynamic_cast<P::WebhookRetryContext *>(prop)) {
      auto backoff = duration(c->DURATION());
      if (backoff) {
        decl->retries = std::atoll(c->INT()->getText().c_str());
        decl->backoffSeconds = *backoff;
        decl->retryRange = range(prop);
      }
    } else if (auto *c = dynamic_cast<P::WebhookDeadLetterContext *>(prop)) {
      decl->deadLetter = string(c->str());
    } else if (auto *c = dynamic_cast<P::WebhookAlertContext *>(prop)) {
      decl->alert = string(c->str());
    }
  }
  return decl;
}

ast::Decl *AstBuilder::flag(P::FlagDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::FlagDecl>(ctx, ctx->ident(), ctx->display());
  for (P::FlagPropContext *prop : ctx->flagProp()) {
    if (broken(prop))
      continue;
    attachable(range(prop));
    if (auto *c = dynamic_cast<P::FlagWhenContext *>(prop))
      decl->when = condition(c->condition());
    else if (auto *c = dynamic_cast<P::FlagEnvsContext *>(prop))
      for (P::IdentContext *env : c->ident())
        decl->envs.push_back(name(env));
    else if (dynamic_cast<P::FlagOffContext *>(prop))
      decl->constant = false;
    else if (dynamic_cast<P::FlagOnContext *>(prop))
      decl->constant = true;
  }
  return decl;
}

std::optional<ast::PolicyStmt> AstBuilder::policyStmt(P::PolicyStmtContext *ctx) {
  if (broken(ctx))
    return std::nullopt;
  ast::PolicyStmt stmt;
  stmt.range = range(ctx);
  if (auto *c = dynamic_cast<P::QuietHoursContext *>(ctx)) {
    auto start = clock(c->CLOCK(0)), end = clock(c->CLOCK(1));
    if (!start || !end)
      return std::nullopt;
    stmt.kind = ast::PolicyKind::QuietHours;
    stmt.name = name(c->ident(0));
    stmt.startMinute = *start;
    stmt.endMinute = *end;
    if (c->ident(1))
      stmt.zone = name(c->ident(1));
    if (c->str())
      stmt.zoneName = string(c->str());
  } else if (dynamic_cast<P::SuppressUnsubscribedContext *>(ctx)) {
    stmt.kind = ast::PolicyKind::SuppressUnsubscribed;
  } else if (auto *c = dynamic_cast<P::SuppressListContext *>(ctx)) {
    stmt.kind = ast::PolicyKind::SuppressList;
    stmt.name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::SuppressSegmentContext *>(ctx)) {
    stmt.kind = ast::PolicyKind::SuppressSegment;
    stmt.name = name(c->ident());
  } else if (auto *c = dynamic_cast<P::RequireConsentContext *>(ctx)) {
    stmt.kind = ast::PolicyKind::RequireConsent;
    stmt.name = name(c->ident());
  }
  return stmt;
}

ast::Decl *AstBuilder::policy(P::PolicyDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = declare<ast::PolicyDecl>(ctx, ctx->ident(), ctx->display());
  for (P::PolicyStmtContext *stmtCtx : ctx->policyStmt())
    if (auto stmt = policyStmt(stmtCtx)) {
      attachable(stmt->range);
      decl->statements.push_back(*stmt);
    }
  return decl;
}

ast::Decl *AstBuilder::lint(P::LintDeclContext *ctx) {
  if (broken(ctx))
    return nullptr;
  auto *decl = file_.arena.make<ast::LintDecl>();
  decl->range = range(ctx);
  decl->name = ast::Name{"lint", range(ctx->K_LINT())};
  for (P::LintStmtContext *stmtCtx : ctx->lintStmt()) {
    if (broken(stmtCtx))
      continue;
    attachable(range(stmtCtx));
    ast::LintStmt stmt;
    stmt.range = range(stmtCtx);
    stmt.verb = stmtCtx->K_DISABLE()   ? ast::LintVerb::Disable
                : stmtCtx->K_ERROR()   ? ast::LintVerb::Error
                : stmtCtx->K_WARNING() ? ast::LintVerb::Warning
                                       : ast::LintVerb::Info;
    for (P::RuleRefContext *rule : stmtCtx->ruleRef())
      stmt.rules.push_back({rule->getText(), range(rule)});
    decl->statements.push_back(std::move(stmt));
  }
  return decl;
}

} // namespace mac::syntax
