package io.partnerchannel.orchestrator.bench;

import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the Partner Center REST and Graph calls this node's sandbox answered ({@code /sandbox/v1/**},
 * {@code /sandbox/graph/**}, Graph tenant discovery included),
 * per {@code METHOD path?query} with the query decoded, so the benchmark can
 * attribute calls to a customer (its tenant id or domain is in the path or filter) and prove none was
 * made twice. Counts live in memory, per node, from start.
 *
 * <p>With {@code pco.bench.partner-center-latency} (default {@code PT0S}) each of these calls is answered that
 * much later, as a remote Partner Center would be (the benchmark's {@code -Dbench.partner-center-latency}).
 */
@Component
@Profile(BenchProfile.NAME)
@SandboxConfiguration
public class PartnerCenterCallCounter extends OncePerRequestFilter {

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Duration latency;

  /** @param properties {@code pco.bench.partner-center-latency}: added to every call */
  PartnerCenterCallCounter(BenchProperties properties) {
    this.latency = properties.partnerCenterLatency();
  }

  /** @return calls answered so far, per {@code METHOD path?query}, sorted */
  public Map<String, Long> calls() {
    Map<String, Long> snapshot = new TreeMap<>();
    calls.forEach((call, count) -> snapshot.put(call, count.sum()));
    return snapshot;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/sandbox/v1/") || path.startsWith("/sandbox/graph/") || path.equals("/sandbox/tenants"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    String call = request.getMethod() + " " + request.getRequestURI()
        + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8));
    calls.computeIfAbsent(call, key -> new LongAdder()).increment();
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServletException("Interrupted while emulating Partner Center's latency", e);
      }
    }
    chain.doFilter(request, response);
  }
}
