#!/usr/bin/env bash
# Whole-process figures for build/backtalk-style binaries: `--json` throughput over 100,000
# generated questions, time from process start to the first answer, and peak memory.
#   bench/whole_process.sh [BINARY]     (default: build-bench/backtalk, built if missing)
# Needs python3, hyperfine and /usr/bin/time (scripts/setup.sh installs them). Writes its
# scratch files to build-bench/. Prints one figure a line, with the command behind it.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${1:-build-bench/backtalk}"
if [ ! -x "$bin" ]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBACKTALK_TESTS=OFF >/dev/null
  cmake --build build-bench -j"$(nproc)" --target backtalk >/dev/null
fi
mkdir -p build-bench
questions=build-bench/questions-100k.txt
python3 bench/gen_questions.py --count 100000 >"$questions"

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Throughput: the median of five runs over the same file, output to a file (not a terminal).
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$bin" --json <"$questions" >build-bench/answers.jsonl
  end=$(date +%s%N)
  times+=($(((end - start) / 1000)))
done
median_us=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
lines=$(wc -l <build-bench/answers.jsonl)
matched=$(grep -c '"matched":true' build-bench/answers.jsonl || true)
echo "throughput: $lines questions in $((median_us / 1000)) ms (median of 5) =" \
  "$((lines * 1000000 / median_us)) questions/s; $matched answered" \
  "  [$bin --json < $questions > build-bench/answers.jsonl]"

# Time to first answer: a whole `ask` process, start to exit, and `--version` for the floor.
hyperfine -N --warmup 20 --runs 300 --export-json build-bench/first-answer.json \
  "$bin ask 'why is my mid back tight?'" "$bin --version" >/dev/null 2>&1
python3 - build-bench/first-answer.json <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"process: median {r['median'] * 1000:.2f} ms, min {r['min'] * 1000:.2f} ms, "
          f"mean {r['mean'] * 1000:.2f} ms  [hyperfine -N --runs 300 \"{r['command']}\"]")
PY

# Peak memory (maximum resident set size) for one answer and for the 100,000 questions.
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
echo "peak RSS, ask: $(rss "$bin" ask 'why is my mid back tight?') KB" \
  "  [/usr/bin/time -v $bin ask 'why is my mid back tight?']"
echo "peak RSS, --json over 100,000: $(/usr/bin/time -v "$bin" --json <"$questions" 2>&1 \
  >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p') KB" \
  "  [/usr/bin/time -v $bin --json < $questions]"
