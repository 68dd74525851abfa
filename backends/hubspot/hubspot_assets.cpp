// What the flows need before they can be created, and the deploy plan.
//  - assets/properties/<name>.json: `POST /crm/v3/properties/contacts` bodies
//    for every unbound field the flows read or write (HubSpot's own standard
//    contact properties are left out) and one single-checkbox property per tag
//    (`mac_tag_<identifier>`, HubSpot has no tags);
//  - assets/lists/<name>.json: `POST /crm/v3/lists` bodies, MANUAL for
//    lists, DYNAMIC (an active list with the segment's filters) for segments;
//  - assets/events/<name>.json: `POST /events/v3/event-definitions` bodies
//    for the custom events the flows wait for or are triggered by;
//  - DEPLOY.md: the calls in order, and every `${kind:name}` placeholder
//    the operator resolves before creating the flows.
#include "backends/hubspot/hubspot.h"

#include "backends/json_output.h"

namespace mac::backend::hubspot {

namespace {

/// Standard HubSpot contact properties: bound or not, never re-created.
bool standardProperty(std::string_view name) {
  static const std::set<std::string_view> names = {
      "email",   "phone",    "mobilephone",    "firstname",      "lastname",
      "company", "website",  "city",           "state",          "country",
      "zip",     "jobtitle", "lifecyclestage", "hs_lead_status", "hubspot_owner_id"};
  return names.count(name) > 0;
}

json boolOptions() {
  return json::array({{{"label", "Yes"}, {"value", "true"}, {"displayOrder", 0}},
                      {{"label", "No"}, {"value", "false"}, {"displayOrder", 1}}});
}

std::pair<const char *, const char *> propertyType(sema::FieldType type) {
  switch (type) {
  case sema::FieldType::Number:
    return {"number", "number"};
  case sema::FieldType::Bool:
    return {"bool", "booleancheckbox"};
  case sema::FieldType::Phone:
    return {"string", "phonenumber"};
  case sema::FieldType::DateTime:
    return {"datetime", "date"};
  case sema::FieldType::Date:
    return {"date", "date"};
  case sema::FieldType::Enum:
    return {"enumeration", "select"};
  default:
    return {"string", "text"};
  }
}

} // namespace

std::string HubspotEmitter::property(sema::FieldId field) {
  fields_.insert(field.value);
  return ctx_.fieldName(field);
}

std::string HubspotEmitter::tagProperty(sema::TagId tag) {
  tags_.insert(tag.value);
  const sema::Tag &decl = program_.tags[tag.value];
  return ctx_.boundId({sema::AssetKind::Tag, tag.value}).value_or("mac_tag_" + decl.name);
}

std::string HubspotEmitter::listId(sema::AssetRef asset, SourceRange use) {
  lists_.insert({static_cast<uint8_t>(asset.kind), asset.index});
  return ctx_.platformId(asset, use);
}

std::string HubspotEmitter::tokens(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{", pos),
           close = open == std::string_view::npos ? open : text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      out += text.substr(pos);
      return out;
    }
    out += text.substr(pos, open - pos);
    std::string_view inner = text.substr(open + 2, close - open - 2);
    size_t bar = inner.find('|');
    std::string_view name = inner.substr(0, bar);
    while (!name.empty() && name.front() == ' ')
      name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ')
      name.remove_suffix(1);
    auto it = program_.names.find(name);
    std::string token = it != program_.names.end() && it->second.kind == sema::AssetKind::Field
                            ? "enrolled_object." + property(sema::FieldId{it->second.index})
                            : std::string(name);
    std::string fallback;
    if (bar != std::string_view::npos) {
      std::string_view rest = inner.substr(bar);
      size_t q1 = rest.find('\''), q2 = q1 == rest.npos ? q1 : rest.find('\'', q1 + 1);
      if (q2 != rest.npos)
        fallback = "|default('" + std::string(rest.substr(q1 + 1, q2 - q1 - 1)) + "')";
    }
    out += "{{ " + token + fallback + " }}";
    pos = close + 2;
  }
}

json HubspotEmitter::propertyAsset(const sema::Field &field, const std::string &name) const {
  auto [type, fieldType] = propertyType(field.type);
  json body = {{"name", name},
               {"label", field.display},
               {"type", type},
               {"fieldType", fieldType},
               {"groupName", "contactinformation"}};
  if (field.type == sema::FieldType::Bool)
    body["options"] = boolOptions();
  if (field.type == sema::FieldType::Enum) {
    json options = json::array();
    for (size_t i = 0; i < field.enumValues.size(); ++i)
      options.push_back(
          {{"label", field.enumValues[i]}, {"value", field.enumValues[i]}, {"displayOrder", i}});
    body["options"] = std::move(options);
  }
  return body;
}

json HubspotEmitter::listAsset(sema::AssetRef asset) {
  const sema::Declared &decl = program_.declared(asset);
  json body = {{"name", ctx_.displayName(decl)},
               {"objectTypeId", kContactObjectTypeId},
               {"processingType", "MANUAL"}};
  if (asset.kind != sema::AssetKind::Segment)
    return body;
  body["processingType"] = "DYNAMIC";
  const sema::Segment &segment = program_.segments[asset.index];
  FlagResolver::Resolved where = ctx_.flags().resolve(segment.where);
  json branch;
  if (where.constant)
    branch = constantBranch(*where.constant);
  else if (!filterBranch(where.condition, program_.cond(segment.where).range, branch))
    branch = constantBranch(false);
  body["filterBranch"] = std::move(branch);
  return body;
}

void HubspotEmitter::assets(OutputSink &out) {
  std::map<std::string, std::string> files;
  auto write = [&](const std::string &path, const json &body) {
    files[path] = prettyJson(body) + "\n";
  };
  // Lists first: a segment's filters may name more properties.
  for (const auto &[kind, index] : std::set(lists_)) {
    sema::AssetRef ref{static_cast<sema::AssetKind>(kind), index};
    write("assets/lists/" + program_.declared(ref).name + ".json", listAsset(ref));
  }
  for (uint32_t index : fields_) {
    // A bound field names a property that exists already.
    std::string name = ctx_.fieldName(sema::FieldId{index});
    if (name == program_.fields[index].name && !standardProperty(name))
      write("assets/properties/" + name + ".json", propertyAsset(program_.fields[index], name));
  }
  for (uint32_t index : tags_) {
    const sema::Tag &tag = program_.tags[index];
    if (ctx_.boundId({sema::AssetKind::Tag, index}))
      continue; // a bound tag names an existing single-checkbox property
    std::string name = tagProperty(sema::TagId{index});
    json body = {{"name", name},
                 {"label", "Tag: " + tag.display},
                 {"type", "bool"},
                 {"fieldType", "booleancheckbox"},
                 {"groupName", "contactinformation"},
                 {"options", boolOptions()}};
    write("assets/properties/" + name + ".json", body);
  }
  for (const std::string &event : events_)
    write("assets/events/" + event + ".json", {{"name", event},
                                               {"label", event},
                                               {"primaryObject", "CONTACT"},
                                               {"propertyDefinitions", json::array()}});
  std::string plan = deployPlan(files);
  for (auto &[path, contents] : files)
    out.write(path, std::move(contents));
  out.write("DEPLOY.md", std::move(plan));
}

} // namespace mac::backend::hubspot
