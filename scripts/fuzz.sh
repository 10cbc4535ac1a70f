#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs each one.
#   scripts/fuzz.sh                 a smoke run: each target for a fixed number of runs (CI)
#   scripts/fuzz.sh --runs N        each target for N runs
#   scripts/fuzz.sh --time SECONDS  each target for SECONDS (a long run), one after the other
#   scripts/fuzz.sh --only NAME     only that target (knowledge, match, conversation, html, csv,
#                                   state_token, request)
# The checked-in seeds in tests/fuzz/corpus/<target>/ are read, never written: new inputs go to
# a work corpus in build-fuzz/corpus/<target>/, crashes to build-fuzz/artifacts/<target>/.
# A crash makes the script fail; turn its input into a regression test (tests/regression/).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=10000
seconds=""
only=""
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --time) seconds="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "usage: scripts/fuzz.sh [--runs N | --time SECONDS] [--only TARGET]" >&2; exit 2 ;;
  esac
done

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBACKTALK_FUZZ=ON -DBACKTALK_TESTS=OFF -DBACKTALK_BENCH=OFF >/dev/null
targets=()
for t in knowledge match conversation html csv state_token request; do
  [ -f "tests/fuzz/${t}_fuzz.cc" ] || continue
  [ -z "$only" ] || [ "$only" = "$t" ] || continue
  targets+=("$t")
done
build_targets=()
for t in "${targets[@]}"; do build_targets+=("${t}_fuzz"); done
cmake --build build-fuzz -j"$(nproc)" --target "${build_targets[@]}"

status=0
for t in "${targets[@]}"; do
  work="build-fuzz/corpus/$t"
  artifacts="build-fuzz/artifacts/$t"
  mkdir -p "$work" "$artifacts"
  limit=(-runs="$runs")
  [ -z "$seconds" ] || limit=(-max_total_time="$seconds")
  dict=()
  [ ! -f "tests/fuzz/$t.dict" ] || dict=(-dict="tests/fuzz/$t.dict")
  echo "fuzz: $t ${limit[*]}" >&2
  # -max_len: a knowledge file can be large; a question is cut at 64 KiB by the engine anyway.
  if ! "build-fuzz/tests/fuzz/${t}_fuzz" "${limit[@]}" "${dict[@]}" -max_len=16384 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$work" "tests/fuzz/corpus/$t" 2>"build-fuzz/$t.log"; then
    status=1
    echo "fuzz: $t FAILED; see build-fuzz/$t.log and $artifacts/" >&2
    grep -m1 -E "ERROR|runtime error|deadly signal" "build-fuzz/$t.log" >&2 || true
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^Done" "build-fuzz/$t.log" >&2 || true
done
exit "$status"
