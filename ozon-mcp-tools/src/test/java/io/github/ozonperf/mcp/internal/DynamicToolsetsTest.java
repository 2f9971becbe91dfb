package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.github.ozonperf.mcp.tools.ToolSelection;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * --dynamic-toolsets: the server starts with the default tools plus list_toolsets and enable_toolset; enabling a
 * toolset registers its tools, tells the host (notifications/tools/list_changed), and they can be called at once.
 */
class DynamicToolsetsTest {
  private static Set<String> names(RawSession s, int id) throws Exception {
    s.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}");
    Set<String> names = new HashSet<>();
    for (JsonElement t : s.answer().getAsJsonObject("result").getAsJsonArray("tools")) {
      names.add(t.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }

  @Test
  void enablingAToolsetRegistersItsToolsAndAnnouncesTheChange() throws Exception {
    try (OzonSandbox sandbox = OzonSandbox.builder().start();
        OzonPerformanceClient client = OzonPerformanceClient.builder().baseUrl(sandbox.baseUrl())
            .tokenUrl(sandbox.tokenUrl()).credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret()))
            .build()) {
      ToolContext ctx = ToolContext.builder().client(client).build();
      try (RawSession s = new RawSession(ToolRegistry.createDynamic(ctx, ToolSelection.defaults()))) {
        s.send(RawSession.INITIALIZE);
        JsonObject init = s.answer();
        assertTrue(init.getAsJsonObject("result").getAsJsonObject("capabilities").getAsJsonObject("tools")
            .get("listChanged").getAsBoolean(), init.toString());
        s.send(RawSession.INITIALIZED);

        Set<String> before = names(s, 2);
        assertTrue(before.containsAll(Set.of("list_campaigns", "list_toolsets", "enable_toolset")), before.toString());
        assertFalse(before.contains("list_vendor_reports"), "vendor tools are not there at start");

        s.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_toolsets\","
            + "\"arguments\":{}}}");
        String listed = s.answer().toString();
        assertTrue(listed.contains("\"name\":\"vendor\"") && listed.contains("list_vendor_reports"), listed);

        s.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"enable_toolset\","
            + "\"arguments\":{\"toolset\":\"vendor\"}}}");
        boolean announced = false;
        JsonObject enabled = null;
        while (enabled == null) {
          JsonObject m = s.next();
          if (m.has("method")) {
            announced |= m.get("method").getAsString().equals("notifications/tools/list_changed");
          } else {
            enabled = m;
          }
        }
        assertFalse(enabled.getAsJsonObject("result").get("isError").getAsBoolean(), enabled.toString());
        assertTrue(enabled.toString().contains("list_vendor_reports"), enabled.toString());
        Set<String> after = names(s, 5);
        for (JsonObject m : s.seen) {
          announced |= m.has("method") && m.get("method").getAsString().equals("notifications/tools/list_changed");
        }
        assertTrue(announced, "the host is told the list changed: " + s.seen);
        assertTrue(after.contains("list_vendor_reports"), after.toString());
        assertTrue(after.containsAll(before));

        s.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"list_vendor_reports\","
            + "\"arguments\":{}}}");
        JsonObject call = s.answer();
        assertEquals(6, call.get("id").getAsInt());
        assertFalse(call.getAsJsonObject("result").get("isError").getAsBoolean(), call.toString());

        s.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"enable_toolset\","
            + "\"arguments\":{\"toolset\":\"nope\"}}}");
        JsonObject bad = s.answer();
        assertTrue(bad.getAsJsonObject("result").get("isError").getAsBoolean(), bad.toString());
        assertTrue(bad.toString().contains("vendor"), "the error lists the valid toolsets: " + bad);
      }
    }
  }
}
