#!/usr/bin/env bash
# Issue 15 figures for the batch jobs on ml-latest-small, each command timed as a whole process (JVM start included)
# with its peak RSS and the machine's load before and after:
#   ingest (into a fresh warehouse), train + publish (with the search, the default), and the 5-fold evaluation with
#   every test reviewer ranked by every model and baseline (the defaults: --max-ranked and --mahout-ranked 100000).
#   jobs/bench/batch.sh WORK_DIR [STEPS]        STEPS: default "ingest train evaluate"
# Env: DATA (default ../shared/data relative to the checkout), LOCK (a file: every timed step runs under
# `flock -x LOCK`, for machines shared with other runs). Synthetic sizes: jobs/bench/scale.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mkdir -p "${1:?usage: batch.sh WORK_DIR [STEPS]}" && cd "$1" && pwd)
STEPS=${2:-"ingest train evaluate"}
DATA=${DATA:-$ROOT/../shared/data}
timed() {
  local lock=()
  [ -n "${LOCK:-}" ] && lock=(flock -x "$LOCK")
  # load read inside the lock, on stderr (the command's stdout is discarded)
  "${lock[@]}" bash -c 'echo "  load before: $(cut -d" " -f1-3 /proc/loadavg)" >&2
    /usr/bin/time -f "  %e s wall, %U s user CPU, %S s sys, peak RSS %M KB" "$@"; rc=$?
    echo "  load after: $(cut -d" " -f1-3 /proc/loadavg)" >&2; exit $rc' timed "$@"
}

"$ROOT/vouch" train --help >/dev/null # builds the jars first when sources changed, outside the timings
# The first batch run after a build writes the launcher's class-data archive (jobs/target/vouch-jobs.jsa, ~10 s
# more): write it here, outside the timings, with an ingest of the first 2,000 ratings.
if [[ ! "$ROOT/jobs/target/vouch-jobs.jsa" -nt "$ROOT/.build-stamp" ]]; then
  rm -rf "$WORK/cds-prime" && mkdir -p "$WORK/cds-prime/in"
  head -2001 "$DATA/ml-latest-small/ratings.csv" >"$WORK/cds-prime/in/ratings.csv"
  "$ROOT/vouch" ingest --format movielens --input "$WORK/cds-prime/in" --warehouse "$WORK/cds-prime/wh" --quiet >/dev/null
fi
echo "machine: $(nproc) cores"
for step in $STEPS; do
  case "$step" in
    ingest)
      echo "== vouch ingest ml-latest-small"
      rm -rf "$WORK/wh-ml"
      timed "$ROOT/vouch" ingest --format movielens --input "$DATA/ml-latest-small" --warehouse "$WORK/wh-ml" \
        --quiet >/dev/null ;;
    train)
      echo "== vouch train ml-latest-small (search on) + publish"
      timed "$ROOT/vouch" train --warehouse "$WORK/wh-ml" --models "$WORK/models-ml" --quiet >/dev/null ;;
    evaluate)
      echo "== vouch evaluate ml-latest-small, 5 folds, every test reviewer ranked"
      timed "$ROOT/vouch" evaluate --warehouse "$WORK/wh-ml" --report "$WORK/report-ml" --quiet >/dev/null ;;
    *) echo "unknown step $step (ingest, train, evaluate)" >&2; exit 2 ;;
  esac
done
