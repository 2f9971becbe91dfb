package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON-RPC 2.0 and MCP, strictly: every request with a readable id is answered under that id, -32700 only for what
 * is not JSON, -32600 for what is not a valid request, -32602 for bad params, never a Java class name, and a bad
 * line never ends the session (a ping after it is answered).
 */
class JsonRpcStrictnessTest {
  private static RawSession session() throws Exception {
    return new RawSession(ToolRegistry.create(ToolContext.builder().build())).initialized();
  }

  private static void assertError(JsonObject answer, Object id, int code) {
    assertTrue(answer.has("error"), answer.toString());
    assertEquals(code, answer.getAsJsonObject("error").get("code").getAsInt(), answer.toString());
    if (id == null) {
      assertTrue(answer.get("id").isJsonNull(), answer.toString());
    } else {
      assertEquals(id.toString(), answer.get("id").getAsString(), answer.toString());
    }
    String message = answer.getAsJsonObject("error").get("message").getAsString();
    assertFalse(message.contains("java.") || message.contains("Exception") || message.contains("$"), message);
  }

  private static void assertStillServing(RawSession s) throws Exception {
    s.send("{\"jsonrpc\":\"2.0\",\"id\":\"ping-after\",\"method\":\"ping\"}");
    assertEquals("ping-after", s.answer().get("id").getAsString());
  }

  @Test
  void aSecondInitializeIsRefusedUnderItsId() throws Exception {
    try (RawSession s = session()) {
      s.send(RawSession.INITIALIZE.replace("\"id\":1", "\"id\":9"));
      assertError(s.answer(), 9, -32600);
      assertStillServing(s);
    }
  }

  @Test
  void jsonrpcOtherThan20IsAnInvalidRequestUnderItsId() throws Exception {
    try (RawSession s = session()) {
      s.send("{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"ping\"}");
      assertError(s.answer(), 4, -32600);
      s.send("{\"id\":5,\"method\":\"ping\"}");
      assertError(s.answer(), 5, -32600);
      assertStillServing(s);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "1.5", "{\"a\":1}", "[1]", "true"})
  void anIdThatIsNotAStringOrIntegerIsAnInvalidRequestNotAParseError(String id) throws Exception {
    try (RawSession s = session()) {
      s.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
      assertError(s.answer(), null, -32600);
      assertStillServing(s);
    }
  }

  @Test
  void argumentsThatAreNotAnObjectAreInvalidParamsNotAnInternalError() throws Exception {
    try (RawSession s = session()) {
      s.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
          + "\"arguments\":\"campaignIds=1\"}}");
      JsonObject answer = s.answer();
      assertError(answer, 6, -32602);
      assertTrue(answer.getAsJsonObject("error").get("message").getAsString().contains("arguments"), answer.toString());
      s.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":\"list_campaigns\"}");
      assertError(s.answer(), 7, -32602);
      s.send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":42}}");
      assertError(s.answer(), 8, -32602);
      assertStillServing(s);
    }
  }

  @Test
  void aNumberBeyondDoubleRangeStillGetsAnAnswerUnderItsId() throws Exception {
    try (RawSession s = session()) {
      s.send("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
          + "\"arguments\":{\"page\":1e400}}}");
      JsonObject answer = s.answer();
      assertEquals(10, answer.get("id").getAsInt(), answer.toString());
      assertTrue(answer.has("error") || answer.getAsJsonObject("result").get("isError").getAsBoolean(),
          answer.toString());
      assertStillServing(s);
    }
  }

  @Test
  void notJsonIsAParseErrorAndABatchIsAnInvalidRequest() throws Exception {
    try (RawSession s = session()) {
      s.send("{\"jsonrpc\":\"2.0\",\"id\":11,");
      assertError(s.answer(), null, -32700);
      s.send("[{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"ping\"}]");
      assertError(s.answer(), null, -32600);
      s.send("{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"ping\"} {\"x\":1}");
      assertError(s.answer(), null, -32700);
      assertStillServing(s);
    }
  }

  @Test
  void aWriteToolWhileWritesAreOffIsAToolErrorNamingTheVariable() throws Exception {
    try (RawSession s = session()) {
      s.send("{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"tools/call\",\"params\":{\"name\":\"activate_campaign\","
          + "\"arguments\":{\"campaignId\":\"1\"}}}");
      JsonObject answer = s.answer();
      assertEquals(14, answer.get("id").getAsInt());
      JsonObject result = answer.getAsJsonObject("result");
      assertTrue(result.get("isError").getAsBoolean(), answer.toString());
      assertTrue(result.getAsJsonObject("structuredContent").get("message").getAsString()
          .contains("OZON_MCP_ENABLE_WRITES=true"), answer.toString());
      assertStillServing(s);
    }
  }
}
