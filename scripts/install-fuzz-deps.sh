#!/usr/bin/env bash
# Installs what scripts/fuzz.sh needs on top of scripts/install-deps.sh:
# clang 14 and its runtime libraries (Debian bookworm ships libFuzzer and the
# ASan/UBSan runtimes in libclang-rt-14-dev). Safe to run repeatedly; runs
# apt only for what is missing. Needs root (or sudo).
set -euo pipefail

packages=(clang-14 libclang-rt-14-dev)

# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
install_missing_packages install-fuzz-deps "${packages[@]}"
