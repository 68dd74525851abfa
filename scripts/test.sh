#!/usr/bin/env bash
# Installs dependencies, builds mac and runs every test (unit, lit, scripts)
# through ctest; then builds mac again with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang), runs every test there too, and fuzzes
# each libFuzzer target briefly (scripts/test-sanitizers.sh). This is what CI
# runs (.ci/run).
#
# env: SANITIZERS=0   skip the sanitizer build and fuzzing (a quick local run)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
bash scripts/install-deps.sh
bash scripts/install-editor-deps.sh # Neovim and npm packages of test/editors
# shellcheck source=lib/configure.sh
source scripts/lib/configure.sh
configure_release build
cmake --build build
echo "test: release build done at $((SECONDS - start)) s"
(cd build && ctest --output-on-failure -j2)
echo "test: release tests done at $((SECONDS - start)) s"
if [ "${SANITIZERS:-1}" != 0 ]; then
  bash scripts/test-sanitizers.sh
  echo "test: sanitizer build, tests and fuzzing done at $((SECONDS - start)) s"
fi
