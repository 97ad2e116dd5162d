#!/usr/bin/env bash
# Soak test (not in CI): the wrk mix for MINUTES (default 10) against `vouch serve` while CURRENT is swapped every
# 30 s, and an ingest and a train run into the same warehouse and models folder. Reports non-2xx answers and socket
# errors (target: 0), and heap after GC and open file descriptors every 30 s (target: flat).
#   serving/bench/soak.sh WORK_DIR [MINUTES]
# Needs: wrk, curl, python3, jcmd, jstat, and the launcher's build (./vouch builds on first use). WORK_DIR is created; an
# existing one is reused (its warehouse and models). Env: PORT (default 18090), HEAP (default 1g).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export VOUCH_BENCH_DIR="$HERE"
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mkdir -p "${1:?usage: soak.sh WORK_DIR [MINUTES]}" && cd "$1" && pwd)
MINUTES=${2:-10}
PORT=${PORT:-18090}
HEAP=${HEAP:-1g}
BASE="http://127.0.0.1:$PORT"
WH="$WORK/wh"
MODELS="$WORK/models"
SERVER_PID=""
WRK_PID=""

cleanup() {
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT
for tool in wrk curl python3 jcmd jstat; do
  command -v "$tool" >/dev/null || { echo "soak: $tool is missing" >&2; exit 2; }
done

if [ ! -f "$MODELS/CURRENT" ]; then
  echo "== preparing: ingest the embedded reviews and train two versions"
  "$ROOT/vouch" ingest --format reviews --input "$ROOT/data/reviews" --warehouse "$WH" --quiet
  "$ROOT/vouch" train --warehouse "$WH" --models "$MODELS" --no-search --quiet
  "$ROOT/vouch" train --warehouse "$WH" --models "$MODELS" --no-search --quiet
fi
mapfile -t VERSIONS < <(ls "$MODELS" | grep -E '^[0-9]{8}-[0-9]{6}-[0-9]{3}$' | sort | tail -2)
[ "${#VERSIONS[@]}" = 2 ] || { echo "soak: need two model versions in $MODELS" >&2; exit 2; }

echo "== starting vouch serve on $BASE (heap $HEAP)"
java -Xms"$HEAP" -Xmx"$HEAP" -cp "$ROOT/serving/target/classes:$(cat "$ROOT/serving/target/runtime-classpath.txt")" \
  dev.vouch.serving.app.ServeCommand serve --models "$MODELS" --port "$PORT" --watch-ms 500 > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  curl -fsS "$BASE/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.2
done
python3 - "$BASE" > "$WORK/ids.txt" <<'PY'
import json, sys, urllib.request
base, ids = sys.argv[1], set()
for q in [""] + list("abcdefghijklmnopqrstuvwxyz"):
    with urllib.request.urlopen(f"{base}/api/reviewers?limit=100&q={q}") as r:
        ids.update(item["id"] for item in json.load(r)["items"])
print("\n".join(sorted(ids)))
PY
export VOUCH_IDS="$WORK/ids.txt"

sample() {
  jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
  local heap fds
  # Old generation after a full GC: the live set. (Whole-heap "used" is mostly young objects wrk refills at once.)
  heap=$(jstat -gc "$SERVER_PID" 2>/dev/null | awk 'NR == 2 { printf "%.1f", $8 / 1024 }')
  fds=$(ls "/proc/$SERVER_PID/fd" | wc -l)
  echo "$(date -u +%H:%M:%S) heap_after_gc_mb=$heap fds=$fds serving=$(cat "$MODELS/CURRENT")" | tee -a "$WORK/samples.txt"
}

echo "== soak: wrk -t2 -c32 for ${MINUTES} min; swap every 30 s; an ingest and a train midway"
: > "$WORK/samples.txt"
sample
wrk -t2 -c32 -d"${MINUTES}m" -s "$HERE/mix.lua" "$BASE" > "$WORK/wrk.txt" &
WRK_PID=$!
(
  sleep 60
  # Re-ingest the same source: it replaces itself, so every version serves the same reviewer ids (a new source would
  # make the ids of the mix unknown to the older version, and its 404s would hide real failures).
  "$ROOT/vouch" ingest --format reviews --input "$ROOT/data/reviews" --warehouse "$WH" --quiet \
    > "$WORK/ingest.log" 2>&1 && "$ROOT/vouch" train --warehouse "$WH" --models "$MODELS" --no-search --quiet \
    > "$WORK/train.log" 2>&1
  echo "ingest + train finished: exit $?" >> "$WORK/jobs.txt"
) &
JOBS_PID=$!
i=0
while kill -0 "$WRK_PID" 2>/dev/null; do
  sleep 30
  kill -0 "$WRK_PID" 2>/dev/null || break
  # Swap as an operator would (write CURRENT, rename it into place), but not while a train holds the models lock:
  # its compare-and-swap would then rightly refuse to publish.
  if ! kill -0 "$JOBS_PID" 2>/dev/null || [ ! -f "$MODELS/.lock" ]; then
    printf '%s\n' "${VERSIONS[$((i % 2))]}" > "$MODELS/.CURRENT.soak" && mv -f "$MODELS/.CURRENT.soak" "$MODELS/CURRENT"
  fi
  i=$((i + 1))
  sample
done
wait "$WRK_PID" || true
WRK_PID=""
wait "$JOBS_PID" || true
grep RESULT "$WORK/wrk.txt"
cat "$WORK/jobs.txt" 2>/dev/null || echo "ingest + train did not finish within the soak"
python3 - "$WORK/wrk.txt" "$WORK/samples.txt" <<'PY'
import sys
line = next(l for l in open(sys.argv[1]) if l.startswith("RESULT"))
v = dict(kv.split("=") for kv in line.split()[1:])
samples = [dict(kv.split("=") for kv in l.split()[1:3]) for l in open(sys.argv[2])]
heaps = [float(s["heap_after_gc_mb"]) for s in samples if s["heap_after_gc_mb"] != "?"]
fds = [int(s["fds"]) for s in samples]
ok = int(v["non_2xx"]) == 0 and int(v["socket_errors"]) == 0
print(f"soak: {v['requests']} requests, {v['non_2xx']} non-2xx, {v['socket_errors']} socket errors: "
      f"{'PASS' if ok else 'FAIL'}; heap after GC {heaps[0]} -> {heaps[-1]} MB (max {max(heaps)}), "
      f"fds {fds[0]} -> {fds[-1]} (max {max(fds)})")
PY
