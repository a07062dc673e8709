package io.partnerchannel.orchestrator.operations;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The case history page and its export ({@code pco.cases.*}, docs/operations-pages.md).
 *
 * @param processes keys of the processes whose instances are cases (a process called only as a part of another,
 *     such as a shared sub-process, is left out); default the invitations, the onboarding and the migrations
 * @param listLimit how many cases the page shows at most, newest first, default 200
 * @param exportLimit how many cases one CSV export holds at most, newest first, default 10000
 */
@ConfigurationProperties("pco.cases")
record CaseProperties(
    @DefaultValue({"ResellerRelationshipInvitation", "IndirectResellerInvitation", "CustomerSubscriptionOnboarding",
        "AzureCancelAndRecreateMigration", "AzurePartnerSwitch", "LicenseSubscriptionTransition"})
        List<String> processes,
    @DefaultValue("200") int listLimit,
    @DefaultValue("10000") int exportLimit) {

  /** Copies the list. */
  CaseProperties {
    processes = List.copyOf(processes);
  }
}
