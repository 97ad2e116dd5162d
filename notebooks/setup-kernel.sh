#!/usr/bin/env bash
# Installs the Java kernel for the notebooks (idempotent): the rapaio Jupyter kernel jar from Maven Central into
# notebooks/.kernel/, and a kernelspec named vouch-java that starts it with Spark's JVM flags (see ../vouch).
# Jupyter itself comes from Debian packages (.ci/setup installs them); this script refuses to guess if it is missing.
#   notebooks/setup-kernel.sh [--prefix DIR]     default: the user's Jupyter data dir (jupyter kernelspec --user)
set -euo pipefail
export PYDEVD_DISABLE_FILE_VALIDATION=1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KERNEL_VERSION="${RJK_VERSION:-3.0.1}"
KERNEL_NAME="vouch-java"
KDIR="$HERE/.kernel"
JAR="$KDIR/rapaio-jupyter-kernel-$KERNEL_VERSION.jar"

prefix=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) prefix=(--prefix "$2"); shift 2 ;;
    -h|--help) sed -n 2,5p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup-kernel: unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v jupyter >/dev/null 2>&1 || ! jupyter kernelspec --version >/dev/null 2>&1; then
  echo "setup-kernel: Jupyter is missing; install it first: .ci/setup (or apt-get install jupyter-notebook" \
       "jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)" >&2
  exit 1
fi

if [[ ! -s "$JAR" ]]; then
  echo "setup-kernel: fetching io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" >&2
  mkdir -p "$KDIR"
  mvn -B -q dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" \
      -DoutputDirectory="$KDIR" >&2
fi

# The launcher closes the kernel's start-up race (see kernel/VouchKernelLauncher.java).
LAUNCHER="$KDIR/launcher"
if [[ ! -f "$LAUNCHER/VouchKernelLauncher.class" || "$HERE/kernel/VouchKernelLauncher.java" -nt "$LAUNCHER/VouchKernelLauncher.class" ]]; then
  mkdir -p "$LAUNCHER"
  javac -nowarn -d "$LAUNCHER" -cp "$JAR" "$HERE/kernel/VouchKernelLauncher.java"
fi

JAVA="$(command -v java)"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && JAVA="$JAVA_HOME/bin/java"

# Spark's own launcher flags for Java 17 (shared with ../vouch); Kryo and Netty fail without them.
FLAGS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
  -Djava.awt.headless=true)

SPEC="$KDIR/spec/$KERNEL_NAME"
mkdir -p "$SPEC"
# The Python that runs Jupyter (it has jupyter_client, which kernel/launch.py needs).
PY="$(head -1 "$(command -v jupyter)" | sed -n 's/^#! *//p' | cut -d' ' -f1)"
[[ -x "$PY" ]] || PY="$(command -v python3)"
"$PY" - "$SPEC/kernel.json" "$PY" "$HERE/kernel/launch.py" "$JAVA" "$JAR:$LAUNCHER" "${FLAGS[@]}" <<'PY'
import json, sys
out, py, launch, java, classpath, flags = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:]
spec = {
    "argv": [py, launch, java, *flags, "-Xmx3g", "-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m", "-XX:+UseParallelGC", "-cp", classpath, "VouchKernelLauncher", "{connection_file}"],
    "display_name": "Java 17 (Vouch)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {"RJK_TIMEOUT_MILLIS": "-1"},
}
with open(out, "w") as f:
    json.dump(spec, f, indent=2)
PY

installed="$(jupyter kernelspec list --json 2>/dev/null | "$PY" -c \
  'import json,sys; print(json.load(sys.stdin)["kernelspecs"].get("'"$KERNEL_NAME"'",{}).get("resource_dir",""))')"
if [[ -n "$installed" && -f "$installed/kernel.json" ]] && cmp -s "$installed/kernel.json" "$SPEC/kernel.json"; then
  exit 0   # already installed, same spec
fi
user=(--user); [[ ${#prefix[@]} -gt 0 ]] && user=()
jupyter kernelspec install "${user[@]}" "${prefix[@]}" --replace --name "$KERNEL_NAME" "$SPEC" >&2
echo "setup-kernel: installed kernel $KERNEL_NAME ($JAR)" >&2
