// Semantic versions: see semver.h.
#include "compiler/base/semver.h"

#include <charconv>
#include <vector>

namespace mac {
namespace {

std::optional<unsigned> number(std::string_view text) {
  if (text.empty() || (text.size() > 1 && text[0] == '0'))
    return std::nullopt;
  unsigned value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t dot; (dot = text.find(separator, start)) != std::string_view::npos; start = dot + 1)
    parts.push_back(text.substr(start, dot - start));
  parts.push_back(text.substr(start));
  return parts;
}

bool isNumeric(std::string_view part) {
  return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
}

/// SemVer §11.4: identifiers compared one by one, numbers numerically and
/// below text; a shorter list of equal prefix sorts first.
std::strong_ordering comparePrerelease(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty())
    return a.empty() <=> b.empty(); // a release (empty) sorts after a pre-release
  auto left = split(a, '.'), right = split(b, '.');
  for (size_t i = 0; i < left.size() && i < right.size(); ++i) {
    bool ln = isNumeric(left[i]), rn = isNumeric(right[i]);
    if (ln && rn) {
      if (left[i].size() != right[i].size())
        return left[i].size() <=> right[i].size();
    } else if (ln != rn) {
      return ln ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    if (auto order = left[i].compare(right[i]); order != 0)
      return order <=> 0;
  }
  return left.size() <=> right.size();
}

} // namespace

std::string_view bumpName(Bump bump) {
  switch (bump) {
  case Bump::None:
    return "none";
  case Bump::Patch:
    return "patch";
  case Bump::Minor:
    return "minor";
  case Bump::Major:
    return "major";
  }
  return "none";
}

std::optional<SemVer> SemVer::parse(std::string_view text) {
  SemVer version;
  if (size_t dash = text.find('-'); dash != std::string_view::npos) {
    version.prerelease = std::string(text.substr(dash + 1));
    text = text.substr(0, dash);
    for (std::string_view part : split(version.prerelease, '.'))
      if (part.empty() ||
          part.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz"
                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ-") != std::string_view::npos)
        return std::nullopt;
  }
  auto parts = split(text, '.');
  if (parts.size() != 3)
    return std::nullopt;
  auto major = number(parts[0]), minor = number(parts[1]), patch = number(parts[2]);
  if (!major || !minor || !patch)
    return std::nullopt;
  version.major = *major;
  version.minor = *minor;
  version.patch = *patch;
  return version;
}

std::string SemVer::str() const {
  std::string text =
      std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  return prerelease.empty() ? text : text + "-" + prerelease;
}

std::strong_ordering SemVer::operator<=>(const SemVer &other) const {
  if (auto order = major <=> other.major; order != 0)
    return order;
  if (auto order = minor <=> other.minor; order != 0)
    return order;
  if (auto order = patch <=> other.patch; order != 0)
    return order;
  return comparePrerelease(prerelease, other.prerelease);
}

Bump bumpBetween(const SemVer &from, const SemVer &to) {
  if (!(from < to))
    return Bump::None;
  if (to.major != from.major)
    return Bump::Major;
  if (to.minor != from.minor)
    return from.major == 0 ? Bump::Major : Bump::Minor;
  // 2.4.1-pre.1 -> 2.4.1 releases what the pre-release already announced: its
  // step is the one from the last release, which the caller cannot see here;
  // treat a step inside the same MAJOR.MINOR.PATCH as a patch.
  return Bump::Patch;
}

SemVer bumped(const SemVer &from, Bump bump) {
  // A pre-release of X.Y.Z already announces its step: releasing X.Y.Z is
  // enough when X.Y.Z is itself at least that step (X.0.0 for major, X.Y.0
  // for minor).
  bool pre = !from.prerelease.empty();
  SemVer next{from.major, from.minor, from.patch, ""};
  switch (bump) {
  case Bump::None:
    return from;
  case Bump::Patch:
    if (!pre)
      ++next.patch;
    return next;
  case Bump::Minor:
    if (!(pre && from.patch == 0))
      next = {from.major, from.minor + 1, 0, ""};
    return next;
  case Bump::Major:
    if (!(pre && from.patch == 0 && from.minor == 0))
      next = {from.major + 1, 0, 0, ""};
    return next;
  }
  return next;
}

} // namespace mac
