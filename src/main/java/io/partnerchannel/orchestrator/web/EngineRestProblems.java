package io.partnerchannel.orchestrator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Camunda's JAX-RS APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}) answer bad
 * input as 4xx {@code application/problem+json} instead of a 500: Camunda's task and start-form
 * resources wrap every engine exception but form validation into a 500, and the engine's tenant check
 * fails with a plain {@link ProcessEngineException}. These mappers change only those answers:
 * <ul>
 *   <li>a refused form variable ({@code forms.FormVariableRefusedException}), a form field validation
 *       error or a listener's {@link BadUserRequestException} (wrapped or not) → 400 problem listing the
 *       fields in {@code errors: [{field, message}]} as {@code /api} does ({@link InvalidFieldsException});</li>
 *   <li>"Cannot ... because it belongs to no authenticated tenant" (another reseller's instance, task or
 *       history) → 404 problem that does not name the tenant.</li>
 * </ul>
 * Everything else keeps Camunda's own answer. The problem also carries Camunda's {@code type} and
 * {@code message} members, which Tasklist shows next to the form.
 *
 * <p>Registered in every Jersey application of the JVM through Jersey's {@link ForcedAutoDiscoverable}
 * service ({@code META-INF/services}), as the webapps' engine API is built by Camunda without a
 * customization hook; {@link Priority} 1 puts the mappers ahead of Camunda's for the same exception type.
 */
public class EngineRestProblems implements ForcedAutoDiscoverable {

  static final String TENANT_CHECK = "because it belongs to no authenticated tenant";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RestExceptions.class)) {
      context.register(RestExceptions.class);
      context.register(EngineExceptions.class);
    }
  }

  /** Camunda's REST resources' wrapper around an engine exception. */
  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return problem(exception).orElseGet(() -> new RestExceptionHandler().toResponse(exception));
    }
  }

  /** An engine exception thrown through a REST resource as it is. */
  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return problem(exception).orElseGet(() -> new ProcessEngineExceptionHandler().toResponse(exception));
    }
  }

  /** The problem answer for bad input or a tenant check, or empty for Camunda's own answer. */
  static Optional<Response> problem(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof FieldErrorsException fields) {
        return Optional.of(invalid(fields.getErrors(), cause));
      }
      if (cause instanceof FormFieldValidatorException field) {
        return Optional.of(invalid(List.of(new FieldError(field.getId(), field.getMessage())), cause));
      }
      if (cause instanceof FormFieldValidationException) {
        return Optional.of(invalid(List.of(new FieldError(null, cause.getMessage())), cause));
      }
      if (cause instanceof BadUserRequestException) {
        return Optional.of(invalid(List.of(new FieldError(null, cause.getMessage())), cause));
      }
      if (cause instanceof ProcessEngineException && cause.getMessage() != null
          && cause.getMessage().contains(TENANT_CHECK)) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource");
        problem.setTitle("Not found");
        return Optional.of(respond(problem, "InvalidRequestException", "No such resource"));
      }
    }
    return Optional.empty();
  }

  private static Response invalid(List<FieldError> errors, Throwable cause) {
    ProblemDetail problem = InvalidFieldsException.problem(errors);
    return respond(problem, cause.getClass().getSimpleName(), cause.getMessage());
  }

  private static Response respond(ProblemDetail problem, String camundaType, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    body.put("message", message);
    body.put("exceptionType", camundaType);
    try {
      return Response.status(problem.getStatus())
          .type("application/problem+json")
          .entity(JSON.writeValueAsString(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
