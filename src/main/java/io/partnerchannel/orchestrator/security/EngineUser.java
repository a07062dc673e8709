package io.partnerchannel.orchestrator.security;

import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A user of the engine's identity service, as Spring Security knows it once the password is checked:
 * the principal of the {@code Authentication}, and what the engine needs for its authorization checks
 * ({@code IdentityService.setAuthentication(userId, groupIds, tenantIds)}).
 *
 * @param userId the Camunda user id
 * @param groupIds the ids of the user's groups
 * @param tenantIds the ids of the user's tenants, directly or through its groups
 */
public record EngineUser(String userId, List<String> groupIds, List<String> tenantIds) implements AuthenticatedPrincipal {

  /** Copies the lists. */
  public EngineUser {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  /** @return the user id, which {@code HttpServletRequest.getUserPrincipal().getName()} answers */
  @Override
  public String getName() {
    return userId;
  }
}
