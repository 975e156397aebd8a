#!/usr/bin/env bash
# Installs everything at1 needs to build and test, from Debian 12 packages only.
# Idempotent: packages already present are skipped by apt-get.
set -euo pipefail
pkgs=(
  build-essential cmake pkg-config
  libboost-dev libboost-filesystem-dev        # Boost.DLL (header-only) + the Filesystem it needs
  libzstd-dev zstd                            # zstd backend (+ CLI for benchmarks)
  liblzma-dev xz-utils                        # xz backend (+ CLI for benchmarks)
  libcrypto++-dev                             # SHA-256
  libyaml-cpp-dev                             # configuration
  libgtest-dev libgmock-dev                   # tests
  libcli11-dev                                # command line
  clang libclang-rt-14-dev                    # libFuzzer target + sanitizer runtimes
  python3 time zlib1g                         # test scripts, peak-RSS measurement, at1-check
)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all packages present"
fi
