#!/usr/bin/env bash
# Serving a million films: writes a synthetic published model (format_version 2; 1,000,000 films, 10,000 reviewers,
# 1,000,000 opinions, rank 64 explicit and implicit) with the test tool SyntheticModel, starts vouch serve on it and
# prints the load time, the heap after a full GC, and wrk -t2 -c16 figures for GET /api/reviewers/{id}/suggestions and
# POST /api/suggestions with five trusted reviewers: drawn at random ("post"), then as a reader draws them, a reviewer
# and four of their kindred ("kindred").
#   serving/bench/million.sh WORK_DIR [DURATION_S]
# Needs: mvn -B -pl serving -am test-compile package -DskipTests; wrk, curl, jcmd. Env: PORT (18090), HEAP (4g),
# GC (default "-XX:+UseG1GC -XX:MaxTenuringThreshold=0", as ./vouch serve; -XX:+UseZGC to compare), FILMS, REVIEWERS, OPINIONS, RANK. Targets (issue 15): load <= 30 s, heap <= 4 GB, GET p99 <= 20 ms, POST p99 <= 30 ms.
set -euo pipefail
WORK=$(mkdir -p "${1:?usage: million.sh WORK_DIR [DURATION_S]}" && cd "$1" && pwd)
DURATION=${2:-20}
PORT=${PORT:-18090}
HEAP=${HEAP:-4g}
GC=${GC:--XX:+UseG1GC -XX:MaxTenuringThreshold=0}
FILMS=${FILMS:-1000000}
REVIEWERS=${REVIEWERS:-10000}
OPINIONS=${OPINIONS:-1000000}
RANK=${RANK:-64}
HERE=$(cd "$(dirname "$0")" && pwd)
export VOUCH_BENCH_DIR="$HERE"
SERVING=$(dirname "$HERE")
CP="$SERVING/target/test-classes:$SERVING/target/classes:$(cat "$SERVING/target/runtime-classpath.txt")"
MODELS="$WORK/models-$FILMS"
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true' EXIT

if [ ! -f "$MODELS/CURRENT" ]; then
  echo "== writing a synthetic model: $FILMS films, $REVIEWERS reviewers, $OPINIONS opinions, rank $RANK"
  /usr/bin/time -f "written in %e s" java -Xmx4g -cp "$CP" dev.vouch.serving.model.SyntheticModel "$MODELS" \
    20260101-000000-000 "$FILMS" "$REVIEWERS" "$OPINIONS" "$RANK"
fi
echo "== starting vouch serve (heap $HEAP, $GC)"
START=$(date +%s.%N)
java -Xms"$HEAP" -Xmx"$HEAP" $GC ${JAVA_ARGS:-} -cp "$CP" dev.vouch.serving.app.ServeCommand serve --models "$MODELS" --port "$PORT" \
  --watch-ms 0 > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
until curl -fsS "$BASE/ready" >/dev/null 2>&1; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.5
done
echo "ready after (s, JVM start, load, views and warm-up): $(python3 -c "import time; print(round(time.time() - $START, 1))")"
curl -fsS "$BASE/metrics" | grep -E '^vouch_model_load_seconds |^vouch_model_estimated_bytes '
jcmd "$SERVER_PID" GC.run >/dev/null
echo "heap used after full GC: $(jcmd "$SERVER_PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1)"
grep -E "prepared model|warmed up" "$WORK/server.log" || true
seq 0 $((REVIEWERS - 1)) | sed 's/^/movielens:/' > "$WORK/ids.txt"
# Trust sets as readers make them: a reviewer and the first four of their kindred (GET …/kindred), 2,000 of them.
python3 - "$BASE" "$WORK/ids.txt" "$WORK/kindred-sets.txt" <<'PY'
import json, random, sys, urllib.request
base, ids, out = sys.argv[1], [l.strip() for l in open(sys.argv[2]) if l.strip()], open(sys.argv[3], "w")
for r in random.Random(15).sample(ids, min(2000, len(ids))):
    with urllib.request.urlopen(f"{base}/api/reviewers/{r}/kindred?limit=4") as resp:
        kindred = [k["id"] for k in json.load(resp)["items"]]
    if len(kindred) == 4:
        out.write(" ".join([r] + kindred) + "\n")
PY
echo "kindred trust sets: $(wc -l < "$WORK/kindred-sets.txt")"
for mode in ${MODES:-get post kindred}; do
  echo "== wrk -t2 -c16 -d${DURATION}s, $mode"
  ids="$WORK/ids.txt"
  [ "$mode" = kindred ] && ids="$WORK/kindred-sets.txt"
  MODE=$mode VOUCH_IDS="$ids" wrk -t2 -c16 -d"${DURATION}s" --timeout 10s -s "$HERE/million.lua" "$BASE" | grep RESULT
done
