#!/usr/bin/env node
// A small standalone fake of the two Ozon Performance API endpoints that a `list campaigns` tool call needs, for
// benchmarks/e2e/peer.sh. Neither MCP server under test has a home advantage: it is not our ozon-sandbox
// (MockWebServer), it is one plain Node process per server, and every instance gives the same bytes.
//
//   node fake-ozon.mjs [--port 0] [--campaigns 25] [--max-seconds 1800]
//
// Prints one line {"port":N,"campaigns":25,"bytes":B} on stdout once it listens on 127.0.0.1 (port 0: a free one),
// then serves until SIGTERM/SIGINT or --max-seconds (a forgotten fake never outlives the benchmark for long):
//   POST /api/client/token      JSON body {client_id, client_secret, grant_type} (what Ozon documents) or the same
//                               three fields form-encoded (RFC 6749) -> {access_token, expires_in: 1800,
//                               token_type: "Bearer"}; 400 invalid_request / 401 invalid_client otherwise
//   GET  /api/client/campaign   with `Authorization: Bearer <that token>` -> {"list":[25 campaigns],"total":"25"};
//                               query parameters are ignored (the peer always sends state=CAMPAIGN_STATE_UNKNOWN,
//                               ours sends none): both servers get the very same answer. 401 without the token.
//   GET  /__stats               {"token":n,"campaign":n,"unauthorized":n,"other":n} (for the benchmark's report)
// Campaigns are live-shaped (see ozon-performance-client/src/test/resources/corpus/campaign-list-json/): capital-P
// `PaymentType`, `placement` arrays (also empty), ids and budgets as strings, `autoIncrease` object or null,
// `ProductAdvPlacements`, microsecond timestamps. Sockets set TCP_NODELAY (no Nagle / delayed-ACK stalls).
import { createServer } from "node:http";

const opts = { port: 0, campaigns: 25, maxSeconds: 1800 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i];
  const value = Number(process.argv[i + 1]);
  if (key === "--port" && Number.isInteger(value) && value >= 0) opts.port = value;
  else if (key === "--campaigns" && Number.isInteger(value) && value > 0) opts.campaigns = value;
  else if (key === "--max-seconds" && Number.isInteger(value) && value > 0) opts.maxSeconds = value;
  else {
    process.stderr.write(`fake-ozon: unknown or bad option ${key} ${process.argv[i + 1]}\n`);
    process.exit(2);
  }
}

// Four live-shaped templates (SKU pay-per-click, an external-traffic REF_VK, pay-per-order SEARCH_PROMO and
// ALL_SKU_PROMO), cycled with deterministic variations: the same list on every run and for every server.
const TITLES = ["Поиск 200 Эрл", "Реклама во ВКонтакте", "Оплата за заказ: выбранные товары",
  "Оплата за заказ - все товары", "Трафареты: зимняя коллекция", "Продвижение в поиске — новинки",
  "Бренд-полка: кроссовки", "Автокампания по категории"];
const STATES = ["CAMPAIGN_STATE_RUNNING", "CAMPAIGN_STATE_RUNNING", "CAMPAIGN_STATE_INACTIVE",
  "CAMPAIGN_STATE_STOPPED", "CAMPAIGN_STATE_ARCHIVED", "CAMPAIGN_STATE_FINISHED", "CAMPAIGN_STATE_PLANNED"];
const KINDS = [
  { advObjectType: "SKU", PaymentType: "CPC", placement: ["PLACEMENT_TOP_PROMOTION"], strategy: "TARGET_BIDS" },
  { advObjectType: "REF_VK", PaymentType: "CAMPAIGN_TYPE_INVALID", placement: [], strategy: "NO_AUTO_STRATEGY" },
  { advObjectType: "SEARCH_PROMO", PaymentType: "CPO", placement: [], strategy: "NO_AUTO_STRATEGY" },
  { advObjectType: "ALL_SKU_PROMO", PaymentType: "CPO", placement: [], strategy: "NO_AUTO_STRATEGY" },
  { advObjectType: "SKU", PaymentType: "CPC", placement: ["PLACEMENT_SEARCH_AND_CATEGORY", "PLACEMENT_TOP_PROMOTION"],
    strategy: "MAX_CLICKS" },
];
const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

function pad(n) {
  return String(n).padStart(2, "0");
}

function campaign(i) {
  const kind = KINDS[i % KINDS.length];
  const month = 1 + (i % 12);
  const day = 1 + ((i * 7) % 28);
  const created = `2025-${pad(month)}-${pad(day)}T0${i % 10}:${pad((i * 13) % 60)}:${pad((i * 17) % 60)}.${String(140958 + i * 1031).padStart(6, "0")}Z`;
  const weekly = kind.PaymentType === "CPC";
  return {
    id: String(19295547 + i * 1000003),
    title: `${TITLES[i % TITLES.length]}${i >= TITLES.length ? ` #${i}` : ""}`,
    state: STATES[i % STATES.length],
    advObjectType: kind.advObjectType,
    fromDate: `2025-${pad(month)}-${pad(day)}`,
    toDate: i % 6 === 5 ? `2026-${pad(month)}-${pad(day)}` : "",
    dailyBudget: i % 4 === 1 ? String(500000000 + i * 10000000) : "0",
    placement: kind.placement,
    budget: i % 5 === 2 ? String(10000000000 + i * 1000000) : "0",
    createdAt: created,
    updatedAt: created.replace("2025-", "2026-"),
    productCampaignMode: i % 3 === 0 ? "PRODUCT_CAMPAIGN_MODE_MANUAL" : "PRODUCT_CAMPAIGN_MODE_AUTO",
    productAutopilotStrategy: kind.strategy,
    autopilot: i % 7 === 3 ? { categoryId: String(17028000 + i), skuAddMode: "PRODUCT_CAMPAIGN_SKU_ADD_MODE_AUTO" } : null,
    PaymentType: kind.PaymentType,
    expenseStrategy: "DAILY_BUDGET",
    weeklyBudget: weekly ? String(2000000000 + i * 50000000) : "0",
    budgetType: "PRODUCT_CAMPAIGN_BUDGET_TYPE_WEEKLY",
    startWeekDay: WEEKDAYS[i % 7],
    endWeekDay: WEEKDAYS[(i + 6) % 7],
    autoIncrease: i % 4 === 3 ? null : {
      autoIncreasePercent: i % 2 ? 10 + i : null,
      isAutoIncreased: i % 2 === 1,
      autoIncreasedBudget: i % 2 ? String(100000000 * i) : null,
      recommendedAutoIncreasePercent: i % 2 ? 20 : null,
    },
    ProductAdvPlacements: [],
    isAutocreated: kind.advObjectType !== "SKU",
    autostopStatus: i % 9 === 4 ? "AUTOSTOP_STATUS_ENABLED" : "AUTOSTOP_STATUS_NONE",
  };
}

const LIST = Buffer.from(JSON.stringify({
  list: Array.from({ length: opts.campaigns }, (_, i) => campaign(i)),
  total: String(opts.campaigns),
}));
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.ZmFrZS1vem9uLWJlbmNobWFyay10b2tlbg.c2lnbmF0dXJl";
const TOKEN_BODY = Buffer.from(JSON.stringify({ access_token: TOKEN, expires_in: 1800, token_type: "Bearer" }));
const stats = { token: 0, campaign: 0, unauthorized: 0, other: 0 };

function send(res, status, body) {
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": body.length });
  res.end(body);
}

function parseCredentials(text, contentType) {
  if ((contentType ?? "").includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const server = createServer({ noDelay: true, keepAliveTimeout: 60000 }, (req, res) => {
  const path = req.url.split("?")[0];
  if (req.method === "POST" && path === "/api/client/token") {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (d) => { text += d; });
    req.on("end", () => {
      stats.token++;
      const c = parseCredentials(text, req.headers["content-type"]);
      if (!c || c.grant_type !== "client_credentials") {
        send(res, 400, Buffer.from('{"error":"invalid_request"}'));
      } else if (!c.client_id || !c.client_secret) {
        send(res, 401, Buffer.from('{"error":"invalid_client"}'));
      } else {
        send(res, 200, TOKEN_BODY);
      }
    });
    return;
  }
  req.resume();
  if (req.method === "GET" && path === "/api/client/campaign") {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      stats.unauthorized++;
      send(res, 401, Buffer.from('{"error":"unauthorized"}'));
      return;
    }
    stats.campaign++;
    send(res, 200, LIST);
    return;
  }
  if (req.method === "GET" && path === "/__stats") {
    send(res, 200, Buffer.from(JSON.stringify(stats)));
    return;
  }
  stats.other++;
  send(res, 404, Buffer.from('{"error":"not found"}'));
});
server.on("connection", (socket) => socket.setNoDelay(true));
server.listen(opts.port, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, campaigns: opts.campaigns, bytes: LIST.length }) + "\n");
});
function stop() {
  server.close();
  server.closeAllConnections?.();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setTimeout(stop, opts.maxSeconds * 1000).unref?.();
