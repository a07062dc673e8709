package io.partnerchannel.orchestrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Deploys one file as Camunda Modeler (Camunda 7) does: {@code POST /engine-rest/deployment/create}, multipart
 * with {@code deployment-name}, {@code deployment-source=Camunda Modeler}, {@code deploy-changed-only=true} and the
 * open file as a part named after the file (camunda/camunda-modeler {@code app/lib/deployer.js},
 * {@code getDeploymentBody}); the client sends the user's HTTP Basic credentials ({@link TestUsers#http}).
 */
public final class ModelerDeployment {

  /** The {@code deployment-source} Camunda Modeler sends. */
  public static final String SOURCE = "Camunda Modeler";

  private ModelerDeployment() {}

  /**
   * @param client the application as the deploying user
   * @param engineName the process engine's name (tests generate unique names)
   * @param deploymentName what the user typed as deployment name (Modeler's default is the file name)
   * @param fileName the file's name, e.g. {@code InvitationEligibility.dmn}
   * @param content the file
   * @return the answer: 200 with the deployment ({@code id}, {@code deployedDecisionDefinitions}, ...), or the
   *     problem Modeler shows ({@code message})
   */
  public static ResponseEntity<JsonNode> deploy(
      RestClient client, String engineName, String deploymentName, String fileName, byte[] content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", SOURCE);
    parts.add("deploy-changed-only", "true");
    parts.add(fileName, new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return client.post().uri("/engine-rest/engine/{engine}/deployment/create", engineName)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .retrieve()
        .toEntity(JsonNode.class);
  }
}
