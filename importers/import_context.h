// What every platform importer shares while it reads one input file: the
// bundle being assembled, the file, and the three ways to report
// (MAC9002 wrong shape, MAC9003 kept as a comment, MAC9004 approximated),
// each pointing at a JSON pointer in the platform's file.
#pragma once

#include "importers/bundle_model.h"
#include "importers/json_input.h"

#include <map>
#include <string>
#include <vector>

namespace mac::importer {

class ImportContext {
public:
  ImportContext(BundleModel &model, SourceManager &sources, diag::Engine &diags)
      : model_(model), sources_(sources), diags_(diags) {}

  BundleModel &model() { return model_; }
  ast::Arena &arena() { return model_.arena(); }
  const JsonFile &file() const { return *file_; }
  void setFile(const JsonFile &file) { file_ = &file; }
  bool hasErrors() const { return diags_.hasErrors(); }

  /// MAC9002: the value at `pointer` is not what the platform returns.
  void shape(const std::string &pointer, const std::string &expected);
  /// MAC9003: `what` at `pointer` has no Flow equivalent. Returns the comment
  /// lines to put where it stood (what, and the platform's JSON, shortened).
  std::vector<std::string> keep(const std::string &pointer, const std::string &what,
                                const std::string &why, const std::string &where);
  /// MAC9004: `what` at `pointer` was imported with a different meaning.
  void approximated(const std::string &pointer, const std::string &what, const std::string &how);

  /// The value at `pointer` of the current file, or null.
  const json *at(const std::string &pointer) const;

  /// Definitions that other files name by key, read from every input file
  /// before the flows (SFMC entry event definitions by `eventDefinitionKey`).
  std::map<std::string, json> &definitions() { return definitions_; }

  /// A flow that later files of the same import continue (Klaviyo's
  /// one-flow-per-trigger copies of one Flow flow), by a platform's key:
  /// the flow, the definition it was read from, and the number of the copy
  /// each of its triggers came from (to keep them in order).
  struct Continued {
    ast::FlowDecl *flow = nullptr;
    json definition;
    std::vector<int> triggerNumbers;
  };
  std::map<std::string, Continued> &continued() { return continued_; }

private:
  BundleModel &model_;
  SourceManager &sources_;
  diag::Engine &diags_;
  const JsonFile *file_ = nullptr;
  std::map<std::string, json> definitions_;
  std::map<std::string, Continued> continued_;
};

/// A string member of `object`, or "" (numbers are written as text).
std::string text(const json &object, const char *key);

/// Splits a display name into an environment prefix and the rest:
/// "STG — Lead Intake" → {"STG — ", "Lead Intake"}; {"", name} when none.
std::pair<std::string, std::string> splitPrefix(const std::string &display);
/// The environment a prefix's token names: DEV → dev, STG → stage, PRD → prod.
std::string envOfPrefix(const std::string &prefix);

} // namespace mac::importer
