#!/usr/bin/env bash
# Benchmark of vouch serve on loopback (see serving/README.md, "Benchmark").
#   serving/bench/bench.sh MODELS_DIR [DURATION_S]
# Needs: a packaged serving module (mvn -B -pl serving -am package -DskipTests), wrk (apt-get install -y wrk),
# curl, python3, jcmd. Targets: p99 <= 10 ms and >= 5,000 req/s with wrk -t2 -c32; 0 failures during a reload.
# Env: PORT (default 18080), HEAP (default 1g), WARMUP_S (default 10: a wrk warm-up run; 0 measures a cold start),
# SERVE_ARGS (extra `vouch serve` options, e.g. "--warmup-ms 0"), JAVA_ARGS (extra JVM flags), MIX (default "suggest"; "match" benchmarks
# POST /api/critics/match with 20 ratings of random films instead, target p99 <= 20 ms, and skips the reload),
# GC (default "-XX:+UseG1GC -XX:MaxTenuringThreshold=0", as ./vouch serve; -XX:+UseZGC to compare), RATE (requests per second over all connections: a paced load, e.g. 6000
# for the target's ">= 5,000 req/s"; default: flat out, as many as the server answers).
set -euo pipefail
MODELS=$(cd "${1:?usage: bench.sh MODELS_DIR [DURATION_S]}" && pwd)
DURATION=${2:-20}
PORT=${PORT:-18080}
HEAP=${HEAP:-1g}
WARMUP_S=${WARMUP_S:-10}
MIX=${MIX:-suggest}
GC=${GC:--XX:+UseG1GC -XX:MaxTenuringThreshold=0}
export RATE=${RATE:-}
HERE=$(cd "$(dirname "$0")" && pwd)
export VOUCH_BENCH_DIR="$HERE"
SERVING=$(dirname "$HERE")
WORK=$(mktemp -d)
BASE="http://127.0.0.1:$PORT"
CURRENT_BEFORE=$(cat "$MODELS/CURRENT")
RELOAD_VERSION=""
SERVER_PID=""

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  if [ -n "$RELOAD_VERSION" ]; then
    printf '%s\n' "$CURRENT_BEFORE" > "$MODELS/CURRENT.bench" && mv -f "$MODELS/CURRENT.bench" "$MODELS/CURRENT"
    rm -rf "${MODELS:?}/$RELOAD_VERSION"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk curl python3 jcmd; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done
[ -f "$SERVING/target/runtime-classpath.txt" ] || { echo "bench: package serving first" >&2; exit 2; }

echo "== starting vouch serve on $BASE (heap $HEAP, $GC${RATE:+, paced to $RATE req/s})"
VOUCH_ADMIN_TOKEN=bench java -Xms"$HEAP" -Xmx"$HEAP" $GC ${JAVA_ARGS:-} \
  -cp "$SERVING/target/classes:$(cat "$SERVING/target/runtime-classpath.txt")" \
  dev.vouch.serving.app.ServeCommand serve --models "$MODELS" --port "$PORT" --watch-ms 500 ${SERVE_ARGS:-} > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  curl -fsS "$BASE/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.2
done
curl -fsS "$BASE/ready" && echo

metric() { curl -fsS "$BASE/metrics" | awk -v m="$1" 'index($0, m) == 1 { print $NF; exit }'; }
echo "model load time (s):          $(metric 'vouch_model_load_seconds ')"
echo "model estimated bytes:        $(metric 'vouch_model_estimated_bytes ')"
jcmd "$SERVER_PID" GC.run >/dev/null
echo "heap used after full GC (MB): $(jcmd "$SERVER_PID" GC.heap_info | python3 -c '
import re, sys
text = sys.stdin.read()
m = re.search(r"used (\d+)K", text)
print(round(int(m.group(1)) / 1024, 1) if m else "?")')"

# The ids a search endpoint lists for each of the given one-letter queries ("" too when QUERIES starts with a space).
collect_ids() {
  python3 - "$BASE/api/$1" "$2" <<'PY'
import json, sys, urllib.request
url, queries, ids = sys.argv[1], sys.argv[2], set()
for q in ([""] if queries.startswith(" ") else []) + list(queries.strip()):
    with urllib.request.urlopen(f"{url}?limit=100&q={q}") as r:
        ids.update(item["id"] for item in json.load(r)["items"])
print("\n".join(sorted(ids)))
PY
}

echo "== collecting reviewer ids from the model"
collect_ids reviewers " abcdefghijklmnopqrstuvwxyz0123456789" > "$WORK/ids.txt"
echo "reviewers in the mix: $(wc -l < "$WORK/ids.txt")"
export VOUCH_IDS="$WORK/ids.txt"
SCRIPT="$HERE/mix.lua"
if [ "$MIX" = "match" ]; then
  collect_ids films "abcdefghijklmnopqrstuvwxyz" > "$WORK/films.txt"
  echo "films in the match mix: $(wc -l < "$WORK/films.txt")"
  export VOUCH_FILMS="$WORK/films.txt"
  SCRIPT="$HERE/match.lua"
fi

if [ "$WARMUP_S" -gt 0 ]; then
  echo "== warm-up (${WARMUP_S}s)"
  wrk -t2 -c32 -d"${WARMUP_S}s" -s "$SCRIPT" "$BASE" | grep RESULT || true
else
  echo "== no warm-up run: the benchmark starts on a server that has just turned ready (cold start)"
fi

echo "== benchmark: wrk -t2 -c32 -d${DURATION}s"
wrk -t2 -c32 -d"${DURATION}s" --latency -s "$SCRIPT" "$BASE" | tee "$WORK/bench.txt"
if [ "$MIX" = "match" ]; then
  python3 - "$WORK/bench.txt" <<'PY'
import sys
line = next(l for l in open(sys.argv[1]) if l.startswith("RESULT"))
v = dict(kv.split("=") for kv in line.split()[1:])
ok = float(v["p99_ms"]) <= 20 and int(v["non_2xx"]) == 0
print(f"critics match: {v['rps']} req/s, p99 {v['p99_ms']} ms (target <= 20), {v['non_2xx']} non-2xx: {'PASS' if ok else 'FAIL'}")
PY
  exit 0
fi
python3 - "$WORK/bench.txt" <<'PY'
import re, sys
line = next(l for l in open(sys.argv[1]) if l.startswith("RESULT"))
v = dict(kv.split("=") for kv in line.split()[1:])
ok = float(v["p99_ms"]) <= 10 and float(v["rps"]) >= 5000 and int(v["non_2xx"]) == 0
print(f"throughput {v['rps']} req/s (target >= 5000), p99 {v['p99_ms']} ms (target <= 10): {'PASS' if ok else 'FAIL'}")
PY

echo "== reload under load: CURRENT switched to a copy of the model, then back via POST /admin/reload"
RELOAD_VERSION="$(date -u +%Y%m%d-%H%M%S-999)"
cp -r "$MODELS/$CURRENT_BEFORE" "$MODELS/$RELOAD_VERSION"
python3 - "$MODELS/$RELOAD_VERSION/manifest.json" "$RELOAD_VERSION" <<'PY'
import json, sys
path, version = sys.argv[1], sys.argv[2]
m = json.load(open(path)); m["version"] = version
json.dump(m, open(path, "w"), indent=2)
PY
wrk -t2 -c32 -d"${DURATION}s" -s "$HERE/mix.lua" "$BASE" > "$WORK/reload.txt" &
WRK_PID=$!
sleep $((DURATION / 4))
printf '%s\n' "$RELOAD_VERSION" > "$MODELS/CURRENT.bench" && mv -f "$MODELS/CURRENT.bench" "$MODELS/CURRENT"
for _ in $(seq 1 100); do
  [ "$(curl -fsS "$BASE/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("version"))')" = "$RELOAD_VERSION" ] && break
  sleep 0.1
done
echo "watcher swapped to: $(curl -fsS "$BASE/ready")"
sleep $((DURATION / 4))
printf '%s\n' "$CURRENT_BEFORE" > "$MODELS/CURRENT.bench" && mv -f "$MODELS/CURRENT.bench" "$MODELS/CURRENT"
echo "admin reload: $(curl -fsS -X POST -H 'Authorization: Bearer bench' "$BASE/admin/reload")"
wait "$WRK_PID"
cat "$WORK/reload.txt" | grep RESULT
python3 - "$WORK/reload.txt" <<'PY'
import sys
line = next(l for l in open(sys.argv[1]) if l.startswith("RESULT"))
v = dict(kv.split("=") for kv in line.split()[1:])
ok = int(v["non_2xx"]) == 0 and int(v["socket_errors"]) == 0
print(f"reload under load: {v['non_2xx']} non-2xx, {v['socket_errors']} socket errors: {'PASS' if ok else 'FAIL'}")
ok = float(v["p99_ms"]) <= 10 and float(v["rps"]) >= 5000
print(f"across the reloads: {v['rps']} req/s (target >= 5000), p99 {v['p99_ms']} ms (target <= 10): "
      f"{'PASS' if ok else 'FAIL'}")
PY
grep -E "serving model version|prepared model|paced to|warmed up|refused" "$WORK/server.log" | sed 's/^.*INFO //' || true
