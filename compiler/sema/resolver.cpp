// Registration of declarations and lowering of everything outside flows.
#include "compiler/sema/resolver.h"

#include "compiler/sema/names.h"

#include <llvm/ADT/STLExtras.h>
#include <llvm/Support/Casting.h>
#include <llvm/Support/Parallel.h>

#include <filesystem>

namespace mac::sema {
namespace {

size_t slot(AssetKind kind) { return static_cast<size_t>(kind); }

std::optional<AssetKind> assetKindOf(ast::DeclKind kind) {
  switch (kind) {
  case ast::DeclKind::Field:
    return AssetKind::Field;
  case ast::DeclKind::Tag:
    return AssetKind::Tag;
  case ast::DeclKind::List:
    return AssetKind::List;
  case ast::DeclKind::Segment:
    return AssetKind::Segment;
  case ast::DeclKind::Email:
    return AssetKind::Email;
  case ast::DeclKind::Sms:
    return AssetKind::Sms;
  case ast::DeclKind::Push:
    return AssetKind::Push;
  case ast::DeclKind::Webhook:
    return AssetKind::Webhook;
  case ast::DeclKind::Flag:
    return AssetKind::Flag;
  case ast::DeclKind::Policy:
    return AssetKind::Policy;
  case ast::DeclKind::Flow:
    return AssetKind::Flow;
  default:
    return std::nullopt;
  }
}

/// Assets that MAC1003 reports when nothing refers to them.
bool reportedWhenUnused(AssetKind kind) {
  switch (kind) {
  case AssetKind::Tag:
  case AssetKind::List:
  case AssetKind::Segment:
  case AssetKind::Email:
  case AssetKind::Sms:
  case AssetKind::Push:
  case AssetKind::Webhook:
  case AssetKind::Flag:
    return true;
  default:
    return false;
  }
}

const std::vector<std::string_view> kTargets = {"activecampaign", "gohighlevel", "hubspot",
                                                "klaviyo",        "marketo",     "sfmc"};
const std::vector<std::string_view> kMethods = {"DELETE", "GET", "PATCH", "POST", "PUT"};
const std::vector<std::string_view> kUnsubscribeModes = {"link", "one_click"};

} // namespace

// ---- resolution helpers --------------------------------------------------

std::vector<std::string_view> Resolver::namesOf(std::initializer_list<AssetKind> kinds) const {
  std::vector<std::string_view> names;
  for (const auto &[name, ref] : program_.names)
    for (AssetKind kind : kinds)
      if (ref.kind == kind)
        names.push_back(name);
  return names;
}

void Resolver::undefined(const ast::Name &name, std::string_view kind,
                         const std::vector<std::string_view> &candidates) {
  std::optional<std::string> suggestion = closestName(name.text, candidates);
  diag::Diagnostic &d = diags_.report(diag::Code::UndefinedReference, name.range, kind, name.text,
                                      didYouMean(suggestion));
  if (suggestion)
    d.fixes.push_back(
        {"replace `" + name.text + "` with `" + *suggestion + "`", {{name.range, *suggestion}}});
}

AssetRef Resolver::resolve(const ast::Name &name, std::initializer_list<AssetKind> expected,
                           std::string_view construct) {
  if (name.text.empty())
    return {}; // a name lost to a syntax error, already reported
  auto it = index_.find(name.text);
  if (it == index_.end()) {
    bool anyTemplate = *expected.begin() == AssetKind::Email && expected.size() > 1;
    undefined(name, anyTemplate ? "template" : assetKindName(*expected.begin()), namesOf(expected));
    return {};
  }
  AssetRef ref = it->second;
  for (AssetKind kind : expected)
    if (ref.kind == kind) {
      if (countingUses)
        ++uses_[slot(kind)][ref.index];
      return ref;
    }
  std::string wanted;
  for (AssetKind kind : expected)
    wanted += (wanted.empty() ? "" : " or ") + assetKindWithArticle(kind);
  diag::Diagnostic &d = diags_.report(diag::Code::WrongAssetKind, name.range, name.text,
                                      assetKindWithArticle(ref.kind), construct, wanted);
  d.notes.push_back({"`" + name.text + "` is declared here", program_.declared(ref).nameRange});
  return {};
}

FieldId Resolver::resolveField(const ast::Name &name, std::string_view construct) {
  AssetRef ref = resolve(name, {AssetKind::Field}, construct);
  return ref.isValid() ? FieldId{ref.index} : FieldId{};
}

EnvId Resolver::resolveEnv(const ast::Name &name) {
  if (name.text.empty())
    return {};
  std::vector<std::string_view> candidates;
  for (uint32_t i = 0; i < program_.envs.size(); ++i) {
    if (program_.envs[i].name == name.text)
      return EnvId{i};
    candidates.push_back(program_.envs[i].name);
  }
  std::optional<std::string> suggestion = closestName(name.text, candidates);
  diag::Diagnostic &d =
      diags_.report(diag::Code::UnknownEnvironment, name.range, name.text, didYouMean(suggestion));
  if (suggestion && name.range.isValid())
    d.fixes.push_back(
        {"replace `" + name.text + "` with `" + *suggestion + "`", {{name.range, *suggestion}}});
  return {};
}

std::optional<Channel> Resolver::resolveChannel(const ast::Name &name) {
  auto word = resolveWord(name, "channel", {"email", "push", "sms"});
  if (!word)
    return std::nullopt;
  return *word == "email" ? Channel::Email : *word == "sms" ? Channel::Sms : Channel::Push;
}

std::optional<std::string> Resolver::resolveWord(const ast::Name &name, std::string_view kind,
                                                 const std::vector<std::string_view> &allowed) {
  if (name.text.empty())
    return std::nullopt;
  for (std::string_view word : allowed)
    if (word == name.text)
      return name.text;
  undefined(name, kind, allowed);
  return std::nullopt;
}

// ---- registration --------------------------------------------------------

/// Appends an entity with the name, display and ranges of `decl`.
template <class T> static uint32_t declare(std::vector<T> &entities, const ast::Decl &decl) {
  T entity;
  entity.name = decl.name.text;
  entity.display = decl.display ? decl.display->value : decl.name.text;
  entity.range = decl.range;
  entity.nameRange = decl.name.range;
  entities.push_back(std::move(entity));
  return static_cast<uint32_t>(entities.size() - 1);
}

template <class T>
uint32_t Resolver::add(std::vector<T> &entities, AssetKind kind, const ast::Decl &decl,
                       bool stdlib) {
  uint32_t index = declare(entities, decl);
  uses_[slot(kind)].push_back(0);
  fromStdlib_[slot(kind)].push_back(stdlib);
  return index;
}

void Resolver::registerDecl(ast::Decl *decl, bool stdlib) {
  auto duplicate = [&](SourceRange first, std::string_view what) {
    diag::Diagnostic &d =
        diags_.report(diag::Code::DuplicateDefinition, decl->name.range, decl->name.text, what);
    d.notes.push_back({"first declared here", first});
  };
  switch (decl->kind) {
  case ast::DeclKind::Use:
    return;
  case ast::DeclKind::Lint:
    lintDecls_.push_back(llvm::cast<ast::LintDecl>(decl));
    return;
  case ast::DeclKind::Bundle:
    if (bundleDecl_) {
      diag::Diagnostic &d =
          diags_.report(diag::Code::DuplicateDefinition, decl->name.range, "bundle",
                        "`" + bundleDecl_->name.text +
                            "`; a bundle has one `bundle` declaration, in bundle.flow");
      d.notes.push_back({"first declared here", bundleDecl_->name.range});
      return;
    }
    bundleDecl_ = llvm::cast<ast::BundleDecl>(decl);
    return;
  case ast::DeclKind::Env:
    for (const ast::EnvDecl *env : envDecls_)
      if (env->name.text == decl->name.text)
        return duplicate(env->name.range, "an environment");
    envDecls_.push_back(llvm::cast<ast::EnvDecl>(decl));
    declare(program_.envs, *decl);
    return;
  case ast::DeclKind::Consent:
    for (const ast::ConsentDecl *consent : consentDecls_)
      if (consent->name.text == decl->name.text)
        return duplicate(consent->name.range, "a consent");
    consentDecls_.push_back(llvm::cast<ast::ConsentDecl>(decl));
    return;
  case ast::DeclKind::Test:
    if (auto [first, added] = testNames_.try_emplace(decl->name.text, decl->name.range); !added)
      return duplicate(first->second, "a test");
    testDecls_.push_back(llvm::cast<ast::TestDecl>(decl));
    declare(program_.tests, *decl);
    return;
  default:
    break;
  }
  AssetKind kind = *assetKindOf(decl->kind);
  if (decl->name.text.empty())
    return;
  if (auto it = index_.find(decl->name.text); it != index_.end())
    return duplicate(program_.declared(it->second).nameRange,
                     assetKindWithArticle(it->second.kind));
  uint32_t index = 0;
  switch (kind) {
  case AssetKind::Field:
    index = add(program_.fields, kind, *decl, stdlib);
    break;
  case AssetKind::Tag:
    index = add(program_.tags, kind, *decl, stdlib);
    break;
  case AssetKind::List:
    index = add(program_.lists, kind, *decl, stdlib);
    break;
  case AssetKind::Segment:
    index = add(program_.segments, kind, *decl, stdlib);
    break;
  case AssetKind::Email:
    index = add(program_.emails, kind, *decl, stdlib);
    break;
  case AssetKind::Sms:
    index = add(program_.smses, kind, *decl, stdlib);
    break;
  case AssetKind::Push:
    index = add(program_.pushes, kind, *decl, stdlib);
    break;
  case AssetKind::Webhook:
    index = add(program_.webhooks, kind, *decl, stdlib);
    break;
  case AssetKind::Flag:
    index = add(program_.flags, kind, *decl, stdlib);
    break;
  case AssetKind::Policy:
    index = add(program_.policies, kind, *decl, stdlib);
    break;
  case AssetKind::Flow:
    index = add(program_.flows, kind, *decl, stdlib);
    break;
  }
  AssetRef ref{kind, index};
  index_.try_emplace(decl->name.text, ref);
  assetDecls_.push_back({ref, decl});
}

/// Program::names, the sorted namespace others read, from the hash index
/// that registration and lookups use: sorted once, then each name appended
/// at the end of the map (constant time), instead of a tree search per name.
void Resolver::fillNamespace() {
  std::vector<std::pair<llvm::StringRef, AssetRef>> entries;
  entries.reserve(index_.size());
  for (const auto &entry : index_)
    entries.emplace_back(entry.getKey(), entry.getValue());
  // Names are unique, so the order is total: sorting on both cores gives
  // the same vector (~60,000 names at 10,000 flows).
  llvm::parallelSort(entries, [](const auto &a, const auto &b) { return a.first < b.first; });
  for (const auto &[name, ref] : entries)
    program_.names.emplace_hint(program_.names.end(), name.str(), ref);
}

// ---- lowering of declarations ----------------------------------------------

void Resolver::lowerField(const ast::FieldDecl &decl, Field &field) {
  static const std::vector<std::pair<std::string_view, FieldType>> types = {
      {"bool", FieldType::Bool},   {"date", FieldType::Date},     {"datetime", FieldType::DateTime},
      {"email", FieldType::Email}, {"number", FieldType::Number}, {"phone", FieldType::Phone},
      {"text", FieldType::Text}};
  field.optional = decl.optional;
  if (decl.typeName.text == "enum") {
    field.type = FieldType::Enum;
    for (const ast::StringLit &value : decl.enumValues) {
      if (std::find(field.enumValues.begin(), field.enumValues.end(), value.value) !=
          field.enumValues.end()) {
        diags_.report(diag::Code::DuplicateDefinition, value.range, value.value,
                      "a value of enum `" + field.name + "`");
        continue;
      }
      field.enumValues.push_back(value.value);
    }
  } else {
    std::vector<std::string_view> names;
    for (auto &[name, type] : types) {
      names.push_back(name);
      if (name == decl.typeName.text)
        field.type = type;
    }
    if (!resolveWord(decl.typeName, "type", names))
      return;
  }
}

void Resolver::lowerEnv(const ast::EnvDecl &decl, Env &env) {
  env.prefix = decl.prefix;
  env.production = decl.production || decl.name.text == "prod";
  if (decl.safeMode)
    env.safeMode = resolve(*decl.safeMode, {AssetKind::Segment, AssetKind::List}, "`safe_mode`");
  if (decl.throttle)
    env.throttle = Rate{decl.throttle->count, decl.throttle->perSeconds, decl.throttle->range};
}

void Resolver::lowerWebhook(const ast::WebhookDecl &decl, Webhook &webhook) {
  if (decl.method)
    if (auto method = resolveWord(*decl.method, "HTTP method", kMethods))
      webhook.method = *method;
  for (const ast::WebhookUrl &url : decl.urls) {
    WebhookUrl entry{EnvId{}, url.url};
    if (url.env) {
      entry.env = resolveEnv(*url.env);
      if (!entry.env)
        continue;
    }
    webhook.urls.push_back(std::move(entry));
  }
  for (const ast::WebhookHeader &header : decl.headers)
    webhook.headers.push_back({header.name, header.value, header.secret});
  for (const ast::Name &field : decl.payload)
    if (FieldId id = resolveField(field, "`payload`"))
      webhook.payload.push_back(id);
  webhook.retries = decl.retries;
  webhook.retryRange = decl.retryRange;
  webhook.backoffSeconds = decl.backoffSeconds;
  webhook.deadLetter = decl.deadLetter;
  webhook.alert = decl.alert;
}

void Resolver::lowerConsent(const ast::ConsentDecl &decl) {
  Consent consent;
  consent.range = decl.range;
  auto channel = resolveChannel(decl.name);
  if (!channel)
    return;
  consent.channel = *channel;
  auto field = [&](const std::optional<ast::Name> &name, std::string_view construct,
                   std::initializer_list<FieldType> allowed, std::string_view wanted) {
    if (!name)
      return FieldId{};
    FieldId id = resolveField(*name, construct);
    if (!id)
      return id;
    FieldType type = program_.field(id).type;
    if (std::find(allowed.begin(), allowed.end(), type) == allowed.end()) {
      diags_.report(diag::Code::TypeMismatch, name->range,
                    "`" + name->text + "` is a " + std::string(fieldTypeName(type)) +
                        " field, but " + std::string(construct) + " needs " + std::string(wanted));
      return FieldId{};
    }
    return id;
  };
  consent.field = field(decl.field, "a consent `field`", {FieldType::Bool}, "a bool field");
  consent.timestamp = field(decl.timestamp, "`timestamp`", {FieldType::DateTime, FieldType::Date},
                            "a datetime field");
  consent.source =
      field(decl.source, "`source`", {FieldType::Text, FieldType::Enum}, "a text field");
  program_.consents.push_back(consent);
}

void Resolver::lowerBundle(const ast::BundleDecl &decl) {
  Bundle &bundle = program_.bundle;
  bundle.name = decl.name.text;
  bundle.display = decl.display ? decl.display->value : decl.name.text;
  bundle.range = decl.range;
  bundle.nameRange = decl.name.range;
  if (decl.version) {
    bundle.version = decl.version->text;
    bundle.versionRange = decl.version->range;
  }
  if (decl.release)
    bundle.release = decl.release->value;
  for (const ast::Name &target : decl.targets)
    if (auto word = resolveWord(target, "target", kTargets))
      bundle.targets.push_back(*word);
  for (const ast::StringLit &sender : decl.senders)
    bundle.senders.push_back(sender.value);
}

void Resolver::lowerDecl(AssetRef ref, const ast::Decl &decl) {
  using llvm::cast;
  switch (ref.kind) {
  case AssetKind::Field: {
    Field &field = program_.fields[ref.index];
    const auto &fieldDecl = cast<ast::FieldDecl>(decl);
    if (fieldDecl.defaultValue)
      if (checkValue(FieldId{ref.index}, *fieldDecl.defaultValue, "its default"))
        field.defaultValue = fieldDecl.defaultValue;
    return;
  }
  case AssetKind::Segment:
    program_.segments[ref.index].where = lowerCondition(cast<ast::SegmentDecl>(decl).where);
    return;
  case AssetKind::Email: {
    const auto &email = cast<ast::EmailDecl>(decl);
    Email &out = program_.emails[ref.index];
    out.from = email.from;
    out.subject = email.subject;
    out.body = email.body;
    out.bodyFile = email.bodyFile;
    if (email.bodyFile && !email.body)
      out.body = bodyFileText(*email.bodyFile);
    out.transactional = email.transactional;
    out.unsubscribeRange = email.unsubscribeRange;
    if (email.unsubscribe)
      out.unsubscribe =
          resolveWord(*email.unsubscribe, "unsubscribe mode", kUnsubscribeModes).value_or("");
    return;
  }
  case AssetKind::Sms: {
    const auto &sms = cast<ast::SmsDecl>(decl);
    program_.smses[ref.index].text = sms.text;
    program_.smses[ref.index].transactional = sms.transactional;
    return;
  }
  case AssetKind::Push: {
    const auto &push = cast<ast::PushDecl>(decl);
    program_.pushes[ref.index].title = push.title;
    program_.pushes[ref.index].text = push.text;
    program_.pushes[ref.index].transactional = push.transactional;
    return;
  }
  case AssetKind::Webhook:
    return lowerWebhook(cast<ast::WebhookDecl>(decl), program_.webhooks[ref.index]);
  case AssetKind::Flag: {
    const auto &flag = cast<ast::FlagDecl>(decl);
    Flag &out = program_.flags[ref.index];
    if (flag.when)
      out.when = lowerCondition(flag.when);
    for (const ast::Name &env : flag.envs)
      if (EnvId id = resolveEnv(env))
        out.envs.push_back(id);
    out.constant = flag.constant;
    return;
  }
  case AssetKind::Policy:
    for (const ast::PolicyStmt &stmt : cast<ast::PolicyDecl>(decl).statements)
      if (auto rule = lowerPolicyRule(stmt))
        program_.policies[ref.index].rules.push_back(*rule);
    return;
  case AssetKind::Flow:
    return lowerFlow(cast<ast::FlowDecl>(decl), program_.flows[ref.index]);
  case AssetKind::Tag:
  case AssetKind::List:
    return;
  }
}

std::optional<Text> Resolver::bodyFileText(const ast::StringLit &path) const {
  auto found = bundle_->bodyFiles.find({path.range.file.value, path.range.begin});
  if (found == bundle_->bodyFiles.end())
    return std::nullopt;
  // The whole file is the value: one run maps value offset 0 to file offset 0.
  Text text;
  text.value = std::string(sources_.text(found->second));
  text.range = SourceRange{found->second, 0, static_cast<uint32_t>(text.value.size())};
  text.runs.push_back({0, 0});
  return text;
}

// ---- the whole run ----------------------------------------------------------

void Resolver::checkBundleShape(const LoadedBundle &bundle) {
  if (declCount_ == 0 && !diags_.hasErrors() && !bundle.files.empty()) {
    FileId first = bundle.files.front().ast->file;
    diags_.report(diag::Code::EmptyBundle, SourceRange{first, 0, 0},
                  "the bundle declares nothing; a bundle needs at least a `bundle` declaration "
                  "or one flow");
    return;
  }
  FileId manifest = bundle.files.empty() ? FileId{} : bundle.files.front().ast->file;
  if (!bundle.singleFile && !bundle.files.empty() &&
      (bundleDecl_ == nullptr || !(bundleDecl_->range.file == manifest)))
    diags_.report(diag::Code::MissingBundle, SourceRange{bundle.files.front().ast->file, 0, 0},
                  "bundle.flow has no `bundle` declaration; add `bundle NAME { version 1.0.0; }`");
}

void Resolver::reportUnused() {
  for (const auto &[ref, decl] : assetDecls_) {
    size_t kind = slot(ref.kind);
    if (!reportedWhenUnused(ref.kind) || uses_[kind][ref.index] > 0 || fromStdlib_[kind][ref.index])
      continue;
    diag::Diagnostic &d = diags_.report(diag::Code::UnusedAsset, decl->name.range,
                                        assetKindName(ref.kind), decl->name.text);
    d.fixes.push_back({"remove the unused declaration", {{decl->range, ""}}});
  }
}

void Resolver::run(const LoadedBundle &bundle, const SemaOptions &options) {
  bundle_ = &bundle;
  for (const LoadedFile &file : bundle.files) {
    files_.push_back(file.ast.get());
    if (!file.stdlib)
      for (const ast::Decl *decl : file.ast->decls)
        declCount_ += decl->kind != ast::DeclKind::Lint && decl->kind != ast::DeclKind::Use;
    for (ast::Decl *decl : file.ast->decls)
      registerDecl(decl, file.stdlib);
  }
  fillNamespace();
  program_.fileCount = bundle.files.size();
  reservePools(bundle, program_);
  if (bundleDecl_)
    lowerBundle(*bundleDecl_);
  else if (!bundle.files.empty())
    program_.bundle.name =
        std::filesystem::path(sources_.realPath(bundle.files.front().ast->file)).stem().string();

  for (const auto &[ref, decl] : assetDecls_)
    if (ref.kind == AssetKind::Field)
      lowerField(*llvm::cast<ast::FieldDecl>(decl), program_.fields[ref.index]);
  for (size_t i = 0; i < envDecls_.size(); ++i)
    lowerEnv(*envDecls_[i], program_.envs[i]);
  for (const ast::ConsentDecl *consent : consentDecls_)
    lowerConsent(*consent);
  for (const auto &[ref, decl] : assetDecls_)
    lowerDecl(ref, *decl);
  if (options.env)
    resolveEnv(ast::Name{*options.env, SourceRange{}});

  countingUses = false;
  for (size_t i = 0; i < testDecls_.size(); ++i)
    lowerTest(*testDecls_[i], program_.tests[i]);
  countingUses = true;

  reportUnused();
  checkBundleShape(bundle);
  buildLintConfig(lintDecls_, files_, program_, diags_);
}

std::unique_ptr<Program> analyze(const LoadedBundle &bundle, const SourceManager &sources,
                                 const SemaOptions &options, diag::Engine &diags) {
  auto program = std::make_unique<Program>();
  program->root = bundle.root;
  program->singleFile = bundle.singleFile;
  Resolver(sources, diags, *program).run(bundle, options);
  return program;
}

} // namespace mac::sema
