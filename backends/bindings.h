// Bindings: `bindings/<target>.<env>.json` in the bundle maps identifiers to
// the platform's own ids, one object per asset kind:
//   {"email": {"welcome": "1234"}, "list": {"do_not_contact": "42"}}
// A missing file is an empty binding set (every reference is then MAC7003);
// a file that is not such an object is MAC7004, pointing into the file.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <map>
#include <optional>
#include <string>

namespace mac::backend {

class Bindings {
public:
  /// Reads `<root>/bindings/<target>.<env>.json`, registering it with
  /// `sources` so that problems (and the manifest) can name it.
  static Bindings load(const std::string &root, std::string_view target, std::string_view env,
                       SourceManager &sources, diag::Engine &diags);

  /// The id bound to `name` of `kind` ("email", "list", …), if any.
  std::optional<std::string> find(std::string_view kind, std::string_view name) const;
  /// The file's display path, e.g. "bindings/hubspot.prod.json"; empty when absent.
  const std::string &path() const { return path_; }
  FileId file() const { return file_; }

private:
  std::string path_;
  FileId file_;
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> ids_;
};

} // namespace mac::backend
