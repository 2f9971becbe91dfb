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
    this.handler = Objects.requireNonNull(handler, "handler == null");
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
