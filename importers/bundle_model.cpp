// The bundle being assembled (see bundle_model.h): registration of assets by
// platform id, and rendering every file through the printer of `mac fmt`.
#include "importers/bundle_model.h"

#include "importers/ast_make.h"
#include "importers/structurer.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mac::importer {

namespace {

constexpr std::string_view kUnbound = "unbound:";

/// "unbound:email:welcome" → "welcome"; "" for a real id.
std::string unboundName(const std::string &id, const std::string &kind) {
  std::string head = std::string(kUnbound) + kind + ":";
  return id.rfind(head, 0) == 0 ? id.substr(head.size()) : std::string();
}

template <class T>
T *declare(ast::Arena &arena, const std::string &name, const std::string &display) {
  T *decl = arena.make<T>();
  decl->name = make::name(name);
  if (!display.empty() && display != name)
    decl->display = make::str(display);
  return decl;
}

} // namespace

std::string BundleModel::unprefixed(const std::string &display) const {
  if (!prefix_.empty() && display.rfind(prefix_, 0) == 0)
    return display.substr(prefix_.size());
  return display;
}

std::string BundleModel::field(const std::string &platformName, const std::string &display) {
  std::string name = names_.name("field:" + platformName, identifierFrom(platformName, "field"));
  if (fieldByName_.emplace(name, fields_.size()).second) {
    fields_.push_back({name, display, platformName, "", {}});
    if (name != platformName)
      bind("field", name, platformName);
  }
  return name;
}

void BundleModel::fieldType(const std::string &name, const std::string &type) {
  auto found = fieldByName_.find(name);
  if (found != fieldByName_.end() && fields_[found->second].type.empty())
    fields_[found->second].type = type;
}

void BundleModel::enumValue(const std::string &name, const std::string &value) {
  auto found = fieldByName_.find(name);
  if (found == fieldByName_.end())
    return;
  std::vector<std::string> &values = fields_[found->second].enumValues;
  if (std::find(values.begin(), values.end(), value) == values.end())
    values.push_back(value);
}

std::string BundleModel::fieldTypeOf(const std::string &name) const {
  auto found = fieldByName_.find(name);
  return found == fieldByName_.end() ? std::string() : fields_[found->second].type;
}

std::string BundleModel::tag(const std::string &platformId, const std::string &wanted,
                             const std::string &display) {
  std::string key = "tag:" + platformId;
  if (std::string known = names_.find(key); !known.empty())
    return known;
  std::string name = names_.name(key, identifierFrom(wanted, "tag"));
  assets_.push_back({"tag", name, display});
  return name;
}

std::string BundleModel::asset(const std::string &kind, const std::string &platformId,
                               const std::string &display) {
  std::string key = kind + ":" + platformId;
  if (std::string known = names_.find(key); !known.empty())
    return known;
  std::string fromPlaceholder = unboundName(platformId, kind);
  if (fromPlaceholder.empty() && kind == "list")
    fromPlaceholder = unboundName(platformId, "segment");
  std::string wanted = !fromPlaceholder.empty() ? fromPlaceholder
                       : !display.empty()       ? identifierFrom(unprefixed(display), kind)
                                                : identifierFrom(kind + "_" + platformId, kind);
  std::string name = names_.name(key, wanted);
  std::string shown = display.empty() ? std::string() : unprefixed(display);
  assets_.push_back({kind, name, shown});
  if (fromPlaceholder.empty() && kind != "webhook")
    bind(kind, name, platformId);
  return name;
}

std::string BundleModel::push(const std::string &display, const std::optional<std::string> &title,
                              const std::string &text, bool transactional) {
  nlohmann::json key = {display, title ? nlohmann::json(*title) : nlohmann::json(), text,
                        transactional};
  std::string shown = unprefixed(display);
  std::string name = names_.name("push:" + key.dump(), identifierFrom(shown, "push"));
  if (pushes_.emplace(name, PushInfo{title, text, transactional}).second)
    assets_.push_back({"push", name, shown});
  return name;
}

std::string BundleModel::segment(const std::string &wanted, const std::string &display,
                                 ast::Condition *where) {
  for (const auto &[name, known] : segments_)
    if (sameCondition(known, where))
      return name;
  std::string name = names_.name("segment:" + std::to_string(segments_.size()) + ":" + wanted,
                                 identifierFrom(wanted, "segment"));
  segments_[name] = where;
  assets_.push_back({"segment", name, display});
  return name;
}

ast::FlowDecl *BundleModel::flow(const std::string &platformKey, const std::string &wanted,
                                 const std::string &display) {
  std::string name = names_.name("flow:" + platformKey, identifierFrom(wanted, "flow"));
  ast::FlowDecl *decl = declare<ast::FlowDecl>(arena_, name, unprefixed(display));
  flows_.push_back(decl);
  return decl;
}

void BundleModel::append(Body &body, ast::Statement *stmt) {
  if (!body.pending.empty()) {
    auto &lines = notes_.before[stmt];
    lines.insert(lines.end(), body.pending.begin(), body.pending.end());
    body.pending.clear();
  }
  body.stmts.push_back(stmt);
}

std::vector<ast::Statement *> BundleModel::finish(Body &body, const ast::Node *owner) {
  if (!body.pending.empty()) {
    const ast::Node *at = body.stmts.empty() ? owner : body.stmts.back();
    auto &lines = body.stmts.empty() ? notes_.before[at] : notes_.after[at];
    lines.insert(lines.end(), body.pending.begin(), body.pending.end());
    body.pending.clear();
  }
  return std::move(body.stmts);
}

void BundleModel::renderModel(ast::File &file) {
  for (const FieldInfo &info : fields_) {
    auto *decl = declare<ast::FieldDecl>(arena_, info.name, info.display);
    std::string type = info.type.empty() ? "text" : info.type;
    if (type == "enum" && info.enumValues.empty())
      type = "text";
    decl->typeName = make::name(type);
    if (type == "enum")
      for (const std::string &value : info.enumValues)
        decl->enumValues.push_back(make::str(value));
    file.decls.push_back(decl);
  }
  for (const auto &[channel, field] : consents_) {
    auto *decl = arena_.make<ast::ConsentDecl>();
    decl->name = make::name(channel);
    decl->field = make::name(field);
    file.decls.push_back(decl);
  }
  if (!guarded_.empty()) {
    auto *policy = declare<ast::PolicyDecl>(arena_, "imported_consent", "");
    std::vector<std::string> &lines = notes_.before[policy];
    for (const auto &[channel, flows] : guarded_) {
      ast::PolicyStmt stmt;
      stmt.kind = ast::PolicyKind::RequireConsent;
      stmt.name = make::name(channel);
      policy->statements.push_back(std::move(stmt));
      if (flows.size() < flows_.size()) {
        std::string names;
        for (const std::string &flow : flows)
          names += (names.empty() ? "" : ", ") + flow;
        lines.push_back("IMPORT: only " + names + " checked " + channel +
                        " consent before each send; this policy applies to every flow");
      }
    }
    file.decls.push_back(policy);
  }
  for (const char *kind : {"tag", "list", "segment"})
    for (const AssetInfo &asset : assets_) {
      if (asset.kind != kind)
        continue;
      ast::Decl *decl = nullptr;
      if (asset.kind == "tag") {
        decl = declare<ast::TagDecl>(arena_, asset.name, asset.display);
      } else if (asset.kind == "list") {
        decl = declare<ast::ListDecl>(arena_, asset.name, asset.display);
      } else {
        auto *segment = declare<ast::SegmentDecl>(arena_, asset.name, asset.display);
        segment->where = segments_.at(asset.name);
        decl = segment;
      }
      if (auto found = assetNotes_.find(asset.name); found != assetNotes_.end())
        notes_.before[decl] = found->second;
      file.decls.push_back(decl);
    }
}

void BundleModel::renderTemplates(ast::File &file) {
  for (const AssetInfo &asset : assets_) {
    ast::Decl *decl = nullptr;
    if (asset.kind == "email")
      decl = declare<ast::EmailDecl>(arena_, asset.name, asset.display);
    else if (asset.kind == "sms")
      decl = declare<ast::SmsDecl>(arena_, asset.name, asset.display);
    else if (asset.kind == "push") { // the content came with the send: declared as read
      auto *push = declare<ast::PushDecl>(arena_, asset.name, asset.display);
      const PushInfo &info = pushes_.at(asset.name);
      if (info.title)
        push->title = make::str(*info.title);
      push->text = make::str(info.text);
      push->transactional = info.transactional;
      file.decls.push_back(push);
      continue;
    } else
      continue;
    std::vector<std::string> &lines = notes_.before[decl];
    lines.push_back("IMPORT: the content of this " + asset.kind +
                    " lives on the platform (see the bindings); copy it here to check it");
    if (auto found = assetNotes_.find(asset.name); found != assetNotes_.end())
      lines.insert(lines.end(), found->second.begin(), found->second.end());
    file.decls.push_back(decl);
  }
}

std::string BundleModel::renderBindings() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto &[kind, ids] : bindings_)
    for (const auto &[name, id] : ids)
      out[kind][name] = id;
  return out.dump(2) + "\n";
}

std::map<std::string, std::string> BundleModel::render() {
  std::map<std::string, std::string> files;
  ast::File bundle;
  auto *decl = declare<ast::BundleDecl>(arena_, bundleName_, bundleDisplay_);
  if (!version_.empty()) {
    ast::Literal version;
    version.text = version_;
    decl->version = version;
  }
  if (!release_.empty())
    decl->release = make::str(release_);
  decl->targets.push_back(make::name(target_));
  bundle.decls.push_back(decl);
  auto *env = declare<ast::EnvDecl>(arena_, env_, "");
  if (!prefix_.empty())
    env->prefix = make::str(prefix_);
  if (!safeMode_.empty())
    env->safeMode = make::name(safeMode_);
  bundle.decls.push_back(env);
  files["bundle.flow"] = format::formatFile(bundle, notes_);

  ast::File model;
  renderModel(model);
  if (!model.decls.empty())
    files["model.flow"] = format::formatFile(model, notes_);

  ast::File templates;
  renderTemplates(templates);
  if (!templates.decls.empty())
    files["templates.flow"] = format::formatFile(templates, notes_);

  ast::File integrations;
  for (const AssetInfo &asset : assets_) {
    if (asset.kind != "webhook")
      continue;
    auto *hook = declare<ast::WebhookDecl>(arena_, asset.name, asset.display);
    const WebhookInfo &info = webhooks_[asset.name];
    hook->method = make::name(info.method);
    if (!info.url.empty())
      hook->urls.push_back({std::nullopt, make::str(info.url)});
    if (info.secretHeader)
      hook->headers.push_back(
          {make::str(info.secretHeader->first), make::str(info.secretHeader->second), true});
    notes_.before[hook] = info.notes;
    integrations.decls.push_back(hook);
  }
  if (!integrations.decls.empty())
    files["integrations.flow"] = format::formatFile(integrations, notes_);

  for (ast::FlowDecl *flow : flows_) {
    ast::File file;
    file.decls.push_back(flow);
    files["flows/" + flow->name.text + ".flow"] = format::formatFile(file, notes_);
  }
  if (!bindings_.empty())
    files["bindings/" + target_ + "." + env_ + ".json"] = renderBindings();
  return files;
}

} // namespace mac::importer
