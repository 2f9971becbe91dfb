#!/usr/bin/env node
// Turns the JSON files that benchmarks/e2e/peer.sh wrote into one Markdown table: the peer, ours and the ratio
// ours / peer for every measure. Usage: node peer-report.mjs <results dir>. Missing measurements show as "n/a".
import { fmt, median, ratio, resultsDir } from "./report-lib.mjs";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: node peer-report.mjs <results dir written by peer.sh>\n");
  process.exit(2);
}
const dirFiles = resultsDir(dir);
const { readText, readJson } = dirFiles;
const all = (prefix) => dirFiles.all(prefix, (f) => /-\d+\.json$/.test(f));
const clean = (r) => r.requests > 0 && (r.errors ?? 0) === 0 && !r.aborted;

function summary(name) {
  const loads = all(`${name}-inspector-`).filter(clean);
  const drivers = all(`${name}-driver-`).filter(clean);
  const colds = all(`${name}-cold-`);
  const ping = readJson(`${name}-ping.json`);
  return {
    perRound: loads.map((r) => r.throughput),
    throughput: median(loads.map((r) => r.throughput)),
    p50: median(loads.map((r) => r.latencyMs.p50)),
    p99: median(loads.map((r) => r.latencyMs.p99)),
    rounds: loads.length,
    toolErrors: [...loads, ...drivers].reduce((n, r) => n + (r.toolErrors ?? 0), 0),
    driverThroughput: median(drivers.map((r) => r.throughput)),
    driverP50: median(drivers.map((r) => r.latencyMs.p50)),
    driverP99: median(drivers.map((r) => r.latencyMs.p99)),
    cpuPerCall: median(drivers.map((r) => r.serverCpuMsPerCall)),
    answerBytes: median(drivers.map((r) => r.meanAnswerBytes)),
    rss: median(drivers.map((r) => r.rssAfterLoadMb)),
    peakRss: median(drivers.map((r) => r.peakRssMb)),
    maxPeakRss: Math.max(...drivers.map((r) => r.peakRssMb)),
    cold: median(colds.map((r) => r.medianMs)),
    coldCpu: median(colds.map((r) => r.medianCpuMs)),
    coldRuns: colds.length,
    ping: ping && clean(ping) ? ping.throughput : NaN,
    threads: drivers.length ? drivers[drivers.length - 1].threadCpuMs : null,
    ids: readText(`${name}-sample.ids`) || "?",
    fake: readJson(`fake-${name}-stats.json`),
  };
}

const peer = summary("peer");
const ours = summary("ours");

const rows = [
  ["tools/call throughput, calls/s (inspector, higher is better)", "throughput", 0],
  ["tools/call p50 latency, ms (inspector)", "p50", 2],
  ["tools/call p99 latency, ms (inspector)", "p99", 2],
  ["tools/call throughput, calls/s (mcp-driver, cross-check)", "driverThroughput", 0],
  ["tools/call p50 / p99, ms (mcp-driver)", null, 2],
  ["server CPU time per call, ms", "cpuPerCall", 3],
  ["answer size on the wire, bytes per call", "answerBytes", 0],
  ["cold start, spawn to tools/list answer, ms (median)", "cold", 0],
  ["cold start CPU time, ms (median)", "coldCpu", 0],
  ["resident memory at the end of the load, MB (median of rounds)", "rss", 1],
  ["peak resident memory during the load, MB (median of rounds)", "peakRss", 1],
  ["protocol round trip alone: `ping`, calls/s (mcp-driver; same work for both)", "ping", 0],
];
const out = [];
out.push("| measure | peer `ListCampaigns` | ours `list_campaigns` | ratio ours / peer |");
out.push("|---|---:|---:|---:|");
for (const [label, key, digits] of rows) {
  if (key === null) {
    out.push(`| ${label} | ${fmt(peer.driverP50, digits)} / ${fmt(peer.driverP99, digits)} | ` +
      `${fmt(ours.driverP50, digits)} / ${fmt(ours.driverP99, digits)} | ` +
      `${ratio(ours.driverP50, peer.driverP50)} / ${ratio(ours.driverP99, peer.driverP99)} |`);
    continue;
  }
  out.push(`| ${label} | ${fmt(peer[key], digits)} | ${fmt(ours[key], digits)} | ${ratio(ours[key], peer[key])} |`);
}
out.push("");
const rounds = Math.max(peer.perRound.length, ours.perRound.length);
const perRound = Array.from({ length: rounds }, (_, i) =>
  `${fmt(peer.perRound[i])} / ${fmt(ours.perRound[i])} (${ratio(ours.perRound[i], peer.perRound[i])})`);
out.push(`Inspector throughput per round, peer / ours (ratio): ${perRound.join("; ")}.`);
const loadavg = readText("loadavg.txt").split("\n").filter(Boolean).map((l) => l.split(" ")).map((p) => `${p[0]} ${p[1]}: ${p[2]}`);
if (loadavg.length) out.push(`Load average (1 min) per round: ${loadavg.join(", ")}.`);
const fake = (f) => (f ? `${f.token} token, ${f.campaign} campaign, ${f.unauthorized} unauthorized requests` : "n/a");
out.push(`Fake Ozon APIs after the run: peer's ${fake(peer.fake)}; ours ${fake(ours.fake)}. ` +
  `Campaigns found in one sampled answer: peer ${peer.ids}/25, ours ${ours.ids}/25. ` +
  `Highest peak RSS: peer ${fmt(peer.maxPeakRss, 1)} MB, ours ${fmt(ours.maxPeakRss, 1)} MB.`);
const threads = (t) => (t ? Object.entries(t).slice(0, 5).map(([k, v]) => `${k.trim()} ${v}`).join(", ") : "n/a");
out.push(`CPU ms by thread since spawn, last driver round (names cut to 15 characters by Linux, digits folded): ` +
  `peer ${threads(peer.threads)}; ours ${threads(ours.threads)}.`);
const tp = ratio(ours.throughput, peer.throughput);
const cs = ratio(ours.cold, peer.cold);
const rss = ratio(ours.rss, peer.rss);
const verdict = (r, ok) => (r !== "n/a" && ok(Number(r)) ? "met" : "NOT met");
out.push("");
// Issue 17: faster than the seed's own server on the same work.
out.push(`Goals (ours vs peer, same run): throughput ratio ${tp} (goal >= 1.2: ${verdict(tp, (r) => r >= 1.2)}), ` +
  `cold-start ratio ${cs} (goal <= 0.8: ${verdict(cs, (r) => r <= 0.8)}), ` +
  `resident memory after the load ${rss} (goal <= 1.0: ${verdict(rss, (r) => r <= 1.0)}). ` +
  `Rounds with clean results: peer ${peer.rounds}, ours ${ours.rounds}; cold starts: peer ${peer.coldRuns}, ours ${ours.coldRuns}; ` +
  `tool errors during the loads: peer ${peer.toolErrors}, ours ${ours.toolErrors}.`);
process.stdout.write(out.join("\n") + "\n");
