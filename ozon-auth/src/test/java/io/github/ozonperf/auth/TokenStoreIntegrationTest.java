package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider together with a {@link FileTokenStore}: a "restarted process" reuses a still-valid token. */
class TokenStoreIntegrationTest {
  @StartStop
  final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final List<TokenEvent> events = new CopyOnWriteArrayList<>();

  @TempDir
  Path dir;

  TokenProvider provider() {
    return TokenProvider.builder()
        .credentials(ClientCredentials.of(TokenProviderTest.ID, TokenProviderTest.SECRET))
        .tokenUrl(server.url("/api/client/token").toString())
        .timeSource(time)
        .tokenStore(FileTokenStore.in(dir))
        .listener(events::add)
        .build();
  }

  @Test
  void restartedProviderReusesAStillValidStoredTokenWithoutATokenRequest() throws Exception {
    server.enqueue(TokenProviderTest.token("persisted", 1800));
    try (TokenProvider first = provider()) {
      assertEquals("persisted", first.getToken().value());
    }
    time.advanceSeconds(600);
    try (TokenProvider second = provider()) {
      AccessToken t = second.getToken();
      assertEquals("persisted", t.value());
      assertEquals(FakeTime.EPOCH.plusSeconds(1800), t.expiresAt());
      assertEquals(1, second.stats().storeLoads());
      assertEquals(0, second.stats().tokenRequests());
      assertTrue(events.stream().anyMatch(e -> e.type() == TokenEvent.Type.LOADED_FROM_STORE));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void storedTokenNearItsExpiryIsNotUsed() throws Exception {
    server.enqueue(TokenProviderTest.token("old", 1800));
    server.enqueue(TokenProviderTest.token("new", 1800));
    try (TokenProvider first = provider()) {
      first.getToken();
    }
    time.advanceSeconds(1800 - 30);
    try (TokenProvider second = provider()) {
      assertEquals("new", second.getToken().value());
    }
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void storeFilesNeverContainTheSecretAndAreNamedByAHash() throws Exception {
    server.enqueue(TokenProviderTest.token("persisted", 1800));
    try (TokenProvider p = provider()) {
      p.getToken();
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        assertTrue(f.getFileName().toString().matches("[0-9a-f]{64}\\.json"), f.toString());
        String text = Files.readString(f);
        assertFalse(text.contains(TokenProviderTest.SECRET));
        assertFalse(text.contains(TokenProviderTest.ID));
      }
    }
  }

  @Test
  void invalidatedTokenIsDeletedFromTheStore() throws Exception {
    server.enqueue(TokenProviderTest.token("revoked", 1800));
    try (TokenProvider p = provider()) {
      assertTrue(p.invalidate(p.getToken()));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aFailingStoreNeverBreaksTokenRetrieval() throws Exception {
    server.enqueue(TokenProviderTest.token("t1", 1800));
    TokenStore broken = new TokenStore() {
      @Override
      public Optional<AccessToken> load(String key) {
        throw new IllegalStateException("disk on fire");
      }

      @Override
      public void save(String key, AccessToken token) {
        throw new IllegalStateException("disk on fire");
      }

      @Override
      public void delete(String key) {
        throw new IllegalStateException("disk on fire");
      }
    };
    try (TokenProvider p = TokenProvider.builder()
        .credentials(ClientCredentials.of(TokenProviderTest.ID, TokenProviderTest.SECRET))
        .tokenUrl(server.url("/api/client/token").toString())
        .timeSource(time).tokenStore(broken).build()) {
      assertEquals("t1", p.getToken().value());
      assertTrue(p.invalidate(p.getToken()));
    }
  }
}
