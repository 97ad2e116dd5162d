#!/usr/bin/env bash
# Wall time of ingest, train (with and without the hyperparameter search) and 5-fold evaluation on a data set, in
# Spark local[2], JVM start included. Prints one line per step. Usage:
#   jobs/bench/pipeline.sh [movielens|filmtrust|ciao] [DATA_DIR]      (SKIP_EVALUATE=1 to skip the 5-fold run)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FORMAT="${1:-movielens}"
case "$FORMAT" in
  movielens) DEFAULT="$ROOT/../shared/data/ml-latest-small" ;;
  filmtrust) DEFAULT="$ROOT/../shared/data/filmtrust" ;;
  ciao) DEFAULT="$ROOT/../shared/data/ciaodvd" ;;
esac
DATA="${2:-$DEFAULT}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$ROOT/vouch" build
step() {
  local name="$1"; shift
  local t0; t0=$(date +%s.%N)
  "$ROOT/vouch" "$@" --master 'local[2]' --quiet > "$OUT/$name.out"
  printf '%-22s %6.1f s\n' "$name" "$(echo "$(date +%s.%N) - $t0" | bc)"
}
echo "data: $DATA ($FORMAT), $(nproc) cores"
step ingest ingest --format "$FORMAT" --input "$DATA" --warehouse "$OUT/wh"
step train train --warehouse "$OUT/wh" --models "$OUT/models"
step train-no-search train --warehouse "$OUT/wh" --models "$OUT/models" --no-search
if [[ "${SKIP_EVALUATE:-0}" != 1 ]]; then
  step evaluate-5-fold evaluate --warehouse "$OUT/wh" --folds 5 --seed 42 --report "$OUT/report"
  grep -o '"rmse" *: *[0-9.]*' "$OUT/report/metrics.json" | head -1 || true
fi
