// The version of mac, from the CMake project version.
#pragma once

namespace mac::driver {
inline constexpr const char *kVersion = MAC_VERSION;
} // namespace mac::driver
