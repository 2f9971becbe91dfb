package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one loopback check behind "plain http only on loopback": real literals, never prefixes or DNS. */
class LoopbackTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "http://localhost/t", "http://LOCALHOST:8080/t", "http://LocalHost./t", "http://localhost./t",
      "http://127.0.0.1/t", "http://127.0.0.1:1/t", "http://127.255.255.254/t", "http://127.1.2.3/t",
      "http://[::1]/t", "http://[0:0:0:0:0:0:0:1]:9/t", "http://[0000:0000::0001]/t", "http://[::0:1]/t",
      "http://[::ffff:127.0.0.1]/t", "http://[::ffff:7f00:1]/t",
      // OkHttp treats a backslash as a path separator: this URL really goes to 127.0.0.1.
      "http://127.0.0.1:8080\\@evil.example/t"})
  void loopbackUrlsAreLoopback(String url) {
    assertTrue(Loopback.isLoopback(HttpUrl.get(url)), url + " host " + HttpUrl.get(url).host());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // names that merely start or end like loopback
      "http://127.evil.example/t", "http://127.0.0.1.evil.example/t", "http://localhost.evil/t",
      "http://evil-localhost/t", "http://localhost.evil.example./t", "http://127.0.0.1./t",
      // user info and fragments: the host is evil.example
      "http://127.0.0.1@evil.example/t", "http://localhost:pw@evil.example/t", "http://evil.example#@127.0.0.1",
      "http://evil.example/t#@localhost",
      // HttpUrl keeps these IPv4 spellings as names (it does not canonicalise them): the resolver would decide
      "http://2130706433/t", "http://0x7f000001/t", "http://0x7f.0.0.1/t", "http://0177.0.0.1/t",
      "http://017700000001/t", "http://127.1/t", "http://127.0.1/t", "http://127.0.0.01/t",
      // other addresses
      "http://[::2]/t", "http://[::]/t", "http://[::127.0.0.1]/t", "http://[fe80::1]/t", "http://0.0.0.0/t",
      "http://128.0.0.1/t", "http://126.255.255.255/t", "http://10.0.0.1/t", "http://256.0.0.1/t",
      "http://api-performance.ozon.ru/t"})
  void nonLoopbackUrlsAreNotLoopback(String url) {
    assertFalse(Loopback.isLoopback(HttpUrl.get(url)), url + " host " + HttpUrl.get(url).host());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.9.8.7", "::1", "[::1]",
      "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]", "::ffff:127.0.0.1", "[::ffff:127.0.0.1]", " 127.0.0.1 "})
  void loopbackHostStringsAreLoopback(String host) {
    assertTrue(Loopback.isLoopback(host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "127.evil.example", "127.0.0.1.evil.example", "localhost.evil", "evil-localhost",
      "127.0.0.1@evil.example", "evil.example#@127.0.0.1", "127.0.0.1:80", "127.0.0.1/x", "2130706433",
      "0x7f000001", "0177.0.0.1", "127.1", "::2", "[::2]", "0.0.0.0", "128.0.0.1", "localhost..", "::ffff:128.0.0.1"})
  void otherHostStringsAreNotLoopback(String host) {
    assertFalse(Loopback.isLoopback(host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.evil.example/api/client/token", "http://127.0.0.1.evil.example/t",
      "http://localhost.evil/t", "http://127.0.0.1@evil.example/t", "http://evil.example#@127.0.0.1",
      "http://2130706433/t", "http://[::2]/t", "http://0.0.0.0/t", "http://128.0.0.1/t"})
  void plainHttpTokenUrlToALookalikeHostIsRefused(String url) {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> TokenProvider.builder().tokenUrl(url));
    assertTrue(e.getMessage().contains("https"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:1/t", "http://127.0.0.1:1/t", "http://127.8.9.10:1/t",
      "http://[::1]:1/t", "http://[0:0:0:0:0:0:0:1]:1/t", "http://[::ffff:127.0.0.1]:1/t", "http://LOCALHOST.:1/t",
      "https://127.evil.example/t"})
  void plainHttpTokenUrlOnLoopbackAndHttpsAnywhereAreAccepted(String url) {
    TokenProvider.builder().tokenUrl(url);
  }

  @org.junit.jupiter.api.Test
  void refusedTokenUrlMessageDoesNotEchoUserInfo() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> TokenProvider.builder().tokenUrl("http://user:hunter2@127.evil.example/t"));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void nullUrlIsAProgrammingError() {
    assertThrows(NullPointerException.class, () -> Loopback.isLoopback((HttpUrl) null));
    assertFalse(Loopback.isLoopback((String) null));
  }
}
