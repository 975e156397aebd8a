#!/usr/bin/env bash
# build_head.sh [BUILD_DIR] [REV]
#
# Builds at1 and all codec plugins (Release) from a clean export of a committed revision
# (default HEAD), so benchmark figures describe committed code and not whatever is being
# edited in the working tree. Only the binaries the benchmarks need are built.
#
#   tests/bench/build_head.sh                    # -> build-bench/bin/at1, build-bench/plugins/
#   AT1_PLUGINS="log;ssh" tests/bench/build_head.sh /tmp/b   # a subset of plugins
#
# The export goes to ${TMPDIR:-/tmp}/at1-bench-src-<sha> and is reused if present.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/build-bench}
rev=${2:-HEAD}
sha=$(git -C "$repo" rev-parse --short "$rev")
src=${TMPDIR:-/tmp}/at1-bench-src-$sha
if [[ ! -f $src/CMakeLists.txt ]]; then
  rm -rf "$src.part"; mkdir -p "$src.part"
  git -C "$repo" archive "$rev" | tar -x -C "$src.part"
  mv "$src.part" "$src"
fi
# a build dir configured for another source tree cannot be reused
if [[ -f $build/CMakeCache.txt ]] && ! grep -qx "CMAKE_HOME_DIRECTORY:INTERNAL=$src" "$build/CMakeCache.txt"; then
  rm -rf "$build"
fi
plugins=()
for d in "$src"/plugins/*/; do
  d=${d%/}; d=${d##*/}
  [[ -f $src/plugins/$d/CMakeLists.txt ]] || continue
  if [[ -n ${AT1_PLUGINS:-} ]] && [[ ";$AT1_PLUGINS;" != *";$d;"* ]]; then continue; fi
  plugins+=("at1-$d")
done
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DAT1_BUILD_TESTS=OFF \
  ${AT1_PLUGINS:+-DAT1_PLUGINS="$AT1_PLUGINS"} >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target at1 "${plugins[@]}"
echo "built $rev ($sha) from $src: $build/bin/at1, plugins in $build/plugins: ${plugins[*]}"
