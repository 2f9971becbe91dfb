package io.github.ozonperf.it.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```json} block of every README parses as strict JSON, so a host snippet still works when copied
 * (a line break inside a string, a trailing comma or a comment would not).
 */
class ReadmeJsonSnippetsTest {
  private static final Pattern JSON_BLOCK = Pattern.compile("(?m)^```json[ \\t]*\\n(.*?)^```", Pattern.DOTALL);

  @Test
  void everyJsonSnippetInTheReadmesParses() throws IOException {
    Path root = Repo.root();
    List<Path> readmes;
    try (Stream<Path> s = Files.walk(root)) {
      readmes = s.filter(p -> p.getFileName().toString().startsWith("README") && p.toString().endsWith(".md"))
          .filter(p -> !root.relativize(p).toString().matches("(.*/)?(target|node_modules|\\.git)/.*"))
          .sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    int snippets = 0;
    for (Path readme : readmes) {
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      Matcher m = JSON_BLOCK.matcher(text);
      while (m.find()) {
        snippets++;
        int line = (int) text.substring(0, m.start()).lines().count() + 1;
        try {
          parseStrictly(m.group(1));
        } catch (RuntimeException e) {
          failures.add(root.relativize(readme) + ":" + line + ": " + e.getMessage());
        }
      }
    }
    assertFalse(snippets < 6, "expected the READMEs' host snippets, found " + snippets + " ```json blocks");
    assertEquals(List.of(), failures, "```json blocks that are not valid JSON");
  }

  @Test
  void rejectsWhatAHostWouldReject() {
    assertThrows(RuntimeException.class, () -> parseStrictly("{\"a\": \"x\ny\"}"));   // line break in a string
    assertThrows(RuntimeException.class, () -> parseStrictly("{\"a\": 1,}"));
    assertThrows(RuntimeException.class, () -> parseStrictly("{\"a\": 1} {\"b\": 2}"));
    assertThrows(RuntimeException.class, () -> parseStrictly("{a: 1}"));
    parseStrictly("{\"a\": [\"…\", 1.5, true, null]}");
  }

  /** One JSON value and nothing after it, by RFC 8259 (Gson's strict mode). */
  static JsonElement parseStrictly(String json) {
    try {
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      JsonElement value = JsonParser.parseReader(reader);   // keeps STRICT (any other strictness: LENIENT)
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("more than one JSON value");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
