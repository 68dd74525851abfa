#!/usr/bin/env bash
# Installs every build and test dependency of mac from Debian packages.
# Safe to run repeatedly; runs apt only for what is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  cmake g++ make ninja-build git
  antlr4 libantlr4-runtime-dev default-jre-headless
  llvm-14-dev llvm-14-tools
  libfmt-dev nlohmann-json3-dev pkg-config liburiparser-dev libgumbo-dev
  libgit2-dev libicu-dev libcsv-dev libphonenumber-dev libcurl4-openssl-dev libssl-dev libjemalloc-dev
  libgtest-dev googletest
  python3 python3-jsonschema python3-yaml
  clang-format
  zlib1g-dev libtinfo-dev libzstd-dev libedit-dev libxml2-dev libffi-dev
)

# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"
install_missing_packages install-deps "${packages[@]}"
