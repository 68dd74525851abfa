#!/usr/bin/env bash
# The sanitizer gate for CI: builds mac with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc, -DMAC_SANITIZE=ON) in build-asan, runs the
# whole ctest suite there (lit, unit tests, script checks; a UBSan report
# fails the test it happens in), then a short libFuzzer run of every target
# (scripts/fuzz.sh, clang). Timings on a 2-core machine: docs/fuzzing.md.
#
# usage: scripts/test-sanitizers.sh
# env:   ASAN_BUILD_DIR=build-asan  the build directory
#        SANITIZER_JOBS=1           ninja -j and ctest -j
#        FUZZ_SECONDS=20            seconds per fuzz target; 0 skips fuzzing
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ASAN_BUILD_DIR:-$root/build-asan}"
jobs="${SANITIZER_JOBS:-1}"
fuzz_seconds="${FUZZ_SECONDS:-20}"

start=$SECONDS
cmake -S "$root" -B "$build" -G Ninja -DMAC_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1" >/dev/null
ninja -C "$build" -j"$jobs"
echo "test-sanitizers: build took $((SECONDS - start)) s"

# halt_on_error makes a UBSan report a failure instead of a line on stderr.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
# The suppressions: test/fuzz/ubsan_suppressions.txt says why each is there.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$root/test/fuzz/ubsan_suppressions.txt}"
start=$SECONDS
ctest --test-dir "$build" --output-on-failure -j"$jobs"
echo "test-sanitizers: ctest took $((SECONDS - start)) s"

if [ "$fuzz_seconds" != 0 ]; then
  start=$SECONDS
  FUZZ_JOBS="$jobs" "$root/scripts/fuzz.sh" "$fuzz_seconds"
  echo "test-sanitizers: fuzzing took $((SECONDS - start)) s"
fi
