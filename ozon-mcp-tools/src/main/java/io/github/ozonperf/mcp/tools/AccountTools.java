package io.github.ozonperf.mcp.tools;

import static io.github.ozonperf.mcp.tools.Schemas.array;
import static io.github.ozonperf.mcp.tools.Schemas.map;
import static io.github.ozonperf.mcp.tools.Schemas.obj;
import static io.github.ozonperf.mcp.tools.Schemas.str;

import io.github.ozonperf.mcp.accounts.AccountDirectory;
import io.github.ozonperf.mcp.accounts.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code account} argument and {@code list_accounts}, present only with an accounts file
 * ({@code OZON_MCP_ACCOUNTS_FILE}): without one, tool definitions are exactly the single-account ones.
 */
final class AccountTools {
  static final String ARGUMENT = "account";
  static final String ALIAS_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";

  private AccountTools() {
  }

  /** {@code list_accounts}: the aliases the caller may use, never credentials or other callers' aliases. */
  static ToolDef listAccounts(ToolContext ctx) {
    return ToolDef.named("list_accounts")
        .title("Ozon accounts you may use")
        .description("Lists the aliases of the Ozon Performance accounts this server lets you use, and your"
            + " default. Pass an alias as the `account` argument of any other tool; without it a tool uses your"
            + " default account.")
        .input(obj())
        .output(obj()
            .req("accounts", array(obj()
                .req("alias", map("type", "string"))
                .req("default", map("type", "boolean")).build(), "Aliases you may use"))
            .req("default", map("type", List.of("string", "null"), "description", "Used when `account` is omitted"))
            .build())
        .readOnly()
        .idempotent()
        .handler((args, call) -> {
          AccountDirectory dir = ctx.accounts();
          Principal who = ctx.boundPrincipal();
          String dflt = dir.defaultFor(who);
          List<Map<String, Object>> list = new ArrayList<>();
          StringBuilder text = new StringBuilder();
          for (String alias : dir.visibleTo(who)) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("alias", alias);
            a.put("default", alias.equals(dflt));
            list.add(a);
            text.append(text.length() == 0 ? "" : ", ").append(alias).append(alias.equals(dflt) ? " (default)" : "");
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("accounts", list);
          out.put("default", dflt);
          return new ToolDef.Outcome(out, list.size() + (list.size() == 1 ? " account: " : " accounts: ")
              + (list.isEmpty() ? "none" : text));
        })
        .build()
        .in("accounts");
  }

  /** The input schema with the optional {@code account} argument added (a copy). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withAccountArgument(Map<String, Object> inputSchema) {
    Map<String, Object> copy = new LinkedHashMap<>(inputSchema);
    Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) inputSchema.get("properties"));
    props.put(ARGUMENT, str("Ozon account alias from list_accounts; omit for your default account", ALIAS_PATTERN,
        64));
    copy.put("properties", props);
    return copy;
  }

  /** The output schema whose error envelope also allows type {@code forbidden} (a copy). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withForbidden(Map<String, Object> outputSchema) {
    Object anyOf = outputSchema.get("anyOf");
    if (!(anyOf instanceof List<?> branches)) {
      return outputSchema;
    }
    List<Object> newBranches = new ArrayList<>();
    for (Object b : branches) {
      newBranches.add(b);
    }
    int last = newBranches.size() - 1;
    Map<String, Object> envelope = new LinkedHashMap<>((Map<String, Object>) newBranches.get(last));
    Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) envelope.get("properties"));
    Map<String, Object> type = new LinkedHashMap<>((Map<String, Object>) props.get("type"));
    List<Object> values = new ArrayList<>((List<Object>) type.get("enum"));
    if (!values.contains(ToolError.Type.FORBIDDEN.wire)) {
      values.add(ToolError.Type.FORBIDDEN.wire);
    }
    type.put("enum", values);
    props.put("type", type);
    envelope.put("properties", props);
    newBranches.set(last, envelope);
    Map<String, Object> copy = new LinkedHashMap<>(outputSchema);
    copy.put("anyOf", newBranches);
    return copy;
  }
}
