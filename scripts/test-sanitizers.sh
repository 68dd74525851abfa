#!/usr/bin/env bash
# The sanitizer gate of CI (scripts/test.sh runs it after the release tests):
# builds mac with clang-14, AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer coverage in build-san (scripts/lib/configure.sh), runs the whole
# ctest suite there (lit, unit tests, script checks; a UBSan report fails the
# test it happens in, a leak fails it too), then a short libFuzzer run of
# every target from the same build (scripts/fuzz.sh). Timings: docs/fuzzing.md.
#
# usage: scripts/test-sanitizers.sh
# env:   SANITIZER_BUILD_DIR=build-san  the build directory
#        SANITIZER_JOBS=                ninja -j (default: ninja's) and ctest -j (default 2)
#        FUZZ_SECONDS=15                seconds per fuzz target; 0 skips fuzzing
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SANITIZER_BUILD_DIR:-$root/build-san}"
fuzz_seconds="${FUZZ_SECONDS:-15}"
ninja_jobs=()
if [ -n "${SANITIZER_JOBS:-}" ]; then ninja_jobs=(-j "$SANITIZER_JOBS"); fi

bash "$root/scripts/install-fuzz-deps.sh"
# shellcheck source=lib/configure.sh
source "$root/scripts/lib/configure.sh"

start=$SECONDS
configure_sanitized "$build"
ninja -C "$build" "${ninja_jobs[@]}" all mac_fuzz_targets
echo "test-sanitizers: build took $((SECONDS - start)) s"

# halt_on_error makes a UBSan report a failure instead of a line on stderr.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
# The suppressions: test/fuzz/ubsan_suppressions.txt says why each is there.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$root/test/fuzz/ubsan_suppressions.txt}"
start=$SECONDS
ctest --test-dir "$build" --output-on-failure -j"${SANITIZER_JOBS:-2}"
echo "test-sanitizers: ctest took $((SECONDS - start)) s"

if [ "$fuzz_seconds" != 0 ]; then
  start=$SECONDS
  FUZZ_BUILD_DIR="$build" "$root/scripts/fuzz.sh" "$fuzz_seconds"
  echo "test-sanitizers: fuzzing took $((SECONDS - start)) s"
fi
