#!/usr/bin/env node
// Summarises where a JFR recording spent CPU: execution samples by top frame ("self"), by library of the top
// frame, and inclusive counts for the libraries on the stack. Used by benchmarks/e2e/profile.sh.
//   node jfr-summary.mjs recording.jfr [--top 20]
import { execFileSync } from "node:child_process";

const file = process.argv[2];
const topIndex = process.argv.indexOf("--top");
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 20;
if (!file) {
  process.stderr.write("usage: node jfr-summary.mjs recording.jfr [--top 20]\n");
  process.exit(2);
}
const json = execFileSync("jfr", ["print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", file], {
  maxBuffer: 1024 * 1024 * 1024,
  encoding: "utf8",
});
const events = JSON.parse(json).recording.events;

// Library buckets by package prefix; the first match wins.
const LIBRARIES = [
  ["io.github.ozonperf.mcp", "ours: MCP tools"],
  ["io.github.ozonperf.client", "ours: client"],
  ["io.github.ozonperf.auth", "ours: auth"],
  ["io.github.ozonperf.sandbox", "ours: sandbox"],
  ["io.modelcontextprotocol", "MCP SDK"],
  ["reactor.", "Reactor"],
  ["tools.jackson", "Jackson 3"],
  ["com.fasterxml.jackson", "Jackson annotations"],
  ["com.networknt", "JSON schema validator"],
  ["okhttp3.mockwebserver3", "MockWebServer (sandbox)"],
  ["mockwebserver3", "MockWebServer (sandbox)"],
  ["okhttp3", "OkHttp"],
  ["okio", "Okio"],
  ["kotlin", "Kotlin stdlib"],
  ["com.google.gson", "Gson"],
  ["io.gsonfire", "gson-fire"],
  ["org.slf4j", "SLF4J"],
  ["java.util.regex", "JDK regex"],
  ["java.util.concurrent", "JDK concurrency"],
  ["java.lang.invoke", "JDK invoke/lambda"],
  ["sun.nio", "JDK I/O"],
  ["java.io", "JDK I/O"],
  ["java.net", "JDK net"],
  ["sun.net", "JDK net"],
  ["java.", "JDK other"],
  ["jdk.", "JDK other"],
  ["sun.", "JDK other"],
];

function library(frame) {
  const type = frame.method.type.name.replaceAll("/", ".");
  for (const [prefix, name] of LIBRARIES) if (type.startsWith(prefix)) return name;
  return "other: " + type.split(".").slice(0, 2).join(".");
}

function frameName(frame) {
  return `${frame.method.type.name.replaceAll("/", ".")}.${frame.method.name}`;
}

const threads = new Map();
const self = new Map();
const selfLib = new Map();
const inclusiveLib = new Map();
let total = 0;
for (const e of events) {
  const frames = e.values.stackTrace?.frames ?? [];
  if (frames.length === 0) continue;
  total++;
  const thread = (e.values.sampledThread?.javaName ?? e.values.sampledThread?.osName ?? "?").replace(/[0-9]+/g, "#");
  threads.set(thread, (threads.get(thread) ?? 0) + 1);
  const f0 = frames[0];
  self.set(frameName(f0), (self.get(frameName(f0)) ?? 0) + 1);
  selfLib.set(library(f0), (selfLib.get(library(f0)) ?? 0) + 1);
  const seen = new Set(frames.map(library));
  for (const lib of seen) inclusiveLib.set(lib, (inclusiveLib.get(lib) ?? 0) + 1);
}

function table(title, map, limit) {
  const rows = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const lines = [`${title} (${total} samples)`];
  for (const [name, n] of rows) lines.push(`  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${n.toString().padStart(5)}  ${name}`);
  return lines.join("\n");
}

process.stdout.write([
  table("Samples by thread (digits folded)", threads, top),
  table("Self time by library of the top frame", selfLib, top),
  table("Inclusive: samples with the library anywhere on the stack", inclusiveLib, top),
  table("Self time by method", self, top),
].join("\n\n") + "\n");
