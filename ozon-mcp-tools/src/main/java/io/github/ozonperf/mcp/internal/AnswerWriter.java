package io.github.ozonperf.mcp.internal;

import com.google.gson.internal.LazilyParsedNumber;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the answer to a {@code tools/call} straight into UTF-8 bytes, the same bytes {@link GsonMcpJsonMapper}
 * writes (pinned by {@code AnswerWriterTest}), without Gson's reflective record adapters, the JSON tree it builds for
 * every tagged {@code TextContent}, a UTF-16 {@code String} of the whole answer and its encoding pass. Why (issue 17,
 * benchmarks/RESULTS.md): writing the answer was ~20 % of the CPU and ~18 % of the allocation of a
 * {@code list_campaigns} call.
 *
 * <p>It knows exactly the shapes our tools answer with: a {@code CallToolResult} of {@code TextContent}s (no
 * annotations, no {@code _meta}) whose {@code structuredContent} is made of maps with string keys, lists, strings,
 * booleans and the JDK's integral and decimal numbers. For anything else {@link #toolResult} gives up (returns false)
 * and the mapper writes the answer.
 */
final class AnswerWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final ThreadLocal<AnswerWriter> PER_THREAD = ThreadLocal.withInitial(AnswerWriter::new);
  /** A buffer that grew beyond this is not kept for the next answer. */
  private static final int KEEP = 256 * 1024;

  private byte[] buf = new byte[16 * 1024];
  private int len;

  /** This thread's writer, emptied: its buffer is reused from answer to answer. */
  static AnswerWriter get() {
    AnswerWriter w = PER_THREAD.get();
    if (w.buf.length > KEEP) {
      w.buf = new byte[16 * 1024];
    }
    w.len = 0;
    return w;
  }

  byte[] buffer() {
    return buf;
  }

  int length() {
    return len;
  }

  /**
   * Writes {@code response} and a newline when it is the answer to a tool call of the shape above.
   *
   * @return false (and nothing usable in the buffer) when the mapper has to write it
   */
  boolean toolResult(McpSchema.JSONRPCResponse response) {
    if (!(response.result() instanceof McpSchema.CallToolResult r) || response.error() != null || r.meta() != null
        || !"2.0".equals(response.jsonrpc())) {
      return false;
    }
    len = 0;
    ascii("{\"jsonrpc\":\"2.0\"");
    if (response.id() != null) {
      ascii(",\"id\":");
      if (!value(response.id())) {
        return false;
      }
    }
    ascii(",\"result\":{");
    boolean first = true;
    if (r.content() != null) {
      ascii("\"content\":[");
      for (int i = 0; i < r.content().size(); i++) {
        if (!(r.content().get(i) instanceof McpSchema.TextContent t) || t.annotations() != null || t.meta() != null) {
          return false;
        }
        if (i > 0) {
          put((byte) ',');
        }
        ascii("{\"type\":\"text\"");
        if (t.text() != null) {
          ascii(",\"text\":");
          string(t.text());
        }
        put((byte) '}');
      }
      put((byte) ']');
      first = false;
    }
    if (r.isError() != null) {
      ascii(first ? "\"isError\":" : ",\"isError\":");
      ascii(r.isError() ? "true" : "false");
      first = false;
    }
    if (r.structuredContent() != null) {
      ascii(first ? "\"structuredContent\":" : ",\"structuredContent\":");
      if (!value(r.structuredContent())) {
        return false;
      }
    }
    ascii("}}\n");
    return true;
  }

  /** One value; false for a type whose JSON form only the mapper knows. */
  private boolean value(Object v) {
    if (v instanceof String s) {
      string(s);
    } else if (v instanceof Map<?, ?> m) {
      put((byte) '{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          return false;
        }
        if (e.getValue() == null) {
          continue; // the mapper leaves null members out
        }
        if (!first) {
          put((byte) ',');
        }
        first = false;
        string(key);
        put((byte) ':');
        if (!value(e.getValue())) {
          return false;
        }
      }
      put((byte) '}');
    } else if (v instanceof List<?> l) {
      put((byte) '[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          put((byte) ',');
        }
        Object o = l.get(i);
        if (o == null) {
          ascii("null");
        } else if (!value(o)) {
          return false;
        }
      }
      put((byte) ']');
    } else if (v instanceof Boolean b) {
      ascii(b ? "true" : "false");
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger || v instanceof BigDecimal || v instanceof LazilyParsedNumber) {
      ascii(v.toString());
    } else if (v instanceof Double d && Double.isFinite(d)) {
      ascii(Double.toString(d));
    } else {
      return false; // floats, non-finite doubles, records, Gson trees...: the mapper's business
    }
    return true;
  }

  /** A JSON string as Gson writes it without HTML escaping, encoded as UTF-8 (a lone surrogate becomes '?'). */
  private void string(String s) {
    int n = s.length();
    ensure(n * 6 + 2); // the worst case: every char an escape of 6 bytes
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[p++] = (byte) c;
          continue;
        }
        len = p;
        escape(c);
        b = buf;
        p = len;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b[p++] = (byte) (0xF0 | (cp >> 18));
          b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          b[p++] = '?'; // what String.getBytes(UTF_8) makes of it
        }
      } else if (c == '\u2028' || c == '\u2029') {
        len = p;
        escape(c);
        b = buf;
        p = len;
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[p++] = '"';
    len = p;
  }

  /** Gson's escapes: \" \\ \t \b \n \r \f, other control characters and U+2028/U+2029 as backslash-u, lower-case hex. */
  private void escape(char c) {
    switch (c) {
      case '"' -> ascii("\\\"");
      case '\\' -> ascii("\\\\");
      case '\t' -> ascii("\\t");
      case '\b' -> ascii("\\b");
      case '\n' -> ascii("\\n");
      case '\r' -> ascii("\\r");
      case '\f' -> ascii("\\f");
      default -> {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xF];
        buf[len++] = HEX[(c >> 8) & 0xF];
        buf[len++] = HEX[(c >> 4) & 0xF];
        buf[len++] = HEX[c & 0xF];
      }
    }
  }

  @SuppressWarnings("deprecation")
  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    s.getBytes(0, n, buf, len); // ASCII only: the deprecated method is exactly the copy wanted
    len += n;
  }

  private void put(byte x) {
    ensure(1);
    buf[len++] = x;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
