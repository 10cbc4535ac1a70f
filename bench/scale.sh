#!/usr/bin/env bash
# How cost grows with the knowledge: synthetic knowledge files of 10, 1,000 and 10,000 intents
# (bench/gen_knowledge.py), each with its load time and its time per question.
#   bench/scale.sh [SIZES...]      (default: 10 1000 10000)
# Load time is measured two ways: the whole `backtalk check FILE` process (hyperfine), and
# LoadKnowledge + Engine::Create on text already in memory (Google Benchmark, BM_Load_File).
# Time per question is BM_Ask_File over the generated questions. Scratch files go to build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
((${#sizes[@]})) || sizes=(10 1000 10000)
if [ ! -x build-bench/bench/backtalk_bench ] || [ ! -x build-bench/backtalk ]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBACKTALK_TESTS=OFF >/dev/null
  cmake --build build-bench -j"$(nproc)" --target backtalk backtalk_bench >/dev/null
fi
mkdir -p build-bench/scale
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %10s %14s %14s %14s %10s %9s\n' intents "file KB" "check (ms)" "load (ms)" \
  "per question" answered "RSS (MB)"
for n in "${sizes[@]}"; do
  kb=build-bench/scale/kb-$n.json
  q=build-bench/scale/q-$n.txt
  python3 bench/gen_knowledge.py --intents "$n" --out "$kb" --questions "$q" --count 3000
  hyperfine -N --warmup 2 --runs 10 --export-json build-bench/scale/check-$n.json \
    "build-bench/backtalk check $kb" >/dev/null 2>&1
  check_ms=$(python3 -c "import json,sys; print('%.1f' % (json.load(open(sys.argv[1]))['results'][0]['median'] * 1000))" \
    build-bench/scale/check-$n.json)
  BACKTALK_BENCH_KNOWLEDGE=$kb BACKTALK_BENCH_QUESTIONS=$q build-bench/bench/backtalk_bench \
    --benchmark_filter='BM_(Load|Ask)_File' --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true --benchmark_format=json \
    >build-bench/scale/bench-$n.json 2>/dev/null
  read -r load_ms ask_us < <(python3 - build-bench/scale/bench-$n.json <<'PY'
import json, sys
rows = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
load = rows["BM_Load_File_median"]
ask = rows["BM_Ask_File_median"]
scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
print("%.1f %.2f" % (load["real_time"] * scale[load["time_unit"]],
                     ask["real_time"] * scale[ask["time_unit"]] * 1000))
PY
)
  answered=$(build-bench/backtalk --knowledge "$kb" --json <"$q" | grep -c '"matched":true' || true)
  rss=$(/usr/bin/time -v build-bench/backtalk --knowledge "$kb" --json <"$q" 2>&1 >/dev/null |
    sed -n 's/.*Maximum resident set size (kbytes): //p')
  printf '%-8s %10s %14s %14s %11s us %6s/%s %9.1f\n' "$n" "$(($(stat -c %s "$kb") / 1024))" \
    "$check_ms" "$load_ms" "$ask_us" "$answered" "$(wc -l <"$q")" "$(awk "BEGIN { print $rss / 1024 }")"
done
echo "check: hyperfine -N --runs 10 'build-bench/backtalk check FILE' (median, whole process)"
echo "load: BM_Load_File, per question: BM_Ask_File (medians of 5 repetitions)"
