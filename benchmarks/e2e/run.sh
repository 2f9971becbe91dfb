#!/usr/bin/env bash
# End-to-end speed of the MCP server next to the Node reference server, in ONE run (issues 9 and 7).
# Not part of the test command. Build first:
#   ./mvnw -B -q -pl ozon-mcp-tools,benchmarks -am package -DskipTests
# then:
#   benchmarks/e2e/run.sh [--requests 2000] [--concurrency 10] [--cold-runs 5] [--rounds 3] [--no-append]
#
# What it measures, side by side, alternating the servers so that a busy machine hurts all of them alike:
#   (a) tools/call throughput and p50/p99 latency with MCP Inspector's own load mode
#       (mcp-inspector --cli ... --load --load-requests N --load-concurrency C): ours `list_campaigns` on the
#       embedded sandbox (a real SDK call over loopback HTTP behind every call) vs the reference's `echo`;
#       median of --rounds runs;
#   (b) cold start: median of --cold-runs spawns, from process spawn to the tools/list answer (mcp-driver.mjs);
#   (c) resident memory (VmRSS of the process tree) right after the same load, plus the server's CPU time per call
#       (mcp-driver.mjs; it also reports its own throughput as a cross-check of the inspector's);
#   (c') the protocol round trip alone: `ping` (the same work for every server) through mcp-driver.mjs;
#   (d) the direct SDK call (no MCP) of list_campaigns against the sandbox, same count and concurrency.
# It installs @modelcontextprotocol/server-everything and @modelcontextprotocol/inspector into
# benchmarks/target/node with npm if they are absent, prints a table with the ratios and appends it, with the
# machine and the date, to benchmarks/RESULTS.md. Every wait is bounded; it exits non-zero if a measurement failed.
# E2E_TOOL / E2E_TOOL_ARGS pick another tool of ours (default: list_campaigns with {}).
set -euo pipefail

REQUESTS=2000
CONCURRENCY=10
COLD_RUNS=5
ROUNDS=3
APPEND=true
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --cold-runs) COLD_RUNS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --no-append) APPEND=false; shift ;;
    -h | --help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E/../.." && pwd)"
NODE_DIR="$ROOT/benchmarks/target/node"
JAR="$ROOT/ozon-mcp-tools/target/ozon-mcp-tools.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
EVERYTHING_VERSION=2026.8.31
INSPECTOR_VERSION=2.12.0
OUT="$ROOT/benchmarks/target/e2e/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

command -v node >/dev/null || { echo "run.sh: needs Node.js (node, npm) for the reference server and MCP Inspector" >&2; exit 2; }
command -v java >/dev/null || { echo "run.sh: needs a JDK 17+ (java) on PATH" >&2; exit 2; }
if [ ! -f "$JAR" ]; then
  echo "run.sh: $JAR is missing. Build it first (from $ROOT):" >&2
  echo "  ./mvnw -B -q -pl ozon-mcp-tools,benchmarks -am package -DskipTests" >&2
  exit 2
fi

# The way users start it by default: the launcher the build puts beside the jar (falls back to the source copy).
if [ -x "$ROOT/ozon-mcp-tools/target/ozon-mcp" ]; then
  LAUNCHER=("$ROOT/ozon-mcp-tools/target/ozon-mcp")
else
  LAUNCHER=(env "OZON_MCP_JAR=$JAR" bash "$ROOT/ozon-mcp-tools/src/main/dist/ozon-mcp")
fi
ARCHIVE="${JAR%.jar}.jsa"
if [ -f "$ARCHIVE" ] && [ "$ARCHIVE" -nt "$JAR" ]; then
  CDS="present ($(du -h "$ARCHIVE" | cut -f1))"
else
  CDS="absent (the launcher runs without it; the build makes it unless -DskipCds)"
fi

# --- the Node reference server and MCP Inspector ----------------------------------------------------------
EVERYTHING="$NODE_DIR/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
INSPECTOR="$NODE_DIR/node_modules/.bin/mcp-inspector"
if [ ! -f "$EVERYTHING" ] || [ ! -x "$INSPECTOR" ]; then
  echo "Installing the reference server and MCP Inspector into $NODE_DIR ..." >&2
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error \
    "@modelcontextprotocol/server-everything@$EVERYTHING_VERSION" "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" >&2
fi
USE_INSPECTOR=true
INSPECTOR_HELP="$(timeout 60 "$INSPECTOR" --cli --help 2>/dev/null || true)"
if [[ "$INSPECTOR_HELP" != *--load-concurrency* ]]; then
  echo "run.sh: this MCP Inspector has no --load; measuring throughput with mcp-driver.mjs for every server" >&2
  USE_INSPECTOR=false
fi

REF=(node "$EVERYTHING" stdio)
OURS=("${LAUNCHER[@]}" --sandbox)
PLAIN=(java -jar "$JAR" --sandbox)
REF_TOOL=echo;           REF_ARGS='{"message":"hello"}'
OUR_TOOL="${E2E_TOOL:-list_campaigns}"; OUR_ARGS="${E2E_TOOL_ARGS:-{\}}"

FAILED=0
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

inspector_load() { # name tool args command...
  local name="$1" tool="$2" args="$3" round="$4"; shift 4
  if [ "$USE_INSPECTOR" = true ]; then
    if ! timeout 300 "$INSPECTOR" --cli --format json -q --method tools/call --tool-name "$tool" --tool-args-json "$args" \
        --load --load-requests "$REQUESTS" --load-concurrency "$CONCURRENCY" -- "$@" \
        >"$OUT/$name-inspector-$round.json" 2>"$OUT/$name-inspector-$round.err"; then
      echo "run.sh: inspector load of $name failed, see $OUT/$name-inspector-$round.err" >&2; FAILED=1
    fi
  else
    driver_load "$name" "$tool" "$args" "inspector-$round" "$@"
  fi
}

driver_load() { # name tool args label command...
  local name="$1" tool="$2" args="$3" label="$4"; shift 4
  if ! timeout 300 node "$E2E/mcp-driver.mjs" load --requests "$REQUESTS" --concurrency "$CONCURRENCY" --tool "$tool" \
      --args "$args" -- "$@" >"$OUT/$name-$label.json" 2>"$OUT/$name-$label.err"; then
    echo "run.sh: driver load of $name failed, see $OUT/$name-$label.err" >&2; FAILED=1
  fi
}

cold_start() { # name round command...
  local name="$1" round="$2"; shift 2
  if ! timeout 120 node "$E2E/mcp-driver.mjs" coldstart --runs 1 -- "$@" >"$OUT/$name-cold-$round.json" 2>"$OUT/$name-cold-$round.err"; then
    echo "run.sh: cold start of $name failed, see $OUT/$name-cold-$round.err" >&2; FAILED=1
  fi
}

echo "Results go to $OUT" >&2
for round in $(seq 1 "$ROUNDS"); do
  echo "(a) load round $round/$ROUNDS ..." >&2
  inspector_load ref "$REF_TOOL" "$REF_ARGS" "$round" "${REF[@]}"
  inspector_load ours "$OUR_TOOL" "$OUR_ARGS" "$round" "${OURS[@]}"
  inspector_load plain "$OUR_TOOL" "$OUR_ARGS" "$round" "${PLAIN[@]}"
done
echo "(b) cold starts ..." >&2
for round in $(seq 1 "$COLD_RUNS"); do
  cold_start ref "$round" "${REF[@]}"
  cold_start ours "$round" "${OURS[@]}"
  cold_start plain "$round" "${PLAIN[@]}"
done
echo "(c) memory after load ..." >&2
driver_load ref "$REF_TOOL" "$REF_ARGS" driver "${REF[@]}"
driver_load ours "$OUR_TOOL" "$OUR_ARGS" driver "${OURS[@]}"
driver_load plain "$OUR_TOOL" "$OUR_ARGS" driver "${PLAIN[@]}"
echo "(c') protocol round trip alone (ping) ..." >&2
ping_load() { # name command...
  local name="$1"; shift
  if ! timeout 300 node "$E2E/mcp-driver.mjs" load --method ping --requests "$REQUESTS" --concurrency "$CONCURRENCY" \
      -- "$@" >"$OUT/$name-ping.json" 2>"$OUT/$name-ping.err"; then
    echo "run.sh: ping load of $name failed, see $OUT/$name-ping.err" >&2; FAILED=1
  fi
}
ping_load ref "${REF[@]}"
ping_load ours "${OURS[@]}"
ping_load plain "${PLAIN[@]}"

echo "(d) direct SDK call ..." >&2
SDK_MAIN=io.github.ozonperf.benchmarks.e2e.DirectSdkBenchmark
if [ -f "$BENCH_JAR" ] && unzip -l "$BENCH_JAR" "${SDK_MAIN//.//}.class" >/dev/null 2>&1; then
  if ! timeout 300 java -cp "$BENCH_JAR" "$SDK_MAIN" --requests "$REQUESTS" --concurrency "$CONCURRENCY" \
      >"$OUT/sdk-direct.json" 2>"$OUT/sdk-direct.err"; then
    echo "run.sh: the direct SDK benchmark failed, see $OUT/sdk-direct.err" >&2; FAILED=1
  fi
else
  echo "run.sh: $BENCH_JAR has no $SDK_MAIN; build it with ./mvnw -B -q -pl benchmarks -am package -DskipTests" >&2
  FAILED=1
fi

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "## End-to-end MCP benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB memory, $(java -version 2>&1 | head -1);" \
       "Node $(node --version); load average before/after: $LOAD_BEFORE / $LOAD_AFTER."
  echo "Reference: @modelcontextprotocol/server-everything $EVERYTHING_VERSION (\`echo\`); driver: MCP Inspector" \
       "$INSPECTOR_VERSION --load ($([ "$USE_INSPECTOR" = true ] && echo used || echo 'not available, mcp-driver.mjs used')), " \
       "$REQUESTS calls at concurrency $CONCURRENCY, median of $ROUNDS rounds; cold start median of $COLD_RUNS spawns."
  echo "Ours: \`ozon-mcp --sandbox\` (launcher; CDS archive $CDS) and plain \`java -jar ozon-mcp-tools.jar --sandbox\`," \
       "both \`list_campaigns\` on the embedded sandbox."
  echo "Command: \`benchmarks/e2e/run.sh --requests $REQUESTS --concurrency $CONCURRENCY --cold-runs $COLD_RUNS --rounds $ROUNDS\`"
  echo
  node "$E2E/report.mjs" "$OUT"
} >"$OUT/table.md" || FAILED=1

cat "$OUT/table.md"
if [ "$APPEND" = true ]; then
  { echo; cat "$OUT/table.md"; } >>"$ROOT/benchmarks/RESULTS.md"
  echo "Appended to $ROOT/benchmarks/RESULTS.md" >&2
fi
exit "$FAILED"
