#!/bin/sh
# Round trip of one bundle through one platform, for the lit tests of
# test/import/: build BUNDLE for ENV and TARGET, import every flow the build
# wrote (HubSpot: with the property definitions), and compare the Program
# dumps of BUNDLE and of the imported bundle (importers/program_dump.h).
# SFMC: with the entry event definitions (a schedule's time is there).
# Usage: roundtrip.sh TARGET ENV BUNDLE WORKDIR. Fails on any difference.
set -e
target=$1 env=$2 bundle=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
mac build "$bundle" --env "$env" --target "$target" -o "$work/out" 2>"$work/build.err"
extra=""
if [ "$target" = hubspot ] && [ -d "$work/out/hubspot/assets/properties" ]; then
  extra=$(ls "$work/out/hubspot/assets/properties/"*.json)
fi
if [ "$target" = sfmc ]; then
  extra=$(ls "$work/out/sfmc/assets/event-definitions/"*.json)
fi
mac import --from "$target" "$work/out/$target/flows/"*.json $extra -o "$work/back" 2>"$work/import.err"
mac import --dump-program --from "$target" --env "$env" "$bundle" >"$work/before.txt"
mac import --dump-program --from "$target" --env "$env" "$work/back" >"$work/after.txt"
diff -u "$work/before.txt" "$work/after.txt"
