// Readable identifiers for imported assets. Platforms name things with
// display names ("Lead Intake — DEV", "Tag: Inbound") or ids; Flow needs
// lower_snake identifiers that are unique in the bundle's one namespace.
// `identifierFrom` makes one from any text; a NameTable hands out unique
// names deterministically: the first asset to ask for a name gets it, later
// ones get `_2`, `_3`, … in the order they are met (input order).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace mac::importer {

/// `text` as a lower_snake identifier: letters and digits kept (ASCII,
/// lower-cased), every other run one `_`; `fallback` when nothing is left;
/// prefixed by `fallback_` when it would start with a digit; suffixed by
/// `_value` when it is a reserved word of the language (`if`, `and`, …).
std::string identifierFrom(std::string_view text, std::string_view fallback);

class NameTable {
public:
  /// The unique name for the asset `key` (kind and platform id) wanted as
  /// `wanted`; the same key always gets the same name.
  std::string name(const std::string &key, const std::string &wanted);
  /// The name given to `key`, or "" when none was.
  std::string find(const std::string &key) const;

private:
  std::map<std::string, std::string> byKey_;
  std::set<std::string> taken_;
};

} // namespace mac::importer
