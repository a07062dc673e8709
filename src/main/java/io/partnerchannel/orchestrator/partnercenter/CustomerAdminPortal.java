package io.partnerchannel.orchestrator.partnercenter;

/**
 * Where a customer's Global admin accepts a partner's invitation and approves a GDAP relationship: the
 * Microsoft 365 admin portal of the partner's cloud ({@link PartnerCenterCloud#adminPortal()}), or in sandbox
 * mode the sandbox's admin center.
 */
public interface CustomerAdminPortal {

  /** @return the portal's base URL without a trailing slash, e.g. {@code https://admin.microsoft.com} */
  String baseUrl();
}
