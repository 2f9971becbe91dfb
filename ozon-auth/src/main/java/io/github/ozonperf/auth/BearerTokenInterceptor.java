package io.github.ozonperf.auth;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp application interceptor that adds {@code Authorization: Bearer <token>} from a {@link TokenProvider}
 * and tags the request with the {@link AccessToken} it used, so that {@link TokenRefreshAuthenticator} can
 * invalidate exactly that token on a 401. A request that already carries an {@code Authorization} header is
 * passed through unchanged. Obtain it from {@link TokenProvider#interceptor()}:
 *
 * <pre>{@code
 * OkHttpClient client = base.newBuilder()
 *     .addInterceptor(tokens.interceptor())
 *     .authenticator(tokens.authenticator())
 *     .build();
 * }</pre>
 *
 * <p>If no token can be obtained, the call fails with {@link TokenRefreshException} (an {@link IOException}).
 */
public final class BearerTokenInterceptor implements Interceptor {
  private final TokenProvider provider;

  BearerTokenInterceptor(TokenProvider provider) {
    this.provider = provider;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("Authorization") != null) {
      return chain.proceed(request);
    }
    AccessToken token = provider.getToken();
    Response response = chain.proceed(TokenRefreshAuthenticator.withToken(request, token));
    if (response.code() != 401) {
      // The answer may come from the authenticator's retry with a fresher token: credit the token actually sent.
      AccessToken sent = response.request().tag(AccessToken.class);
      provider.markAccepted(sent != null ? sent : token);
    }
    return response;
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor[" + provider.clientId() + "]";
  }
}
