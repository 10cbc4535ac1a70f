#!/usr/bin/env bash
# backtalk side by side with nlp.js (node-nlp from npm), in one run: accuracy on a labelled set
# (in-scope accuracy, out-of-scope rejection) and throughput over the same questions.
#   bench/compare_nlpjs.sh [LABELLED.tsv] [THRESHOLD]
#       (default: ../shared/eval/dev.tsv, 0.5: nlp.js answers when its top score is >= 0.5)
# node-nlp is installed with npm into a temporary folder, removed at exit. nlp.js is trained on
# the nine document questions of knowledge/back.json, once on the questions alone and once on
# the questions plus the sentences of their answers. Throughput: 20,000 generated questions
# (bench/gen_questions.py); nlp.js is timed in process after training, backtalk as a whole
# `--json` process (its start-up included).
set -euo pipefail
cd "$(dirname "$0")/.."

labelled="${1:-../shared/eval/dev.tsv}"
threshold="${2:-0.5}"
bin=build-bench/backtalk
if [ ! -x "$bin" ]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBACKTALK_TESTS=OFF >/dev/null
  cmake --build build-bench -j"$(nproc)" --target backtalk >/dev/null
fi
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "compare_nlpjs: needs node and npm (apt-get install nodejs npm)" >&2
  exit 2
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "installing node-nlp into $work ..." >&2
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund node-nlp@4 >/dev/null)
version=$(node -p "require('$work/node_modules/node-nlp/package.json').version")

mkdir -p build-bench
questions=build-bench/compare-questions.txt
python3 bench/gen_questions.py --count 20000 --seed 11 >"$questions"

# backtalk: accuracy from `backtalk eval`, throughput from a whole --json run.
report=$("$bin" eval "$labelled" || true)
bt_in=$(sed -n 's/^in scope: *\([0-9]*\)\/\([0-9]*\).*/\1 \2/p' <<<"$report")
bt_out=$(sed -n 's/^out of scope: *\([0-9]*\)\/\([0-9]*\).*/\1 \2/p' <<<"$report")
start=$(date +%s%N)
"$bin" --json <"$questions" >/dev/null
end=$(date +%s%N)
bt_rate=$(awk -v n="$(wc -l <"$questions")" -v ns="$((end - start))" 'BEGIN { printf "%.0f", n / (ns / 1e9) }')

results=()
for mode in questions answers; do
  results+=("$(NODE_PATH="$work/node_modules" node bench/nlpjs_eval.js knowledge/back.json \
    "$labelled" "$questions" "$threshold" "$mode")")
done

python3 - "$labelled" "$threshold" "$version" "$bt_in" "$bt_out" "$bt_rate" "${results[@]}" <<'PY'
import json, sys
labelled, threshold, version, bt_in, bt_out, bt_rate = sys.argv[1:7]
rows = [json.loads(r) for r in sys.argv[7:]]
bi, bn = map(int, bt_in.split())
bo, bon = map(int, bt_out.split())
bt_rate = float(bt_rate)
print(f"labelled set: {labelled}; nlp.js (node-nlp {version}) answers when its top intent "
      f"scores >= {threshold}")
print(f"{'':34} {'in-scope accuracy':>20} {'out-of-scope rejection':>24} {'questions/s':>12} {'ratio':>7}")
print(f"{'backtalk':34} {f'{bi}/{bn} {100*bi/bn:.1f}%':>20} {f'{bo}/{bon} {100*bo/bon:.1f}%':>24} "
      f"{bt_rate:12.0f} {'1':>7}")
for r in rows:
    name = "nlp.js, " + ("questions only" if r["mode"] == "questions" else "questions + answers")
    i = f"{r['in_right']}/{r['in_scope']} {100*r['in_right']/r['in_scope']:.1f}%"
    o = f"{r['out_rejected']}/{r['out_scope']} {100*r['out_rejected']/r['out_scope']:.1f}%"
    print(f"{name:34} {i:>20} {o:>24} {r['per_second']:12.0f} {bt_rate / r['per_second']:6.0f}x")
print(f"throughput over {rows[0]['questions']} generated questions; ratio = backtalk / nlp.js")
PY
