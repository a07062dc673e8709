package io.partnerchannel.orchestrator.security;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API users' HTTP Basic sign-ins are reused for {@code pco.cache.authentication}, never weaker than checking each
 * time: failures are not cached, a changed password or a removed membership takes effect at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class SignInCacheTest {

  @Autowired MockMvc mvc;
  @MockitoSpyBean IdentityService identityService;

  String userId;

  @BeforeEach
  void user() {
    userId = "cache." + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(userId);
    user.setPassword("First!Pass1");
    identityService.saveUser(user);
    identityService.createMembership(userId, PartnerRoles.SALES_AGENTS);
  }

  @Test
  void aSuccessfulSignInIsCheckedOnceAndReused() throws Exception {
    for (int i = 0; i < 3; i++) {
      mvc.perform(get("/api/invitations/{id}", "no-such-invitation").with(httpBasic(userId, "First!Pass1")))
          .andExpect(status().isNotFound());
    }

    verify(identityService, times(1)).checkPassword(userId, "First!Pass1");
  }

  @Test
  void aFailedSignInIsNeverCached() throws Exception {
    mvc.perform(get("/api/invitations/{id}", "x").with(httpBasic(userId, "Wrong!Pass1"))).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/invitations/{id}", "x").with(httpBasic(userId, "Wrong!Pass1"))).andExpect(status().isUnauthorized());

    verify(identityService, times(2)).checkPassword(eq(userId), anyString());
  }

  @Test
  void aChangedPasswordTakesEffectAtOnce() throws Exception {
    mvc.perform(get("/api/invitations/{id}", "x").with(httpBasic(userId, "First!Pass1"))).andExpect(status().isNotFound());

    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setPassword("Second!Pass2");
    identityService.saveUser(user);

    mvc.perform(get("/api/invitations/{id}", "x").with(httpBasic(userId, "First!Pass1"))).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/invitations/{id}", "x").with(httpBasic(userId, "Second!Pass2"))).andExpect(status().isNotFound());
  }

  @Test
  void aRemovedMembershipTakesEffectAtOnce() throws Exception {
    mvc.perform(get("/api/invitations/{id}", "x").with(httpBasic(userId, "First!Pass1"))).andExpect(status().isNotFound());

    identityService.deleteMembership(userId, PartnerRoles.SALES_AGENTS);
    mvc.perform(get("/api/invitations/{id}", "x").with(httpBasic(userId, "First!Pass1")));

    // signed in again: the groups are read again, not taken from the cache
    verify(identityService, times(2)).checkPassword(userId, "First!Pass1");
  }
}
