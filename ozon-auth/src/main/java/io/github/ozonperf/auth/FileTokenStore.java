package io.github.ozonperf.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TokenStore} keeping one small JSON file per key in a directory. The directory is created with
 * owner-only permissions ({@code 0700}) and files are written owner-only ({@code 0600}) where the file system is
 * POSIX; each write goes to a temporary file that is atomically moved into place, so readers never see a partial
 * file. File names are the key (a hash of client id and token URL), never the secret. A corrupt file, or one
 * written for another key, is ignored with a WARN.
 *
 * <pre>{@code
 * TokenProvider tokens = TokenProvider.builder()
 *     .credentials(ClientCredentials.fromEnvironment())
 *     .tokenStore(FileTokenStore.in(Path.of(System.getProperty("user.home"), ".cache", "ozon-performance")))
 *     .build();
 * }</pre>
 */
public final class FileTokenStore implements TokenStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final int MAX_FILE_BYTES = 64 * 1024;
  private static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_PERMS = PosixFilePermissions.fromString("rw-------");

  private final Path dir;

  private FileTokenStore(Path dir) {
    this.dir = dir;
  }

  /**
   * A store in {@code dir}; the directory is created (owner-only) on the first save.
   *
   * @param dir the directory
   * @return the store
   */
  public static FileTokenStore in(Path dir) {
    Objects.requireNonNull(dir, "dir == null");
    return new FileTokenStore(dir.toAbsolutePath());
  }

  /**
   * The directory the files live in.
   *
   * @return the absolute directory
   */
  public Path directory() {
    return dir;
  }

  @Override
  public Optional<AccessToken> load(String key) {
    Path file = file(key);
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        LOG.warn("Ignoring token cache file {}: larger than {} bytes", file, MAX_FILE_BYTES);
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      JsonElement root = JsonParser.parseString(text);
      if (!root.isJsonObject()) {
        LOG.warn("Ignoring token cache file {}: not a JSON object", file);
        return Optional.empty();
      }
      JsonObject o = root.getAsJsonObject();
      if (!o.has("key") || !key.equals(o.get("key").getAsString())) {
        LOG.warn("Ignoring token cache file {}: written for another key", file);
        return Optional.empty();
      }
      String value = o.get("access_token").getAsString();
      Instant expiresAt = Instant.ofEpochMilli(o.get("expires_at_epoch_ms").getAsLong());
      return Optional.of(new AccessToken(value, expiresAt));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Ignoring unreadable token cache file {}: {}", file, e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  @Override
  public void save(String key, AccessToken token) {
    Objects.requireNonNull(token, "token == null");
    Path file = file(key);
    JsonObject o = new JsonObject();
    o.addProperty("version", 1);
    o.addProperty("key", key);
    o.addProperty("access_token", token.value());
    o.addProperty("expires_at_epoch_ms", token.expiresAt().toEpochMilli());
    byte[] bytes = o.toString().getBytes(StandardCharsets.UTF_8);
    Path tmp = null;
    try {
      createDirectory();
      tmp = posix()
          ? Files.createTempFile(dir, key, ".tmp", PosixFilePermissions.asFileAttribute(FILE_PERMS))
          : Files.createTempFile(dir, key, ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new IllegalStateException("Could not write token cache file " + file + ": " + e.getClass().getSimpleName()
          + " (check that the directory is writable by this user)", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: a leftover .tmp file is ignored by load().
        }
      }
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      LOG.warn("Could not delete token cache file for key {}: {}", key, e.getClass().getSimpleName());
    }
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      if (posix()) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_PERMS));
      } else {
        Files.createDirectories(dir);
      }
    } catch (FileAlreadyExistsException e) {
      // Created concurrently: fine.
    }
  }

  private boolean posix() {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private Path file(String key) {
    Objects.requireNonNull(key, "key == null");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("token store key must match [A-Za-z0-9_-]{1,128}");
    }
    return dir.resolve(key + ".json");
  }

  @Override
  public String toString() {
    return "FileTokenStore[" + dir + "]";
  }
}
