// The bundle being assembled by an importer: the data model it infers (fields
// with their types, tags, lists, templates, webhooks, consents), the flows as
// ASTs, the comments that mark what Flow cannot express, and the platform ids
// that go to bindings/<target>.<env>.json. Importers register assets by their
// platform id as they meet them; `render` creates the declarations in a fixed
// order and prints every file with format::formatFile — the printer of
// `mac fmt` — so no .flow text is ever written by hand.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/format/format.h"
#include "importers/names.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mac::importer {

/// A statement list being built, with the comment lines waiting for the next
/// statement (what could not be expressed stands where it was).
struct Body {
  std::vector<ast::Statement *> stmts;
  std::vector<std::string> pending;
};

class BundleModel {
public:
  explicit BundleModel(std::string target) : target_(std::move(target)) {}

  ast::Arena &arena() { return arena_; }
  format::Notes &notes() { return notes_; }
  const std::string &target() const { return target_; }

  // ---- bundle and environment ------------------------------------------
  void setBundle(std::string name, std::string display) {
    bundleName_ = std::move(name), bundleDisplay_ = std::move(display);
  }
  void setRelease(std::string release, std::string version) {
    release_ = std::move(release), version_ = std::move(version);
  }
  /// The environment; `given` (by --env) wins over what the data suggests.
  void setEnv(std::string name, bool given = false) {
    if (given || !envGiven_)
      env_ = std::move(name);
    envGiven_ = envGiven_ || given;
  }
  const std::string &env() const { return env_; }
  void setPrefix(std::string prefix) { prefix_ = std::move(prefix); }
  const std::string &prefix() const { return prefix_; }
  /// The environment's safe-mode audience (a list name), found in guards.
  void setSafeMode(std::string list) { safeMode_ = std::move(list); }
  /// `display` without the environment prefix.
  std::string unprefixed(const std::string &display) const;

  // ---- data model: each returns the identifier ----------------------------
  /// A field named `platformName` on the platform.
  std::string field(const std::string &platformName, const std::string &display = {});
  /// Narrows a field's type ("text", "number", "bool", "enum", "datetime", …);
  /// the first definite type wins.
  void fieldType(const std::string &name, const std::string &type);
  /// A value of the field (kept as an enum value if the field is an enum).
  void enumValue(const std::string &name, const std::string &value);
  std::string fieldTypeOf(const std::string &name) const;
  /// A tag stored on the platform as `platformId`; `wanted` is its identifier.
  std::string tag(const std::string &platformId, const std::string &wanted,
                  const std::string &display);
  /// Lists, templates and webhooks by platform id. An id of the form
  /// `unbound:<kind>:<name>` (what `mac build` writes for an unbound asset)
  /// gives back the name and binds nothing.
  std::string asset(const std::string &kind, const std::string &platformId,
                    const std::string &display);
  /// A push notification the platform carries inline (Klaviyo keeps no push
  /// template, only the message's name, title and text in the send): the
  /// same name and content give the same `push NAME "display" { … }`, named
  /// after `display` without the environment prefix. Returns the identifier.
  std::string push(const std::string &display, const std::optional<std::string> &title,
                   const std::string &text, bool transactional);
  /// A segment the platform wrote out as its condition (SFMC inlines them):
  /// `segment NAME "display" where WHERE;`. The same condition gives the same
  /// segment. Returns the identifier.
  std::string segment(const std::string &wanted, const std::string &display, ast::Condition *where);
  /// `consent CHANNEL { field F; }` for an opt-in field.
  void consent(const std::string &channel, const std::string &field) {
    consents_.emplace(channel, field);
  }
  /// `flow` guards its sends on `channel` with consent (what `mac build` writes
  /// for a `require consent` policy): rendered as a bundle policy.
  void consentGuard(const std::string &channel, const std::string &flow) {
    guarded_[channel].insert(flow);
  }
  /// A webhook's request, when the platform says it.
  struct WebhookInfo {
    std::string method = "POST", url;
    std::optional<std::pair<std::string, std::string>> secretHeader; ///< name, secret
    std::vector<std::string> notes;
  };
  WebhookInfo &webhook(const std::string &name) { return webhooks_[name]; }
  /// Comment lines put before the declaration of an asset.
  void assetNote(const std::string &name, std::string line) {
    assetNotes_[name].push_back(std::move(line));
  }
  /// A binding written to bindings/<target>.<env>.json.
  void bind(const std::string &kind, const std::string &name, const std::string &id) {
    bindings_[kind][name] = id;
  }

  // ---- flows ---------------------------------------------------------------
  ast::FlowDecl *flow(const std::string &platformKey, const std::string &wanted,
                      const std::string &display);
  /// Appends `stmt` to `body`, the pending comment lines going before it.
  void append(Body &body, ast::Statement *stmt);
  /// Ends `body`: comment lines still pending go after its last statement,
  /// or before `owner` when it is empty.
  std::vector<ast::Statement *> finish(Body &body, const ast::Node *owner);
  /// A flow-level comment line (before the flow's declaration).
  void flowNote(const ast::FlowDecl *flow, std::string line) {
    notes_.before[flow].push_back(std::move(line));
  }
  void flowNotes(const ast::FlowDecl *flow, std::vector<std::string> lines) {
    for (std::string &line : lines)
      flowNote(flow, std::move(line));
  }

  /// Every file of the bundle: path → contents.
  std::map<std::string, std::string> render();

private:
  struct FieldInfo {
    std::string name, display, platform, type;
    std::vector<std::string> enumValues;
  };
  struct AssetInfo {
    std::string kind, name, display;
  };
  struct PushInfo {
    std::optional<std::string> title;
    std::string text;
    bool transactional = false;
  };
  void renderModel(ast::File &file);
  void renderTemplates(ast::File &file);
  std::string renderBindings() const;

  std::string target_;
  ast::Arena arena_;
  format::Notes notes_;
  NameTable names_;
  std::string bundleName_ = "imported", bundleDisplay_, release_, version_;
  std::string env_ = "prod", prefix_, safeMode_;
  bool envGiven_ = false;
  std::vector<FieldInfo> fields_;
  std::map<std::string, size_t> fieldByName_;
  std::vector<AssetInfo> assets_; ///< tags, lists, segments, templates, webhooks in order met
  std::map<std::string, ast::Condition *> segments_; ///< name → where
  std::map<std::string, std::string> consents_;
  std::map<std::string, std::set<std::string>> guarded_;
  std::map<std::string, WebhookInfo> webhooks_;
  std::map<std::string, PushInfo> pushes_; ///< name → content
  std::map<std::string, std::vector<std::string>> assetNotes_;
  std::map<std::string, std::map<std::string, std::string>> bindings_;
  std::vector<ast::FlowDecl *> flows_;
};

} // namespace mac::importer
