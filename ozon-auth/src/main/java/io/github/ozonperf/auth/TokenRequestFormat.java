package io.github.ozonperf.auth;

/** How the token request body is encoded. Both carry {@code client_id}, {@code client_secret}, {@code grant_type}. */
public enum TokenRequestFormat {
  /** {@code application/json}, as Ozon documents it. The default. */
  JSON,
  /** {@code application/x-www-form-urlencoded}, as RFC 6749 section 4.4 specifies for generic OAuth2 servers. */
  FORM
}
