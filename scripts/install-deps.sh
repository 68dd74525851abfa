#!/usr/bin/env bash
# Installs every build and test dependency of mac from Debian packages.
# Safe to run repeatedly; runs apt only for what is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  cmake g++ make ninja-build
  antlr4 libantlr4-runtime-dev default-jre-headless
  llvm-14-dev llvm-14-tools
  libfmt-dev nlohmann-json3-dev pkg-config liburiparser-dev libgumbo-dev
  libgtest-dev googletest
  python3 python3-jsonschema python3-yaml
  clang-format
  zlib1g-dev libtinfo-dev libzstd-dev libedit-dev libxml2-dev libffi-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The editor integration tests (test/editors): Neovim and the npm packages.
bash "$(dirname "$0")/install-editor-deps.sh"
