// The standard library modules (stdlib/std/*.flow), embedded in the binary at
// build time by cmake/embed_stdlib.cmake so `use std.NAME;` needs no install path.
#pragma once

#include <span>
#include <string_view>

namespace mac::sema {

struct StdlibModule {
  std::string_view name; ///< "std.tcpa"
  std::string_view path; ///< "std/tcpa.flow"
  std::string_view text;
};

std::span<const StdlibModule> stdlibModules();

} // namespace mac::sema
