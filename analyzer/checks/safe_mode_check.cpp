// MAC5005 safe-mode-missing: a non-production environment without
// `safe_mode` sends to real contacts. When another environment of the bundle
// already restricts sends to an audience, the fix adds the same `safe_mode`.
#include "analyzer/check.h"
#include "analyzer/decl_edits.h"
#include "analyzer/environment_model.h"

namespace mac::analyzer {

namespace {

class SafeModeCheck final : public Check {
public:
  std::string_view name() const override { return "safe-mode-missing"; }

  void run(CheckContext &ctx) override {
    const EnvironmentModel &model = ctx.get<EnvironmentModel>();
    const Environment *example = nullptr;
    for (const Environment &env : model.environments())
      if (!example && env.safeMode().isValid())
        example = &env;
    for (const Environment &env : model.environments()) {
      if (env.production || env.safeMode().isValid())
        continue;
      diag::Diagnostic &d =
          ctx.diags().report(diag::Code::SafeModeMissing, env.decl->nameRange, env.name());
      if (!example)
        continue;
      const std::string &audience = ctx.program().declared(example->safeMode()).name;
      if (auto edit = insertBeforeClosingBrace(ctx.sources(), env.decl->range,
                                               "safe_mode " + audience + ";"))
        d.fixes.push_back(
            {"send only to `" + audience + "`, like `" + std::string(example->name()) + "`",
             {*edit}});
    }
  }
};

} // namespace

std::unique_ptr<Check> createSafeModeCheck() { return std::make_unique<SafeModeCheck>(); }

} // namespace mac::analyzer
