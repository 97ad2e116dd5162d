#!/usr/bin/env bash
# Issue 15 figures for the batch side: vouch generate at 1M and 10M opinions (films and reviewers scaled alike), and
# ingest of ml-latest-small, each timed as a whole process (JVM start included) with its peak RSS.
#   jobs/bench/scale.sh WORK_DIR [SIZES]        SIZES: default "1000000 10000000"
# Env: DATA (default ../shared/data relative to the checkout), SKIP_INGEST=1. Serving figures: serving/bench/bench.sh
# (WARMUP_S=0 for a cold start) and serving/bench/million.sh. Report the machine's load beside the figures.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mkdir -p "${1:?usage: scale.sh WORK_DIR [SIZES]}" && cd "$1" && pwd)
SIZES=${2:-"1000000 10000000"}
DATA=${DATA:-$ROOT/../shared/data}
timed() { /usr/bin/time -f "  %e s wall, %U s user CPU, peak RSS %M KB" "$@"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $SIZES; do
  reviewers=$((n / 100)); films=$((n / 100))
  [ "$n" -lt 10000000 ] && films=$((n / 50))
  echo "== vouch generate --opinions $n --reviewers $reviewers --films $films"
  timed "$ROOT/vouch" generate --out "$WORK/gen-$n" --opinions "$n" --reviewers "$reviewers" --films "$films" --quiet
  sha256sum "$WORK/gen-$n/ratings.csv" | cut -c1-16
done
if [ -z "${SKIP_INGEST:-}" ]; then
  echo "== vouch ingest ml-latest-small"
  rm -rf "$WORK/wh-ml"
  timed "$ROOT/vouch" ingest --format movielens --input "$DATA/ml-latest-small" --warehouse "$WORK/wh-ml" --quiet >/dev/null
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
