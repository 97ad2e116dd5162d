#!/usr/bin/env bash
# Spark's standalone cluster manager on this machine, from Maven Central jars alone (no Spark download), and the
# submit path of `vouch ingest|train|evaluate --master spark://…`. Called by the vouch launcher, which passes
# VOUCH_SPARK_FLAGS (its Java 17 flags) and VOUCH_WORK.
#
#   cluster.sh up [--workers N] [--cores C] [--memory M]   master + N workers on 127.0.0.1; prints the master URL
#   cluster.sh status                                      the master URL and each daemon's pid; exit 3 when down
#   cluster.sh down                                        stops every daemon (and its executors) by PID
#   cluster.sh submit MASTER_URL COMMAND ARGS…             runs a vouch command through SparkSubmit
#
# State (pids, logs, master URL, workers' folders) lives in $VOUCH_CLUSTER_DIR (default $VOUCH_WORK/cluster); the
# Spark home in $VOUCH_SPARK_HOME (default $VOUCH_WORK/spark-home), assembled once per Spark version.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${VOUCH_WORK:-$ROOT/work}"
STATE="${VOUCH_CLUSTER_DIR:-$WORK/cluster}"
export SPARK_HOME="${VOUCH_SPARK_HOME:-$WORK/spark-home}"
export SPARK_SCALA_VERSION=2.13
read -r -a FLAGS <<< "${VOUCH_SPARK_FLAGS:?run through the vouch launcher, which sets VOUCH_SPARK_FLAGS}"
MAIN=dev.vouch.jobs.cli.VouchJobsCli

die() { echo "vouch cluster: $*" >&2; exit 1; }

spark_version() { sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$ROOT/jobs/pom.xml" | head -1; }

# $SPARK_HOME/jars: Spark and its dependencies, as a Spark distribution ships them. Spark's launcher code (which the
# workers use to start executors) needs that folder; our own libraries travel in the cluster jar instead.
spark_home() {
  local version; version="$(spark_version)"
  [[ -n "$version" ]] || die "no <spark.version> in jobs/pom.xml"
  if [[ "$(cat "$SPARK_HOME/RELEASE" 2>/dev/null)" == "Spark $version" ]]; then return; fi
  echo "vouch cluster: assembling Spark $version in $SPARK_HOME from Maven Central (once)…" >&2
  rm -rf "$SPARK_HOME.tmp"
  mvn -B -q -f "$ROOT/jobs/cluster/spark-home.xml" -Dspark.version="$version" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$SPARK_HOME.tmp/jars" >&2
  echo "Spark $version" > "$SPARK_HOME.tmp/RELEASE"
  rm -rf "$SPARK_HOME"
  mv "$SPARK_HOME.tmp" "$SPARK_HOME"
}

# A daemon is ours when its pid file names a live JVM running that Spark class (a recycled pid is not).
alive() {
  local pid="$1" class="$2"
  [[ -r "/proc/$pid/cmdline" && "$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" == *"$class"* ]]
}

descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

daemons() { compgen -G "$STATE/*.pid" || true; }

class_of() { case "$(basename "$1")" in master.pid) echo org.apache.spark.deploy.master.Master ;;
                                         *) echo org.apache.spark.deploy.worker.Worker ;; esac; }

# Waits until a daemon's log shows a line matching $3; prints that line.
await_log() {
  local pid="$1" log="$2" pattern="$3" line
  for _ in $(seq 1 600); do
    line="$(grep -m1 -E "$pattern" "$log" 2>/dev/null || true)"
    if [[ -n "$line" ]]; then echo "$line"; return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; die "daemon $pid exited; see $log"; }
    sleep 0.1
  done
  tail -20 "$log" >&2
  die "timed out waiting for '$pattern' in $log"
}

start_daemon() {
  local name="$1"; shift
  # Daemons bind to loopback only (the master, the workers and their web UIs on ephemeral ports).
  # No REST submission server: it would take the fixed port 6066.
  SPARK_LOCAL_IP=127.0.0.1 nohup java ${VOUCH_CLUSTER_DAEMON_OPTS:--Xmx512m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC} \
    "${FLAGS[@]}" -Dspark.master.rest.enabled=false -cp "$SPARK_HOME/jars/*" \
    "$@" > "$STATE/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE/$name.pid"
  echo $!
}

up() {
  local workers=2 cores=1 memory=2g
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --workers) workers="$2"; shift 2 ;;
      --cores) cores="$2"; shift 2 ;;
      --memory) memory="$2"; shift 2 ;;
      -h|--help) echo "Usage: vouch cluster up [--workers N (2)] [--cores C (1)] [--memory M (2g)]"; return 0 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$workers" =~ ^[1-9][0-9]*$ ]] || die "--workers must be a positive number, got $workers"
  if status >/dev/null 2>&1; then die "already up at $(cat "$STATE/master-url") (vouch cluster down first)"; fi
  down >/dev/null 2>&1 || true
  spark_home
  mkdir -p "$STATE/logs"
  rm -f "$STATE/master-url"
  local pid line url
  pid="$(start_daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0)"
  line="$(await_log "$pid" "$STATE/logs/master.log" 'Starting Spark master at spark://')"
  url="spark://${line##*spark://}"
  for i in $(seq 1 "$workers"); do
    mkdir -p "$STATE/worker-$i"
    start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
      --cores "$cores" --memory "$memory" --work-dir "$STATE/worker-$i" "$url" > /dev/null
  done
  for i in $(seq 1 "$workers"); do
    await_log "$(cat "$STATE/worker-$i.pid")" "$STATE/logs/worker-$i.log" 'Successfully registered with master' > /dev/null
  done
  echo "$url" > "$STATE/master-url"
  echo "vouch cluster: master and $workers worker(s) ($cores core(s), $memory each) up; logs in $STATE/logs" >&2
  echo "$url"
}

status() {
  [[ -f "$STATE/master-url" ]] || { echo "vouch cluster: not running" >&2; return 3; }
  local down=0 f
  echo "$(cat "$STATE/master-url")"
  for f in $(daemons); do
    if alive "$(cat "$f")" "$(class_of "$f")"; then echo "  $(basename "$f" .pid) pid $(cat "$f")"
    else echo "  $(basename "$f" .pid) pid $(cat "$f") (gone)"; down=1; fi
  done
  [[ $down == 0 ]] || return 3
}

down() {
  local f pid pids=()
  for f in $(daemons); do
    pid="$(cat "$f")"
    if alive "$pid" "$(class_of "$f")"; then
      # a worker's executors are its children: stop them with it
      pids+=("$pid" $(descendants "$pid"))
    fi
  done
  if [[ ${#pids[@]} -gt 0 ]]; then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 1 100); do
      local left=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
      [[ $left == 0 ]] && break
      sleep 0.1
    done
    kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  rm -f "$STATE"/*.pid "$STATE/master-url"
  echo "vouch cluster: stopped ${#pids[@]} process(es)" >&2
}

# The driver runs in this JVM (client mode), so killing it kills the run, as with a local run.
submit() {
  local master="$1"; shift
  local jars=("$ROOT"/jobs/target/vouch-jobs-*-cluster.jar)
  [[ -f "${jars[0]}" ]] || die "no cluster jar in jobs/target (run: mvn -pl jobs -am package)"
  spark_home
  # Executors get the stack depth the launcher gives local runs (deep ALS lineages); a command line's own --conf
  # (applied by the job after these) wins.
  local conf=(--conf "spark.executor.extraJavaOptions=-Xss8m")
  case "$master" in
    spark://127.0.0.1:*|spark://localhost:*)
      # A loopback cluster shares this machine's cores: C1 only, as the launcher runs local mode, and loopback only.
      export SPARK_LOCAL_IP=127.0.0.1
      conf=(--conf "spark.executor.extraJavaOptions=-Xss8m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC"
            --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1) ;;
  esac
  # the jobs' own logging settings (Spark's INFO chatter off), which SparkSubmit would not find inside the jar
  local log4j=()
  [[ -f "$ROOT/jobs/target/classes/log4j2.properties" ]] \
    && log4j=(-Dlog4j2.configurationFile="$ROOT/jobs/target/classes/log4j2.properties")
  exec java ${VOUCH_JOBS_JAVA_OPTS:--Xmx4g -Xss8m -XX:+UseParallelGC} "${FLAGS[@]}" "${log4j[@]}" -cp "$SPARK_HOME/jars/*" \
    org.apache.spark.deploy.SparkSubmit --master "$master" "${conf[@]}" --class "$MAIN" "${jars[0]}" "$@"
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  up) up "$@" ;;
  down) down ;;
  status) status ;;
  submit) [[ $# -ge 2 ]] || die "usage: cluster.sh submit MASTER_URL COMMAND ARGS…"; submit "$@" ;;
  spark-home) spark_home; echo "$SPARK_HOME" ;;
  -h|--help|help) echo "Usage: vouch cluster up [--workers N] [--cores C] [--memory M] | status | down" ;;
  *) echo "Usage: vouch cluster up [--workers N] [--cores C] [--memory M] | status | down" >&2; exit 2 ;;
esac
