package io.github.ozonperf.mcp;

import com.google.gson.JsonElement;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** JSON Schema checks (2020-12, the MCP default dialect) with the validator the MCP SDK ships. */
final class JsonSchemas {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema META = REGISTRY.getSchema(
      SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

  private JsonSchemas() {
  }

  /** Errors of a schema against the 2020-12 meta-schema (empty when it is a valid JSON Schema). */
  static List<Error> metaErrors(JsonElement schema) {
    return META.validate(schema.toString(), InputFormat.JSON);
  }

  /** Errors of an instance against a schema. */
  static List<Error> errors(JsonElement schema, JsonElement instance) {
    return REGISTRY.getSchema(schema.toString(), InputFormat.JSON).validate(instance.toString(), InputFormat.JSON);
  }
}
