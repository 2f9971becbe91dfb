package io.github.ozonperf.mcp.tools;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One tool: its contract (name, description, schemas, hints) and its handler. */
final class ToolDef {
  /** The handler: validated arguments in, structured result out; failures are thrown as exceptions. */
  @FunctionalInterface
  interface Handler {
    Outcome handle(Args args, ToolCall call) throws Exception;
  }

  final String name;
  final String title;
  final String description;
  final Map<String, Object> inputSchema;
  final Map<String, Object> outputSchema;
  final boolean readOnly;
  final boolean destructive;
  final boolean idempotent;
  final String operation;
  /** The API operations this tool reaches ("GET /api/client/campaign"), named in its _meta. */
  final List<String> operations;
  /** The toolset (API section) this tool belongs to; null until {@link #in} assigns it. */
  final String toolset;
  final Handler handler;

  ToolDef(String name, String title, String description, Schemas.Obj input, Map<String, Object> successOutput,
      boolean readOnly, boolean destructive, boolean idempotent, String operation, Handler handler) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.title = Objects.requireNonNull(title, "title == null");
    this.description = Objects.requireNonNull(description, "description == null");
    this.inputSchema = Schemas.input(input);
    Args.requireSupported(name, inputSchema);
    this.outputSchema = Schemas.output(successOutput);
    this.readOnly = readOnly;
    this.destructive = destructive;
    this.idempotent = idempotent;
    this.operation = operation;
    this.operations = operation == null ? List.of() : List.of(operation);
    this.toolset = null;
    this.handler = Objects.requireNonNull(handler, "handler == null");
  }

  /** Built from already checked schemas (operation tools, copies). */
  ToolDef(String name, String title, String description, Map<String, Object> inputSchema,
      Map<String, Object> outputSchema, boolean readOnly, boolean destructive, boolean idempotent,
      List<String> operations, String toolset, Handler handler) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.title = Objects.requireNonNull(title, "title == null");
    this.description = Objects.requireNonNull(description, "description == null");
    this.inputSchema = inputSchema;
    Args.requireSupported(name, inputSchema);
    this.outputSchema = outputSchema;
    this.readOnly = readOnly;
    this.destructive = destructive;
    this.idempotent = idempotent;
    this.operations = List.copyOf(operations);
    this.operation = operations.isEmpty() ? null : operations.get(0);
    this.toolset = toolset;
    this.handler = Objects.requireNonNull(handler, "handler == null");
  }

  /**
   * This tool in {@code toolset}, reaching its own operation and {@code more}.
   *
   * @param toolset the API section it belongs to
   * @param more    further operations the tool reaches ("GET /api/client/statistics/{UUID}")
   * @return a copy
   */
  ToolDef in(String toolset, String... more) {
    List<String> ops = new java.util.ArrayList<>(operations);
    ops.addAll(List.of(more));
    return new ToolDef(name, title, description, inputSchema, outputSchema, readOnly, destructive, idempotent, ops,
        toolset, handler);
  }

  @SuppressWarnings("unchecked")
  List<String> argumentNames() {
    return List.copyOf(((Map<String, Object>) inputSchema.get("properties")).keySet());
  }

  /** A successful result: structured content plus its compact text rendering. */
  record Outcome(Map<String, Object> structured, String text) {
    Outcome {
      Objects.requireNonNull(structured, "structured == null");
      Objects.requireNonNull(text, "text == null");
    }
  }
}
