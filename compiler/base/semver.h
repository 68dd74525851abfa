// Semantic versions as the language writes them (`version 2.4.1;`, with an
// optional `-pre.1` suffix): parsing, ordering (SemVer 2.0.0 precedence: a
// pre-release sorts before its release) and the size of the step from one
// version to the next, which the semver gate compares with the change.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace mac {

/// How big a version step, or the step a change needs, is.
enum class Bump : uint8_t { None, Patch, Minor, Major };
std::string_view bumpName(Bump bump); ///< "none", "patch", "minor", "major"

struct SemVer {
  unsigned major = 0, minor = 0, patch = 0;
  std::string prerelease; ///< after '-', e.g. "pre.1"; empty for a release

  /// Parses MAJOR.MINOR.PATCH[-PRERELEASE]; nullopt when malformed.
  static std::optional<SemVer> parse(std::string_view text);
  std::string str() const;
  /// SemVer precedence (build metadata is not part of the language).
  std::strong_ordering operator<=>(const SemVer &other) const;
  bool operator==(const SemVer &other) const = default;
};

/// The step from `from` to `to`: Major when the major number grew, Minor when
/// the minor did, Patch when only the patch or pre-release moved forward,
/// None when `to` is not greater than `from`. While major is 0 (initial
/// development, SemVer §4) a minor step counts as a major one.
Bump bumpBetween(const SemVer &from, const SemVer &to);
/// The smallest version after `from` that makes a step of `bump`.
SemVer bumped(const SemVer &from, Bump bump);

} // namespace mac
