#!/usr/bin/env bash
# Where the MCP server spends its time (issue 9): JFR recordings of (1) one cold start up to the tools/list answer
# and (2) a list_campaigns load on the sandbox, each summarised by library and method (jfr-summary.mjs), plus the
# number of classes loaded at start-up and how many came from the CDS archive. Not part of the test command.
#   benchmarks/e2e/profile.sh [--requests 2000] [launcher|plain]     (default: launcher)
# Recordings and summaries go to benchmarks/target/e2e/profile-<time>/.
set -euo pipefail
REQUESTS=2000
MODE=launcher
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS="$2"; shift 2 ;;
    launcher | plain) MODE="$1"; shift ;;
    *) echo "profile.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E/../.." && pwd)"
JAR="$ROOT/ozon-mcp-tools/target/ozon-mcp-tools.jar"
[ -f "$JAR" ] || { echo "profile.sh: build first: ./mvnw -B -q -pl ozon-mcp-tools -am package -DskipTests" >&2; exit 2; }
OUT="$ROOT/benchmarks/target/e2e/profile-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
# The server as a script the driver can spawn; extra JVM flags come in PROFILE_OPTS.
# JFR announces itself on stdout unless its start-up log is configured: send it to stderr (stdout is JSON-RPC).
JFR_LOG="-Xlog:jfr+startup=error:stderr -XX:FlightRecorderOptions=stackdepth=512"
if [ "$MODE" = launcher ]; then
  if [ -x "$ROOT/ozon-mcp-tools/target/ozon-mcp" ]; then L="$ROOT/ozon-mcp-tools/target/ozon-mcp"; else L="$ROOT/ozon-mcp-tools/src/main/dist/ozon-mcp"; fi
  printf '%s\n' '#!/usr/bin/env bash' "OZON_MCP_JAR='$JAR' OZON_MCP_JAVA_OPTS=\"\$PROFILE_OPTS\" exec bash '$L' \"\$@\"" >"$OUT/run-server.sh"
else
  printf '%s\n' '#!/usr/bin/env bash' \
    "exec java -Xlog:disable -Xlog:all=warning:stderr \$PROFILE_OPTS -jar '$JAR' \"\$@\"" >"$OUT/run-server.sh"
fi
DRIVER=(node "$E2E/mcp-driver.mjs")

echo "start-up: classes loaded before the tools/list answer ..." >&2
PROFILE_OPTS="-Xlog:class+load=info:file=$OUT/classes.txt:uptime" "${DRIVER[@]}" coldstart --runs 1 -- bash "$OUT/run-server.sh" --sandbox >/dev/null
echo "start-up under JFR ..." >&2
PROFILE_OPTS="$JFR_LOG -XX:StartFlightRecording=filename=$OUT/startup.jfr,settings=profile" \
  "${DRIVER[@]}" coldstart --runs 1 -- bash "$OUT/run-server.sh" --sandbox >"$OUT/startup.json"
echo "load under JFR: $REQUESTS list_campaigns calls at concurrency 10 ..." >&2
PROFILE_OPTS="$JFR_LOG -XX:StartFlightRecording=filename=$OUT/load.jfr,settings=profile" \
  "${DRIVER[@]}" load --requests "$REQUESTS" --concurrency 10 --tool "${E2E_TOOL:-list_campaigns}" --args "${E2E_TOOL_ARGS:-{\}}" \
  -- bash "$OUT/run-server.sh" --sandbox >"$OUT/load.json"

{
  echo "== classes loaded by the end of the session: $(grep -c . "$OUT/classes.txt" || true)," \
       "from the CDS archive: $(grep -c 'shared objects file' "$OUT/classes.txt" || true) =="
  echo "== start-up timeline: JVM uptime when each library's first class loaded (class+load log) =="
  awk '{ t=$1; gsub(/[\[\]s]/, "", t); split($NF, a, " "); name=$2; n=split(name, p, "."); key=p[1]"."p[2]"."p[3];
         if (n > 3 && !(key in seen)) { seen[key]=t; order[++k]=key } ; last=t }
       END { for (i=1; i<=k; i++) printf "  %8.3f s  %s\n", seen[order[i]], order[i]; printf "  %8.3f s  (last class)\n", last }' \
    "$OUT/classes.txt" | grep -v -E ' (java|jdk|sun)\.' | head -40
  echo "== cold start (one run, JFR on: slower than without) =="
  cat "$OUT/startup.json"
  node "$E2E/jfr-summary.mjs" "$OUT/startup.jfr" --top 15
  echo
  echo "== load =="
  cat "$OUT/load.json"
  node "$E2E/jfr-summary.mjs" "$OUT/load.jfr" --top 25
  echo
  echo "== GC during the load =="
  jfr summary "$OUT/load.jfr" | grep -E 'GarbageCollection|Compilation |ExecutionSample' || true
} | tee "$OUT/summary.txt"
echo "Recordings and summary: $OUT" >&2
