#!/usr/bin/env bash
# Installs dependencies, builds mac and checks the example bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# shellcheck source=lib/configure.sh
source scripts/lib/configure.sh
configure_release build
cmake --build build --target mac
./build/bin/mac check docs/examples/lead-intake
