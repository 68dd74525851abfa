// MAC4001 undefined-variable: a placeholder that names neither a declared
// field nor a built-in (`unsubscribe_url`, `view_in_browser_url`,
// `owner_name`), with the closest name as a fix; and a `{{` that does not
// start a placeholder at all (never closed, or not `name | filter: 'x'`).
#include "analyzer/check.h"
#include "analyzer/template_edits.h"
#include "analyzer/template_model.h"
#include "compiler/sema/names.h"

#include <algorithm>
#include <unordered_map>

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
        if (!known(program, placeholder.name))
          reportUnknown(ctx, model, text, placeholder, closest(placeholder.name, candidates));
    }
  }

private:
  std::unordered_map<std::string, std::optional<std::string>> closest_;
  std::unordered_map<std::string, bool> known_;

  /// isKnown, once per distinct name (texts repeat the same few names).
  bool known(const sema::Program &program, const std::string &name) {
    auto [it, added] = known_.try_emplace(name, false);
    if (added)
      it->second = isKnown(program, name);
    return it->second;
  }

  static bool isKnown(const sema::Program &program, std::string_view name) {
    auto found = program.names.find(name);
    if (found != program.names.end() && found->second.kind == sema::AssetKind::Field)
      return true;
    const auto &builtins = TemplateModel::builtins();
    return std::find(builtins.begin(), builtins.end(), name) != builtins.end();
  }

  /// sema::closestName, once per distinct unknown name. Only candidates
  /// whose length is within the edit-distance limit can be the answer (the
  /// distance is at least the difference in length; a match in another case
  /// has the same length), so the others are not compared at all.
  const std::optional<std::string> &closest(const std::string &name,
                                            const std::vector<std::string_view> &candidates) {
    auto [known, added] = closest_.try_emplace(name);
    if (!added)
      return known->second;
    size_t limit = std::max<size_t>(1, name.size() / 3);
    std::vector<std::string_view> near;
    for (std::string_view candidate : candidates)
      if (candidate.size() + limit >= name.size() && candidate.size() <= name.size() + limit)
        near.push_back(candidate);
    known->second = sema::closestName(name, near);
    return known->second;
  }

  static void reportUnknown(CheckContext &ctx, const TemplateModel &model, const TemplateText &text,
                            const Placeholder &placeholder,
                            const std::optional<std::string> &closest) {
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
