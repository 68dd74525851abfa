// Reporting and small helpers shared by the platform importers (see
// import_context.h).
#include "importers/import_context.h"

#include <regex>

namespace mac::importer {

void ImportContext::shape(const std::string &pointer, const std::string &expected) {
  diags_.report(diag::Code::ImportUnexpectedShape, locate(sources_, file_->file, pointer),
                file_->path, pointer.empty() ? "/" : pointer, expected);
}

std::vector<std::string> ImportContext::keep(const std::string &pointer, const std::string &what,
                                             const std::string &why, const std::string &where) {
  diags_.report(diag::Code::ImportKeptAsComment, locate(sources_, file_->file, pointer), what,
                where, why);
  std::vector<std::string> lines = {"IMPORT: " + what + " (" + file_->path + "#" + pointer +
                                    "): " + why};
  if (const json *value = at(pointer)) {
    std::string dump = value->dump();
    if (dump.size() > 160)
      dump = dump.substr(0, 157) + "...";
    lines.push_back("IMPORT:   " + dump);
  }
  return lines;
}

void ImportContext::approximated(const std::string &pointer, const std::string &what,
                                 const std::string &how) {
  diags_.report(diag::Code::ImportApproximated, locate(sources_, file_->file, pointer), what, how);
}

const json *ImportContext::at(const std::string &pointer) const {
  json::json_pointer parsed(pointer);
  return file_->value.contains(parsed) ? &file_->value.at(parsed) : nullptr;
}

std::string text(const json &object, const char *key) {
  if (!object.is_object() || !object.contains(key))
    return {};
  const json &value = object[key];
  if (value.is_string())
    return value.get<std::string>();
  if (value.is_number_integer())
    return std::to_string(value.get<int64_t>());
  if (value.is_number())
    return value.dump();
  if (value.is_boolean())
    return value.get<bool>() ? "true" : "false";
  return {};
}

std::pair<std::string, std::string> splitPrefix(const std::string &display) {
  static const std::regex prefix("^([A-Z]{2,5})( \u2014 | \u2013 | - |: | )(.+)$");
  std::smatch match;
  if (std::regex_match(display, match, prefix))
    return {match[1].str() + match[2].str(), match[3].str()};
  return {"", display};
}

std::string envOfPrefix(const std::string &prefix) {
  std::string token;
  for (char c : prefix)
    if (c >= 'A' && c <= 'Z')
      token += static_cast<char>(c - 'A' + 'a');
    else
      break;
  if (token == "stg")
    return "stage";
  if (token == "prd")
    return "prod";
  return token;
}

} // namespace mac::importer
