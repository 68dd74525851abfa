// Reading the platforms' JSON for `mac import`: a file is registered with the
// SourceManager (so diagnostics can point into it), parsed without
// exceptions, and a malformed file is MAC9001 at the byte where parsing
// failed. `locate` finds the byte range of a JSON pointer in the text, so
// that "wrong shape" (MAC9002) and "kept as a comment" (MAC9003) name the
// exact place in the platform's file.
#pragma once

#include "compiler/diag/engine.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace mac::importer {

using nlohmann::json;

/// One input file, parsed.
struct JsonFile {
  FileId file;
  std::string path; ///< as given on the command line
  json value;
};

/// Reads and parses `path`. An unreadable file or malformed JSON is MAC9001
/// (with the position of the error); returns nullopt then.
std::optional<JsonFile> loadJson(const std::string &path, SourceManager &sources,
                                 diag::Engine &diags);

/// The byte range of the value at `pointer` (a JSON pointer such as
/// "/actions/3/fields") in the text of `file`, or the whole first byte when
/// the pointer does not resolve.
SourceRange locate(const SourceManager &sources, FileId file, std::string_view pointer);

} // namespace mac::importer
