// The contact data extension asset and DEPLOY.md (see sfmc_deploy.h).
#include "backends/sfmc/sfmc_deploy.h"

#include "backends/sfmc/sfmc_model.h"

namespace mac::backend::sfmc {

namespace {

using nlohmann::json;

std::string_view fieldType(sema::FieldType type) {
  switch (type) {
  case sema::FieldType::Number:
    return "Decimal";
  case sema::FieldType::Bool:
    return "Boolean";
  case sema::FieldType::Email:
    return "EmailAddress";
  case sema::FieldType::Phone:
    return "Phone";
  case sema::FieldType::DateTime:
  case sema::FieldType::Date:
    return "Date";
  default:
    return "Text";
  }
}

json column(std::string name, std::string_view type, bool nullable) {
  return {{"name", std::move(name)},
          {"fieldType", type},
          {"isNullable", nullable},
          {"isPrimaryKey", false}};
}

void membershipColumns(const BuildContext &ctx, sema::AssetKind kind, size_t count, json &fields) {
  for (uint32_t i = 0; i < count; ++i) {
    json field = column(membershipColumn(ctx, {kind, i}), "Boolean", false);
    field["defaultValue"] = "false";
    fields.push_back(field);
  }
}

} // namespace

json contactDataExtension(const BuildContext &ctx) {
  const sema::Program &program = ctx.program();
  json fields = json::array();
  json key = column("ContactKey", "Text", false);
  key["isPrimaryKey"] = true;
  fields.push_back(key);
  for (uint32_t i = 0; i < program.fields.size(); ++i) {
    const sema::Field &field = program.fields[i];
    json out = column(ctx.fieldName(sema::FieldId{i}), fieldType(field.type), field.optional);
    if (field.defaultValue)
      out["defaultValue"] = valueText(*field.defaultValue);
    fields.push_back(out);
  }
  membershipColumns(ctx, sema::AssetKind::Tag, program.tags.size(), fields);
  membershipColumns(ctx, sema::AssetKind::List, program.lists.size(), fields);
  std::string name = contactDataExtensionKey(ctx);
  return {{"customerKey", name},
          {"name", name},
          {"description",
           "Contacts of " + ctx.displayName(program.bundle) + " (" + ctx.releaseTag() + ")"},
          {"isSendable", false},
          {"fields", fields}};
}

std::string deployPlan(const BuildContext &ctx,
                       const std::vector<std::pair<std::string, const Journey *>> &journeys) {
  std::string de = contactDataExtensionKey(ctx);
  std::string md =
      "# Salesforce Marketing Cloud deploy plan: " + ctx.displayName(ctx.program().bundle) + " " +
      ctx.releaseTag() + " (" + std::string(ctx.environment().name()) + ")\n\n";
  md += "Run the steps in order, with an installed package's REST and SOAP credentials.\n\n";
  md += "1. Create the contact data extension `" + de + "` from `assets/data-extensions/" + de +
        ".json` (SOAP `Create` of a `DataExtension` with these `Fields`), and link it to "
        "Contact Key in Contact Builder as an attribute group named `" +
        de + "`, so decisions can read `Contact.Attribute." + de + ".*`.\n";
  md += "2. In every file below, replace `deploy:dataExtensionId:" + de +
        "` with the new data extension's id, and each `deploy:secret:NAME` with the secret "
        "NAME from your secret store (never commit the result).\n";
  md += "3. Create each entry event: `POST /interaction/v1/eventDefinitions` with the body of "
        "`assets/event-definitions/<key>.json`.\n";
  md += "4. Create each journey: `POST /interaction/v1/interactions` with the body of "
        "`flows/<flow>.json`, then publish it: `POST "
        "/interaction/v1/interactions/publishAsync/{id}?versionNumber=1`.\n";
  md += "5. Wire the entry sources: each must call `POST /interaction/v1/events` with "
        "`{\"ContactKey\": ..., \"EventDefinitionKey\": ..., \"Data\": {...}}` when:\n\n";
  md += "| journey | flows file | EventDefinitionKey | fire when |\n|---|---|---|---|\n";
  for (const auto &[flow, journey] : journeys) {
    std::string when;
    for (const std::string &source : journey->entry.sources)
      when += (when.empty() ? "" : "; ") + source;
    md += "| " + journey->body["name"].get<std::string>() + " | `flows/" + flow + ".json` | `" +
          journey->entry.eventDefinition["eventDefinitionKey"].get<std::string>() + "` | " + when +
          " |\n";
  }
  md += "\nA scheduled entry (`AutomationAudience`) needs no call: Journey Builder reads the "
        "data extension on its schedule.\n";
  return md;
}

} // namespace mac::backend::sfmc
