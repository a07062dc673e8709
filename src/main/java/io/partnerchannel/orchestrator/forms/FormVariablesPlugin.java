package io.partnerchannel.orchestrator.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Engine plugin that installs the {@link FormVariablesInterceptor} and the {@link DeployedFormFields} it
 * reads (the starter applies every plugin bean).
 */
@Component
class FormVariablesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    DeployedFormFields forms = new DeployedFormFields();
    interceptors.add(new FormVariablesInterceptor(forms));
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    List<Deployer> deployers = configuration.getCustomPostDeployers() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    deployers.add(forms);
    configuration.setCustomPostDeployers(deployers);
  }
}
