# Sourced by the build and test scripts: the two configurations of mac, each
# in one place so that every script configures a build directory identically
# (a different flag would make CMake rebuild everything).
#
# configure_release DIR    gcc, -O2 without debug information: what
#                          run-example.sh and test.sh build and test (debug
#                          information makes the build about a third slower
#                          and no test needs it; build RelWithDebInfo yourself
#                          to profile).
# configure_sanitized DIR  clang-14 with AddressSanitizer, UndefinedBehavior-
#                          Sanitizer and libFuzzer coverage (-DMAC_FUZZ=ON):
#                          one build serves the whole test suite under the
#                          sanitizers and the fuzz targets (docs/fuzzing.md).
configure_release() {
  cmake -S "$MAC_ROOT" -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" "-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG" >/dev/null
}

configure_sanitized() {
  cmake -S "$MAC_ROOT" -B "$1" -G Ninja -DMAC_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" >/dev/null
}

MAC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
