#!/usr/bin/env node
// Summarises where JFR recordings spent CPU (jdk.ExecutionSample: by top frame ("self"), by library of the top
// frame, by the first frame outside the JDK, and inclusive counts for the libraries on the stack) or, with
// --alloc, where they allocated (jdk.ObjectAllocationSample, weighted by the bytes each sample stands for: by
// allocated class, by the first frame outside the JDK and by its library). Several recordings (say, five cold
// starts) are summed. Used by benchmarks/e2e/profile.sh.
//   node jfr-summary.mjs recording.jfr [more.jfr ...] [--top 20] [--alloc] [--threads REGEX]
// --threads keeps only the samples of threads whose name matches (e.g. the start-up's critical path).
import { execFileSync } from "node:child_process";

const argv = process.argv.slice(2);
const files = [];
let top = 20;
let alloc = false;
let threadFilter = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--top") top = Number(argv[++i]);
  else if (argv[i] === "--threads") threadFilter = new RegExp(argv[++i]);
  else if (argv[i] === "--alloc") alloc = true;
  else files.push(argv[i]);
}
if (files.length === 0) {
  process.stderr.write("usage: node jfr-summary.mjs recording.jfr [more.jfr ...] [--top 20] [--alloc]\n");
  process.exit(2);
}
const eventType = alloc ? "jdk.ObjectAllocationSample" : "jdk.ExecutionSample";
const events = files.flatMap((file) => JSON.parse(execFileSync("jfr",
  ["print", "--json", "--stack-depth", "200", "--events", eventType, file],
  { maxBuffer: 1024 * 1024 * 1024, encoding: "utf8" })).recording.events);

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

// What our server was doing, by the innermost marker frame on the stack (checked from the top frame down; the
// first frame that matches any marker decides). Frames of Gson or the JDK match nothing and fall through to
// whoever called them.
const PHASES = [
  [/ModelJson|OzonApiClient\.deserialize|ApiClient\.deserialize/, "parse Ozon's answer into models (ModelJson, Gson)"],
  [/GsonMcpJsonMapper.*\.(write\w*|toJson)$|StdioTransport.*\.(serialize|writeLine|sendMessage)$/,
    "serialise and write the JSON-RPC answer"],
  [/GsonMcpJsonMapper.*\.(read\w*|convert\w*)$|CreatorReader|JsonRpcRules|StdioTransport.*\.(readLoop|unmarshalFrom)$/,
    "read and bind the JSON-RPC request"],
  [/^io\.github\.ozonperf\.auth\./, "token (ozon-auth)"],
  [/^(okhttp3|okio)\./, "HTTP exchange (OkHttp, Okio)"],
  [/^io\.github\.ozonperf\.client\./, "client: building the request, retry guard"],
  [/^io\.github\.ozonperf\.mcp\.tools\./, "tool logic (fields, roubles, text rendering)"],
  [/^io\.github\.ozonperf\.mcp\./, "our MCP server glue"],
  [/^(io\.modelcontextprotocol|reactor)\./, "MCP SDK and Reactor dispatch"],
  [/^(org\.slf4j)\./, "logging"],
];
function phase(frames) {
  for (const f of frames) {
    const name = `${f.method.type.name.replaceAll("/", ".")}.${f.method.name}`;
    for (const [re, label] of PHASES) if (re.test(name)) return label;
  }
  return "other (JDK, start-up, JFR)";
}

const JDK = /^(java|javax|jdk|sun|com\.sun)\./;
/** The first frame outside the JDK: who asked for the work a JDK method does. */
function firstOwnFrame(frames) {
  return frames.find((f) => !JDK.test(f.method.type.name.replaceAll("/", "."))) ?? frames[0];
}

const threads = new Map();
const self = new Map();
const selfLib = new Map();
const ownFrame = new Map();
const ownLib = new Map();
const inclusiveLib = new Map();
const allocClass = new Map();
const phases = new Map();
const frameTypes = new Map();
let total = 0;
const add = (map, key, n) => map.set(key, (map.get(key) ?? 0) + n);
for (const e of events) {
  const frames = e.values.stackTrace?.frames ?? [];
  if (frames.length === 0) continue;
  const n = alloc ? Number(e.values.weight ?? 0) : 1;
  const threadName = e.values.sampledThread?.javaName ?? e.values.eventThread?.javaName ?? e.values.sampledThread?.osName ?? "?";
  if (threadFilter && !threadFilter.test(threadName)) continue;
  total += n;
  const thread = threadName.replace(/[0-9]+/g, "#");
  add(threads, thread, n);
  const f0 = frames[0];
  add(self, frameName(f0), n);
  add(selfLib, library(f0), n);
  const own = firstOwnFrame(frames);
  add(ownFrame, frameName(own), n);
  add(ownLib, library(own), n);
  for (const lib of new Set(frames.map(library))) add(inclusiveLib, lib, n);
  add(phases, phase(frames), n);
  add(frameTypes, f0.type ?? "?", n);
  if (alloc) add(allocClass, (e.values.objectClass?.name ?? "?").replaceAll("/", "."), n);
}

const unit = alloc ? "MB allocated (sampled, weighted)" : "samples";
function table(title, map, limit) {
  const rows = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const shown = alloc ? (total / 1048576).toFixed(1) : total;
  const lines = [`${title} (${shown} ${unit}, ${files.length} recording(s))`];
  for (const [name, n] of rows) {
    const amount = alloc ? (n / 1048576).toFixed(1).padStart(8) : n.toString().padStart(5);
    lines.push(`  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${amount}  ${name}`);
  }
  return lines.join("\n");
}

const sections = alloc
  ? [
      table("Allocation by thread (digits folded)", threads, top),
      table("Allocation by what the server was doing (innermost marker frame)", phases, top),
      table("Allocation by class", allocClass, top),
      table("Allocation by library of the first non-JDK frame", ownLib, top),
      table("Allocation by first non-JDK frame", ownFrame, top),
      table("Allocation by top frame", self, top),
    ]
  : [
      table("Samples by thread (digits folded)", threads, top),
      table("Samples by what the server was doing (innermost marker frame)", phases, top),
      table("Top frame compiled or interpreted (warm-up shows as Interpreted)", frameTypes, top),
      table("Self time by library of the top frame", selfLib, top),
      table("Self time by library of the first non-JDK frame", ownLib, top),
      table("Inclusive: samples with the library anywhere on the stack", inclusiveLib, top),
      table("Self time by method", self, top),
      table("Self time by first non-JDK frame", ownFrame, top),
    ];
process.stdout.write(sections.join("\n\n") + "\n");
