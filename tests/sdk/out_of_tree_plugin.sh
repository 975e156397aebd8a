#!/usr/bin/env bash
# Installs the SDK to a temporary prefix, builds sdk/examples/minimal out of
# tree with find_package(at1-sdk), and has the at1 host load it and round
# trip a file through it.
#   out_of_tree_plugin.sh <at1 build dir> <source dir>
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/at1-sdk-oot.XXXXXX")
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" --component Unspecified >/dev/null
test -f "$work/prefix/include/at1/plugin.h"
test -f "$work/prefix/lib/cmake/at1-sdk/at1-sdkConfig.cmake"
cmake -S "$src/sdk/examples/minimal" -B "$work/minimal" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/minimal" >/dev/null
so=$(ls "$work"/minimal/libat1-minimal.so)
exported=$(nm -D --defined-only "$so" | awk '{print $3}' | grep -v '^_' | sort | tr '\n' ' ')
[ "$exported" = "at1_plugin_entry " ] || { echo "plugin exports more than the entry: $exported"; exit 1; }
"$build/bin/at1" --plugin-dir "$work/minimal" plugins | grep -q "minimal" || { echo "host did not list the plugin"; exit 1; }
printf 'order 42 shipped 2026-11-21\nno digits here\r\n7\n' > "$work/in.txt"
"$build/bin/at1" -q --plugin-dir "$work/minimal" compress minimal "$work/in.txt" "$work/a.at1"
"$build/bin/at1" -q --plugin-dir "$work/minimal" decompress "$work/a.at1" "$work/out.txt"
cmp "$work/in.txt" "$work/out.txt"
echo "out-of-tree plugin built against the installed SDK, loaded and round-tripped"
