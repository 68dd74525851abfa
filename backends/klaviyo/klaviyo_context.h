// What the Klaviyo backend's files share while one build emits: the build
// context, the ids bound for the kinds only Klaviyo needs (metrics, forms,
// alert recipients), and everything the flows reference that must exist in
// the Klaviyo account before the flows are created (DEPLOY.md lists them).
// Internal to backends/klaviyo/.
#pragma once

#include "backends/build_context.h"
#include "backends/output_sink.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace mac::backend::klaviyo {

using nlohmann::json;

/// Something a flow references that must already exist in Klaviyo.
struct Prerequisite {
  std::string kind;  ///< "list", "tag list", "segment", "metric", "email template", …
  std::string name;  ///< identifier or name in the bundle
  std::string id;    ///< the bound id (or the `unbound:` placeholder)
  std::string about; ///< what it is for, shown in DEPLOY.md
  bool operator<(const Prerequisite &other) const {
    return std::tie(kind, name) < std::tie(other.kind, other.name);
  }
};

/// One created flow file, for DEPLOY.md.
struct FlowFile {
  std::string path;    ///< "flows/lead_intake.json"
  std::string name;    ///< the Klaviyo flow name
  std::string trigger; ///< how the trigger reads
};

/// A secret webhook header that must be filled in after the flow is created.
struct SecretHeader {
  std::string flowName, webhook, header, secret;
  bool operator<(const SecretHeader &other) const {
    return std::tie(flowName, webhook, header) <
           std::tie(other.flowName, other.webhook, other.header);
  }
};

class KlaviyoContext {
public:
  explicit KlaviyoContext(BuildContext &ctx);

  BuildContext &ctx;
  const sema::Program &program;

  /// The id of `name` in the bindings kind `kind` ("metric", "form",
  /// "alert"): BuildContext::externalId (MAC7003 and a placeholder when unbound).
  std::string extraId(std::string_view kind, const std::string &name, SourceRange use);
  /// ctx.platformId, also recorded as a prerequisite of kind `what`.
  std::string assetId(sema::AssetRef asset, SourceRange use, std::string_view what);

  void require(Prerequisite prerequisite) { prerequisites.insert(std::move(prerequisite)); }

  std::set<Prerequisite> prerequisites;
  std::set<SecretHeader> secrets;
  std::vector<FlowFile> flowFiles;
  std::set<std::string> quietWindows; ///< "21:00..08:00 recipient_local"
};

// ---- klaviyo_text.cpp ---------------------------------------------------------
/// The property name a condition or update uses for `field`: Klaviyo's own
/// attribute ("email", "first_name", …) when the field (or its binding) is
/// one, else `properties['name']` (conditions) or `name` (updates).
std::string conditionProperty(const KlaviyoContext &k, sema::FieldId field);
std::string profileKey(const KlaviyoContext &k, sema::FieldId field);
/// `{{name | default: 'x'}}` placeholders rewritten in Klaviyo's template tags.
std::string klaviyoText(const KlaviyoContext &k, std::string_view text);
/// "Acme Marketing <hello@acme.com>" → {"Acme Marketing", "hello@acme.com"}.
std::pair<std::string, std::string> splitFrom(std::string_view from);
/// "21:00" for minutes since midnight.
std::string clockText(int64_t minutes);

// ---- klaviyo_conditions.cpp ---------------------------------------------------
/// `{"condition_groups": [...]}` for `cnf` (AND of groups, OR inside a
/// group); nullopt after reporting MAC7001 when a literal has no Klaviyo form.
std::optional<json> profileFilter(KlaviyoContext &k, const Cnf &cnf, SourceRange use);
/// The filter for `condition`, in CNF (MAC7001 when it would be too large).
std::optional<json> filterOf(KlaviyoContext &k, const Condition &condition, SourceRange range);
/// The `profile-marketing-consent` condition for `channel`.
json consentCondition(sema::Channel channel, bool has);

// ---- klaviyo_actions.cpp ------------------------------------------------------
/// The `actions` of one flow (the tree plan, after an optional entry filter
/// split) and the entry action id; false after reporting MAC7001.
bool buildActions(KlaviyoContext &k, sema::FlowId flow, const FlowPlan &plan, json &actions,
                  json &entry);

// ---- klaviyo_flow.cpp ---------------------------------------------------------
/// Writes `flows/<flow-id>.json` (one file per trigger); false on MAC7001.
bool emitFlow(KlaviyoContext &k, sema::FlowId flow, OutputSink &out);

// ---- klaviyo_deploy.cpp -------------------------------------------------------
/// DEPLOY.md: what must exist first, the create calls in order, what to do after.
std::string renderDeploy(const KlaviyoContext &k);

} // namespace mac::backend::klaviyo
