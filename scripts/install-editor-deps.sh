#!/usr/bin/env bash
# Installs what the editor integration tests (test/editors) need: Neovim from
# Debian (and Node.js with npm if the machine has none), then the npm
# packages of the VS Code extension (editors/vscode) and of the Node LSP
# client test (test/editors/node) with `npm ci` from their lock files.
# Safe to run repeatedly: apt runs only for what is missing, and `npm ci`
# only when a lock file differs from the one last installed. Needs root (or
# sudo) for apt. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(neovim)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

# shellcheck source=lib/apt.sh
source scripts/lib/apt.sh
install_missing_packages install-editor-deps "${packages[@]}"

# node_modules/.mac-installed-lock is a copy of the lock file `npm ci` last
# installed from; a matching copy means node_modules is current.
for dir in editors/vscode test/editors/node; do
  stamp="$dir/node_modules/.mac-installed-lock"
  if cmp -s "$dir/package-lock.json" "$stamp"; then
    continue
  fi
  echo "install-editor-deps: npm ci in $dir"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
done
