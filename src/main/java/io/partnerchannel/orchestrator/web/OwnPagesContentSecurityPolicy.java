package io.partnerchannel.orchestrator.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Sends {@link OwnPages#CONTENT_SECURITY_POLICY} with every response of an {@link OwnPages} controller. */
@ControllerAdvice(annotations = OwnPages.class)
class OwnPagesContentSecurityPolicy {

  @ModelAttribute
  void contentSecurityPolicy(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", OwnPages.CONTENT_SECURITY_POLICY);
  }
}
