package io.partnerchannel.orchestrator.security;

import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A counter of this node's changes to who may do what: users, passwords, groups, tenants and memberships (made through
 * the engine's identity service, e.g. in Camunda Admin) and authorizations (saved or deleted through the authorization
 * service, or with a deleted deployment; {@link AuthorizationDecisions}). {@link EngineIdentityAuthenticationProvider}
 * reuses a cached sign-in, and {@link AuthorizationDecisions} a kept grant, only while the counter is where it was
 * when it was checked, so such a change takes effect at once on this node (other nodes: within
 * {@code pco.cache.authentication} and {@code pco.cache.authorization}).
 */
final class AccessChanges {

  private static final AtomicLong GENERATION = new AtomicLong();

  private AccessChanges() {}

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
