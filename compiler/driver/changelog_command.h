// `mac changelog [BUNDLE] [--file CHANGELOG.md] [--date D]`: prepend the
// entry of the bundle's current release (`## LI-2.5.0 — minor (date)`, then
// Added / Removed / Changed / Compliance / Migration notes) to the changelog,
// computed by the semantic diff against the newest snapshot of an earlier
// version (against nothing for a first release). Idempotent: a changelog
// that already has an entry for the tag is left alone. Refuses a bundle with
// errors, without a release tag (MAC6003) or whose version does not cover
// its changes (MAC6001/MAC6002). The file is replaced atomically.
#pragma once

#include <string>

namespace mac::driver {

struct ChangelogOptions {
  std::string path = ".";
  std::string file;     ///< empty: BUNDLE/CHANGELOG.md
  std::string date;     ///< as `mac build --date`
  std::string releases; ///< empty: BUNDLE/releases
  bool color = false;
};

int runChangelog(const ChangelogOptions &options);

} // namespace mac::driver
