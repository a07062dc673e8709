package io.partnerchannel.orchestrator.invitation;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.CustomerParticipant;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The GDAP relationship an invitation asks for (G2, R29): its display name is derived from the invitation
 * ({@code PCO <domain> <hash of the invitation id>}, at most {@value #MAX_DISPLAY_NAME_LENGTH} characters and
 * unique per partner), so a retried creation finds the relationship it made instead of making a second; it never
 * extends itself (auto-extend {@code PT0S}).
 *
 * @param invitationId the requesting process instance
 * @param customerDomain the customer's domain
 * @param customerTenantId the customer's tenant id
 * @param companyName the customer's company name
 * @param roles the requested Entra role definition ids
 * @param duration ISO-8601 duration, e.g. {@code P730D}
 */
record GdapRelationshipRequest(
    String invitationId,
    String customerDomain,
    String customerTenantId,
    String companyName,
    List<String> roles,
    String duration) {

  /** Longest display name Graph accepts (R29). */
  static final int MAX_DISPLAY_NAME_LENGTH = 50;
  private static final String AUTO_EXTEND_OFF = "PT0S";

  /** @return {@code PCO <domain> <8 hex>}, the domain shortened so the whole fits 50 characters */
  String displayName() {
    return displayName(customerDomain, invitationId);
  }

  /** @return the relationship to create ({@code POST /tenantRelationships/delegatedAdminRelationships}) */
  DelegatedAdminRelationship toRelationship() {
    return new DelegatedAdminRelationship(
        null,
        displayName(),
        duration,
        new CustomerParticipant(customerTenantId, companyName),
        new AccessDetails(roles.stream().map(UnifiedRole::new).toList()),
        AUTO_EXTEND_OFF,
        null,
        null,
        null,
        null);
  }

  /**
   * @param domain the customer domain
   * @param invitationId the process instance id
   * @return {@code PCO <domain> <8 hex>}, the domain shortened so the whole fits 50 characters
   */
  static String displayName(String domain, String invitationId) {
    String hash = HexFormat.of().formatHex(sha256(invitationId)).substring(0, 8);
    String prefix = "PCO " + domain;
    int room = MAX_DISPLAY_NAME_LENGTH - hash.length() - 1;
    return (prefix.length() > room ? prefix.substring(0, room) : prefix) + " " + hash;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
