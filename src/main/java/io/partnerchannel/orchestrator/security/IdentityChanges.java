package io.partnerchannel.orchestrator.security;

import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A counter of this node's changes to users, passwords, groups, tenants and memberships (made through the
 * engine's identity service, e.g. in Camunda Admin): {@link EngineIdentityAuthenticationProvider} reuses a
 * cached sign-in only while the counter is where it was when the sign-in was checked, so such a change takes
 * effect at once on this node (other nodes: within {@code pco.cache.authentication}).
 */
final class IdentityChanges {

  private static final AtomicLong GENERATION = new AtomicLong();

  private IdentityChanges() {}

  /** @return the current generation */
  static long generation() {
    return GENERATION.get();
  }

  /** Records a change now and again when its transaction commits (a sign-in checked in between is not reused). */
  static void changed() {
    GENERATION.incrementAndGet();
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null) {
      commandContext.getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, context -> GENERATION.incrementAndGet());
    }
  }
}
