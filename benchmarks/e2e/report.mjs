#!/usr/bin/env node
// Turns the JSON files that benchmarks/e2e/run.sh wrote into one Markdown table with ratios against the Node
// reference. Usage: node report.mjs <results dir>. Missing or failed measurements show as "n/a".
import { fmt, median, ratio, resultsDir } from "./report-lib.mjs";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: node report.mjs <results dir written by run.sh>\n");
  process.exit(2);
}
const { readJson, all } = resultsDir(dir);

function summary(name) {
  const loads = all(`${name}-inspector-`).filter((r) => r.requests > 0 && (r.errors ?? 0) === 0);
  const colds = all(`${name}-cold-`);
  const driver = readJson(`${name}-driver.json`);
  const ping = readJson(`${name}-ping.json`);
  return {
    throughput: median(loads.map((r) => r.throughput)),
    p50: median(loads.map((r) => r.latencyMs.p50)),
    p99: median(loads.map((r) => r.latencyMs.p99)),
    rounds: loads.length,
    toolErrors: loads.reduce((n, r) => n + (r.toolErrors ?? 0), 0),
    cold: median(colds.map((r) => r.medianMs)),
    coldCpu: median(colds.map((r) => r.medianCpuMs)),
    coldRuns: colds.length,
    driverThroughput: driver && driver.errors === 0 ? driver.throughput : NaN,
    cpuPerCall: driver ? driver.serverCpuMsPerCall : NaN,
    rss: driver ? driver.rssAfterLoadMb : NaN,
    peakRss: driver ? driver.peakRssMb : NaN,
    ping: ping && ping.errors === 0 ? ping.throughput : NaN,
  };
}

const ref = summary("ref");
const ours = summary("ours");
const plain = summary("plain");
const sdk = readJson("sdk-direct.json");

const rows = [
  ["tools/call throughput, calls/s (inspector, higher is better)", "throughput", 0],
  ["tools/call p50 latency, ms", "p50", 2],
  ["tools/call p99 latency, ms", "p99", 2],
  ["tools/call throughput, calls/s (mcp-driver, cross-check)", "driverThroughput", 0],
  ["server CPU time per call, ms", "cpuPerCall", 3],
  ["cold start, spawn to tools/list answer, ms (median)", "cold", 0],
  ["cold start CPU time, ms (median)", "coldCpu", 0],
  ["resident memory after the load, MB", "rss", 1],
  ["peak resident memory, MB", "peakRss", 1],
  ["protocol round trip alone: `ping`, calls/s (mcp-driver; same work for both)", "ping", 0],
];
const out = [];
out.push("| measure | Node reference `echo` | ozon-mcp launcher `list_campaigns` | ratio | plain `java -jar` `list_campaigns` | ratio |");
out.push("|---|---:|---:|---:|---:|---:|");
for (const [label, key, digits] of rows) {
  out.push(`| ${label} | ${fmt(ref[key], digits)} | ${fmt(ours[key], digits)} | ${ratio(ours[key], ref[key])} | ${fmt(plain[key], digits)} | ${ratio(plain[key], ref[key])} |`);
}
out.push("");
if (sdk && Number.isFinite(sdk.throughput)) {
  out.push(`Direct SDK \`listCampaigns\` on the sandbox (no MCP, ${sdk.requests} calls at concurrency ${sdk.concurrency}, ` +
    `${sdk.jvm ?? "default JVM flags"}): ${fmt(sdk.throughput)} calls/s, p50 ${fmt(sdk.latencyMs.p50, 2)} ms, ` +
    `p99 ${fmt(sdk.latencyMs.p99, 2)} ms; MCP launcher / direct SDK throughput = ${ratio(ours.throughput, sdk.throughput)}.`);
} else {
  out.push("Direct SDK call: n/a (see the run's sdk-direct.err).");
}
const tp = ratio(ours.throughput, ref.throughput);
const cs = ratio(ours.cold, ref.cold);
out.push("");
out.push(`Goals (launcher vs reference, same run): throughput ratio ${tp} (goal >= 1.0: ${tp !== "n/a" && Number(tp) >= 1 ? "met" : "NOT met"}), ` +
  `cold-start ratio ${cs} (goal <= 1.0: ${cs !== "n/a" && Number(cs) <= 1 ? "met" : "NOT met"}). ` +
  `Rounds with results: ref ${ref.rounds}, ours ${ours.rounds}, plain ${plain.rounds}; tool errors during the load: ` +
  `ref ${ref.toolErrors}, ours ${ours.toolErrors}, plain ${plain.toolErrors}.`);
process.stdout.write(out.join("\n") + "\n");
