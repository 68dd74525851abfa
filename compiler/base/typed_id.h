// Typed indices into the vectors of the semantic model: an Id<Field> cannot be
// passed where an Id<List> is expected, and both cost one integer.
#pragma once

#include <cstdint>
#include <functional>

namespace mac {

template <class Tag> struct Id {
  uint32_t value = UINT32_MAX;
  bool isValid() const { return value != UINT32_MAX; }
  explicit operator bool() const { return isValid(); }
  friend bool operator==(Id a, Id b) { return a.value == b.value; }
  friend bool operator!=(Id a, Id b) { return a.value != b.value; }
  friend bool operator<(Id a, Id b) { return a.value < b.value; }
};

} // namespace mac

template <class Tag> struct std::hash<mac::Id<Tag>> {
  size_t operator()(mac::Id<Tag> id) const noexcept { return std::hash<uint32_t>()(id.value); }
};
