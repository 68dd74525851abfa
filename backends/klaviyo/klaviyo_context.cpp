// KlaviyoContext (see klaviyo_context.h). Klaviyo needs ids for things that
// are not assets of the bundle: the metric behind each `on event` and
// `on form_submitted`, and the address behind each `notify` channel. They
// come from the same bindings file (`"metric"`, `"form"`, `"alert"` kinds),
// through BuildContext::externalId.
#include "backends/klaviyo/klaviyo_context.h"

namespace mac::backend::klaviyo {

KlaviyoContext::KlaviyoContext(BuildContext &buildContext)
    : ctx(buildContext), program(buildContext.program()) {}

std::string KlaviyoContext::extraId(std::string_view kind, const std::string &name,
                                    SourceRange use) {
  return ctx.externalId(kind, name, use);
}

std::string KlaviyoContext::assetId(sema::AssetRef asset, SourceRange use, std::string_view what) {
  std::string id = ctx.platformId(asset, use);
  const sema::Declared &decl = program.declared(asset);
  require({std::string(what), decl.name, id, ctx.displayName(decl)});
  return id;
}

} // namespace mac::backend::klaviyo
