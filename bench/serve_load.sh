#!/usr/bin/env bash
# Load benchmark of `backtalk serve` with wrk: requests a second and latency (p50, p99) for
# POST /v1/ask over 64 keep-alive connections, then the server's memory with 1,000 idle
# connections open, and the same load again while they are open.
#   bench/serve_load.sh [SECONDS] [THREADS]    (default 10 s a run, the default worker pool)
# Needs wrk and python3 (scripts/setup.sh installs wrk). Uses build/backtalk.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
threads=()
[ -z "${2:-}" ] || threads=(--threads "$2")
bin=build/backtalk
mkdir -p build/bench
log=build/bench/serve.err
"$bin" serve --port 0 --quiet "${threads[@]}" 2>"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q "serving on" "$log" && break; sleep 0.1; done
port=$(sed -n 's|.*serving on http://[^:]*:\([0-9]*\)/.*|\1|p' "$log")
url="http://127.0.0.1:$port"
rss() { awk '/^VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
threads_of() { awk '/^Threads/ {print $2}' "/proc/$pid/status"; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $bin serve ${threads[*]} (pid $pid), memory at start $(rss), $(threads_of) threads"
wrk -t2 -c64 -d2s -s bench/ask.lua "$url/v1/ask" >/dev/null  # warm up
echo "--- wrk -t2 -c64 -d${seconds}s --latency -s bench/ask.lua $url/v1/ask"
wrk -t2 -c64 -d"${seconds}s" --latency -s bench/ask.lua "$url/v1/ask" |
  grep -E "Requests/sec|Latency|  50%|  99%|Non-2xx|Socket errors|requests in"
echo "memory after the load: $(rss)"

python3 bench/idle_connections.py "$port" 1000 "$((seconds + 6))" &
idle=$!
sleep 2
echo "memory with 1,000 idle connections open: $(rss), $(threads_of) threads"
echo "--- the same load while they are open"
wrk -t2 -c64 -d"${seconds}s" --latency -s bench/ask.lua "$url/v1/ask" |
  grep -E "Requests/sec|Latency|  50%|  99%|Non-2xx|Socket errors|requests in"
echo "memory: $(rss)"
wait "$idle"
kill -TERM "$pid"
wait "$pid" && echo "server: exit status 0 after SIGTERM"
trap - EXIT
