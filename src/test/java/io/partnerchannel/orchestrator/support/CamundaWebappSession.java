package io.partnerchannel.orchestrator.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like session of the Camunda webapps (Tasklist, Cockpit, Admin) for tests: keeps cookies, sends
 * Camunda's CSRF token ({@code XSRF-TOKEN} cookie → {@code X-XSRF-TOKEN} header) with modifying requests,
 * and logs in through Camunda's own login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}).
 */
public final class CamundaWebappSession {

  private final String baseUrl;
  private final String engineName;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  /**
   * @param port the application's port
   * @param engineName the process engine's name (tests generate unique names)
   */
  public CamundaWebappSession(int port, String engineName) {
    this.baseUrl = "http://localhost:" + port;
    this.engineName = engineName;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Opens Tasklist (which hands out the CSRF token) and logs in.
   *
   * @param userId the user
   * @param password the password
   * @return the login's HTTP status (200 when logged in)
   */
  public int login(String userId, String password) {
    return login(userId, password, "tasklist");
  }

  /**
   * Opens a webapp (which hands out the CSRF token) and logs in to it, as its login page does.
   *
   * @param userId the user
   * @param password the password
   * @param app {@code tasklist}, {@code cockpit} or {@code admin}
   * @return the login's HTTP status (200 when logged in, 403 when the user may not use the app)
   */
  public int login(String userId, String password, String app) {
    get("/camunda/app/" + app + "/" + engineName + "/");
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    int status = send(request("/camunda/api/admin/auth/user/" + engineName + "/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    // The login starts a new session; like Tasklist, ask who is logged in, which hands out its CSRF token.
    get("/camunda/api/admin/auth/user/" + engineName);
    return status;
  }

  /**
   * Signs in with the application's own login form ({@code /login}, for its pages such as the outbox), as a
   * browser does: the form's CSRF token from {@code GET /login}, then {@code POST /login}.
   *
   * @param userId the user
   * @param password the password
   * @return where the login redirects to ({@code /login?error} when it failed)
   */
  public String formLogin(String userId, String password) {
    Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(get("/login").body());
    if (!csrf.find()) {
      throw new IllegalStateException("The login page carries no CSRF token");
    }
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    return send(request("/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)))
        .headers().firstValue("Location").orElse("");
  }

  /**
   * @param path path below the application, e.g. {@code /camunda/api/engine/engine/{name}/task}
   * @return the response
   */
  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /**
   * A modifying request with the CSRF token, as Tasklist sends it.
   *
   * @param path path below the application
   * @param json the JSON body
   * @return the response
   */
  public HttpResponse<String> post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * A PUT with the CSRF token, as the webapps send it.
   *
   * @param path path below the application
   * @param json the JSON body
   * @return the response
   */
  public HttpResponse<String> put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * @param path path below the application
   * @param json the JSON body
   * @return the response of a POST without the CSRF header
   */
  public HttpResponse<String> postWithoutCsrfToken(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      if ("XSRF-TOKEN".equals(cookie.getName())) {
        builder.header("X-XSRF-TOKEN", cookie.getValue());
      }
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
