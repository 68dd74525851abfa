#!/usr/bin/env bash
# Installs dependencies, builds mac and checks the example bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --target mac
./build/bin/mac check docs/examples/lead-intake
