package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.cache.CacheStatus;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.logging.RequestIds;
import dev.zerotorunning.wander.metrics.HttpMetrics;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.glassfish.jersey.uri.UriComponent;

/**
 * Answers a cache hit before Jersey. A GET of a {@link CachedRoute} whose current body Redis holds
 * is written as Redis sent it, with the headers the resource would have sent ({@code Content-Type},
 * {@code X-Cache: HIT}, {@code X-Request-Id}) and counted in the request metrics under its route. A
 * hit then costs this filter and one Redis round trip instead of Jersey's routing, filters and
 * writers (profiled: most of a hit's time). Everything else goes on to Jersey untouched: a miss, a
 * query the resource refuses, an {@code Accept} without JSON, a request with a body.
 */
public final class CacheHitFilter implements Filter {
  private static final Set<String> JSON_RANGES = Set.of("application/json", "application/*", "*/*");

  /** A media range with quality zero is one the client refuses. */
  private static final Pattern REFUSED = Pattern.compile("q=0(\\.0*)?");

  private final ResponseCache cache;
  private final HttpMetrics metrics;
  private final Map<String, CachedRoute> routesByUri = new LinkedHashMap<>();

  /**
   * @param rootPath the API's root path as Jersey serves it, such as {@code /api/}
   */
  public CacheHitFilter(ResponseCache cache, HttpMetrics metrics, String rootPath) {
    this.cache = cache;
    this.metrics = metrics;
    String base = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    for (CachedRoute route : CachedRoute.values()) {
      routesByUri.put(base + route.path, route);
    }
  }

  /** The exact paths to map this filter to. */
  public String[] paths() {
    return routesByUri.keySet().toArray(String[]::new);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long started = System.nanoTime();
    HttpServletRequest request = (HttpServletRequest) req;
    Optional<byte[]> body = hit(request);
    if (body.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletResponse response = (HttpServletResponse) res;
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON);
    response.setHeader(CachedResponses.HEADER, CacheStatus.HIT.name());
    response.setHeader(RequestIds.HEADER, RequestIds.idFor(request.getHeader(RequestIds.HEADER)));
    response.setContentLength(body.get().length);
    response.getOutputStream().write(body.get());
    metrics.observe(request.getMethod(), request.getRequestURI(), "200", started);
  }

  private Optional<byte[]> hit(HttpServletRequest request) {
    CachedRoute route = routesByUri.get(request.getRequestURI());
    if (route == null
        || !"GET".equals(request.getMethod())
        || hasBody(request)
        || !acceptsJson(request.getHeader("Accept"))) {
      return Optional.empty();
    }
    String query;
    try {
      // Jersey's own query parser, so each parameter reads as the resource's @QueryParam reads it.
      MultivaluedMap<String, String> params =
          UriComponent.decodeQuery(Optional.ofNullable(request.getQueryString()).orElse(""), true);
      query = route.query(params::getFirst);
    } catch (RuntimeException refused) {
      return Optional.empty(); // Jersey answers it: the resource's 400 names the bad value.
    }
    return cache.storedBody(route.path, query);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** Whether an Accept header admits application/json (absent admits anything). */
  public static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    return Arrays.stream(accept.split(","))
        .map(range -> range.split(";"))
        .anyMatch(
            parts ->
                JSON_RANGES.contains(parts[0].trim().toLowerCase(Locale.ROOT))
                    && Arrays.stream(parts)
                        .skip(1)
                        .noneMatch(p -> REFUSED.matcher(p.trim()).matches()));
  }
}
