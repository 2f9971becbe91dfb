package io.github.ozonperf.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads the parts of MCP tool results the scenarios check. */
final class McpResults {
  private McpResults() {
  }

  /** The campaigns array of a {@code list_campaigns} result's structuredContent. */
  static JsonArray campaigns(JsonObject result) {
    JsonObject structured = result.getAsJsonObject("structuredContent");
    if (structured == null) {
      throw new AssertionError("list_campaigns returned no structuredContent: " + result);
    }
    JsonArray campaigns = structured.getAsJsonArray("campaigns");
    if (campaigns == null) {
      throw new AssertionError("list_campaigns structuredContent has no campaigns array: " + structured);
    }
    return campaigns;
  }

  /** All text content of a tool result, joined. */
  static String text(JsonObject result) {
    StringBuilder out = new StringBuilder();
    JsonArray content = result.getAsJsonArray("content");
    if (content != null) {
      for (JsonElement c : content) {
        JsonObject item = c.getAsJsonObject();
        if (item.has("text")) {
          out.append(item.get("text").getAsString()).append('\n');
        }
      }
    }
    return out.toString();
  }
}
