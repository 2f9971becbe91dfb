package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A request built from JsonRpcRules' tree is the one the SDK makes from the JSON text. */
class JsonRpcRulesRequestTest {
  @Test
  void requestsAreTheSdksOwn() throws Exception {
    for (String line : List.of(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{\"roots\":{\"listChanged\":true}},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":-0,\"method\":\"ping\",\"params\":null}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"cursor\":\"x\",\"gone\":null}}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
            + "\"arguments\":{\"campaignIds\":[\"1\",2,12345678901234567890,null,1.50,1e5,-3],\"limit\":10,"
            + "\"deep\":{\"a\":null,\"b\":[{\"c\":null,\"d\":true}],\"e\":false,\"f\":\"Кампания \\u2028 \\\"q\\\"\"},"
            + "\"huge\":123456789012345678901234567890,\"neg\":-9223372036854775808},"
            + "\"_meta\":{\"progressToken\":\"p-1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_bid_limits\"}}")) {
      JsonRpcRules.Inbound checked = JsonRpcRules.check(line, false, Set.of());
      assertNotNull(checked.request(), line);
      McpSchema.JSONRPCMessage sdk = McpSchema.deserializeJsonRpcMessage(ServerRuntime.MAPPER, checked.json());
      McpSchema.JSONRPCRequest ours = JsonRpcRules.request(checked.request());
      assertEquals(sdk, ours, line);
      assertEquals(sdk.toString(), ours.toString(), line);
    }
  }
}
