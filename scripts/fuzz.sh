#!/usr/bin/env bash
# Builds mac's libFuzzer targets (test/fuzz) in build-san with clang-14,
# ASan and UBSan (scripts/lib/configure.sh), and runs each for SECONDS
# (default 30) from a seed corpus made of the repository's .flow files and
# LSP transcripts. Exits non-zero
# when a target crashes, hangs or runs out of memory, and prints where the
# input that did it was written. See docs/fuzzing.md.
#
# usage: scripts/fuzz.sh [SECONDS]
# env:   FUZZ_TARGETS="parser check"  only these targets (default: all four)
#        FUZZ_BUILD_DIR=build-san      the build directory (shared with test-sanitizers.sh)
#        FUZZ_JOBS=1                   ninja -j for the build
#        FUZZ_RSS_MB=2048              -rss_limit_mb for every target
set -uo pipefail

seconds="${1:-30}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-san}"
targets=(${FUZZ_TARGETS:-parser check template lsp_reader})
rss_mb="${FUZZ_RSS_MB:-2048}"

# Largest input each target is given (the seeds are all smaller).
declare -A max_len=([parser]=8192 [check]=8192 [template]=4096 [lsp_reader]=8192)

# shellcheck source=lib/configure.sh
source "$root/scripts/lib/configure.sh"
configure_sanitized "$build" || exit 2
ninja -C "$build" -j"${FUZZ_JOBS:-1}" mac_fuzz_targets || exit 2

seeds="$build/fuzz-seeds"
rm -rf "$seeds"
python3 "$root/test/fuzz/make_corpus.py" "$root" "$seeds" || exit 2

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$root/test/fuzz/ubsan_suppressions.txt}"

failed=()
for target in "${targets[@]}"; do
  binary="$build/fuzz/fuzz_$target"
  corpus="$build/fuzz-corpus/$target" # grows across runs; the seeds stay apart
  artifacts="$build/fuzz-artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  log="$artifacts/last-run.log"
  dict=()
  if [ "$target" = parser ] || [ "$target" = check ]; then
    dict=(-dict="$seeds/flow.dict")
  fi
  echo "fuzz: $target for ${seconds}s (log: $log)"
  "$binary" "$corpus" "$seeds/$target" "${dict[@]}" \
    -max_total_time="$seconds" -max_len="${max_len[$target]}" -rss_limit_mb="$rss_mb" \
    -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$log" | sed 's/^/  /'
  if [ $status -ne 0 ]; then
    failed+=("$target")
    echo "fuzz: $target FAILED (exit $status); the end of its log:"
    tail -n 40 "$log" | sed 's/^/  | /'
    for input in $(grep -oE "(crash|leak|timeout|oom|slow-unit)-[0-9a-f]+" "$log" | sort -u); do
      echo "fuzz: the input is $artifacts/$input"
      echo "fuzz: reproduce with: $binary $artifacts/$input"
    done
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in: ${failed[*]} (docs/fuzzing.md says how to turn them into tests)"
  exit 1
fi
echo "fuzz: no crash in ${targets[*]} (${seconds}s each)"
