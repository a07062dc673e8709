package io.partnerchannel.orchestrator.gdap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GDAP settings ({@code pco.gdap.*}).
 *
 * @param securityGroupId object id of the partner's security group that receives every role the
 *     {@code GdapAccessAssignment} table does not send elsewhere (R32); required in partner-center mode
 * @param lifecycle the {@code GdapRelationshipLifecycle} settings
 */
@ConfigurationProperties("pco.gdap")
record GdapProperties(String securityGroupId, @DefaultValue Lifecycle lifecycle) {

  /**
   * {@code pco.gdap.lifecycle.*}.
   *
   * @param firstReminder how long before {@code endDateTime} the owner is reminded and, for a relationship
   *     that cannot auto-extend (Global Administrator, R30), a new relationship is requested; default 30 days
   * @param finalReminder how long before {@code endDateTime} the owner is reminded again while the customer
   *     has not approved the new relationship; default 7 days
   * @param provisioningTime how long after activation the access assignments are checked: one still
   *     {@code pending} or in {@code error} then raises "Review access assignments"; default 15 minutes
   * @param activationCheckInterval how often a relationship not yet {@code active} is read again when no
   *     {@code granular-admin-relationship-activated} event arrives; default 1 hour
   * @param ownerEmail who receives the reminders of a relationship without an owner (one found by
   *     reconciliation) or whose owner has no e-mail address; unset: such reminders are only logged
   */
  public record Lifecycle(
      @DefaultValue("P30D") Duration firstReminder,
      @DefaultValue("P7D") Duration finalReminder,
      @DefaultValue("PT15M") Duration provisioningTime,
      @DefaultValue("PT1H") Duration activationCheckInterval,
      String ownerEmail) {

    /** @return {@link #provisioningTime} as the ISO-8601 text a BPMN timer reads */
    public String provisioningTimeIso() {
      return provisioningTime.toString();
    }

    /** @return {@link #activationCheckInterval} as the ISO-8601 text a BPMN timer reads */
    public String activationCheckIntervalIso() {
      return activationCheckInterval.toString();
    }
  }
}
