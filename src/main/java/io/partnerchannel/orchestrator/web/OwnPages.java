package io.partnerchannel.orchestrator.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the application's own HTML pages (those with the head of {@code templates/page.html}:
 * outbox, cases, bulk onboarding): every response of its handlers carries {@link #CONTENT_SECURITY_POLICY}
 * ({@link OwnPagesContentSecurityPolicy} sets it). The pages show values others typed (company names, e-mails
 * in an {@code iframe sandbox}, which inherits the policy), so no script runs and nothing loads from elsewhere.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnPages {

  /**
   * No script, no plugin, no foreign resource; inline styles only (the pages' and the e-mails'), images of the
   * application or {@code data:}; forms post to the application only; no page may frame them.
   */
  String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; object-src 'none';"
      + " style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self';"
      + " frame-ancestors 'none'";
}
