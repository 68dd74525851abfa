// Shared call shapes and setting checks (see calls.h).
#include "backends/checklist/calls.h"

namespace mac::backend::checklist {

std::string placeholder(std::string_view name) { return "{{" + std::string(name) + "}}"; }

nlohmann::json apiCall(std::string_view operation, std::string_view method, std::string path,
                       std::optional<nlohmann::json> body) {
  nlohmann::json call = {{"operation", operation}, {"method", method}, {"path", std::move(path)}};
  if (body)
    call["body"] = std::move(*body);
  return call;
}

nlohmann::json parameter(std::string_view type, std::string_view description) {
  return {{"type", type}, {"description", description}};
}

std::string flowId(BuildContext &ctx, sema::FlowId flow) {
  const sema::Flow &decl = ctx.program().flows[flow.value];
  return ctx.platformId(sema::AssetRef{sema::AssetKind::Flow, flow.value}, decl.nameRange);
}

void checkDedupe(BuildContext &ctx, const sema::Flow &flow, bool phoneIsKey,
                 std::string_view platform) {
  for (sema::FieldId field : flow.dedupe) {
    sema::FieldType type = ctx.program().field(field).type;
    if (type == sema::FieldType::Email || (phoneIsKey && type == sema::FieldType::Phone))
      continue;
    ctx.approximated(flow.nameRange, Construct::Dedupe,
                     std::string(platform) + " keeps one contact per email address" +
                         (phoneIsKey ? " or phone number" : "") +
                         " and cannot prevent duplicates by `" + ctx.program().field(field).name +
                         "`");
  }
}

} // namespace mac::backend::checklist
