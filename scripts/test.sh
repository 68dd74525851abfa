#!/usr/bin/env bash
# Installs dependencies, builds mac and runs every test (unit, lit, scripts)
# through ctest. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-editor-deps.sh   # Neovim and npm packages of test/editors
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
cd build
ctest --output-on-failure -j2
