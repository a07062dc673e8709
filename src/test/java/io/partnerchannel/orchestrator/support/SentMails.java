package io.partnerchannel.orchestrator.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.security.EngineUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The mail outbox as tests read it: through the application's own {@code GET /api/outbox} and
 * {@code GET /api/outbox/{id}}, never its table.
 * The list holds the newest 200 e-mails ({@code OutboxApiController}), plenty for the e-mails one test causes.
 */
public final class SentMails {

  private static final RequestPostProcessor OPERATOR = authentication(new UsernamePasswordAuthenticationToken(
      new EngineUser("test-support", List.of(Groups.CAMUNDA_ADMIN), List.of()), null, List.of()));

  private final Function<String, String> get;
  private final ObjectMapper objectMapper;

  /**
   * @param context an application context: on a real port the outbox is read over HTTP as the Global admin (who
   *     sees the partner's and its resellers' e-mails), else in process through MockMvc as a {@code camunda-admin}
   */
  public SentMails(ApplicationContext context) {
    this.objectMapper = context.getBean(ObjectMapper.class);
    String port = context.getEnvironment().getProperty("local.server.port");
    if (port != null) {
      RestClient http = TestUsers.http(Integer.parseInt(port), TestUsers.GLOBAL_ADMIN);
      this.get = path -> {
        ResponseEntity<String> answer = http.get().uri(path).retrieve().toEntity(String.class);
        if (answer.getStatusCode().value() != 200) {
          throw new AssertionError("GET " + path + " answered " + answer.getStatusCode() + ": " + answer.getBody());
        }
        return answer.getBody();
      };
    } else {
      MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
          .apply(SecurityMockMvcConfigurers.springSecurity())
          .build();
      this.get = path -> {
        MockHttpServletResponse answer;
        String body;
        try {
          answer = mvc.perform(get(path).with(OPERATOR)).andReturn().getResponse();
          body = answer.getContentAsString();
        } catch (Exception e) {
          throw new AssertionError("GET " + path + " failed", e);
        }
        if (answer.getStatus() != 200) {
          throw new AssertionError("GET " + path + " answered " + answer.getStatus() + ": " + body);
        }
        return body;
      };
    }
  }

  /**
   * One e-mail of the outbox, without its HTML ({@link #html(SentMail)}).
   *
   * @param id outbox entry id
   * @param idempotencyKey e.g. {@code <processInstanceId>:<activityId>}
   * @param template e.g. {@code invitation}
   * @param recipient e-mail address
   * @param subject subject line
   * @param language {@code en}, {@code it}, {@code pt} or {@code sv}
   * @param businessReference what it belongs to, e.g. a process instance id; may be null
   * @param links its http(s) links in document order
   */
  public record SentMail(String id, String idempotencyKey, String template, String recipient, String subject,
      String language, String businessReference, List<String> links) {}

  /** @return the newest e-mails, oldest first */
  public List<SentMail> all() {
    List<SentMail> mails = new ArrayList<>();
    for (JsonNode entry : read("/api/outbox")) {
      List<String> links = new ArrayList<>();
      entry.path("links").forEach(link -> links.add(link.asText()));
      mails.add(new SentMail(entry.path("id").asText(), entry.path("idempotencyKey").asText(),
          entry.path("template").asText(), entry.path("recipient").asText(), entry.path("subject").asText(),
          entry.path("language").asText(), entry.path("businessReference").textValue(), List.copyOf(links)));
    }
    Collections.reverse(mails);
    return mails;
  }

  /**
   * @param processInstanceId a process instance
   * @return the e-mails it sent (idempotency key {@code <processInstanceId>:…}), oldest first
   */
  public List<SentMail> of(String processInstanceId) {
    return all().stream().filter(mail -> mail.idempotencyKey().startsWith(processInstanceId + ":")).toList();
  }

  /**
   * @param processInstanceId a process instance
   * @param template a template name, e.g. {@code invitation}
   * @return the HTML of the one e-mail of that template the instance sent
   */
  public String html(String processInstanceId, String template) {
    return html(of(processInstanceId).stream().filter(mail -> mail.template().equals(template)).reduce((a, b) -> {
      throw new AssertionError("More than one " + template + " e-mail of " + processInstanceId);
    }).orElseThrow(() -> new AssertionError("No " + template + " e-mail of " + processInstanceId)));
  }

  /**
   * @param recipient an e-mail address (compared case-insensitively)
   * @return the e-mails to it, oldest first
   */
  public List<SentMail> to(String recipient) {
    return all().stream().filter(mail -> mail.recipient().equalsIgnoreCase(recipient)).toList();
  }

  /** @return the id of the newest e-mail, empty when none was queued; compare it to see that nothing was */
  public Optional<String> newestId() {
    List<SentMail> all = all();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).id());
  }

  /**
   * @param mail an e-mail
   * @return its rendered HTML
   */
  public String html(SentMail mail) {
    return read("/api/outbox/" + mail.id()).path("html").asText();
  }

  private JsonNode read(String path) {
    try {
      return objectMapper.readTree(get.apply(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
