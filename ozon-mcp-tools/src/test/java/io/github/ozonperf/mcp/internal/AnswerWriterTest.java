package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.internal.LazilyParsedNumber;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link AnswerWriter} writes exactly the bytes the mapper writes, or declines. */
class AnswerWriterTest {
  private static void same(McpSchema.JSONRPCResponse response) throws Exception {
    String expected = new String(ServerRuntime.MAPPER.writeValueAsBytes(response), StandardCharsets.UTF_8) + "\n";
    AnswerWriter w = AnswerWriter.get();
    assertTrue(w.toolResult(response), "written directly: " + expected);
    assertEquals(expected, new String(Arrays.copyOf(w.buffer(), w.length()), StandardCharsets.UTF_8));
    assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, w.length(), "the very bytes");
  }

  private static McpSchema.JSONRPCResponse answer(Object id, Object structured, Boolean isError, String... texts) {
    List<McpSchema.Content> content = new ArrayList<>();
    for (String t : texts) {
      content.add(new McpSchema.TextContent(t));
    }
    return new McpSchema.JSONRPCResponse("2.0", id, new McpSchema.CallToolResult(content, isError, structured, null),
        null);
  }

  @Test
  void everyCharacterIsEscapedAndEncodedAsTheMapperDoes() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3100; c++) {
      all.append(c);
    }
    all.append("\u2028\u2029\uFFFF\uD83D\uDE00 emoji, lone \uD83D high, lone \uDE00 low, end high \uD83D");
    same(answer(1L, Map.of("s", all.toString()), false, all.toString()));
    Random random = new Random(17);
    for (int i = 0; i < 200; i++) {
      char[] cs = new char[random.nextInt(40)];
      for (int j = 0; j < cs.length; j++) {
        cs[j] = (char) random.nextInt(0x10000);
      }
      String s = new String(cs);
      same(answer((long) i, Map.of(s, s), i % 2 == 0, s));
    }
  }

  @Test
  void valuesNestingNullsAndIds() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("campaigns", List.of(Map.of("id", "4492188", "title", "Товары: Кружка керамическая"),
        Map.of("id", "1", "title", "\"quoted\" \\ back")));
    m.put("returned", 2);
    m.put("total", 27L);
    m.put("skip", null);
    m.put("short", (short) 3);
    m.put("byte", (byte) -4);
    m.put("big", new BigInteger("18446744073709551615"));
    m.put("money", new BigDecimal("1000.00"));
    m.put("tiny", new BigDecimal("1E-7"));
    m.put("lazy", new LazilyParsedNumber("12345678901234567890"));
    m.put("double", 0.1);
    m.put("doubles", Arrays.asList(1.0, -0.0, 1e300, 123456789.125, null, Double.MIN_VALUE));
    m.put("flags", List.of(true, false));
    m.put("empty", Map.of());
    m.put("emptyList", List.of());
    m.put("nested", List.of(List.of(Map.of("a", List.of(1, 2, 3)))));
    same(answer(7L, m, false, "text\nwith lines\ttabs"));
    same(answer("string-id \"x\"", m, true, "a", "b"));
    same(answer(0L, null, null, "no structured content, no isError"));
    same(answer(-5L, m, false));
    same(new McpSchema.JSONRPCResponse("2.0", 3L,
        new McpSchema.CallToolResult(List.of(), false, Map.of("x", 1), null), null));
  }

  @Test
  void declinesWhatOnlyTheMapperKnows() {
    AnswerWriter w = AnswerWriter.get();
    assertFalse(w.toolResult(answer(1L, Map.of("f", 1.5f), false, "t")), "a float");
    assertFalse(w.toolResult(answer(1L, Map.of("nan", Double.NaN), false, "t")), "NaN is written as a string");
    assertFalse(w.toolResult(answer(1L, Map.of("tree", new JsonObject()), false, "t")), "a Gson tree");
    assertFalse(w.toolResult(answer(1L, Map.of(1, "non-string key"), false, "t")), "a non-string key");
    assertFalse(w.toolResult(new McpSchema.JSONRPCResponse("2.0", 1L,
        new McpSchema.CallToolResult(List.of(new McpSchema.TextContent("t")), false, null, Map.of("m", 1)), null)),
        "_meta");
    assertFalse(w.toolResult(new McpSchema.JSONRPCResponse("2.0", 1L, new McpSchema.ListToolsResult(List.of(), null),
        null)), "not a tool's answer");
    assertFalse(w.toolResult(new McpSchema.JSONRPCResponse("2.0", 1L, null,
        new McpSchema.JSONRPCResponse.JSONRPCError(-32603, "x", null))), "an error");
  }
}
