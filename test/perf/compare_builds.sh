#!/bin/bash
# Checks that two mac binaries build byte-identical output: for each bundle
# and environment given, `mac build -o DIR` (diff -r), `-o -` (cmp) and the
# diagnostics on stderr (cmp, OUT's path removed) must match, exit status
# included. Used before and after performance work on the backends.
#
# usage: compare_builds.sh OLD_MAC NEW_MAC BUNDLE:ENV[,ENV...]...
#   e.g. compare_builds.sh /tmp/mac-before build/bin/mac \
#          docs/examples/lead-intake:dev,stage,prod /tmp/b1k:stage
set -u
if [ $# -lt 3 ]; then
  sed -n '8,10p' "$0" >&2
  exit 2
fi
old=$1 new=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for spec in "$@"; do
  bundle=${spec%%:*}
  for env in $(echo "${spec#*:}" | tr , ' '); do
    for side in old new; do
      mac=${!side}
      out="$work/$side"
      rm -rf "$out"
      "$mac" build "$bundle" --env "$env" --date 2026-01-01 -o "$out" >/dev/null 2>"$work/$side.err"
      echo "exit $?" >>"$work/$side.err"
      sed -i "s|$out||g" "$work/$side.err"
      "$mac" build "$bundle" --env "$env" --date 2026-01-01 -o - >"$work/$side.stdout" 2>/dev/null
    done
    if diff -r "$work/old" "$work/new" >/dev/null && cmp -s "$work/old.err" "$work/new.err" &&
      cmp -s "$work/old.stdout" "$work/new.stdout"; then
      echo "$bundle $env: identical ($(find "$work/new" -type f | wc -l) files)"
    else
      echo "$bundle $env: DIFFERENT"
      fail=1
    fi
  done
done
exit $fail
