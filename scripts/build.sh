#!/usr/bin/env bash
# Configures and builds at1 into BUILD_DIR (default: build).
#   scripts/build.sh [extra cmake args...]
# Environment: BUILD_DIR, BUILD_TYPE (default Release), JOBS (default nproc).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DAT1_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}"
