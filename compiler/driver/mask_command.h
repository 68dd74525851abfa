// `mac mask CONTACTS.csv --salt SALT [BUNDLE] [-o FILE]`: a real contacts
// export made into stage data (contacts/mask.h, docs/stage-data.md). The salt
// is required (a usage error otherwise) and never printed.
#pragma once

#include <optional>
#include <string>

namespace mac::driver {

struct MaskCommandOptions {
  std::string contacts;              ///< the CSV to mask ("-": stdin)
  std::string salt;                  ///< empty: usage error
  std::optional<std::string> bundle; ///< its data model decides the columns
  std::string out = "-";
};

int runMask(const MaskCommandOptions &options);

} // namespace mac::driver
