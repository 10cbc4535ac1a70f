#!/usr/bin/env bash
# Imports every FAQ document of a folder afresh, with no hand edits, and evaluates each draft
# on the labelled questions beside it (DOC.md or DOC.txt with DOC.tsv), holding the floors given.
# Usage: scripts/eval-imports.sh FOLDER [eval floors, e.g. --min-accuracy 0.3 --max-wrong 0.06]
set -euo pipefail
cd "$(dirname "$0")/.."
folder=$1
shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for tsv in "$folder"/*.tsv; do
  base=${tsv%.tsv}
  doc=""
  for ext in md txt markdown html csv; do
    if [ -f "$base.$ext" ]; then doc="$base.$ext" && break; fi
  done
  [ -n "$doc" ] || continue
  name=$(basename "$base")
  build/backtalk import "$doc" -o "$out/$name.json" 2>/dev/null
  echo "$name (imported from $(basename "$doc")):"
  build/backtalk --knowledge "$out/$name.json" eval "$tsv" "$@" >"$out/report" 2>"$out/err" ||
    status=1
  tail -n 2 "$out/report"
  grep -v ": warning: " "$out/err" >&2 || true
done
exit $status
