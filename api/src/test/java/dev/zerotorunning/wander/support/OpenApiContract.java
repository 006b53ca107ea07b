package dev.zerotorunning.wander.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.zerotorunning.wander.resources.OpenApiResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI document as the tests read it: which operation a request hits, and whether a
 * real response keeps to what the document promises (a documented status, its required headers, a
 * body that validates against its schema).
 */
public final class OpenApiContract {
  /** The document's servers[0].url: every path in it is relative to this. */
  public static final String BASE_PATH = "/api";

  /** Where the schemas find the document; never fetched, the registry is handed its text. */
  private static final String IRI = "https://wander.test/openapi.json";

  private static final OpenApiContract INSTANCE = new OpenApiContract(OpenApiResource.load());

  private final JsonNode document;
  private final SchemaRegistry schemas;

  private OpenApiContract(JsonNode document) {
    this.document = document;
    this.schemas =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(IRI, document.toString())));
  }

  public static OpenApiContract get() {
    return INSTANCE;
  }

  public JsonNode document() {
    return document;
  }

  /** One documented operation: its path template, method and JSON pointer into the document. */
  public record Operation(String path, String method, String pointer) {}

  /** The documented operation {@code method path} (path under {@link #BASE_PATH}) hits, if any. */
  public Optional<Operation> find(String method, String path) {
    for (Map.Entry<String, JsonNode> entry : document.get("paths").properties()) {
      String template = entry.getKey();
      String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
      String verb = method.toLowerCase(java.util.Locale.ROOT);
      if (Pattern.matches(regex, path) && entry.getValue().has(verb)) {
        return Optional.of(
            new Operation(template, verb, "/paths/" + escape(template) + "/" + verb));
      }
    }
    return Optional.empty();
  }

  /**
   * What is wrong with one real exchange, or nothing when it conforms or the request hit no
   * documented operation (another port, a path outside the API, a method Jersey answers 405).
   */
  public List<String> problems(
      String method, URI uri, int status, Function<String, String> header, JsonNode body) {
    String path = uri.getRawPath();
    if (!path.startsWith(BASE_PATH + "/")) {
      return List.of();
    }
    Optional<Operation> operation = find(method, path.substring(BASE_PATH.length()));
    if (operation.isEmpty()) {
      return List.of();
    }
    String where = method + " " + uri.getRawPath() + " → " + status;
    String responsePointer = operation.get().pointer() + "/responses/" + status;
    JsonNode declared = document.at(responsePointer);
    JsonNode response = resolve(declared);
    if (response.isMissingNode()) {
      return List.of(where + ": status not documented for " + operation.get().path());
    }
    List<String> problems = new ArrayList<>();
    response
        .path("headers")
        .properties()
        .forEach(
            h -> {
              if (resolve(h.getValue()).path("required").asBoolean()
                  && header.apply(h.getKey()) == null) {
                problems.add(where + ": required header " + h.getKey() + " missing");
              }
            });
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (!schema.isMissingNode()) {
      if (body == null) {
        problems.add(where + ": no JSON body, the document promises one");
      } else {
        String pointer = pointerOf(declared, responsePointer) + "/content/application~1json/schema";
        for (Error error :
            schemas.getSchema(SchemaLocation.of(IRI + "#" + pointer)).validate(body)) {
          problems.add(where + ": " + error.getMessage());
        }
      }
    }
    return problems;
  }

  /** Follows an OpenAPI {@code $ref} (to a response, header or parameter) inside the document. */
  public JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
  }

  private static String pointerOf(JsonNode node, String pointer) {
    return node.has("$ref") ? node.get("$ref").asText().substring(1) : pointer;
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
