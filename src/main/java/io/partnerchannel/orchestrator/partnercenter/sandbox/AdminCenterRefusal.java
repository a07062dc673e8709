package io.partnerchannel.orchestrator.partnercenter.sandbox;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The sandbox admin center refuses an action (unknown partner, tenant or user, a user who is not a
 * Global Administrator (R10), a CSP transaction tenant (R6), a relationship in the wrong state). Answered
 * as {@code application/problem+json} by the JSON endpoints and as a refusal page by the HTML ones.
 */
class AdminCenterRefusal extends ErrorResponseException {

  /**
   * @param status HTTP status, e.g. 403
   * @param title short title, e.g. {@code Not a Global Administrator}
   * @param detail what happened and what to do, shown to the person
   */
  public AdminCenterRefusal(HttpStatus status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** @return the refusal's title */
  public String getTitle() {
    return getBody().getTitle();
  }

  /** @return the refusal's detail */
  public String getDetail() {
    return getBody().getDetail();
  }
}
