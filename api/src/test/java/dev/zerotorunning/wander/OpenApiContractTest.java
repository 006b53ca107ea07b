package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.OpenApiContract;
import dev.zerotorunning.wander.support.TestStack;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;

/**
 * The API's contract, openapi.yaml, against the code: a valid OpenAPI 3.1 document, with exactly
 * the operations and parameters the Jersey resources have. (Http checks every real answer of the
 * API tests against it.)
 */
class OpenApiContractTest {
  private static final String RESOURCES = "dev.zerotorunning.wander.resources";
  private final OpenApiContract contract = OpenApiContract.get();

  @Test
  void isAValidOpenApi31Document() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(contract.document().toString(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
  }

  @Test
  void documentsExactlyTheOperationsAndParametersOfTheResources() {
    assertThat(documentedOperations()).isEqualTo(implementedOperations());
  }

  @Test
  void isServedAtApiOpenapiJson() {
    Http http = TestStack.get().http();
    JsonNode served = http.get("/openapi.json").expectStatus(200).json();
    assertThat(served).isEqualTo(contract.document());
  }

  /** "GET /deployments/{id}" → its query/path parameters and whether it takes a body. */
  private Map<String, Set<String>> documentedOperations() {
    Map<String, Set<String>> operations = new TreeMap<>();
    contract
        .document()
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (op.getKey().equals("parameters")) {
                            return;
                          }
                          Set<String> inputs = new TreeSet<>();
                          List<JsonNode> parameters = new ArrayList<>();
                          path.getValue().path("parameters").forEach(parameters::add);
                          op.getValue().path("parameters").forEach(parameters::add);
                          for (JsonNode parameter : parameters) {
                            JsonNode p = contract.resolve(parameter);
                            inputs.add(p.get("in").asText() + ":" + p.get("name").asText());
                          }
                          if (op.getValue().has("requestBody")) {
                            inputs.add("body");
                          }
                          operations.put(
                              op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                              inputs);
                        }));
    return operations;
  }

  private static Map<String, Set<String>> implementedOperations() {
    Map<String, Set<String>> operations = new TreeMap<>();
    for (JavaClass type : new ClassFileImporter().importPackages(RESOURCES)) {
      if (type.isAnnotatedWith(Path.class)) {
        Resource resource = Resource.from(type.reflect());
        collect(resource, "", operations);
      }
    }
    assertThat(operations).as("resources found in %s", RESOURCES).isNotEmpty();
    return operations;
  }

  private static void collect(Resource resource, String parent, Map<String, Set<String>> into) {
    String path = join(parent, resource.getPath());
    for (ResourceMethod method : resource.getResourceMethods()) {
      Set<String> inputs = new TreeSet<>();
      for (Parameter parameter : method.getInvocable().getParameters()) {
        switch (parameter.getSource()) {
          case QUERY -> inputs.add("query:" + parameter.getSourceName());
          case PATH -> inputs.add("path:" + parameter.getSourceName());
          case ENTITY -> inputs.add("body");
          default -> {
            // @Context and the like are not part of the contract.
          }
        }
      }
      into.put(method.getHttpMethod() + " " + path, inputs);
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, path, into);
    }
  }

  private static String join(String parent, String path) {
    String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
