// What identifies the running build of mac, for the parse cache's keys: two
// builds that parse differently must never share entries, even when they
// carry the same version number (a developer's rebuilds, another parser).
#pragma once

#include <string>

namespace mac::cache {

/// The executable's GNU build id (a hash the linker computes over the
/// program's contents), as hex; without one, the executable's path, size and
/// modification time; without those, "unknown" (entries then depend on the
/// version alone). Computed once.
const std::string &buildIdentity();

} // namespace mac::cache
