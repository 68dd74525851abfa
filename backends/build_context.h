// What a backend needs to know while it emits one target for one
// environment: the Program, the environment (prefix, safe mode, throttle,
// webhook URLs, flags), the target's bindings, the date, and where to report.
// The flow plans are computed on first use and cached.
#pragma once

#include "analyzer/environment_model.h"
#include "backends/bindings.h"
#include "backends/capabilities.h"
#include "backends/flow_plan.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mac::backend {

/// "LI-2.4.1": the release id and the version; the one that is declared when
/// the other is not; "" when neither is.
std::string releaseTag(const sema::Bundle &bundle);

struct BuildOptions {
  std::string env;  ///< `--env`
  std::string date; ///< ISO 8601 from `--date` or SOURCE_DATE_EPOCH; empty: none
};

class BuildContext {
public:
  BuildContext(const sema::Program &program, const SourceManager &sources,
               const analyzer::EnvironmentModel &environments, sema::EnvId env,
               std::string_view target, const Bindings &bindings, const BuildOptions &options,
               diag::Engine &diags);

  const sema::Program &program() const { return program_; }
  const SourceManager &sources() const { return sources_; }
  const analyzer::EnvironmentModel &environments() const { return environments_; }
  const analyzer::Environment &environment() const { return environments_.environment(env_); }
  sema::EnvId envId() const { return env_; }
  bool production() const { return environment().production; }
  std::string_view target() const { return target_; }
  const BuildOptions &options() const { return options_; }
  diag::Engine &diags() { return diags_; }

  /// "LI-2.4.1" (see the free function).
  std::string releaseTag() const { return backend::releaseTag(program_.bundle); }
  /// The environment's prefix followed by the asset's display name.
  std::string displayName(const sema::Declared &decl) const;

  /// The flow lowered for this environment (cached per shape). A tree that
  /// exceeds its budget is MAC7001 at the flow, and has no nodes.
  const FlowPlan &plan(sema::FlowId flow, const PlanOptions &options = {});
  const FlagResolver &flags() const { return flags_; }

  /// The platform id bound to `asset`. When none is bound, reports MAC7003
  /// once per asset (error in production; `use` is a note) and returns a
  /// visible placeholder `unbound:<kind>:<name>`.
  std::string platformId(sema::AssetRef asset, SourceRange use);
  /// The bound id, without reporting anything.
  std::optional<std::string> boundId(sema::AssetRef asset) const;
  /// The id bound to `name` under a platform-specific kind that names no
  /// asset of the bundle (Klaviyo's "metric" behind an `on event`, "form",
  /// "alert"); unbound: MAC7003 as for platformId, and a placeholder.
  std::string externalId(std::string_view kind, const std::string &name, SourceRange use);
  /// The id bound to `name` under a platform-specific kind, without reporting.
  std::optional<std::string> boundExternal(std::string_view kind, std::string_view name) const {
    return bindings_.find(kind, name);
  }
  /// The platform's name for a field: its binding, else its identifier.
  std::string fieldName(sema::FieldId field) const;
  /// The URL `webhook` calls in this environment; empty when no line applies.
  std::string webhookUrl(sema::WebhookId webhook) const;
  /// Every policy rule in force for `flow` (bundle policies, then its own).
  std::vector<const sema::PolicyRule *> policies(const sema::Flow &flow) const;
  /// The stricter of the flow's and the environment's throttle, if any.
  std::optional<sema::Rate> throttle(const sema::Flow &flow) const;

  /// A case-by-case approximation the static capabilities cannot say (MAC7002).
  void approximated(SourceRange range, Construct construct, std::string how);
  /// A case-by-case refusal (MAC7001); the build writes nothing.
  void unsupported(SourceRange range, Construct construct, std::string why);

  /// 16 hex digits of the SHA-256 of `seed`: ids that only change when the
  /// identifiers they are derived from change.
  static std::string stableId(std::string_view seed);
  /// A UUID-shaped id (version 5 layout) derived from the SHA-256 of `seed`.
  static std::string stableUuid(std::string_view seed);

private:
  const sema::Program &program_;
  const SourceManager &sources_;
  const analyzer::EnvironmentModel &environments_;
  sema::EnvId env_;
  std::string target_;
  const Bindings &bindings_;
  BuildOptions options_;
  diag::Engine &diags_;
  FlagResolver flags_;
  std::map<std::pair<uint32_t, bool>, std::unique_ptr<FlowPlan>> plans_;
  /// Reports MAC7003 once per (kind, name) and returns the placeholder.
  std::string unbound(std::string_view what, std::string_view kind, const std::string &name,
                      SourceRange use, SourceRange declared);
  std::set<std::pair<std::string, std::string>> reportedUnbound_;
};

/// The lower-case hex SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

/// The key of an asset kind in a bindings file ("email", "list", …).
std::string_view bindingKind(sema::AssetKind kind);

} // namespace mac::backend
