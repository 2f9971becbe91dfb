package io.github.ozonperf.mcp.internal;

import com.google.gson.JsonObject;
import io.github.ozonperf.mcp.accounts.Principal;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP request passes here before the MCP transport: in this order, shutdown (503), {@code Origin} (403),
 * {@code Authorization: Bearer} (401 with {@code WWW-Authenticate}), the path (404), the principal's rate (429 with
 * {@code Retry-After}), the body size (413), then the session: a new one within the principal's limit (its least
 * recently used idle session makes room; 429 when all of them are busy), an
 * existing one only for its owner and while not idle-expired (404, as for an unknown id). Refusals are JSON-RPC error
 * objects that name what to fix and carry no token, session id or account. Tokens are compared as SHA-256 hashes with
 * {@link MessageDigest#isEqual}, against every configured hash; logs show at most 8 hex digits of a hash.
 */
final class HttpGate implements Filter {
  static final String ENDPOINT = "/mcp";
  private static final Logger log = LoggerFactory.getLogger(HttpGate.class);
  private static final String SESSION_HEADER = "Mcp-Session-Id";

  private final HttpConfig config;
  private final HttpSessions sessions;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Principal anonymous = Principal.everyAccount("local");
  private volatile boolean draining;

  HttpGate(HttpConfig config, HttpSessions sessions, LongSupplier nanoTime) {
    this.config = config;
    this.sessions = sessions;
    this.nanoTime = nanoTime;
  }

  /** From now on every new request gets 503; requests already inside finish. */
  void drain() {
    draining = true;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (draining) {
      response.setHeader("Retry-After", "5");
      refuse(response, 503, -32050, "the server is shutting down; connect again in a moment");
      return;
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !originAllowed(origin)) {
      log.info("403 for a request with a foreign Origin ({} chars) from {}", origin.length(), request.getRemoteAddr());
      refuse(response, 403, -32003, "this Origin is not allowed (DNS-rebinding protection); allow it with "
          + HttpConfig.ORIGINS + " on the server");
      return;
    }
    Principal principal = authenticate(request, response);
    if (principal == null) {
      return;
    }
    if (!ENDPOINT.equals(request.getRequestURI())) {
      refuse(response, 404, -32004, "not found: MCP is served at " + ENDPOINT);
      return;
    }
    long wait = buckets.computeIfAbsent(principal.name(), k -> new Bucket(config.requestsPerMinute, nanoTime))
        .take();
    if (wait > 0) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
      response.setHeader("Retry-After", Long.toString(seconds));
      refuse(response, 429, -32029, "rate limit: at most " + config.requestsPerMinute + " requests a minute per"
          + " caller; retry after " + seconds + " s");
      return;
    }
    if (request.getContentLengthLong() > config.maxBodyBytes) {
      refuse(response, 413, -32013, "request body larger than " + config.maxBodyBytes + " bytes");
      return;
    }
    request.setAttribute(Principal.CONTEXT_KEY, principal);
    String sessionId = request.getHeader(SESSION_HEADER);
    if (sessionId != null) {
      if (sessions.enter(sessionId, principal.name()) != HttpSessions.Refusal.NONE) {
        refuse(response, 404, -32001, "session not found: it expired or was ended; send initialize again without "
            + SESSION_HEADER);
        return;
      }
      boolean ended = false;
      try {
        chain.doFilter(request, response);
        ended = "DELETE".equals(request.getMethod()) && response.getStatus() < 300;
      } finally {
        sessions.exit(sessionId, ended);
      }
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response); // the transport answers 400: a session id is required
      return;
    }
    if (!sessions.reserve(principal.name())) {
      refuse(response, 429, -32028, "too many sessions for this caller (limit " + config.maxSessionsPerPrincipal
          + "), each with a call in flight: retry when one is answered, or end one with DELETE " + ENDPOINT);
      return;
    }
    // The session is registered the moment the transport sets its id header, before the answer is sent: a client
    // sends its next requests (notifications/initialized, the GET stream) as soon as it reads the id.
    SessionIdCapture capture = new SessionIdCapture(response, id -> sessions.created(principal.name(), id));
    try {
      chain.doFilter(request, capture);
    } finally {
      if (capture.sessionId == null) {
        sessions.created(principal.name(), null); // no session: the reserved place is given back
      }
    }
  }

  /** The caller, or null after answering 401. */
  private Principal authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!config.authenticates()) {
      return anonymous; // loopback without tokens (allowed, with a warning at start)
    }
    String header = request.getHeader("Authorization");
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"ozon-mcp\"");
      refuse(response, 401, -32001, "authentication required: send Authorization: Bearer <token> (the token the"
          + " server's operator gave you)");
      return null;
    }
    byte[] hash = HttpConfig.sha256(header.substring(7).strip());
    Principal found = null;
    for (HttpConfig.Credential c : config.credentials) {
      if (MessageDigest.isEqual(hash, c.sha256()) && found == null) { // no early exit: same work for every token
        found = c.principal();
      }
    }
    if (found == null) {
      log.info("401: unknown bearer token sha256:{}… from {}", HexFormat.of().formatHex(hash, 0, 4),
          request.getRemoteAddr());
      response.setHeader("WWW-Authenticate", "Bearer realm=\"ozon-mcp\", error=\"invalid_token\"");
      refuse(response, 401, -32001, "invalid bearer token");
      return null;
    }
    return found;
  }

  private boolean originAllowed(String origin) {
    String o = origin.strip().toLowerCase(Locale.ROOT);
    if (config.origins.contains(o)) {
      return true;
    }
    try {
      URI uri = new URI(o);
      String host = uri.getHost();
      return host != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  static void refuse(HttpServletResponse response, int status, int code, String message) throws IOException {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    JsonObject body = new JsonObject();
    body.addProperty("jsonrpc", "2.0");
    body.add("id", com.google.gson.JsonNull.INSTANCE);
    body.add("error", error);
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** Registers the session id the transport hands out on initialize, once, as the header is set. */
  private static final class SessionIdCapture extends HttpServletResponseWrapper {
    private final java.util.function.Consumer<String> onSession;
    volatile String sessionId;

    SessionIdCapture(HttpServletResponse response, java.util.function.Consumer<String> onSession) {
      super(response);
      this.onSession = onSession;
    }

    @Override
    public void setHeader(String name, String value) {
      capture(name, value);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      capture(name, value);
      super.addHeader(name, value);
    }

    private synchronized void capture(String name, String value) {
      if (SESSION_HEADER.equalsIgnoreCase(name) && sessionId == null && value != null) {
        sessionId = value;
        onSession.accept(value);
      }
    }
  }

  /** A token bucket: {@code perMinute} requests a minute, bursts up to {@code perMinute}. */
  static final class Bucket {
    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    Bucket(int perMinute, LongSupplier nanoTime) {
      this.capacity = perMinute;
      this.perNano = perMinute / 60e9;
      this.nanoTime = nanoTime;
      this.tokens = perMinute;
      this.last = nanoTime.getAsLong();
    }

    /** Takes one request; returns 0, or the nanoseconds until one would be allowed. */
    synchronized long take() {
      long now = nanoTime.getAsLong();
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perNano);
    }
  }
}
