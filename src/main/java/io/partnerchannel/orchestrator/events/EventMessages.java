package io.partnerchannel.orchestrator.events;

import java.util.Set;

/**
 * BPMN messages that stand for Partner Center events, published as a bean by the feature whose event
 * correlators raise them. Only the event inbox, after verifying the event, may correlate them: the engine
 * refuses them to any authenticated user ({@code security.PartnerCenterEventMessages}).
 *
 * @param names the message names, e.g. {@code InvitationAccepted}
 */
public record EventMessages(Set<String> names) {

  /** @param names the message names; copied */
  public EventMessages {
    names = Set.copyOf(names);
  }
}
