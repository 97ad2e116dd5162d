#!/usr/bin/env bash
# Sets up the Java kernel, builds the project jars if needed, and executes every notebook headlessly on the
# embedded data (data/reviews + a small seeded synthetic set), in order: 01 builds the warehouse, 02 runs, compares
# and publishes, 03 looks inside the candidate model. Fails when a cell errors or a notebook shows no plot.
#   notebooks/run-all.sh [--prepare-only] [NOTEBOOK...]
#     --prepare-only   set up the kernel and the jar folders, then stop (before opening the notebooks in Jupyter)
#     NOTEBOOK...      run only these notebooks (default: every *.ipynb here, in name order)
# Executed copies go to notebooks/.work/executed/; inputs and runs to notebooks/.work/embedded/ (recreated each run).
set -euo pipefail
export PYDEVD_DISABLE_FILE_VALIDATION=1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="$HERE/.work"
export VOUCH_ROOT="$ROOT"
export VOUCH_NB_WORK="$WORK/embedded"
STARTED=$SECONDS

prepare_only=0
notebooks=()
for a in "$@"; do
  case "$a" in
    --prepare-only) prepare_only=1 ;;
    -h|--help) sed -n 2,9p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) if [[ -f "$a" ]]; then notebooks+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")")
       elif [[ -f "$HERE/$a" ]]; then notebooks+=("$HERE/$a")
       else echo "run-all: no notebook $a" >&2; exit 2; fi ;;
  esac
done
if [[ ${#notebooks[@]} -eq 0 ]]; then
  for nb in "$HERE"/[0-9]*.ipynb; do notebooks+=("$nb"); done
fi

log() { printf '[notebooks %4ds] %s\n' $((SECONDS - STARTED)) "$*" >&2; }

log "kernel"
"$HERE/setup-kernel.sh"

# The project's jars: `./vouch build` runs mvn package when they are missing or older than the sources.
log "project jars"
"$ROOT/vouch" build

# One folder of jars per JVM kind, for the notebooks' `%jar` magic: the runtime classpath (links) plus a jar of the
# module's classes. Serving and Spark cannot share a classpath, so notebook 03 (serving) has its own folder.
lib_folder() {   # lib_folder MODULE [EXTRA_JAR...]
  local module="$1"; shift
  local dir="$WORK/lib/$module"
  rm -rf "$dir" && mkdir -p "$dir"
  local jar
  for jar in $(tr ':' '\n' < "$ROOT/$module/target/runtime-classpath.txt") "$@"; do
    [[ -f "$jar" ]] && ln -sf "$jar" "$dir/"
  done
  (cd "$ROOT/$module/target/classes" && jar cf "$dir/vouch-$module-classes.jar" .)
}
lib_folder jobs
lib_folder serving "$(tr ':' '\n' < "$ROOT/jobs/target/runtime-classpath.txt" | grep '/xchart-[0-9.]*\.jar$')"

if [[ $prepare_only == 1 ]]; then
  log "prepared; open the notebooks with: jupyter notebook --allow-root $HERE   (kernel: Java 17 (Vouch))"
  exit 0
fi

rm -rf "$VOUCH_NB_WORK" "$WORK/executed"
mkdir -p "$VOUCH_NB_WORK" "$WORK/executed"
failed=()
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb")"
  out="$WORK/executed/$name"
  logfile="$WORK/executed/${name%.ipynb}.log"
  ok=0
  for attempt in 1 2 3; do
    log "executing $name (attempt $attempt)"
    if (cd "$HERE" && jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=900 \
          --ExecutePreprocessor.startup_timeout=120 --ExecutePreprocessor.kernel_name=vouch-java \
          --output-dir "$WORK/executed" "$nb") >"$logfile" 2>&1; then
      ok=1; break
    fi
    # Retry only when the kernel never came up; a failing cell is a real failure.
    if grep -qE "Kernel died before replying to kernel_info|Kernel didn't respond in [0-9]+ seconds" "$logfile"; then
      log "$name: the kernel did not start; retrying"
      continue
    fi
    break
  done
  if [[ $ok == 0 ]]; then
    log "FAILED $name (log: $logfile)"
    grep -E -A3 "CellExecutionError|^Exception|Error" "$logfile" | sed 's/\x1b\[[0-9;]*m//g' | head -40 >&2 || true
    failed+=("$name")
    continue
  fi
  # Every notebook plots: an executed copy without an inline PNG means a chart silently failed.
  if ! grep -q '"image/png"' "$out"; then
    log "FAILED $name: no image/png output in $out"
    failed+=("$name")
    continue
  fi
  log "ok $name ($(grep -c '"image/png"' "$out") plots)"
done

if [[ ${#failed[@]} -gt 0 ]]; then
  log "failed: ${failed[*]}"
  exit 1
fi
log "all notebooks executed; see $WORK/executed/"
