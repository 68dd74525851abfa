// The HubSpot backend's internal interface: one HubspotEmitter per build
// (target × environment) turns each flow into a `POST /automation/v4/flows`
// body (ApiContactFlowCreateRequest of the official OpenAPI 3.0.1 spec) and
// remembers what the flows reference — properties, lists, segments, custom
// events, forms, teams — so that the assets and DEPLOY.md can be written
// afterwards. Each part lives in its own file:
//   hubspot_filters.cpp    conditions → filter branches (OR of AND groups)
//   hubspot_actions.cpp    the flow plan → the flat `actions[]` list
//   hubspot_enrolment.cpp  triggers, re-enrolment, goal, policies
//   hubspot_assets.cpp     properties, lists, event definitions, DEPLOY.md
#pragma once

#include "backends/backend.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

namespace mac::backend::hubspot {

using nlohmann::json;

/// Contacts: HubSpot's object type id and the flow type that goes with it.
inline constexpr const char *kContactObjectTypeId = "0-1";
inline constexpr const char *kContactFlowType = "CONTACT_FLOW";

/// A value only the HubSpot account knows (a form GUID, a custom event's
/// type id, a team id); written as `${kind:name}` and resolved by DEPLOY.md.
std::string deployPlaceholder(std::string_view kind, std::string_view name);

class HubspotEmitter {
public:
  explicit HubspotEmitter(BuildContext &ctx) : ctx_(ctx), program_(ctx.program()) {}

  /// The ApiContactFlowCreateRequest body of one flow; false when a case
  /// could not be expressed (reported through the context).
  bool flow(sema::FlowId id, json &body);
  /// Writes assets/… and DEPLOY.md for everything the flows referenced.
  void assets(OutputSink &out);

  // ---- filters (hubspot_filters.cpp) ------------------------------------------
  /// A filter branch (OR root of AND groups) for `condition`; false when it
  /// has no HubSpot form (reported).
  bool filterBranch(const Condition &condition, SourceRange range, json &branch);
  /// The OR-of-AND root for several conditions that must all hold.
  bool filterBranchAll(const std::vector<Condition> &conditions, SourceRange range, json &branch);
  /// An OR root with one AND group holding the constant `accept`.
  static json constantBranch(bool accept);
  static json orBranch(json andGroups);
  static json andGroup(json filters);

  // ---- names and ids ------------------------------------------------------------
  /// The contact property of a field (its binding, else its identifier);
  /// records it so that assets/properties/ can define it.
  std::string property(sema::FieldId field);
  /// The single-checkbox property that stands for a tag.
  std::string tagProperty(sema::TagId tag);
  /// The list id of a list, or of the active list a segment becomes.
  std::string listId(sema::AssetRef asset, SourceRange use);
  /// HubSpot tokens (`{{ contact.x }}`) for the `{{x}}` placeholders of a text.
  std::string tokens(std::string_view text);
  void useEvent(const std::string &name) { events_.insert(name); }
  /// A flow file written by the backend, listed in DEPLOY.md.
  void addFlowFile(std::string path) { flowFiles_.push_back(std::move(path)); }
  /// The HubSpot id of a form, team or owner: its binding under `kind` in
  /// bindings/hubspot.<env>.json, else a `${kind:name}` placeholder that
  /// DEPLOY.md says how to resolve.
  std::string deployValue(const std::string &kind, const std::string &name) {
    if (std::optional<std::string> id = ctx_.boundExternal(kind, name))
      return *id;
    placeholders_.insert({kind, name});
    return deployPlaceholder(kind, name);
  }

  BuildContext &ctx() { return ctx_; }
  const sema::Program &program() const { return program_; }

private:
  bool literalFilter(const Literal &literal, SourceRange range, json &filter);
  bool leafFilter(const sema::Cond &cond, bool negated, json &filter);
  bool compareFilter(const sema::Cond &cond, bool negated, json &filter);

  json enrolment(const sema::Flow &flow, const FlowPlan &plan, bool &ok);
  json eventTriggers(const sema::Flow &flow, json &listBranches);
  void policies(const sema::Flow &flow, json &body);
  std::string description(const sema::Flow &flow);

  json propertyAsset(const sema::Field &field, const std::string &name) const;
  json listAsset(sema::AssetRef asset);
  /// DEPLOY.md for the asset files about to be written (hubspot_deploy.cpp).
  std::string deployPlan(const std::map<std::string, std::string> &files) const;

  BuildContext &ctx_;
  const sema::Program &program_;
  std::set<uint32_t> fields_;                                  ///< fields the flows use
  std::set<uint32_t> tags_;                                    ///< tags the flows use
  std::set<std::pair<uint8_t, uint32_t>> lists_;               ///< lists and segments (kind, index)
  std::set<std::string> events_;                               ///< custom events by name
  std::set<std::pair<std::string, std::string>> placeholders_; ///< (kind, name)
  std::vector<std::string> flowFiles_;
};

/// The `actions[]` of a plan, `startActionId` and `nextAvailableActionId`
/// (hubspot_actions.cpp).
bool emitActions(HubspotEmitter &emitter, const FlowPlan &plan, json &body);

} // namespace mac::backend::hubspot
