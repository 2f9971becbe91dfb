// What report.mjs (run.sh) and peer-report.mjs (peer.sh) share: reading a results folder and formatting numbers.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The JSON and text files of a results folder, in natural order. */
export function resultsDir(dir) {
  const files = readdirSync(dir).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  function readText(name) {
    try {
      return readFileSync(join(dir, name), "utf8").trim();
    } catch {
      return "";
    }
  }
  function readJson(name) {
    const text = readText(name);
    if (!text) return null;
    try {
      const value = JSON.parse(text.split("\n").pop());
      return value.result ?? value; // the inspector wraps its summary in {"result": ...}
    } catch {
      return null;
    }
  }
  /** Every JSON file whose name starts with prefix and passes the filter on its name. */
  function all(prefix, nameFilter = (f) => f.endsWith(".json")) {
    return files.filter((f) => f.startsWith(prefix) && nameFilter(f)).map(readJson).filter((v) => v !== null);
  }
  return { files, readText, readJson, all };
}

export function median(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function fmt(x, digits = 0) {
  return Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "n/a";
}

export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? (a / b).toFixed(2) : "n/a";
}
