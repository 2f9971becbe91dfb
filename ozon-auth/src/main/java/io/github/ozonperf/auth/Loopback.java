package io.github.ozonperf.auth;

import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Decides whether a URL points at this machine, so that plain {@code http} may be allowed for it (tests, the
 * sandbox) while every other host must use {@code https}: the client secret and bearer tokens travel in these
 * requests.
 *
 * <p>A host is loopback when it is
 * <ul>
 *   <li>the name {@code localhost}, in any letter case, with or without a trailing dot, or</li>
 *   <li>an IPv4 literal in {@code 127.0.0.0/8}, written as four decimal numbers without leading zeros
 *       ({@code 127.0.0.1}, {@code 127.1.2.3}), or</li>
 *   <li>the IPv6 loopback address {@code ::1} in any spelling ({@code [::1]}, {@code [0:0:0:0:0:0:0:1]},
 *       {@code [0000::0001]}), or an IPv4-mapped loopback address such as {@code [::ffff:127.0.0.1]}.</li>
 * </ul>
 *
 * <p>Literals are parsed, never resolved: no DNS lookup happens, so a name such as {@code 127.evil.example},
 * {@code 127.0.0.1.evil.example} or {@code localhost.evil} is not loopback, whatever it resolves to. The check
 * is made on the host OkHttp will connect to ({@link HttpUrl#host()}), so user-info tricks such as
 * {@code http://127.0.0.1@evil.example/} (host {@code evil.example}) are judged by their real host. Shorthand and
 * non-decimal IPv4 forms ({@code 127.1}, {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}) are refused:
 * OkHttp leaves them as names and the system resolver would decide what they mean.
 *
 * <pre>{@code
 * HttpUrl url = HttpUrl.get(tokenUrl);
 * if (!url.isHttps() && !Loopback.isLoopback(url)) {
 *   throw new ConfigurationException("tokenUrl must use https, got " + url);
 * }
 * }</pre>
 */
public final class Loopback {
  private Loopback() {
  }

  /**
   * Whether the URL's host is a loopback host (see the class documentation).
   *
   * @param url a parsed URL
   * @return true for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}
   */
  public static boolean isLoopback(HttpUrl url) {
    Objects.requireNonNull(url, "url == null");
    return isCanonicalLoopback(url.host());
  }

  /**
   * Whether a host, as written in a URL or alone, is a loopback host (see the class documentation). IPv6 literals
   * may be given with or without brackets.
   *
   * @param host e.g. {@code "localhost"}, {@code "127.0.0.1"}, {@code "[::1]"} or {@code "0:0:0:0:0:0:0:1"}
   * @return true for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}; false for anything else, including
   *     null, blank and malformed hosts
   */
  public static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String canonical;
    try {
      // OkHttp's own canonical form (lower case, IPv6 compressed, IPv4-mapped IPv6 as dotted IPv4), computed
      // without DNS: the same host a request to this URL would connect to.
      canonical = new HttpUrl.Builder().scheme("http").host(host.strip()).build().host();
    } catch (IllegalArgumentException e) {
      return false;
    }
    return isCanonicalLoopback(canonical);
  }

  private static boolean isCanonicalLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (h.equals("::1")) {
      return true;
    }
    return isIpv4Loopback(h);
  }

  /** True for a strict dotted-quad literal in 127.0.0.0/8: four decimal octets 0..255 without leading zeros. */
  private static boolean isIpv4Loopback(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return parts[0].equals("127");
  }
}
