#!/usr/bin/env bash
# Installs what backtalk needs on a fresh Debian machine, then configures and builds it.
# Usage: scripts/setup.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config libre2-dev nlohmann-json3-dev libreadline-dev
  libgtest-dev libgmock-dev libstemmer-dev libcli11-dev libutf8proc-dev libbenchmark-dev
  clang clang-format tmux time hyperfine libclang-rt-14-dev python3 hunspell-en-us hunspell-en-med
  hunspell-tools wordnet-base libgumbo-dev libcsv-dev libcpp-httplib-dev chromium chromium-driver
  python3-selenium wrk libabsl-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j"$(nproc)"
