#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. installs dependencies (Debian packages),
#   2. builds with warnings as errors and runs every test (ctest),
#   3. builds again with AddressSanitizer + UndefinedBehaviorSanitizer and
#      runs every test under them,
#   4. builds the libFuzzer targets with clang and fuzzes each briefly.
# Tests that need the shared corpus (../shared/corpus) skip without it; set
# AT1_REQUIRE_CORPUS=1 (CI does) to make its absence a failure instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "$root/.." && pwd)/shared/corpus
"$root/scripts/install-deps.sh"
if [ "${AT1_REQUIRE_CORPUS:-0}" = 1 ] && [ ! -f "$corpus/MANIFEST.md" ]; then
  echo "test.sh: the shared corpus is required but missing at $corpus" >&2
  exit 1
fi
jobs=${JOBS:-$(nproc)}

echo "== release build + tests"
BUILD_DIR="$root/build" "$root/scripts/build.sh"
(cd "$root/build" && ctest -j"$jobs" --output-on-failure)

echo "== ASan + UBSan build + tests"
BUILD_DIR="$root/build-asan" BUILD_TYPE=RelWithDebInfo "$root/scripts/build.sh" -DAT1_SANITIZE=ON
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest -j"$jobs" --output-on-failure)

echo "== libFuzzer (clang), ${AT1_FUZZ_SECONDS:-20} s per target"
CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAT1_FUZZ=ON >/dev/null
cmake --build "$root/build-fuzz" -j"$jobs" --target at1_fuzz_targets at1_all_plugins
for f in "$root"/build-fuzz/bin/*_fuzz; do
  echo "-- $(basename "$f")"
  corpus_dir=$(mktemp -d "${TMPDIR:-/tmp}/at1-fuzz.XXXXXX")
  "${f}_seeds" --dump-seeds "$corpus_dir" >/dev/null  # start from real encodings, not from nothing
  # Inputs that once crashed or exhausted memory run first, under the same limits.
  cp "$root/tests/fuzz/regressions/$(basename "$f")"/* "$corpus_dir"/ 2>/dev/null || true
  # A fixed seed: CI explores the same inputs as a developer running this script.
  "$f" "$corpus_dir" -seed=1 -max_total_time="${AT1_FUZZ_SECONDS:-20}" -rss_limit_mb=2048 -print_final_stats=0 2>&1 | tail -n 2
  rm -rf "$corpus_dir"
done
echo "all test stages passed"
