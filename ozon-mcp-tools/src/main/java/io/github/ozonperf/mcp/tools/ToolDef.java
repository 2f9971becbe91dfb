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

  /**
   * Starts a curated tool's definition; hints are named ({@code readOnly()}, {@code write().destructive()}) rather
   * than positional booleans.
   *
   * @param name the tool's snake_case name
   * @return a builder
   */
  static Builder named(String name) {
    return new Builder(name);
  }

  /** Builder of a curated {@link ToolDef}. Reads are idempotent by nature; say so with {@link #idempotent()}. */
  static final class Builder {
    private final String name;
    private String title;
    private String description;
    private Schemas.Obj input;
    private Map<String, Object> output;
    private Boolean readOnly;
    private boolean destructive;
    private boolean idempotent;
    private String operation;
    private Handler handler;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
    }

    Builder title(String title) {
      this.title = title;
      return this;
    }

    Builder description(String description) {
      this.description = description;
      return this;
    }

    /** The input schema's properties (the builder adds the object wrapper and additionalProperties: false). */
    Builder input(Schemas.Obj input) {
      this.input = input;
      return this;
    }

    /** The success result's schema (the error envelope is added). */
    Builder output(Map<String, Object> output) {
      this.output = output;
      return this;
    }

    /** The tool only reads. */
    Builder readOnly() {
      return readOnly(true);
    }

    /** The tool reads ({@code true}) or writes. */
    Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** The tool changes the account. */
    Builder write() {
      return readOnly(false);
    }

    /** A write that may destroy or overwrite something (a stop, a lower budget). */
    Builder destructive() {
      return destructive(true);
    }

    /** Whether the write may destroy or overwrite something. */
    Builder destructive(boolean destructive) {
      this.destructive = destructive;
      return this;
    }

    /** Calling it twice with the same arguments has the effect of calling it once. */
    Builder idempotent() {
      this.idempotent = true;
      return this;
    }

    /** The API operation the tool reaches, e.g. {@code "GET /api/client/campaign"}. */
    Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    Builder handler(Handler handler) {
      this.handler = handler;
      return this;
    }

    ToolDef build() {
      if (readOnly == null) {
        throw new IllegalStateException(name + ": say readOnly() or write()");
      }
      if (readOnly && destructive) {
        throw new IllegalStateException(name + ": a read-only tool cannot be destructive");
      }
      return new ToolDef(name, title, description, input, output, readOnly, destructive, idempotent, operation,
          handler);
    }
  }

  private ToolDef(String name, String title, String description, Schemas.Obj input, Map<String, Object> successOutput,
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
