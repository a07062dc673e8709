package io.partnerchannel.orchestrator.security;

import io.partnerchannel.orchestrator.events.EventMessages;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.runtime.DefaultCorrelationHandler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Closes three engine paths (docs/security.md "Who may call what"):
 * <ul>
 *   <li>{@link PartnerCenterEventMessages}: the messages that stand for Partner Center events are correlated
 *       only by the event inbox, never under a user's authentication;</li>
 *   <li>{@link DeploymentGuard}: what a deployer other than {@code camunda-admin} may put in a model;</li>
 *   <li>{@link NoLockoutIdentityProvider}: Camunda's per-user login delay and permanent lock are off, since an
 *       anonymous caller could trigger them; failed logins are throttled by {@link LoginThrottle} instead.</li>
 * </ul>
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

  private final ListableBeanFactory beans;

  /** @param beans the application's beans, the delegates a model may name (looked up when a model is deployed) */
  public EngineHardeningPlugin(@Lazy ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCorrelationHandler(new PartnerCenterEventMessages(new DefaultCorrelationHandler(),
        () -> beans.getBeansOfType(EventMessages.class).values()));
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DeploymentGuard(beans));
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(NoLockoutIdentityProvider.class));
  }
}
