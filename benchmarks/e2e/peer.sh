#!/usr/bin/env bash
# Ours next to the seed's own MCP server ("the peer") on the same work, in ONE run. Not part of the test command.
#
#   benchmarks/e2e/peer.sh <peer-folder> [--peer-commit SHA] [--requests 2000] [--concurrency 10]
#                          [--cold-runs 5] [--rounds 3] [--rebuild] [--no-append]
#
# <peer-folder> is a checkout of the public repository's mcp-servers/ozon-performance-api
# (github.com/salacoste/openapi-mcp-generator). From a bare mirror, for example:
#   G=/work/.mirror/salacoste+openapi-mcp-generator/repo; mkdir -p benchmarks/target/peer-src
#   git --git-dir=$G archive HEAD mcp-servers/ozon-performance-api | tar -x -C benchmarks/target/peer-src
#   benchmarks/e2e/peer.sh benchmarks/target/peer-src/mcp-servers/ozon-performance-api \
#       --peer-commit "$(git --git-dir=$G rev-parse HEAD)"
# (a folder inside its own git checkout is recognised without --peer-commit). The peer's code is never committed
# here: it is copied to benchmarks/target/peer/build and built there with `npm ci && npm run build` (`npm install`
# only if it has no package-lock.json; the report says so). Build ours first:
#   ./mvnw -B -o -q -pl ozon-mcp-tools,benchmarks -am package -DskipTests
#
# Each server gets its OWN fake Ozon API (benchmarks/e2e/fake-ozon.mjs: a small standalone Node server on
# 127.0.0.1, NOT our ozon-sandbox, TCP_NODELAY, the same 25 live-shaped campaigns for both), and no --sandbox:
#   peer: node dist/index.js with API_BASE_URL, OZON_CLIENT_ID, OZON_CLIENT_SECRET; tool ListCampaigns {}.
#         It gets its token with POST <API_BASE_URL>/api/client/token, a JSON body {client_id, client_secret,
#         grant_type: client_credentials} (src/http-client.ts), caches it for expires_in - 60 s, and sends
#         `Authorization: Bearer`; its ListCampaigns always adds ?state=CAMPAIGN_STATE_UNKNOWN (the fake ignores
#         query parameters). Nothing beyond Ozon's documented token call was needed in the fake.
#   ours: the ozon-mcp launcher (as run.sh finds it) with OZON_API_URL, OZON_TOKEN_URL, OZON_CLIENT_ID,
#         OZON_CLIENT_SECRET (no token cache dir); tool list_campaigns {}.
# Measured in --rounds interleaved rounds (the order flips every round, so a busy machine hurts both alike):
#   (a) tools/call throughput and p50/p99 with MCP Inspector --load (--requests calls at --concurrency);
#   (b) the same load through mcp-driver.mjs: resident memory (VmRSS) of the server at the end of the load and its
#       peak (VmHWM), server CPU per call, mean answer size, a cross-check of the throughput;
#   (c) cold start: --cold-runs spawns each, spawn to the tools/list answer (median);
#   (d) `ping` through mcp-driver.mjs: the protocol round trip alone, the same work for both;
# plus the load average per round. Prints a table with the ratios (ours / peer) and appends it, with the date,
# machine, JDK and Node versions and the peer's commit, to benchmarks/RESULTS.md. Every wait is bounded; it exits
# non-zero if a measurement failed. Only 127.0.0.1 is contacted.
set -euo pipefail

REQUESTS=2000
CONCURRENCY=10
COLD_RUNS=5
ROUNDS=3
APPEND=true
REBUILD=false
PEER_COMMIT=""
PEER_SRC=""
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --cold-runs) COLD_RUNS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --peer-commit) PEER_COMMIT="$2"; shift 2 ;;
    --rebuild) REBUILD=true; shift ;;
    --no-append) APPEND=false; shift ;;
    -h | --help) sed -n '2,38p' "$0"; exit 0 ;;
    -*) echo "peer.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) [ -z "$PEER_SRC" ] || { echo "peer.sh: one peer folder only" >&2; exit 2; }; PEER_SRC="$1"; shift ;;
  esac
done
[ -n "$PEER_SRC" ] || { echo "peer.sh: give the peer's folder (mcp-servers/ozon-performance-api); try --help" >&2; exit 2; }
[ "$ROUNDS" -ge 1 ] && [ "$COLD_RUNS" -ge 1 ] || { echo "peer.sh: --rounds and --cold-runs must be >= 1" >&2; exit 2; }

E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E/../.." && pwd)"
PEER_SRC="$(cd "$PEER_SRC" && pwd)"
[ -f "$PEER_SRC/package.json" ] && [ -f "$PEER_SRC/src/http-client.ts" ] \
  || { echo "peer.sh: $PEER_SRC does not look like mcp-servers/ozon-performance-api (package.json, src/http-client.ts)" >&2; exit 2; }
NODE_DIR="$ROOT/benchmarks/target/node"
BUILD="$ROOT/benchmarks/target/peer/build"
JAR="$ROOT/ozon-mcp-tools/target/ozon-mcp-tools.jar"
INSPECTOR_VERSION=2.12.0
OUT="$ROOT/benchmarks/target/e2e/peer-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

command -v node >/dev/null && command -v npm >/dev/null || { echo "peer.sh: needs Node.js (node, npm)" >&2; exit 2; }
command -v java >/dev/null || { echo "peer.sh: needs a JDK 17+ (java) on PATH" >&2; exit 2; }
[ -f "$JAR" ] || { echo "peer.sh: $JAR is missing; build: ./mvnw -B -o -q -pl ozon-mcp-tools,benchmarks -am package -DskipTests" >&2; exit 2; }
if [ -x "$ROOT/ozon-mcp-tools/target/ozon-mcp" ]; then
  LAUNCHER=("$ROOT/ozon-mcp-tools/target/ozon-mcp")
else
  LAUNCHER=(env "OZON_MCP_JAR=$JAR" bash "$ROOT/ozon-mcp-tools/src/main/dist/ozon-mcp")
fi
ARCHIVE="${JAR%.jar}.jsa"
if [ -f "$ARCHIVE" ] && [ "$ARCHIVE" -nt "$JAR" ]; then CDS="CDS archive present"; else CDS="no CDS archive"; fi

# --- the peer's commit ------------------------------------------------------------------------------------
if [ -z "$PEER_COMMIT" ]; then
  top="$(git -C "$PEER_SRC" rev-parse --show-toplevel 2>/dev/null || true)"
  if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" != "$(cd "$ROOT" && pwd -P)" ]; then
    PEER_COMMIT="$(git -C "$PEER_SRC" rev-parse HEAD)"
  else
    PEER_COMMIT="unknown (pass --peer-commit)"
  fi
fi

# --- build the peer under benchmarks/target (never in its folder, never committed) --------------------------
source_hash() { (cd "$PEER_SRC" && find . -path ./node_modules -prune -o -path ./dist -prune -o -name .env -prune \
  -o -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16); }
HASH="$(source_hash)"
if [ "$REBUILD" = true ] || [ ! -f "$BUILD/dist/index.js" ] || [ "$(cat "$BUILD/.source-hash" 2>/dev/null)" != "$HASH" ]; then
  echo "Building the peer in $BUILD ..." >&2
  rm -rf "$BUILD"
  mkdir -p "$BUILD"
  (cd "$PEER_SRC" && tar --exclude=./node_modules --exclude=./dist --exclude=./.env -cf - .) | tar -xf - -C "$BUILD"
  if [ -f "$BUILD/package-lock.json" ]; then
    INSTALL="npm ci"
  else
    INSTALL="npm install"
    echo "peer.sh: the peer has no package-lock.json; falling back to npm install (versions may drift)" >&2
  fi
  (cd "$BUILD" && timeout 600 $INSTALL --no-audit --no-fund --loglevel=error && timeout 300 npm run build) >"$OUT/peer-build.log" 2>&1 \
    || { echo "peer.sh: building the peer failed, see $OUT/peer-build.log" >&2; exit 1; }
  echo "$INSTALL" >"$BUILD/.install-command"
  echo "$HASH" >"$BUILD/.source-hash"
fi
INSTALL="$(cat "$BUILD/.install-command" 2>/dev/null || echo '?')"
peer_dep() { node -e 'try { console.log(require(process.argv[1]).version) } catch { console.log("?") }' \
  "$BUILD/node_modules/$1/package.json"; }
PEER_DEPS="@modelcontextprotocol/sdk $(peer_dep @modelcontextprotocol/sdk), axios $(peer_dep axios)"

# --- MCP Inspector (as run.sh installs it) --------------------------------------------------------------------
INSPECTOR="$NODE_DIR/node_modules/.bin/mcp-inspector"
if [ ! -x "$INSPECTOR" ]; then
  echo "Installing MCP Inspector into $NODE_DIR ..." >&2
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" >&2
fi
USE_INSPECTOR=true
if [[ "$(timeout 60 "$INSPECTOR" --cli --help 2>/dev/null || true)" != *--load-concurrency* ]]; then
  echo "peer.sh: this MCP Inspector has no --load; measuring throughput with mcp-driver.mjs" >&2
  USE_INSPECTOR=false
fi

# --- one fake Ozon API per server -----------------------------------------------------------------------------
FAKE_PIDS=()
cleanup() { for pid in "${FAKE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
start_fake() { # name -> sets FAKE_PORT
  local name="$1" deadline=$((SECONDS + 15))
  node "$E2E/fake-ozon.mjs" --max-seconds 3600 >"$OUT/fake-$name.out" 2>"$OUT/fake-$name.err" </dev/null &
  FAKE_PIDS+=($!)
  until [ -s "$OUT/fake-$name.out" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "peer.sh: the fake for $name did not start, see $OUT/fake-$name.err" >&2; exit 1; }
    sleep 0.1
  done
  FAKE_PORT="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).port)' "$OUT/fake-$name.out")"
}
start_fake peer; PEER_PORT="$FAKE_PORT"
start_fake ours; OURS_PORT="$FAKE_PORT"
CLIENT_ID="12345678-1700000000000@advertising.performance.ozon.ru"
CLIENT_SECRET="benchmark-secret"
CLEAN_ENV=(env -u OZON_API_URL -u OZON_TOKEN_URL -u OZON_TOKEN_FORMAT -u OZON_TOKEN_CACHE_DIR -u OZON_MCP_ENABLE_WRITES
  -u OAUTH_CLIENT_ID -u OAUTH_CLIENT_SECRET -u API_BASE_URL -u API_TIMEOUT -u DEBUG -u OZON_MCP_JAVA_OPTS)
PEER=("${CLEAN_ENV[@]}" "API_BASE_URL=http://127.0.0.1:$PEER_PORT" "OZON_CLIENT_ID=$CLIENT_ID"
  "OZON_CLIENT_SECRET=$CLIENT_SECRET" node "$BUILD/dist/index.js")
OURS=("${CLEAN_ENV[@]}" "OZON_API_URL=http://127.0.0.1:$OURS_PORT" "OZON_TOKEN_URL=http://127.0.0.1:$OURS_PORT/api/client/token"
  "OZON_CLIENT_ID=$CLIENT_ID" "OZON_CLIENT_SECRET=$CLIENT_SECRET" "${LAUNCHER[@]}")
PEER_TOOL=ListCampaigns
OURS_TOOL=list_campaigns
# The peer loads ./.env (dotenv) from its working directory: run everything from the results folder, which has none.
cd "$OUT"

FAILED=0
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
tool_of() { if [ "$1" = peer ]; then echo "$PEER_TOOL"; else echo "$OURS_TOOL"; fi; }
run_server() { # name -> the command in SERVER
  if [ "$1" = peer ]; then SERVER=("${PEER[@]}"); else SERVER=("${OURS[@]}"); fi
}

echo "Results go to $OUT" >&2
echo "(0) one call each: both answers must list all 25 campaigns ..." >&2
for name in peer ours; do
  run_server "$name"
  timeout 120 "$INSPECTOR" --cli --format json --method tools/call --tool-name "$(tool_of "$name")" --tool-args-json '{}' \
    -- "${SERVER[@]}" >"$OUT/$name-sample.json" 2>"$OUT/$name-sample.err" || true
  found="$(node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8");
    let n = 0; for (let i = 0; i < 25; i++) if (text.includes(String(19295547 + i * 1000003))) n++;
    console.log(n);' "$OUT/$name-sample.json" 2>/dev/null || echo 0)"
  echo "$found" >"$OUT/$name-sample.ids"
  if [ "$found" != 25 ]; then echo "peer.sh: $name's answer lists $found of 25 campaigns, see $OUT/$name-sample.json" >&2; FAILED=1; fi
done

inspector_load() { # name round
  local name="$1" round="$2"; run_server "$name"
  if [ "$USE_INSPECTOR" = true ]; then
    timeout 300 "$INSPECTOR" --cli --format json -q --method tools/call --tool-name "$(tool_of "$name")" --tool-args-json '{}' \
      --load --load-requests "$REQUESTS" --load-concurrency "$CONCURRENCY" -- "${SERVER[@]}" \
      >"$OUT/$name-inspector-$round.json" 2>"$OUT/$name-inspector-$round.err" \
      || { echo "peer.sh: inspector load of $name failed, see $OUT/$name-inspector-$round.err" >&2; FAILED=1; }
  else
    driver_load "$name" "inspector-$round"
  fi
}
driver_load() { # name label [extra driver options]
  local name="$1" label="$2"; shift 2; run_server "$name"
  timeout 300 node "$E2E/mcp-driver.mjs" load --requests "$REQUESTS" --concurrency "$CONCURRENCY" "$@" \
    -- "${SERVER[@]}" >"$OUT/$name-$label.json" 2>"$OUT/$name-$label.err" \
    || { echo "peer.sh: driver run $label of $name failed, see $OUT/$name-$label.err" >&2; FAILED=1; }
}
cold_start() { # name run
  local name="$1" run="$2"; run_server "$name"
  timeout 120 node "$E2E/mcp-driver.mjs" coldstart --runs 1 -- "${SERVER[@]}" >"$OUT/$name-cold-$run.json" 2>"$OUT/$name-cold-$run.err" \
    || { echo "peer.sh: cold start of $name failed, see $OUT/$name-cold-$run.err" >&2; FAILED=1; }
}
order() { if [ $(($1 % 2)) -eq 1 ]; then echo "peer ours"; else echo "ours peer"; fi; }

for round in $(seq 1 "$ROUNDS"); do
  echo "(a, b) round $round/$ROUNDS: $(order "$round") ..." >&2
  echo "$round start $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/loadavg.txt"
  for name in $(order "$round"); do inspector_load "$name" "$round"; done
  for name in $(order "$round"); do driver_load "$name" "driver-$round" --tool "$(tool_of "$name")"; done
  echo "$round end $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/loadavg.txt"
done
echo "(c) cold starts ..." >&2
for run in $(seq 1 "$COLD_RUNS"); do
  for name in $(order "$run"); do cold_start "$name" "$run"; done
done
echo "(d) protocol round trip alone (ping) ..." >&2
for name in $(order 1); do driver_load "$name" ping --method ping; done
for name in peer ours; do
  port="$PEER_PORT"; [ "$name" = ours ] && port="$OURS_PORT"
  node -e 'fetch(process.argv[1]).then((r) => r.text()).then((t) => console.log(t))' "http://127.0.0.1:$port/__stats" \
    >"$OUT/fake-$name-stats.json" 2>/dev/null || true
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "## Ours vs the seed's own MCP server (peer mode), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -g | awk '/^Mem:/{print $2}') GiB;" \
       "$(java -version 2>&1 | head -1); Node $(node --version); load average before/after: $LOAD_BEFORE / $LOAD_AFTER."
  echo "Peer: salacoste/openapi-mcp-generator \`mcp-servers/ozon-performance-api\` at \`$PEER_COMMIT\`, built with" \
       "\`$INSTALL && npm run build\` ($PEER_DEPS), \`node dist/index.js\`, tool \`ListCampaigns\`."
  echo "Ours: \`ozon-mcp\` launcher ($CDS), tool \`list_campaigns\`. Each server has its own fake Ozon API" \
       "(\`benchmarks/e2e/fake-ozon.mjs\`, 25 campaigns, same bytes for both), no sandbox."
  echo "Load: MCP Inspector $INSPECTOR_VERSION --load ($([ "$USE_INSPECTOR" = true ] && echo used || echo 'not available, mcp-driver.mjs used'))," \
       "$REQUESTS calls at concurrency $CONCURRENCY, median of $ROUNDS interleaved rounds; memory, CPU and answer size from" \
       "mcp-driver.mjs in the same rounds; cold start median of $COLD_RUNS spawns each."
  echo "Command: \`benchmarks/e2e/peer.sh <peer-folder> --requests $REQUESTS --concurrency $CONCURRENCY --cold-runs $COLD_RUNS --rounds $ROUNDS\`"
  echo
  node "$E2E/peer-report.mjs" "$OUT"
} >"$OUT/table.md" || FAILED=1

cat "$OUT/table.md"
if [ "$APPEND" = true ]; then
  { echo; cat "$OUT/table.md"; } >>"$ROOT/benchmarks/RESULTS.md"
  echo "Appended to $ROOT/benchmarks/RESULTS.md" >&2
fi
exit "$FAILED"
