// MAC4001 undefined-variable: a placeholder that names neither a declared
// field nor a built-in (`unsubscribe_url`, `view_in_browser_url`,
// `owner_name`), with the closest name as a fix; and a `{{` that does not
// start a placeholder at all (never closed, or not `name | filter: 'x'`).
#include "analyzer/check.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"
#include "compiler/sema/names.h"

#include <algorithm>

namespace mac::analyzer {

namespace {

class UndefinedVariableCheck final : public Check {
public:
  std::string_view name() const override { return "undefined-variable"; }

  void run(CheckContext &ctx) override {
    const sema::Program &program = ctx.program();
    std::vector<std::string_view> candidates(TemplateModel::builtins());
    for (const sema::Field &field : program.fields)
      candidates.push_back(field.name);
    const TemplateModel &model = ctx.get<TemplateModel>();
    for (const TemplateText &text : model.texts()) {
      for (const PlaceholderProblem &problem : text.problems) {
        std::string_view written =
            std::string_view(text.text->value).substr(problem.begin, problem.end - problem.begin);
        model.noteOrigin(text, ctx.diags().report(diag::Code::UndefinedVariable, problem.range,
                                                  shownInMessage(written), problem.detail));
      }
      for (const Placeholder &placeholder : text.placeholders)
        if (!isKnown(program, placeholder.name))
          reportUnknown(ctx, model, text, placeholder, candidates);
    }
  }

private:
  static bool isKnown(const sema::Program &program, std::string_view name) {
    auto found = program.names.find(name);
    if (found != program.names.end() && found->second.kind == sema::AssetKind::Field)
      return true;
    const auto &builtins = TemplateModel::builtins();
    return std::find(builtins.begin(), builtins.end(), name) != builtins.end();
  }

  static void reportUnknown(CheckContext &ctx, const TemplateModel &model, const TemplateText &text,
                            const Placeholder &placeholder,
                            const std::vector<std::string_view> &candidates) {
    std::optional<std::string> closest = sema::closestName(placeholder.name, candidates);
    diag::Diagnostic &d =
        ctx.diags().report(diag::Code::UndefinedVariable, placeholder.nameRange, placeholder.name,
                           "names no field or built-in" + sema::didYouMean(closest));
    model.noteOrigin(text, d);
    if (closest)
      d.fixes.push_back({"replace with `" + *closest + "`", {{placeholder.nameRange, *closest}}});
  }
};

} // namespace

std::unique_ptr<Check> createUndefinedVariableCheck() {
  return std::make_unique<UndefinedVariableCheck>();
}

} // namespace mac::analyzer
