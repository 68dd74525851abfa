// MAC4002 missing-fallback: a placeholder of an optional field (`text?`)
// without a `default:` fallback, so an empty field leaves a hole such as
// "Hi ,". A note points at the field's declaration.
#include "analyzer/check.h"
#include "analyzer/template_model.h"

namespace mac::analyzer {

namespace {

class MissingFallbackCheck final : public Check {
public:
  std::string_view name() const override { return "missing-fallback"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (const TemplateText &text : model.texts())
      for (const Placeholder &placeholder : text.placeholders) {
        if (placeholder.fallback()) // never a finding: no need to look the name up
          continue;
        auto found = program.names.find(placeholder.name);
        if (found == program.names.end() || found->second.kind != sema::AssetKind::Field)
          continue;
        const sema::Field &field = program.fields[found->second.index];
        if (!field.optional || placeholder.fallback())
          continue;
        diag::Diagnostic &d =
            ctx.diags().report(diag::Code::MissingFallback, placeholder.range, placeholder.name);
        d.notes.push_back({"`" + field.name + "` is declared optional here", field.nameRange});
        model.noteOrigin(text, d);
      }
  }
};

} // namespace

std::unique_ptr<Check> createMissingFallbackCheck() {
  return std::make_unique<MissingFallbackCheck>();
}

} // namespace mac::analyzer
