package io.partnerchannel.orchestrator.security;

import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.migration.AzurePartnerSwitchProcess;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.runtime.CorrelationHandler;
import org.camunda.bpm.engine.impl.runtime.CorrelationHandlerResult;
import org.camunda.bpm.engine.impl.runtime.CorrelationSet;

/**
 * The engine's correlation handler, refusing to correlate a message that stands for a Partner Center event
 * ({@link #NAMES}) when a user is authenticated, whoever the user is ({@code camunda-admin} included) and
 * whichever API the user calls ({@code /engine-rest/message}, {@code /camunda/api/engine/.../message}, Java).
 * Those messages are correlated only by the event inbox, which runs without a user after verifying the
 * event (README, "Security"). Refused with {@link AuthorizationException} (REST: 403); nothing is correlated.
 * Other messages (e.g. {@code InvitationWithdrawn}) pass on to the default handler.
 */
public class PartnerCenterEventMessages implements CorrelationHandler {

  /** The messages of the Partner Center events: customer acceptance, GDAP approval, subscription update. */
  public static final Set<String> NAMES = Set.of(
      InvitationMessages.INVITATION_ACCEPTED,
      InvitationMessages.GDAP_RELATIONSHIP_APPROVED,
      AzurePartnerSwitchProcess.MESSAGE_SUBSCRIPTION_UPDATED);

  private final CorrelationHandler delegate;

  /** @param delegate the engine's default correlation handler */
  public PartnerCenterEventMessages(CorrelationHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public CorrelationHandlerResult correlateMessage(CommandContext context, String messageName, CorrelationSet set) {
    refuseUsers(context, messageName);
    return delegate.correlateMessage(context, messageName, set);
  }

  @Override
  public List<CorrelationHandlerResult> correlateMessages(CommandContext context, String messageName, CorrelationSet set) {
    refuseUsers(context, messageName);
    return delegate.correlateMessages(context, messageName, set);
  }

  @Override
  public List<CorrelationHandlerResult> correlateStartMessages(
      CommandContext context, String messageName, CorrelationSet set) {
    refuseUsers(context, messageName);
    return delegate.correlateStartMessages(context, messageName, set);
  }

  private static void refuseUsers(CommandContext context, String messageName) {
    String userId = context.getAuthenticatedUserId();
    if (userId != null && NAMES.contains(messageName)) {
      throw new AuthorizationException("The message " + messageName + " stands for a Partner Center event and is "
          + "correlated only by the event inbox; user " + userId + " may not correlate it");
    }
  }
}
