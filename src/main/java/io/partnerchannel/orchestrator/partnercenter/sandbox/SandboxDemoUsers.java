package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.security.PartnerRoleAuthorizations;
import io.partnerchannel.orchestrator.security.PartnerRoles;
import io.partnerchannel.orchestrator.security.ResellerTenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode only: the demo users of the orchestrator and the indirect resellers' tenants, from
 * {@code classpath:sandbox/orchestrator-users.json} (part of the sandbox data set; there are no demo users
 * with the real Partner Center). Each reseller gets its tenant and staff group ({@link ResellerTenants});
 * each user is created once, with the password {@code pco.sandbox.demo-user-password}, in the listed
 * groups or in its reseller's staff group. Users that exist are left as they are (their password may
 * have been changed in Camunda Admin).
 */
@Component
@SandboxConfiguration
public class SandboxDemoUsers {

  /** The data set file. */
  public static final String DATA_SET = "sandbox/orchestrator-users.json";

  private static final Logger LOG = LoggerFactory.getLogger(SandboxDemoUsers.class);

  private final IdentityService identityService;
  private final ResellerTenants resellerTenants;
  private final ObjectMapper objectMapper;
  private final String password;

  /**
   * @param identityService the engine's identity service
   * @param resellerTenants creates the resellers' tenants and groups
   * @param objectMapper reads the data set
   * @param properties the demo users' password
   */
  public SandboxDemoUsers(
      IdentityService identityService,
      ResellerTenants resellerTenants,
      ObjectMapper objectMapper,
      SandboxProperties properties) {
    this.identityService = identityService;
    this.resellerTenants = resellerTenants;
    this.objectMapper = objectMapper;
    this.password = properties.demoUserPassword();
  }

  /** Runs after the role groups are seeded ({@link PartnerRoleAuthorizations#seed}). */
  @EventListener(PostDeployEvent.class)
  @Order(1)
  public void seed() {
    DataSet dataSet = read();
    for (Reseller reseller : dataSet.resellers()) {
      resellerTenants.ensure(reseller.tenantId(), reseller.name());
    }
    List<String> created = new ArrayList<>();
    for (DemoUser demo : dataSet.users()) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      user.setPassword(password);
      identityService.saveUser(user);
      for (String group : demo.groups() == null ? List.<String>of() : demo.groups()) {
        identityService.createMembership(demo.id(), group);
      }
      if (demo.reseller() != null) {
        identityService.createMembership(demo.id(), PartnerRoles.resellerGroup(demo.reseller()));
      }
      created.add(demo.id());
    }
    if (!created.isEmpty()) {
      LOG.info("Created the sandbox demo users {} (password: pco.sandbox.demo-user-password, see"
          + " docs/security.md#users-and-passwords)", created);
    }
  }

  /** @return the data set */
  public DataSet read() {
    try (InputStream in = new ClassPathResource(DATA_SET).getInputStream()) {
      return objectMapper.readValue(in, DataSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DATA_SET, e);
    }
  }

  /**
   * @param resellers the indirect resellers whose staff use Tasklist
   * @param users the demo users
   */
  public record DataSet(List<Reseller> resellers, List<DemoUser> users) {}

  /**
   * @param tenantId the reseller's Partner Center tenant id (its Camunda tenant id)
   * @param name its company name
   */
  public record Reseller(String tenantId, String name) {}

  /**
   * @param id Camunda user id
   * @param firstName first name
   * @param lastName last name
   * @param email e-mail address (requester notifications go there)
   * @param groups the partner role groups, or null
   * @param reseller for reseller staff: the reseller's tenant id, or null
   */
  public record DemoUser(String id, String firstName, String lastName, String email, List<String> groups, String reseller) {}
}
