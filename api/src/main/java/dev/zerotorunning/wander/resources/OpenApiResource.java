package dev.zerotorunning.wander.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the API's contract, written once in {@code openapi.yaml} (kept in
 * step with the resources by OpenApiContractTest) and served as JSON.
 */
@Path("/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
  static final String DOCUMENT = "/openapi.yaml";

  private final JsonNode document;

  public OpenApiResource(JsonNode document) {
    this.document = document;
  }

  /** The document from the classpath; a missing or broken one stops the start-up. */
  public static JsonNode load() {
    try (InputStream yaml = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      if (yaml == null) {
        throw new IllegalStateException(DOCUMENT + " is missing from the classpath");
      }
      return new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DOCUMENT, e);
    }
  }

  @GET
  public JsonNode document() {
    return document;
  }
}
