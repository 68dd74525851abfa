// MAC_ASSERT: an internal invariant. A failure is a bug in mac, never a user
// mistake (those are diagnostics); it prints where and aborts.
#pragma once

#include <cstdio>
#include <cstdlib>

#define MAC_ASSERT(cond, msg)                                                                      \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      std::fprintf(stderr, "mac: internal error: %s (%s:%d): %s\n", #cond, __FILE__, __LINE__,    \
                   msg);                                                                           \
      std::abort();                                                                                \
    }                                                                                              \
  } while (0)
