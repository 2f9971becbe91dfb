#!/usr/bin/env node
// A small MCP stdio driver used by benchmarks/e2e/run.sh for the measurements MCP Inspector's --load does not
// make: cold start (process spawn -> tools/list answer) and resident memory after a load. The SAME driver runs
// against every server, so the numbers compare like with like. No dependencies beyond Node's standard library.
//
//   node mcp-driver.mjs coldstart [--runs 5] -- <server command...>
//   node mcp-driver.mjs load [--requests 2000] [--concurrency 10] --tool NAME [--args JSON] -- <server command...>
//   node mcp-driver.mjs load --method ping [--requests 2000] [--concurrency 10] -- <server command...>
//     (ping: the protocol round trip alone, the same work for every server)
//
// Prints one JSON object on stdout. Every wait is bounded (--timeout-ms, default 60000): the driver never hangs.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

const PROTOCOL_VERSION = "2025-06-18";

function parseArgs(argv) {
  const opts = { runs: 5, requests: 2000, concurrency: 10, tool: null, args: "{}", timeoutMs: 60000,
    method: "tools/call" };
  const dash = argv.indexOf("--");
  if (dash < 0 || dash === argv.length - 1) {
    throw new Error("missing server command: put it after --, e.g. -- java -jar ozon-mcp-tools.jar --sandbox");
  }
  const mine = argv.slice(0, dash);
  opts.command = argv.slice(dash + 1);
  opts.mode = mine.shift();
  while (mine.length > 0) {
    const key = mine.shift();
    const value = mine.shift();
    if (value === undefined) throw new Error(`option ${key} needs a value`);
    switch (key) {
      case "--runs": opts.runs = positive(key, value); break;
      case "--requests": opts.requests = positive(key, value); break;
      case "--concurrency": opts.concurrency = positive(key, value); break;
      case "--timeout-ms": opts.timeoutMs = positive(key, value); break;
      case "--tool": opts.tool = value; break;
      case "--method":
        if (value !== "tools/call" && value !== "ping") throw new Error(`--method must be tools/call or ping, got ${value}`);
        opts.method = value;
        break;
      case "--args": JSON.parse(value); opts.args = value; break;
      default: throw new Error(`unknown option ${key}`);
    }
  }
  if (opts.mode !== "coldstart" && opts.mode !== "load") {
    throw new Error(`unknown mode ${opts.mode}: use coldstart or load`);
  }
  if (opts.mode === "load" && opts.method === "tools/call" && !opts.tool) throw new Error("load needs --tool NAME");
  return opts;
}

function positive(key, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${key} must be a positive integer, got ${value}`);
  return n;
}

/** One spawned server with a line-oriented JSON-RPC client on its stdio. */
class Session {
  constructor(command, timeoutMs) {
    this.timeoutMs = timeoutMs;
    this.nextId = 1;
    this.pending = new Map();
    this.buffer = "";
    this.stderr = "";
    this.exited = new Promise((resolve) => { this.resolveExit = resolve; });
    this.child = spawn(command[0], command.slice(1), { stdio: ["pipe", "pipe", "pipe"] });
    this.child.on("error", (e) => this.failAll(new Error(`could not start ${command[0]}: ${e.message}`)));
    this.child.on("exit", (code, signal) => {
      this.failAll(new Error(`server exited (code ${code}, signal ${signal}); stderr tail: ${this.stderr.slice(-800)}`));
      this.resolveExit({ code, signal });
    });
    this.child.stdin.on("error", () => {});
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (d) => { this.stderr = (this.stderr + d).slice(-8000); });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (d) => this.onData(d));
  }

  onData(chunk) {
    this.buffer += chunk;
    let nl;
    while ((nl = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line.length === 0) continue;
      let msg;
      try {
        msg = JSON.parse(line);
      } catch (e) {
        this.failAll(new Error(`server wrote a non-JSON line on stdout: ${line.slice(0, 200)}`));
        continue;
      }
      if (msg.id !== undefined && this.pending.has(msg.id)) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        clearTimeout(p.timer);
        msg.__bytes = Buffer.byteLength(line); // size of the answer on the wire, for the report
        p.resolve(msg);
      }
      // Notifications and server->client requests are ignored (none are expected by these workloads).
    }
  }

  failAll(error) {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
    });
  }

  notify(method, params) {
    this.child.stdin.write(JSON.stringify({ jsonrpc: "2.0", method, params }) + "\n");
  }

  async initialize() {
    const init = await this.request("initialize", {
      protocolVersion: PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: "ozon-e2e-driver", version: "1" },
    });
    if (init.error) throw new Error(`initialize failed: ${JSON.stringify(init.error)}`);
    this.notify("notifications/initialized", {});
    return init;
  }

  /** Closes stdin (how hosts end a stdio session) and waits for the exit; kills it if it lingers. */
  async close() {
    this.child.stdin.end();
    const killer = setTimeout(() => this.child.kill("SIGKILL"), 10000);
    const result = await this.exited;
    clearTimeout(killer);
    return result;
  }
}

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** kB of resident memory of the process and all its descendants (a launcher script plus its JVM, say). */
function treeMemory(rootPid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process went away while we looked
    }
  }
  let rssKb = 0;
  let hwmKb = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rssKb += Number((status.match(/VmRSS:\s+(\d+)/) || [0, 0])[1]);
      hwmKb += Number((status.match(/VmHWM:\s+(\d+)/) || [0, 0])[1]);
    } catch {
      // gone
    }
    queue.push(...(children.get(pid) || []));
  }
  return { rssKb, hwmKb };
}

/** CPU time (user + system, ms) used so far by the process and its descendants that are still alive. */
function treeCpuMs(rootPid) {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  const queue = [rootPid];
  const all = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  const parentOf = new Map();
  for (const entry of all) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone
    }
  }
  while (queue.length > 0) {
    const pid = queue.shift();
    const info = parentOf.get(pid);
    if (info) total += info.cpu;
    for (const [child, c] of parentOf) if (c.ppid === pid) queue.push(child);
  }
  return (total * 1000) / ticks;
}

/**
 * CPU time (ms) of each live thread of one process, by thread name with digits folded ("C1 CompilerThre#"), largest
 * first: tells JIT compilation, GC and the application's own threads apart.
 */
function threadCpuMs(pid) {
  const byName = new Map();
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return {};
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).replace(/[0-9]+/g, "#");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      byName.set(name, (byName.get(name) ?? 0) + ms);
    } catch {
      // the thread ended while we looked
    }
  }
  return Object.fromEntries([...byName.entries()].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]));
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function coldStart(opts) {
  const samples = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = now();
    const session = new Session(opts.command, opts.timeoutMs);
    await session.initialize();
    const tInit = now();
    const list = await session.request("tools/list", {});
    const t1 = now();
    const cpuMs = treeCpuMs(session.child.pid);
    const threads = threadCpuMs(session.child.pid);
    if (list.error) throw new Error(`tools/list failed: ${JSON.stringify(list.error)}`);
    const exit = await session.close();
    samples.push({ toolsListMs: round(t1 - t0), cpuMs, initializeMs: round(tInit - t0), tools: list.result.tools.length, exit, threadCpuMs: threads });
  }
  const sorted = samples.map((s) => s.toolsListMs).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpuMs).sort((a, b) => a - b);
  return { mode: "coldstart", runs: opts.runs, medianMs: percentile(sorted, 50), medianCpuMs: percentile(cpu, 50), minMs: sorted[0], maxMs: sorted[sorted.length - 1], samples };
}

async function load(opts) {
  const session = new Session(opts.command, opts.timeoutMs);
  await session.initialize();
  const list = await session.request("tools/list", {});
  if (opts.method === "tools/call" && !list.result.tools.some((t) => t.name === opts.tool)) {
    throw new Error(`the server has no tool ${opts.tool}; it has ${list.result.tools.map((t) => t.name).join(", ")}`);
  }
  const args = JSON.parse(opts.args);
  const latencies = [];
  let started = 0;
  let ok = 0;
  let toolErrors = 0;
  let errors = 0;
  let firstProblem = null;
  let answerBytes = 0;
  const cpuBefore = treeCpuMs(session.child.pid);
  const t0 = now();
  let aborted = false; // a call that timed out or a dead server ends the run instead of waiting out every call
  async function worker() {
    while (started < opts.requests && !aborted) {
      started++;
      const s = now();
      try {
        const r = opts.method === "ping" ? await session.request("ping", {})
          : await session.request("tools/call", { name: opts.tool, arguments: args });
        latencies.push(now() - s);
        answerBytes += r.__bytes ?? 0;
        if (r.error) {
          errors++;
          firstProblem ??= JSON.stringify(r.error).slice(0, 300);
        } else if (r.result && r.result.isError) {
          toolErrors++;
          firstProblem ??= JSON.stringify(r.result.content).slice(0, 300);
        } else {
          ok++;
        }
      } catch (e) {
        errors++;
        firstProblem ??= e.message;
        aborted = true;
      }
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedMs = now() - t0;
  const memory = treeMemory(session.child.pid);
  const cpuMs = treeCpuMs(session.child.pid) - cpuBefore;
  const threads = threadCpuMs(session.child.pid);
  await session.close();
  latencies.sort((a, b) => a - b);
  return {
    mode: "load",
    method: opts.method,
    tool: opts.tool,
    requests: opts.requests,
    concurrency: opts.concurrency,
    aborted,
    ok,
    toolErrors,
    errors,
    firstProblem,
    elapsedMs: round(elapsedMs),
    throughput: round((opts.requests * 1000) / elapsedMs),
    latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies[latencies.length - 1]) },
    serverCpuMsPerCall: round(cpuMs / opts.requests, 3),
    meanAnswerBytes: latencies.length > 0 ? Math.round(answerBytes / latencies.length) : 0,
    rssAfterLoadMb: round(memory.rssKb / 1024, 1),
    peakRssMb: round(memory.hwmKb / 1024, 1),
    threadCpuMs: threads, // since the process started (start-up included), live threads only
  };
}

try {
  const opts = parseArgs(process.argv.slice(2));
  const result = opts.mode === "coldstart" ? await coldStart(opts) : await load(opts);
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
} catch (e) {
  process.stderr.write(`mcp-driver: ${e.message}\n`);
  process.exit(1);
}
