#!/usr/bin/env bash
# Where the MCP server spends its time (issue 9): JFR recordings of (1) cold starts up to the tools/list answer
# and (2) a list_campaigns load, each summarised by library and method (jfr-summary.mjs) for CPU and, for the load,
# allocation, plus the number of classes loaded at start-up (by library, and how many came from the CDS archive)
# and the JVM's own start-up phases. Not part of the test command.
#   benchmarks/e2e/profile.sh [--requests 2000] [--startup-runs 5] [--fake] [launcher|plain]   (default: launcher)
# --fake: against a standalone fake Ozon API (fake-ozon.mjs, as peer.sh uses) instead of the embedded sandbox, so
# the profile is the peer benchmark's work and MockWebServer's serving does not share our process.
# Recordings use 1 ms method sampling (method-profiling=max); start-ups are summed over --startup-runs spawns. The
# load's JSON (mcp-driver) has the CPU time of each JVM thread: JIT compiler and GC threads next to the work.
# Recordings and summaries go to benchmarks/target/e2e/profile-<time>/.
set -euo pipefail
REQUESTS=2000
MODE=launcher
STARTUP_RUNS=5
FAKE=false
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS="$2"; shift 2 ;;
    --startup-runs) STARTUP_RUNS="$2"; shift 2 ;;
    --fake) FAKE=true; shift ;;
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
if [ "$FAKE" = true ]; then
  node "$E2E/fake-ozon.mjs" --max-seconds 1800 >"$OUT/fake.out" 2>"$OUT/fake.err" </dev/null &
  FAKE_PID=$!
  trap 'kill "$FAKE_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 150); do [ -s "$OUT/fake.out" ] && break; sleep 0.1; done
  PORT="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).port)' "$OUT/fake.out")"
  SERVER=(env -u OZON_TOKEN_CACHE_DIR "OZON_API_URL=http://127.0.0.1:$PORT" "OZON_TOKEN_URL=http://127.0.0.1:$PORT/api/client/token"
    "OZON_CLIENT_ID=12345678-1700000000000@advertising.performance.ozon.ru" "OZON_CLIENT_SECRET=benchmark-secret"
    bash "$OUT/run-server.sh")
  TARGET="a fake Ozon API (fake-ozon.mjs, port $PORT)"
else
  SERVER=(bash "$OUT/run-server.sh" --sandbox)
  TARGET="the embedded sandbox"
fi

echo "start-up: classes loaded before the tools/list answer, JVM start-up phases ..." >&2
PROFILE_OPTS="-Xlog:class+load=info:file=$OUT/classes.txt:uptime -Xlog:startuptime=info:file=$OUT/startuptime.txt:uptime" \
  "${DRIVER[@]}" coldstart --runs 1 -- "${SERVER[@]}" >"$OUT/startup-plain.json"
echo "start-up under JFR ($STARTUP_RUNS spawns, 1 ms sampling) ..." >&2
for i in $(seq 1 "$STARTUP_RUNS"); do
  PROFILE_OPTS="$JFR_LOG -XX:StartFlightRecording=filename=$OUT/startup-$i.jfr,settings=profile,method-profiling=max" \
    "${DRIVER[@]}" coldstart --runs 1 -- "${SERVER[@]}" >"$OUT/startup-$i.json"
done
echo "load under JFR: $REQUESTS list_campaigns calls at concurrency 10 on $TARGET ..." >&2
PROFILE_OPTS="$JFR_LOG -XX:StartFlightRecording=filename=$OUT/load.jfr,settings=profile,method-profiling=max" \
  "${DRIVER[@]}" load --requests "$REQUESTS" --concurrency 10 --tool "${E2E_TOOL:-list_campaigns}" --args "${E2E_TOOL_ARGS:-{\}}" \
  -- "${SERVER[@]}" >"$OUT/load.json"

set +o pipefail # `... | head` below may stop a writer early (SIGPIPE): that is not a failure of the summary
{
  echo "== classes loaded by the end of the session: $(grep -c . "$OUT/classes.txt" || true)," \
       "from the CDS archive: $(grep -c 'shared objects file' "$OUT/classes.txt" || true) =="
  echo "== start-up timeline: JVM uptime when each library's first class loaded (class+load log) =="
  awk '{ t=$1; gsub(/[\[\]s]/, "", t); split($NF, a, " "); name=$2; n=split(name, p, "."); key=p[1]"."p[2]"."p[3];
         if (n > 3 && !(key in seen)) { seen[key]=t; order[++k]=key } ; last=t }
       END { for (i=1; i<=k; i++) printf "  %8.3f s  %s\n", seen[order[i]], order[i]; printf "  %8.3f s  (last class)\n", last }' \
    "$OUT/classes.txt" | grep -v -E ' (java|jdk|sun)\.' | head -40
  echo "== classes loaded by library (first three package parts; CDS = from the archive) =="
  awk '{ name=$2; n=split(name, p, "."); key=(n > 3 ? p[1]"."p[2]"."p[3] : name); total[key]++;
         if ($0 ~ /shared objects file/) cds[key]++ }
       END { for (k in total) printf "  %5d  (CDS %5d)  %s\n", total[k], cds[k], k }' "$OUT/classes.txt" | sort -rn | head -25
  echo "== JVM start-up phases (-Xlog:startuptime) =="
  cat "$OUT/startuptime.txt" 2>/dev/null | head -20
  echo "== cold start without JFR (class+load logging on) =="
  cat "$OUT/startup-plain.json"
  echo "== cold starts under JFR (1 ms sampling: slower than without) =="
  cat "$OUT"/startup-*[0-9].json
  node "$E2E/jfr-summary.mjs" "$OUT"/startup-*.jfr --top 20
  echo
  echo "== start-up, critical path only: main and mcp-stdio-reader (the backend is built after the tools/list answer) =="
  node "$E2E/jfr-summary.mjs" "$OUT"/startup-*.jfr --top 20 --threads '^(main|mcp-stdio-reader)$'
  echo
  echo "== load on $TARGET =="
  cat "$OUT/load.json"
  node "$E2E/jfr-summary.mjs" "$OUT/load.jfr" --top 25
  echo
  echo "== allocation during the load =="
  node "$E2E/jfr-summary.mjs" "$OUT/load.jfr" --top 20 --alloc
  echo
  echo "== GC during the load =="
  jfr summary "$OUT/load.jfr" | grep -E 'GarbageCollection|Compilation |ExecutionSample' || true
} | tee "$OUT/summary.txt"
echo "Recordings and summary: $OUT" >&2
