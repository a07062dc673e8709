package io.partnerchannel.orchestrator.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine plugin that installs the {@link ResellerTenantIdProvider} (the starter applies every plugin bean). */
@Component
class ResellerTenantPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new ResellerTenantIdProvider());
  }
}
