#!/usr/bin/env bash
# The main job on bundled sample data: installs dependencies, builds at1 and
# its plugins, then compresses every file in samples/ with its domain codec,
# decompresses it, checks it byte for byte and describes the archive.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
at1="$root/build/bin/at1 --plugin-dir $root/build/plugins"
out=$(mktemp -d "${TMPDIR:-/tmp}/at1-run.XXXXXX")
trap 'rm -rf "$out"' EXIT
$at1 plugins
declare -A domain=([sshd.log]=ssh [app.log]=log [weather.csv]=columnar [events.ndjson]=json [variants.vcf]=vcf)
for f in sshd.log app.log weather.csv events.ndjson variants.vcf; do
  codec=${domain[$f]}
  echo
  echo "== $f ($codec)"
  $at1 compress "$codec" "$root/samples/$f" "$out/$f.at1"
  $at1 decompress "$out/$f.at1" "$out/$f"
  cmp "$root/samples/$f" "$out/$f" && echo "byte-exact round trip: ok"
  $at1 info "$out/$f.at1" | sed -n '3,9p'
done
