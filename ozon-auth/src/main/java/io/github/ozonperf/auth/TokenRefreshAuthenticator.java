package io.github.ozonperf.auth;

import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * An OkHttp {@link Authenticator} that reacts to a 401 by invalidating the token the failed request used
 * (compare-and-invalidate: when 50 parallel calls get 401 for the same token, one refresh happens), obtaining a
 * fresh token and retrying the request once. It returns null, letting the 401 reach the caller, when:
 * <ul>
 *   <li>the retried request got 401 again (a persistent 401 costs at most two requests per call);</li>
 *   <li>the request did not carry a bearer token from this provider;</li>
 *   <li>a 401-triggered refresh already happened in the last 10 seconds and the token was not replaced since
 *       (the server rejects fresh tokens too, so refreshing again would only spend token requests).</li>
 * </ul>
 * OkHttp only calls authenticators for 401 and 407, so a 403 never causes a refresh; a 407 (proxy) is ignored.
 * Obtain it from {@link TokenProvider#authenticator()} and use it together with {@link BearerTokenInterceptor}.
 */
public final class TokenRefreshAuthenticator implements Authenticator {
  private final TokenProvider provider;

  TokenRefreshAuthenticator(TokenProvider provider) {
    this.provider = provider;
  }

  @Override
  public Request authenticate(Route route, Response response) throws IOException {
    if (response.code() != 401 || retriedAfter401(response)) {
      return null;
    }
    Request failed = response.request();
    AccessToken used = failed.tag(AccessToken.class);
    if (used == null) {
      String header = failed.header("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return null;
      }
      used = provider.currentTokenMatching(header.substring(7).trim());
      if (used == null) {
        return null;
      }
    }
    AccessToken fresh = provider.refreshAfter401(used);
    if (fresh == null) {
      return null;
    }
    return withToken(failed, fresh);
  }

  /**
   * Whether an earlier response of this call was already a 401 (we retried once and it failed again). Only 401s
   * count: a redirect before the first 401 must not cost the call its one retry.
   */
  private static boolean retriedAfter401(Response response) {
    for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
      if (prior.code() == 401) {
        return true;
      }
    }
    return false;
  }

  static Request withToken(Request request, AccessToken token) {
    return request.newBuilder()
        .header("Authorization", "Bearer " + token.value())
        .tag(AccessToken.class, token)
        .build();
  }

  @Override
  public String toString() {
    return "TokenRefreshAuthenticator[" + provider.clientId() + "]";
  }
}
