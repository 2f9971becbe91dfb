package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** Our Gson mapper reads and writes every MCP message the server handles exactly as the SDK's Jackson mapper. */
class GsonMcpJsonMapperTest {
  private static final McpJsonMapper JACKSON = new JacksonMcpJsonMapper(JsonMapper.shared());
  private static final McpJsonMapper GSON = ServerRuntime.MAPPER;

  private static void assertWrittenAlike(Object message) throws IOException {
    JsonElement expected = JsonParser.parseString(JACKSON.writeValueAsString(message));
    assertEquals(expected, JsonParser.parseString(GSON.writeValueAsString(message)));
    assertEquals(expected, JsonParser.parseString(new String(GSON.writeValueAsBytes(message), StandardCharsets.UTF_8)));
  }

  /** Reads with both mappers, then compares what the reference writer makes of each result. */
  private static void assertReadAlike(String json, Class<?> type) throws IOException {
    Object byJackson = JACKSON.readValue(json, type);
    Object byGson = GSON.readValue(json, type);
    assertEquals(byJackson.getClass(), byGson.getClass());
    assertEquals(JsonParser.parseString(JACKSON.writeValueAsString(byJackson)),
        JsonParser.parseString(JACKSON.writeValueAsString(byGson)), json);
  }

  @Test
  void writesTheToolsListOfEveryToolAsJacksonDoes() throws IOException {
    List<McpSchema.Tool> tools = ToolRegistry.create(ToolContext.builder().writesEnabled(true).build())
        .specifications().stream().map(McpServerFeatures.SyncToolSpecification::tool).toList();
    assertEquals(14, tools.size());
    assertWrittenAlike(new McpSchema.JSONRPCResponse("2.0", 2, new McpSchema.ListToolsResult(tools, null, null), null));
    assertWrittenAlike(new McpSchema.ListToolsResult(tools, "next", Map.of("k", "v")));
  }

  @Test
  void writesInitializeResultsErrorsAndNotificationsAsJacksonDoes() throws IOException {
    assertWrittenAlike(new McpSchema.JSONRPCResponse("2.0", "a-1", new McpSchema.InitializeResult("2025-06-18",
        McpSchema.ServerCapabilities.builder().tools(false).logging().build(),
        new McpSchema.Implementation("ozon-mcp-tools", "Ozon MCP", "1.0"), "Use list_campaigns first.", null), null));
    assertWrittenAlike(new McpSchema.JSONRPCResponse("2.0", 7L, null,
        new McpSchema.JSONRPCResponse.JSONRPCError(-32602, "Unknown tool: x", Map.of("tool", "x"))));
    assertWrittenAlike(new McpSchema.JSONRPCNotification("2.0", McpSchema.METHOD_NOTIFICATION_PROGRESS,
        new McpSchema.ProgressNotification("tok-1", 3.0, 10.0, "chunk 3 of 10", null)));
    assertWrittenAlike(new McpSchema.JSONRPCNotification("2.0", McpSchema.METHOD_NOTIFICATION_MESSAGE,
        new McpSchema.LoggingMessageNotification(McpSchema.LoggingLevel.WARNING, "ozon", "slow down")));
    assertWrittenAlike(new McpSchema.JSONRPCResponse("2.0", 5, Map.of(), null));
  }

  @Test
  void writesExactDecimalsAndBigIntegersAsTheirDigits() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sku", new java.math.BigDecimal("18446744073709551615"));
    m.put("bid", new java.math.BigDecimal("0.1234567890123456789"));
    m.put("views", 12L);
    m.put("spend", 12.35);
    assertEquals("{\"sku\":18446744073709551615,\"bid\":0.1234567890123456789,\"views\":12,\"spend\":12.35}",
        GSON.writeValueAsString(m));
  }

  @Test
  void writesToolResultsWithStructuredContentAsJacksonDoes() throws IOException {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", "4492188");
    row.put("title", "Товары: Кружка <керамическая> & \"чай\"\n\t\u0001");
    row.put("views", 12345678901L);
    row.put("ctr", 1.25);
    row.put("active", true);
    row.put("tags", List.of("a", 1, 2.5, false));
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("campaigns", List.of(row, Map.of("id", "2")));
    structured.put("returned", 2);
    McpSchema.CallToolResult ok = McpSchema.CallToolResult.builder().structuredContent(structured)
        .addTextContent("2 of 25 campaigns:\n4492188  RUNNING").isError(false).build();
    assertWrittenAlike(new McpSchema.JSONRPCResponse("2.0", 3, ok, null));
    McpSchema.CallToolResult error = McpSchema.CallToolResult.builder()
        .structuredContent(Map.of("type", "validation", "message", "limit: expected an integer", "retryable", false))
        .addTextContent("validation error").isError(true).build();
    assertWrittenAlike(error);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
          + "\"capabilities\":{\"roots\":{\"listChanged\":true},\"sampling\":{},\"elicitation\":{}},"
          + "\"clientInfo\":{\"name\":\"claude-ai\",\"version\":\"0.1.0\"}}}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"x-2\",\"method\":\"tools/list\",\"params\":{\"cursor\":\"abc\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
          + "\"arguments\":{\"limit\":5,\"fields\":[\"all\"],\"campaignIds\":[\"1\",2]},"
          + "\"_meta\":{\"progressToken\":\"p-3\"}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3,\"reason\":\"user\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{\"roots\":[{\"uri\":\"file:///tmp\",\"name\":\"tmp\"}]}}",
      "{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}"})
  void readsEveryClientMessageAsJacksonDoes(String json) throws IOException {
    McpSchema.JSONRPCMessage byJackson = McpSchema.deserializeJsonRpcMessage(JACKSON, json);
    McpSchema.JSONRPCMessage byGson = McpSchema.deserializeJsonRpcMessage(GSON, json);
    assertEquals(byJackson.getClass(), byGson.getClass());
    assertEquals(JsonParser.parseString(JACKSON.writeValueAsString(byJackson)),
        JsonParser.parseString(JACKSON.writeValueAsString(byGson)));
  }

  @Test
  void readsRequestParamsIntoTheSdkRecords() throws IOException {
    assertReadAlike("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":{\"listChanged\":true}},"
        + "\"clientInfo\":{\"name\":\"inspector\",\"version\":\"2\"}}", McpSchema.InitializeRequest.class);
    assertReadAlike("{\"name\":\"get_daily_statistics\",\"arguments\":{\"campaignIds\":[\"1\"],\"dateFrom\":"
        + "\"2026-11-01\"},\"_meta\":{\"progressToken\":17}}", McpSchema.CallToolRequest.class);
    assertReadAlike("{\"level\":\"debug\"}", McpSchema.SetLevelRequest.class);
    assertReadAlike("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"image\",\"data\":\"AA==\","
        + "\"mimeType\":\"image/png\"},{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///a\",\"text\":\"x\"}}],"
        + "\"isError\":false}", McpSchema.CallToolResult.class);
    McpSchema.CallToolRequest call = GSON.convertValue(Map.of("name", "list_campaigns", "arguments",
        Map.of("limit", 5)), new TypeRef<McpSchema.CallToolRequest>() { });
    assertEquals("list_campaigns", call.name());
    assertInstanceOf(Long.class, call.arguments().get("limit"), "integral numbers read as Long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"debug", "DEBUG", "Warning", "loud"})
  void readsLogLevelsThroughTheSdksOwnFactoryAsJacksonDoes(String level) throws IOException {
    String json = "{\"level\":\"" + level + "\"}";
    assertEquals(JACKSON.readValue(json, McpSchema.SetLevelRequest.class),
        GSON.readValue(json, McpSchema.SetLevelRequest.class));
  }

  @Test
  void writesNonFiniteNumbersAsJacksonDoesInsteadOfFailing() throws IOException {
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("ctr", Double.NaN);
    structured.put("growth", Double.POSITIVE_INFINITY);
    assertWrittenAlike(McpSchema.CallToolResult.builder().structuredContent(structured).addTextContent("x").build());
    assertWrittenAlike(new McpSchema.ProgressNotification("t", Double.NaN, null, null, null));
  }

  @Test
  void malformedOrLenientInputIsAnIoExceptionNotACrash() throws IOException {
    assertThrows(IOException.class, () -> GSON.readValue("{\"jsonrpc\":", Map.class));
    assertThrows(IOException.class, () -> GSON.readValue("{} {}", Map.class));
    assertThrows(IOException.class, () -> GSON.readValue("{'jsonrpc':'2.0',id:1,method:ping}", Map.class));
    assertEquals("1e400", GSON.readValue("{\"limit\":1e400}", Map.class).get("limit").toString());
  }

  /** Hardening issue, defect 4: numbers passed through a double, so ids above 2^63 changed silently. */
  @ParameterizedTest
  @ValueSource(strings = {"12345678901234567890", "18446744073709551615", "-9223372036854775809", "0.1",
      "1E-100000000", "1E+1000000000", "2.50", "1.0"})
  void readsEveryNumberThatIsNotALongExactlyAsWritten(String number) throws IOException {
    McpSchema.CallToolRequest call = GSON.readValue("{\"name\":\"t\",\"arguments\":{\"n\":" + number
        + ",\"ns\":[" + number + "]}}", McpSchema.CallToolRequest.class);
    Object n = call.arguments().get("n");
    assertInstanceOf(Number.class, n);
    assertEquals(number, n.toString());
    assertEquals(number, ((List<?>) call.arguments().get("ns")).get(0).toString());
    assertEquals("{\"n\":" + number + "}", GSON.writeValueAsString(Map.of("n", n)));
  }

  @Test
  void readsIntegersThatFitALongAsLong() throws IOException {
    Map<?, ?> m = GSON.readValue("{\"a\":9223372036854775807,\"b\":-9223372036854775808,\"c\":0}", Map.class);
    assertEquals(Long.MAX_VALUE, m.get("a"));
    assertEquals(Long.MIN_VALUE, m.get("b"));
    assertEquals(0L, m.get("c"));
  }
}
