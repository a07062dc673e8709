package io.partnerchannel.orchestrator.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The {@link FormFields} of every deployed Camunda Form, read at deployment: an engine {@link Deployer}
 * (after Camunda's own) that parses each {@code .form} resource of a deployment — a new one, or one the
 * engine loads again into its cache after a restart — and refuses a deployment whose form is no Camunda
 * Form. Immutable like the resources, so kept for the engine's lifetime, by deployment and resource name.
 */
public class DeployedFormFields implements Deployer {

  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, FormFields> byResource = new ConcurrentHashMap<>();

  @Override
  public void deploy(DeploymentEntity deployment) {
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName().endsWith(".form")) {
        try {
          byResource.put(key(deployment.getId(), resource.getName()), FormFields.parse(resource.getBytes(), mapper));
        } catch (IllegalArgumentException e) {
          throw new ProcessEngineException("Form " + resource.getName() + " of deployment " + deployment.getName()
              + " is " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * @param deploymentId the form's deployment
   * @param resourceName the form's resource
   * @param bytes reads the resource when it was not deployed while this engine ran (it always is; a fallback)
   * @return its fields
   */
  FormFields of(String deploymentId, String resourceName, Supplier<byte[]> bytes) {
    return byResource.computeIfAbsent(key(deploymentId, resourceName), key -> {
      byte[] json = bytes.get();
      return json == null ? FormFields.NONE : FormFields.parse(json, mapper);
    });
  }

  private static String key(String deploymentId, String resourceName) {
    return deploymentId + '\u0000' + resourceName;
  }
}
