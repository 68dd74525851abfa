// identifierFrom and NameTable (see names.h).
#include "importers/names.h"

#include <cctype>

namespace mac::importer {

std::string identifierFrom(std::string_view text, std::string_view fallback) {
  static const std::set<std::string, std::less<>> reserved = {"and", "else", "false", "if",  "in",
                                                              "is",  "not",  "or",    "true"};
  std::string out;
  bool gap = false;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80) {
      if (gap && !out.empty())
        out += '_';
      out += static_cast<char>(std::tolower(c));
      gap = false;
    } else {
      gap = true;
    }
  }
  if (out.empty())
    return std::string(fallback);
  if (std::isdigit(static_cast<unsigned char>(out.front())))
    out = std::string(fallback) + "_" + out;
  if (reserved.count(out))
    out += "_value";
  return out;
}

std::string NameTable::name(const std::string &key, const std::string &wanted) {
  auto found = byKey_.find(key);
  if (found != byKey_.end())
    return found->second;
  std::string name = wanted;
  for (int n = 2; taken_.count(name); ++n)
    name = wanted + "_" + std::to_string(n);
  taken_.insert(name);
  byKey_[key] = name;
  return name;
}

std::string NameTable::find(const std::string &key) const {
  auto found = byKey_.find(key);
  return found == byKey_.end() ? std::string() : found->second;
}

} // namespace mac::importer
