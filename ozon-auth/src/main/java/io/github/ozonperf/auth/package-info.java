/**
 * OAuth2 client-credentials tokens for the Ozon Performance API: {@link io.github.ozonperf.auth.TokenProvider}
 * (a lock-free, single-flight token cache) and its OkHttp pair {@link io.github.ozonperf.auth.BearerTokenInterceptor}
 * / {@link io.github.ozonperf.auth.TokenRefreshAuthenticator}, with {@link io.github.ozonperf.auth.ClientCredentials},
 * retry, listener, stats and opt-in token persistence ({@link io.github.ozonperf.auth.FileTokenStore}).
 *
 * <pre>{@code
 * TokenProvider tokens = TokenProvider.builder()
 *     .credentials(ClientCredentials.fromEnvironment())   // OZON_CLIENT_ID / OZON_CLIENT_SECRET
 *     .build();
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .addInterceptor(tokens.interceptor())
 *     .authenticator(tokens.authenticator())
 *     .build();
 * }</pre>
 *
 * <p>Depends only on OkHttp, Gson and the SLF4J API. Everything in {@code io.github.ozonperf.auth.internal} is
 * internal and may change without notice.
 */
package io.github.ozonperf.auth;
