package io.partnerchannel.orchestrator.security;

import io.partnerchannel.orchestrator.events.EventMessages;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.runtime.CorrelationHandler;
import org.camunda.bpm.engine.impl.runtime.CorrelationHandlerResult;
import org.camunda.bpm.engine.impl.runtime.CorrelationSet;

/**
 * The engine's correlation handler, refusing to correlate a message that stands for a Partner Center event
 * (the {@link EventMessages} the features publish) when a user is authenticated, whoever the user is ({@code camunda-admin} included) and
 * whichever API the user calls ({@code /engine-rest/message}, {@code /camunda/api/engine/.../message}, Java).
 * Those messages are correlated only by the event inbox, which runs without a user after verifying the
 * event (docs/security.md "Who may call what"). Refused with {@link AuthorizationException} (REST: 403);
 * nothing is correlated. Other messages (e.g. {@code InvitationWithdrawn}) pass on to the default handler.
 */
public class PartnerCenterEventMessages implements CorrelationHandler {

  private final CorrelationHandler delegate;
  private final Supplier<? extends Collection<EventMessages>> published;
  private volatile Set<String> names;

  /**
   * @param delegate the engine's default correlation handler
   * @param published the features' {@link EventMessages} beans, read once at the first correlation (the engine
   *     is configured before the features' beans exist)
   */
  public PartnerCenterEventMessages(
      CorrelationHandler delegate, Supplier<? extends Collection<EventMessages>> published) {
    this.delegate = delegate;
    this.published = published;
  }

  /** @return the messages that stand for Partner Center events, e.g. {@code InvitationAccepted} */
  public Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      known = published.get().stream().flatMap(messages -> messages.names().stream()).collect(Collectors.toUnmodifiableSet());
      names = known;
    }
    return known;
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

  private void refuseUsers(CommandContext context, String messageName) {
    String userId = context.getAuthenticatedUserId();
    if (userId != null && names().contains(messageName)) {
      throw new AuthorizationException("The message " + messageName + " stands for a Partner Center event and is "
          + "correlated only by the event inbox; user " + userId + " may not correlate it");
    }
  }
}
