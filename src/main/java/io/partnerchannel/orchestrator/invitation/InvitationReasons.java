package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON_CODE;

import io.partnerchannel.orchestrator.notification.ReasonTexts;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Why an invitation was refused or ended, in words: the text of its {@code reasonCode}
 * ({@link ReasonTexts}, the codes the decisions and the models record) in the reader's language, else the free
 * text {@code reason} (a withdrawal's reason as the agent wrote it, an acceptance after the follow-up window).
 */
@Component
public class InvitationReasons {

  private final ReasonTexts texts;

  /** @param texts the reason bundles */
  public InvitationReasons(ReasonTexts texts) {
    this.texts = texts;
  }

  /**
   * @param shown the variables a reader shows besides the reason
   * @return those and the variables {@link #text(Map, Locale)} reads: {@code reasonCode}, {@code reason} and those a
   *     text names ({@link ReasonTexts#variableNames()})
   */
  public Set<String> variableNamesWith(String... shown) {
    Set<String> names = new HashSet<>(texts.variableNames());
    names.add(REASON_CODE.getName());
    names.add(REASON.getName());
    names.addAll(Arrays.asList(shown));
    return Set.copyOf(names);
  }

  /**
   * @param execution a running invitation
   * @param locale the reader's language
   * @return the reason, null when there is none
   */
  public String text(VariableScope execution, Locale locale) {
    String code = REASON_CODE.from(execution).getOrNull();
    if (code != null && !code.isBlank()) {
      return texts.text(code, execution::getVariable, locale);
    }
    return REASON.from(execution).getOrNull();
  }

  /**
   * @param variables the variables of an invitation, running or ended (e.g. from history)
   * @param locale the reader's language
   * @return the reason, null when there is none
   */
  public String text(Map<String, Object> variables, Locale locale) {
    if (variables.get(REASON_CODE.getName()) instanceof String code && !code.isBlank()) {
      return texts.text(code, variables::get, locale);
    }
    return variables.get(REASON.getName()) instanceof String reason ? reason : null;
  }
}
