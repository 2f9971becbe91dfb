package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.auth.internal.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class FileTokenStoreTest {
  static final String KEY = Hashing.sha256Hex("id\nhttps://x/token");
  static final AccessToken TOKEN = new AccessToken("stored-token", Instant.parse("2030-01-01T00:00:00Z"));

  @TempDir
  Path tmp;

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  @Test
  void savedTokenLoadsBackWithItsWallClockExpiry() {
    FileTokenStore store = FileTokenStore.in(tmp.resolve("cache"));
    store.save(KEY, TOKEN);
    assertEquals(Optional.of(TOKEN), store.load(KEY));
    assertEquals(Optional.empty(), store.load(Hashing.sha256Hex("other")));
  }

  @Test
  void directoryAndFileAreOwnerOnly() throws Exception {
    Path dir = tmp.resolve("cache");
    FileTokenStore.in(dir).save(KEY, TOKEN);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(KEY + ".json"))));
  }

  @Test
  void fileIsNamedByTheKeyAndNoTemporaryFileRemains() throws Exception {
    Path dir = tmp.resolve("cache");
    FileTokenStore store = FileTokenStore.in(dir);
    store.save(KEY, TOKEN);
    store.save(KEY, new AccessToken("newer", TOKEN.expiresAt()));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(KEY + ".json"), files.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals("newer", store.load(KEY).orElseThrow().value());
  }

  @Test
  void corruptFileIsIgnoredWithAWarning() throws Exception {
    Files.writeString(tmp.resolve(KEY + ".json"), "{not json");
    assertEquals(Optional.empty(), FileTokenStore.in(tmp).load(KEY));
    assertTrue(CapturedLogs.lines().stream().anyMatch(l -> l.level() == Level.WARN), CapturedLogs.all());
  }

  @Test
  void fileWrittenForAnotherKeyIsIgnoredWithAWarning() throws Exception {
    FileTokenStore store = FileTokenStore.in(tmp);
    String other = Hashing.sha256Hex("other");
    store.save(other, TOKEN);
    Files.move(tmp.resolve(other + ".json"), tmp.resolve(KEY + ".json"));
    assertEquals(Optional.empty(), store.load(KEY));
    assertTrue(CapturedLogs.all().contains("another key"), CapturedLogs.all());
  }

  @Test
  void deleteRemovesTheFile() {
    FileTokenStore store = FileTokenStore.in(tmp);
    store.save(KEY, TOKEN);
    store.delete(KEY);
    store.delete(KEY);
    assertEquals(Optional.empty(), store.load(KEY));
  }

  @Test
  void keysThatCouldEscapeTheDirectoryAreRejected() {
    FileTokenStore store = FileTokenStore.in(tmp);
    assertThrows(IllegalArgumentException.class, () -> store.load("../etc/passwd"));
    assertThrows(IllegalArgumentException.class, () -> store.save("a/b", TOKEN));
    assertFalse(Files.exists(tmp.resolve("a")));
  }
}
