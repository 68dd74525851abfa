// Building the symbol index of a bundle (see symbol_index.h): declarations
// from the Program, then one walk over every AST for the names used, then
// the placeholders of every template text. Conditions and statements are
// walked with explicit stacks, never recursion.
#include "compiler/lsp/features/symbol_index.h"

#include "analyzer/template_placeholders.h"
#include "compiler/lsp/features/request.h"

#include <llvm/Support/Casting.h>

#include <algorithm>
#include <tuple>

namespace mac::lsp::features {

std::string_view symbolKindName(SymbolKind kind) {
  switch (kind) {
  case SymbolKind::Env:
    return "environment";
  case SymbolKind::Test:
    return "test";
  case SymbolKind::Consent:
    return "consent";
  case SymbolKind::Bundle:
    return "bundle";
  default:
    return sema::assetKindName(static_cast<sema::AssetKind>(kind));
  }
}

Namespace namespaceOf(SymbolKind kind) {
  switch (kind) {
  case SymbolKind::Env:
    return Namespace::Envs;
  case SymbolKind::Test:
    return Namespace::Tests;
  case SymbolKind::Consent:
    return Namespace::Consents;
  case SymbolKind::Bundle:
    return Namespace::Bundle;
  default:
    return Namespace::Assets;
  }
}

/// Fills a SymbolIndex; lives only while the index is built.
class IndexBuilder {
public:
  IndexBuilder(SymbolIndex &index, const sema::Program &program, const SourceManager &sources)
      : index_(index), program_(program), sources_(sources) {}

  void build(const std::vector<const ast::File *> &files) {
    declareAll(files);
    for (const ast::File *file : files)
      if (!isStdlib(sources_, file->file))
        for (const ast::Decl *decl : file->decls)
          declaration(*decl);
    placeholders();
    auto key = [](const Occurrence &o) { return std::tuple(o.range.file, o.range.begin); };
    std::sort(index_.occurrences_.begin(), index_.occurrences_.end(),
              [&](const Occurrence &a, const Occurrence &b) { return key(a) < key(b); });
    // A name is indexed once even when two walks meet it.
    index_.occurrences_.erase(
        std::unique(index_.occurrences_.begin(), index_.occurrences_.end(),
                    [](const Occurrence &a, const Occurrence &b) { return a.range == b.range; }),
        index_.occurrences_.end());
  }

private:
  uint32_t declare(SymbolKind kind, const sema::Declared &declared) {
    Symbol symbol{kind,           declared.name,      declared.display,
                  declared.range, declared.nameRange, isStdlib(sources_, declared.nameRange.file)};
    index_.symbols_.push_back(std::move(symbol));
    uint32_t id = static_cast<uint32_t>(index_.symbols_.size() - 1);
    if (!declared.name.empty() && declared.nameRange.isValid())
      index_.occurrences_.push_back({declared.nameRange, id, true});
    return id;
  }

  template <class T> void declareEach(SymbolKind kind, const std::vector<T> &entities) {
    std::vector<uint32_t> &ids = assets_[static_cast<size_t>(kind)];
    for (const T &entity : entities)
      ids.push_back(declare(kind, entity));
  }

  void declareAll(const std::vector<const ast::File *> &files) {
    declareEach(SymbolKind::Field, program_.fields);
    declareEach(SymbolKind::Tag, program_.tags);
    declareEach(SymbolKind::List, program_.lists);
    declareEach(SymbolKind::Segment, program_.segments);
    declareEach(SymbolKind::Email, program_.emails);
    declareEach(SymbolKind::Sms, program_.smses);
    declareEach(SymbolKind::Push, program_.pushes);
    declareEach(SymbolKind::Webhook, program_.webhooks);
    declareEach(SymbolKind::Flag, program_.flags);
    declareEach(SymbolKind::Policy, program_.policies);
    declareEach(SymbolKind::Flow, program_.flows);
    for (const sema::Env &env : program_.envs)
      envs_.emplace(env.name, declare(SymbolKind::Env, env));
    for (const sema::Test &test : program_.tests)
      declare(SymbolKind::Test, test);
    if (program_.bundle.nameRange.isValid())
      declare(SymbolKind::Bundle, program_.bundle);
    // Consent blocks are not Declared in the Program: their name is the channel.
    for (const ast::File *file : files)
      for (const ast::Decl *decl : file->decls)
        if (decl->kind == ast::DeclKind::Consent && !decl->name.text.empty() &&
            !consents_.count(decl->name.text)) {
          sema::Declared declared{decl->name.text, decl->name.text, decl->range, decl->name.range};
          consents_.emplace(decl->name.text, declare(SymbolKind::Consent, declared));
        }
  }

  /// A use of an asset of the bundle namespace (whatever kind the place wants:
  /// a wrong kind is a diagnostic, but still this name).
  void asset(const ast::Name &name) {
    auto it = program_.names.find(name.text);
    if (it == program_.names.end() || !name.range.isValid())
      return;
    const std::vector<uint32_t> &ids = assets_[static_cast<size_t>(it->second.kind)];
    if (it->second.index < ids.size())
      use(name.range, ids[it->second.index]);
  }
  void asset(const std::optional<ast::Name> &name) {
    if (name)
      asset(*name);
  }
  void env(const ast::Name &name) { named(envs_, name); }
  void consent(const ast::Name &name) { named(consents_, name); }
  void named(const std::map<std::string, uint32_t, std::less<>> &symbols, const ast::Name &name) {
    auto it = symbols.find(name.text);
    if (it != symbols.end() && name.range.isValid())
      use(name.range, it->second);
  }
  void use(SourceRange range, uint32_t symbol) {
    index_.occurrences_.push_back({range, symbol, false});
  }

  void condition(const ast::Condition *root) {
    std::vector<const ast::Condition *> stack{root};
    while (!stack.empty()) {
      const ast::Condition *condition = stack.back();
      stack.pop_back();
      if (!condition)
        continue;
      switch (condition->kind) {
      case ast::CondKind::Or:
      case ast::CondKind::And:
      case ast::CondKind::Not:
        stack.insert(stack.end(), condition->children.begin(), condition->children.end());
        break;
      case ast::CondKind::True:
      case ast::CondKind::False:
        break;
      case ast::CondKind::Consent:
        consent(condition->name);
        break;
      default:
        asset(condition->name);
      }
    }
  }

  void statements(const std::vector<ast::Statement *> &body) {
    std::vector<const ast::Statement *> stack(body.rbegin(), body.rend());
    while (!stack.empty()) {
      const ast::Statement *statement = stack.back();
      stack.pop_back();
      switch (statement->kind) {
      case ast::StmtKind::If:
        for (const ast::Branch &branch : statement->branches) {
          condition(branch.condition);
          stack.insert(stack.end(), branch.body.begin(), branch.body.end());
        }
        stack.insert(stack.end(), statement->elseBody.begin(), statement->elseBody.end());
        break;
      case ast::StmtKind::Set:
      case ast::StmtKind::Increment:
      case ast::StmtKind::Send:
      case ast::StmtKind::Call:
      case ast::StmtKind::AddTag:
      case ast::StmtKind::RemoveTag:
      case ast::StmtKind::AddToList:
      case ast::StmtKind::RemoveFromList:
        asset(statement->name);
        break;
      default:
        break;
      }
    }
  }

  void trigger(const ast::Trigger &trigger) {
    if (trigger.kind == ast::TriggerKind::TagAdded ||
        trigger.kind == ast::TriggerKind::ListJoined ||
        trigger.kind == ast::TriggerKind::FieldChanged)
      asset(trigger.name);
  }

  void policy(const ast::PolicyStmt &stmt) {
    if (stmt.kind == ast::PolicyKind::SuppressList || stmt.kind == ast::PolicyKind::SuppressSegment)
      asset(stmt.name);
    else if (stmt.kind == ast::PolicyKind::RequireConsent)
      consent(stmt.name);
  }

  void flow(const ast::FlowDecl &flow) {
    for (const ast::Trigger &trigger : flow.triggers)
      this->trigger(trigger);
    for (const ast::FlowSetting &setting : flow.settings) {
      for (const ast::Name &field : setting.fields)
        asset(field);
      condition(setting.condition);
    }
    for (const ast::PolicyStmt &stmt : flow.policies)
      policy(stmt);
    statements(flow.body);
  }

  void test(const ast::TestDecl &test) {
    if (test.env)
      env(*test.env);
    for (const ast::ContactValue &value : test.contact)
      asset(value.field);
    for (const ast::Name &name : test.contactTags)
      asset(name);
    for (const ast::Name &name : test.contactLists)
      asset(name);
    for (const ast::TestEvent &event : test.events)
      trigger(event.trigger);
    for (const ast::Expectation &expect : test.expectations) {
      if (expect.kind == ast::ExpectKind::Condition)
        condition(expect.condition);
      else
        asset(expect.name);
    }
  }

  void declaration(const ast::Decl &decl) {
    using llvm::cast;
    switch (decl.kind) {
    case ast::DeclKind::Env:
      return asset(cast<ast::EnvDecl>(decl).safeMode);
    case ast::DeclKind::Consent: {
      const auto &consent = cast<ast::ConsentDecl>(decl);
      asset(consent.field), asset(consent.timestamp), asset(consent.source);
      return;
    }
    case ast::DeclKind::Segment:
      return condition(cast<ast::SegmentDecl>(decl).where);
    case ast::DeclKind::Webhook: {
      const auto &webhook = cast<ast::WebhookDecl>(decl);
      for (const ast::WebhookUrl &url : webhook.urls)
        if (url.env)
          env(*url.env);
      for (const ast::Name &field : webhook.payload)
        asset(field);
      return;
    }
    case ast::DeclKind::Flag: {
      const auto &flag = cast<ast::FlagDecl>(decl);
      condition(flag.when);
      for (const ast::Name &name : flag.envs)
        env(name);
      return;
    }
    case ast::DeclKind::Policy:
      for (const ast::PolicyStmt &stmt : cast<ast::PolicyDecl>(decl).statements)
        policy(stmt);
      return;
    case ast::DeclKind::Flow:
      return flow(cast<ast::FlowDecl>(decl));
    case ast::DeclKind::Test:
      return test(cast<ast::TestDecl>(decl));
    default:
      return;
    }
  }

  /// `{{name}}` placeholders naming a field, when the name stands as is in
  /// the source (not spelt with escapes), so that its range is exact.
  void placeholders(const sema::Text &text) {
    if (!text.range.isValid())
      return;
    for (const analyzer::Placeholder &placeholder :
         analyzer::scanPlaceholders(text.value).placeholders) {
      auto it = program_.names.find(placeholder.name);
      if (it == program_.names.end() || it->second.kind != sema::AssetKind::Field)
        continue;
      SourceRange range = text.rangeOf(placeholder.nameBegin, placeholder.nameEnd);
      if (!range.isValid() || range.end < range.begin)
        continue;
      std::string_view written =
          sources_.text(range.file).substr(range.begin, range.end - range.begin);
      if (written == placeholder.name)
        use(range, assets_[0][it->second.index]);
    }
  }
  void placeholders(const std::optional<sema::Text> &text) {
    if (text)
      placeholders(*text);
  }
  void placeholders() {
    for (const sema::Email &email : program_.emails) {
      placeholders(email.from), placeholders(email.subject), placeholders(email.body);
    }
    for (const sema::Sms &sms : program_.smses)
      placeholders(sms.text);
    for (const sema::Push &push : program_.pushes) {
      placeholders(push.title), placeholders(push.text);
    }
    for (const sema::Stmt &stmt : program_.stmts)
      if (stmt.kind == ast::StmtKind::Notify)
        placeholders(stmt.message);
  }

  SymbolIndex &index_;
  const sema::Program &program_;
  const SourceManager &sources_;
  std::vector<uint32_t> assets_[11]; ///< symbol ids by AssetKind and index
  std::map<std::string, uint32_t, std::less<>> envs_, consents_;
};

SymbolIndex::SymbolIndex(const sema::Program &program, const SourceManager &sources,
                         const std::vector<const ast::File *> &files) {
  IndexBuilder(*this, program, sources).build(files);
}

const Occurrence *SymbolIndex::at(FileId file, uint32_t offset) const {
  auto after = std::upper_bound(occurrences_.begin(), occurrences_.end(), std::tuple(file, offset),
                                [](const auto &key, const Occurrence &o) {
                                  return key < std::tuple(o.range.file, o.range.begin);
                                });
  if (after == occurrences_.begin())
    return nullptr;
  const Occurrence &candidate = *std::prev(after);
  return candidate.range.file == file && offset <= candidate.range.end ? &candidate : nullptr;
}

std::vector<Occurrence> SymbolIndex::occurrencesOf(uint32_t symbol) const {
  std::vector<Occurrence> found;
  for (const Occurrence &occurrence : occurrences_)
    if (occurrence.symbol == symbol)
      found.push_back(occurrence);
  return found;
}

std::optional<uint32_t> SymbolIndex::find(Namespace space, std::string_view name) const {
  for (uint32_t id = 0; id < symbols_.size(); ++id)
    if (namespaceOf(symbols_[id].kind) == space && symbols_[id].name == name)
      return id;
  return std::nullopt;
}

const SymbolIndex *IndexCache::of(const Bundle &bundle) {
  if (!bundle.program || !bundle.sources)
    return nullptr;
  Entry &entry = byRoot_[bundle.root];
  if (!entry.index || entry.analyses != bundle.analyses || entry.program != bundle.program.get() ||
      entry.sources != bundle.sources.get()) {
    entry.index =
        std::make_unique<SymbolIndex>(*bundle.program, *bundle.sources, bundle.asts.files());
    entry.analyses = bundle.analyses;
    entry.program = bundle.program.get();
    entry.sources = bundle.sources.get();
  }
  return entry.index.get();
}

} // namespace mac::lsp::features
