package io.github.ozonperf.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Our hand-written spec must validate and must not repeat the flaws of Ozon's published document (arrays
 * without items, bodies without schemas, operations without ids or error responses, ids typed as numbers).
 */
class OpenApiSpecTest {
  static final Path SPEC = Path.of("src/main/openapi/ozon-performance.yaml");
  static final Set<String> TAGS = Set.of("Campaigns", "Products", "Statistics", "StatisticsJson", "SearchPromo",
      "Vendor");

  private static OpenAPI ours;

  /** Parsing takes seconds: do it once for the tests that read our spec. */
  static synchronized OpenAPI ours() {
    if (ours == null) {
      ours = parse(SPEC.toString());
    }
    return ours;
  }

  static OpenAPI parse(String location) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location, null, options);
    assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(),
        "the spec must validate without messages");
    return result.getOpenAPI();
  }

  /** Every flaw in the spec, as readable lines; empty means clean. */
  static List<String> flaws(OpenAPI api) {
    List<String> flaws = new ArrayList<>();
    Set<String> operationIds = new TreeSet<>();
    for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> o : p.getValue().readOperationsMap().entrySet()) {
        String where = o.getKey() + " " + p.getKey();
        Operation op = o.getValue();
        if (op.getOperationId() == null || !op.getOperationId().matches("[a-z][A-Za-z0-9]*")) {
          flaws.add(where + ": operationId missing or not lowerCamelCase: " + op.getOperationId());
        } else if (!operationIds.add(op.getOperationId())) {
          flaws.add(where + ": duplicate operationId " + op.getOperationId());
        }
        if (op.getTags() == null || op.getTags().size() != 1 || !TAGS.contains(op.getTags().get(0))) {
          flaws.add(where + ": needs exactly one tag of " + TAGS + ", has " + op.getTags());
        }
        boolean twin = Boolean.TRUE.equals(extension(op, "x-ozon-json-twin"));
        if (twin != "StatisticsJson".equals(op.getTags() == null ? null : op.getTags().get(0))) {
          flaws.add(where + ": x-ozon-json-twin and tag StatisticsJson must go together");
        }
        boolean hasError = op.getResponses() != null && op.getResponses().keySet().stream()
            .anyMatch(k -> k.equals("default") || k.startsWith("4"));
        if (!hasError) {
          flaws.add(where + ": no default or 4xx error response");
        }
        if (op.getResponses() != null) {
          op.getResponses().forEach((code, response) -> {
            if (response.getContent() != null) {
              response.getContent().forEach((type, media) -> checkMedia(where + " response " + code + " " + type,
                  media, flaws));
            }
          });
        }
        if (op.getRequestBody() != null) {
          if (op.getRequestBody().getContent() == null || op.getRequestBody().getContent().isEmpty()) {
            flaws.add(where + ": request body without content");
          } else {
            op.getRequestBody().getContent().forEach((type, media) -> checkMedia(where + " body " + type, media,
                flaws));
          }
        }
        if (op.getParameters() != null) {
          for (Parameter param : op.getParameters()) {
            String pw = where + " param " + param.getName();
            if (param.getSchema() == null) {
              flaws.add(pw + ": no schema");
              continue;
            }
            checkSchema(pw, param.getSchema(), flaws, Collections.newSetFromMap(new IdentityHashMap<>()));
            if ("array".equals(param.getSchema().getType()) && !Boolean.TRUE.equals(param.getExplode())) {
              flaws.add(pw + ": array query parameter must be explode: true");
            }
          }
        }
      }
    }
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().forEach((name, schema) -> checkSchema("schema " + name, schema, flaws,
          Collections.newSetFromMap(new IdentityHashMap<>())));
    }
    return flaws;
  }

  private static Object extension(Operation op, String name) {
    return op.getExtensions() == null ? null : op.getExtensions().get(name);
  }

  private static void checkMedia(String where, MediaType media, List<String> flaws) {
    if (media == null || media.getSchema() == null) {
      flaws.add(where + ": no schema");
      return;
    }
    checkSchema(where, media.getSchema(), flaws, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  @SuppressWarnings("rawtypes")
  private static void checkSchema(String where, Schema<?> s, List<String> flaws, Set<Schema<?>> seen) {
    if (s == null || !seen.add(s)) {
      return;
    }
    if ("array".equals(s.getType()) && s.getItems() == null) {
      flaws.add(where + ": array without items");
    }
    if ("uint64".equals(s.getFormat()) && !"string".equals(s.getType())) {
      flaws.add(where + ": uint64 must be a JSON string, is " + s.getType());
    }
    if ("object".equals(s.getType()) && s.getProperties() == null && s.getAdditionalProperties() == null
        && !where.contains("Empty") && !where.contains("response 200")) {
      flaws.add(where + ": bare object without properties");
    }
    checkSchema(where + "[]", s.getItems(), flaws, seen);
    if (s.getProperties() != null) {
      for (Map.Entry<String, Schema> e : s.getProperties().entrySet()) {
        checkSchema(where + "." + e.getKey(), e.getValue(), flaws, seen);
      }
    }
    Object ap = s.getAdditionalProperties();
    if (ap instanceof Schema) {
      checkSchema(where + "{}", (Schema<?>) ap, flaws, seen);
    }
  }

  @Test
  void specValidatesAndHasNoFlaws() {
    OpenAPI api = ours();
    assertEquals(List.of(), flaws(api));
    assertEquals("3.0.3", api.getOpenapi());
  }

  @Test
  void specHasExactly48OzonOperationsPlusMarkedJsonTwins() {
    OpenAPI api = ours();
    int ozon = 0;
    List<String> twins = new ArrayList<>();
    for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
      for (Operation op : p.getValue().readOperations()) {
        if (Boolean.TRUE.equals(extension(op, "x-ozon-json-twin"))) {
          twins.add(p.getKey());
        } else {
          ozon++;
        }
      }
    }
    assertEquals(48, ozon, "Ozon's document (June 2026) has 48 operations");
    assertTrue(twins.contains("/api/client/statistics/json"), twins.toString());
    assertTrue(twins.contains("/api/client/statistics/daily/json"), twins.toString());
    assertTrue(twins.stream().allMatch(t -> t.endsWith("/json")), twins.toString());
  }

  @Test
  void keyOperationsKeepOzonsPathsAndParameterNames() {
    OpenAPI api = ours();
    Operation list = api.getPaths().get("/api/client/campaign").getGet();
    assertEquals("listCampaigns", list.getOperationId());
    assertEquals(List.of("campaignIds", "advObjectType", "state", "page", "pageSize"),
        list.getParameters().stream().map(Parameter::getName).toList());
    Operation download = api.getPaths().get("/api/client/statistics/report").getGet();
    assertEquals("downloadReport", download.getOperationId());
    assertEquals("UUID", download.getParameters().get(0).getName());
    assertTrue(download.getResponses().get("200").getContent().keySet()
        .containsAll(List.of("text/csv", "application/zip")));
    assertEquals("text/csv", api.getPaths().get("/api/client/statistics/daily").getGet().getResponses().get("200")
        .getContent().keySet().iterator().next());
    Schema<?> id = (Schema<?>) api.getComponents().getSchemas().get("Campaign").getProperties().get("id");
    assertEquals("string", id.getType());
    assertEquals("uint64", id.getFormat());
  }

  @Test
  void theFlawCheckerCatchesEveryFlawOzonsDocumentHad(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        openapi: 3.0.3
        info: {title: bad, version: "1"}
        paths:
          /a:
            get:
              parameters:
                - name: campaignIds
                  in: query
                  explode: false
                  schema: {type: array, items: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          ids: {type: array}
                          id: {type: integer, format: uint64}
          /b:
            post:
              operationId: postB
              tags: [Statistics]
              requestBody:
                content:
                  application/json: {}
              responses:
                '200': {description: ok}
        """);
    ParseOptions options = new ParseOptions();
    options.setResolveFully(true);
    List<String> flaws = flaws(new OpenAPIV3Parser().readLocation(bad.toString(), null, options).getOpenAPI());
    String all = String.join("\n", flaws);
    assertTrue(all.contains("GET /a: operationId missing"), all);
    assertTrue(all.contains("GET /a: no default or 4xx error response"), all);
    assertTrue(all.contains("explode: true"), all);
    assertTrue(all.contains(".ids: array without items"), all);
    assertTrue(all.contains(".id: uint64 must be a JSON string"), all);
    assertTrue(all.contains("POST /b body application/json: no schema"), all);
    assertTrue(all.contains("POST /b: no default or 4xx error response"), all);
  }
}
