package io.partnerchannel.orchestrator.partnercenter;

import java.util.List;
import java.util.Optional;

/**
 * The port through which every delegate talks to Microsoft Partner Center and the Microsoft Graph GDAP
 * API. Operations and data follow the REST resources (reference §1–§2); the adapter in
 * {@code partnercenter.rest} is a real HTTP client of that API, served by the built-in sandbox
 * ({@code /sandbox}) by default and by Partner Center itself when configured.
 *
 * <p>Every operation is safe to repeat: reads are natural, writes are made idempotent by the caller
 * looking up what already exists (for example a GDAP relationship by its unique display name) before
 * creating. Failures of the service raise {@link PartnerCenterException}; a missing resource on a
 * look-up is an empty {@link Optional}, not an exception.
 */
public interface PartnerCenter {

  /**
   * The operating partner's reseller relationship request link ({@code GET /v1/customers/relationshiprequests}, A1).
   * The link is per partner, not per customer (S3).
   *
   * @return the request, with its {@code url}
   */
  RelationshipRequest getRelationshipRequest();

  /**
   * An indirect provider's relationship request link for one of its indirect resellers ({@code GET
   * /v1/customers/relationshiprequests?indirectResellerId={reseller tenant id}}, REST reference
   * get-relationship-request-link): the customer who accepts it becomes the provider's customer associated
   * with that reseller.
   *
   * @param indirectResellerTenantId the indirect reseller's partner tenant id
   * @return the request, with its {@code url}
   */
  RelationshipRequest getIndirectResellerRelationshipRequest(String indirectResellerTenantId);

  /**
   * The operating partner's legal business profile ({@code GET /v1/profiles/legalbusiness}); its
   * address country places the partner in a CSP region (R9).
   *
   * @return the profile
   */
  LegalBusinessProfile getLegalBusinessProfile();

  /**
   * Forgets the operating partner's cached reads (legal business profile, partner relationships,
   * relationship-request link; {@link PartnerReadsCacheConfiguration}), so the next read asks Partner Center.
   * Implementations without a cache do nothing.
   */
  default void forgetPartnerReads() {}

  /**
   * One of the operating partner's customers ({@code GET /v1/customers/{id}}).
   *
   * @param customerTenantId the customer's tenant id (GUID)
   * @return the customer, or empty when it is not a customer of the operating partner (HTTP 404)
   */
  Optional<Customer> getCustomer(String customerTenantId);

  /**
   * Every customer of the operating partner with its {@code relationshipToPartner}
   * ({@code GET /v1/customers?size=100}, then each {@code links.next} with its {@code MS-ContinuationToken} header
   * until a page has none; learn.microsoft.com/partner-center/developer/get-a-list-of-customers).
   *
   * @return the customers of every page, in Partner Center's order
   * @throws PartnerCenterException on failure, or when the listing has more than {@code pco.partner-center.max-pages}
   *     pages or loops
   */
  List<Customer> getCustomers();

  /**
   * Subscriptions the operating partner provides to a customer ({@code GET /v1/customers/{id}/subscriptions}).
   *
   * @param customerTenantId the customer's tenant id
   * @return the subscriptions, empty when there are none
   */
  List<Subscription> getSubscriptions(String customerTenantId);

  /**
   * Partner-to-partner relationships of the operating partner
   * ({@code GET /v1/relationships?relationship_type=...}, A2/A3).
   *
   * @param type which side of the indirect model to list
   * @return the relationships
   */
  List<PartnerRelationship> getPartnerRelationships(PartnerRelationshipType type);

  /**
   * Whether one of the operating indirect provider's indirect resellers signed the Microsoft Partner
   * Agreement for the provider's CSP region ({@code GET /v1/compliance/csp/agreementstatus?tenantId={id}},
   * A9, R16).
   *
   * @param resellerTenantId the indirect reseller's CSP tenant id
   * @return {@code {isAgreementSigned}}
   * @throws PartnerCenterException HTTP 400 with error code {@code 2200} (not migrated), {@code 2201}
   *     (region mismatch), {@code 2203} (MPA not signed for the region), {@code 2204} (not an indirect
   *     reseller) or {@code 2205} (no account) — see {@link AgreementSignatureStatus}; others on failure
   */
  AgreementSignatureStatus getIndirectResellerAgreementStatus(String resellerTenantId);

  /**
   * The Microsoft Entra tenant whose primary domain is {@code domain}, customer or not (Microsoft Graph
   * {@code GET /tenantRelationships/findTenantInformationByDomainName(domainName='{domain}')},
   * tenantrelationship-findtenantinformationbydomainname). Its {@code tenantId} is what Partner Center's
   * events name the customer by.
   *
   * @param domain the domain the agent typed, e.g. {@code contoso.com}
   * @return the tenant's information, or empty when no tenant has that domain (HTTP 404)
   */
  Optional<TenantInformation> findTenantInformationByDomainName(String domain);

  /**
   * The partner's GDAP relationship with this display name, unique per partner (G1)
   * ({@code GET /tenantRelationships/delegatedAdminRelationships?$filter=displayName eq '...'}).
   *
   * @param displayName the relationship's display name (≤ 50 characters)
   * @return the relationship, or empty when none has that name
   */
  Optional<DelegatedAdminRelationship> findDelegatedAdminRelationship(String displayName);

  /**
   * A GDAP relationship by id ({@code GET /tenantRelationships/delegatedAdminRelationships/{id}}).
   *
   * @param relationshipId the relationship id
   * @return the relationship, or empty when unknown (HTTP 404)
   */
  Optional<DelegatedAdminRelationship> getDelegatedAdminRelationship(String relationshipId);

  /**
   * Every GDAP relationship of the operating partner (Microsoft Graph
   * {@code GET /tenantRelationships/delegatedAdminRelationships}, every page through {@code @odata.nextLink};
   * tenantrelationship-list-delegatedadminrelationships), whatever its status and customer.
   *
   * @return the relationships of every page
   * @throws PartnerCenterException on failure, or past {@code pco.partner-center.max-pages} pages
   */
  List<DelegatedAdminRelationship> getDelegatedAdminRelationships();

  /**
   * Creates a GDAP relationship in status {@code created} ({@code POST /tenantRelationships/delegatedAdminRelationships}, G2).
   *
   * @param relationship displayName, duration ({@code P1D}..{@code P2Y}, R29), customer and roles
   * @return the created relationship with its id
   */
  DelegatedAdminRelationship createDelegatedAdminRelationship(DelegatedAdminRelationship relationship);

  /**
   * Posts an action on a GDAP relationship ({@code POST .../delegatedAdminRelationships/{id}/requests}, G3),
   * e.g. {@code lockForApproval} which moves it to {@code approvalPending}.
   *
   * @param relationshipId the relationship id
   * @param action the action
   * @return the created request
   */
  DelegatedAdminRelationshipRequest requestDelegatedAdminRelationshipAction(
      String relationshipId, DelegatedAdminRelationshipRequest.Action action);

  /**
   * Sets how long a GDAP relationship extends itself at its end date (Microsoft Graph update
   * delegatedAdminRelationship: {@code PATCH /tenantRelationships/delegatedAdminRelationships/{id}} with
   * {@code {"autoExtendDuration": ...}} and {@code If-Match: <@odata.etag of a GET>}, delegatedadminrelationship-update;
   * allowed while the relationship is {@code created} or {@code active}). Graph refuses {@code P180D} for a
   * relationship that includes the Global Administrator role (R30).
   *
   * @param relationshipId the relationship id
   * @param autoExtendDuration {@code P180D} (extend by 180 days) or {@code PT0S} (do not extend)
   * @return the updated relationship
   * @throws PartnerCenterException 400 when Graph refuses (Global Administrator, status), 404 unknown relationship
   */
  DelegatedAdminRelationship updateDelegatedAdminRelationshipAutoExtendDuration(
      String relationshipId, String autoExtendDuration);

  /**
   * Access assignments of a GDAP relationship ({@code GET .../delegatedAdminRelationships/{id}/accessAssignments}, G4).
   *
   * @param relationshipId the relationship id
   * @return the assignments
   */
  List<DelegatedAdminAccessAssignment> getAccessAssignments(String relationshipId);

  /**
   * Grants a partner security group roles in the customer tenant ({@code POST .../accessAssignments}, G4, R32).
   *
   * @param relationshipId the approved relationship's id
   * @param assignment the security group and roles
   * @return the created assignment, status {@code pending} or {@code active}
   */
  DelegatedAdminAccessAssignment createAccessAssignment(
      String relationshipId, DelegatedAdminAccessAssignment assignment);

  // ---------------------------------------------------------------- ending a relationship (R17–R20, R33)

  /**
   * What a customer is entitled to from this partner's orders (get-a-collection-of-entitlements: {@code GET
   * /v1/customers/{id}/entitlements?showExpiry=true}): Azure reservations and software purchases, which block the
   * removal of the reseller relationship until cancelled (R17, remove-a-reseller-relationship-with-a-customer).
   *
   * @param customerTenantId the customer
   * @return the entitlements with their expiry dates where applicable; empty when none or not a customer (HTTP 404)
   */
  List<Entitlement> getEntitlements(String customerTenantId);

  /**
   * Ends this partner's reseller relationship with a customer (remove-a-reseller-relationship-with-a-customer:
   * {@code PATCH /v1/customers/{id}} with {@code {"relationshipToPartner": "none", "attributes": {"objectType":
   * "Customer"}}} → {@code 200} and the Customer with {@code RelationshipToPartner: none}). Prerequisites: no active
   * Azure reservation and no active subscription (R17). DAP goes with the relationship (R18); GDAP and Azure RBAC stay.
   *
   * @param customerTenantId the customer
   * @return the customer as answered, {@code relationshipToPartner} {@code none}
   * @throws PartnerCenterException 400 (code {@code 600006}) when Partner Center refuses because of active
   *     subscriptions or reservations; 404 or code {@code 3000} when no relationship exists (any more)
   */
  Customer removeResellerRelationship(String customerTenantId);

  /**
   * Partner Center's activity records of one resource type over a period (get-a-record-of-partner-center-activity-by-user:
   * {@code GET /v1/auditrecords?startDate={yyyy-mm-dd}&endDate={yyyy-mm-dd}&filter={"Field":"ResourceType","Value":
   * "{type}","Operator":"equals"}}); records are kept for 90 days. Only the first page is read (the default page size).
   *
   * @param startDate first day (UTC), at most 90 days ago
   * @param endDate last day (UTC)
   * @param resourceType e.g. {@link AuditRecord#PARTNER_CUSTOMER_DAP}
   * @return the records, empty when none
   */
  List<AuditRecord> getAuditRecords(java.time.LocalDate startDate, java.time.LocalDate endDate, String resourceType);

  // ---------------------------------------------------------------- subscriptions, commerce and transfers
  // (multi-channel: cancel-and-recreate, partner switch, license transition; §1.6, §1.7, §2.2, §2.3)

  /**
   * The operating partner's MPN profile ({@code GET /v1/profiles/mpn}): its MPN id is the {@code partnerId}
   * of the subscriptions it is partner of record for; the multi-partner guard compares against it (R7).
   *
   * @return the profile
   */
  MpnProfile getMpnProfile();

  /**
   * Name and default domain of any tenant, customer or not (Microsoft Graph {@code GET
   * /tenantRelationships/findTenantInformationByTenantId(tenantId='{id}')}).
   *
   * @param tenantId the tenant id
   * @return the tenant's information, or empty when no tenant has that id (HTTP 404)
   */
  Optional<TenantInformation> findTenantInformation(String tenantId);

  /**
   * One of this partner's subscriptions of a customer ({@code GET /v1/customers/{id}/subscriptions/{id}},
   * get-a-subscription-by-id). Subscriptions of other partners and of other channels (EA, Open, Advisor) are not
   * readable: Partner Center answers 403 (code 20002, no commerce relationship) or 404.
   *
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @return the subscription, with its {@code etag} in {@code attributes}; empty when unknown (HTTP 404)
   * @throws PartnerCenterException 403 for a subscription this partner has no commerce relationship for
   */
  Optional<Subscription> getSubscription(String customerTenantId, String subscriptionId);

  /**
   * Azure subscriptions under one of this partner's Azure plans ({@code GET .../subscriptions/{id}/azureEntitlements},
   * get-a-list-of-azure-entitlements-for-subscription).
   *
   * @param customerTenantId the customer
   * @param subscriptionId this partner's Azure plan subscription
   * @return the Azure subscriptions, whatever their status
   */
  List<AzureEntitlement> getAzureEntitlements(String customerTenantId, String subscriptionId);

  /**
   * Cancels one Azure subscription under this partner's Azure plan ({@code POST
   * .../subscriptions/{id}/azureEntitlements/{entitlementId}/cancel} with {@code {"cancellationReason"}} → {@code 202
   * Accepted}, cancel-an-azure-entitlement, R28): one call per Azure subscription; the Azure plan itself is suspended
   * instead ({@link #updateSubscription}). Services bought through EA, Open or Advisor are cancelled in their own
   * channel (EA portal, Azure portal), never with this call.
   *
   * @param customerTenantId the customer
   * @param subscriptionId the subscription the Azure subscription belongs to
   * @param entitlementId the Azure subscription
   * @param cancellationReason why, shown in Partner Center
   * @throws MultiPartnerGuardException when the subscription is another partner's (R7); nothing is sent
   */
  void cancelAzureEntitlement(
      String customerTenantId, String subscriptionId, String entitlementId, String cancellationReason);

  /**
   * Updates one of this partner's subscriptions (suspend-a-subscription: {@code PATCH /v1/customers/{id}/subscriptions/{id}}
   * with the full resource in PascalCase and {@code If-Match: <etag>}), e.g. {@code Status: suspended}; an Azure plan
   * with active Azure subscriptions cannot be suspended (R27).
   *
   * @param customerTenantId the customer
   * @param subscription the subscription with the changed status or friendly name
   * @return the updated subscription
   * @throws MultiPartnerGuardException when the update would change another partner's subscription, the
   *     partner of record or terms and obligations (R7); nothing is sent
   */
  Subscription updateSubscription(String customerTenantId, Subscription subscription);

  /**
   * The customer's agreements of a type as partners confirmed them ({@code GET
   * /v1/customers/{id}/agreements?agreementType=...}, A10).
   *
   * @param customerTenantId the customer
   * @param agreementType e.g. {@link CustomerAgreement#MICROSOFT_CUSTOMER_AGREEMENT}
   * @return the confirmations, empty when none
   */
  List<CustomerAgreement> getCustomerAgreements(String customerTenantId, String agreementType);

  /**
   * Agreement templates of a type ({@code GET /v1/agreements?agreementType=...}, A10).
   *
   * @param agreementType e.g. {@link CustomerAgreement#MICROSOFT_CUSTOMER_AGREEMENT}
   * @return the templates, current version first
   */
  List<AgreementMetaData> getAgreementMetaData(String agreementType);

  /**
   * Confirms that the customer accepted an agreement ({@code POST /v1/customers/{id}/agreements}, A10, R11).
   *
   * @param customerTenantId the customer
   * @param agreement primary contact, template id, date agreed and type
   * @return the stored confirmation
   */
  CustomerAgreement createCustomerAgreement(String customerTenantId, CustomerAgreement agreement);

  /**
   * Products of a catalog view in a country (get-a-list-of-products: {@code GET /v1/products?country=&targetView=}).
   *
   * @param country ISO 3166 two-letter country, e.g. {@code US}
   * @param targetView e.g. {@link Catalog#MICROSOFT_AZURE_VIEW}
   * @return the products
   */
  List<Catalog.Product> getProducts(String country, String targetView);

  /**
   * SKUs of a product (get-a-list-of-skus-for-a-product: {@code GET /v1/products/{id}/skus?country=}).
   *
   * @param productId the product
   * @param country ISO 3166 two-letter country
   * @return the SKUs
   */
  List<Catalog.Sku> getSkus(String productId, String country);

  /**
   * Availabilities of a SKU (get-a-list-of-availabilities-for-a-sku: {@code GET
   * /v1/products/{id}/skus/{sku}/availabilities?country=}); a cart line orders an availability's {@code catalogItemId}.
   *
   * @param productId the product
   * @param skuId the SKU
   * @param country ISO 3166 two-letter country
   * @return the availabilities
   */
  List<Catalog.Availability> getAvailabilities(String productId, String skuId, String country);

  /**
   * Creates a cart ({@code POST /v1/customers/{id}/carts}, A11).
   *
   * @param customerTenantId the customer
   * @param cart the line items
   * @return the cart with its id
   */
  Cart createCart(String customerTenantId, Cart cart);

  /**
   * Checks a cart out ({@code POST /v1/customers/{id}/carts/{id}/checkout}, A11): orders are placed and
   * subscriptions created. Partner Center refuses an Azure plan for a customer that has MS-AZR-0145P (R26).
   *
   * @param customerTenantId the customer
   * @param cartId the cart
   * @return the orders and any order errors
   */
  CartCheckoutResult checkoutCart(String customerTenantId, String cartId);

  /**
   * Asks the customer's current partner to transfer subscriptions to this partner (new commerce, create-a-transfer:
   * {@code POST /v1/customers/{id}/transfers} → {@code 201}, status {@code Active}); the body names the source
   * partner, the customer's e-mail, this partner as target, the product types and {@code transferType} 5, no line
   * items: the source partner adds them and accepts (R23, R24).
   *
   * @param customerTenantId the customer
   * @param transfer {@link TransferEntity#request}
   * @return the created transfer
   * @throws MultiPartnerGuardException when the transfer would move subscriptions other than from another
   *     partner to this one (R7); nothing is sent
   */
  TransferEntity createTransfer(String customerTenantId, TransferEntity transfer);

  /**
   * Cancels a pending transfer this partner created (update-a-transfer: {@code PATCH
   * /v1/customers/{id}/transfers/{id}} with {@code {id, status: "Cancel", targetPartnerTenantId, sourcePartnerTenantId}}).
   *
   * @param customerTenantId the customer
   * @param transfer the transfer as read
   * @return the transfer as Partner Center answers
   * @throws MultiPartnerGuardException when this partner is not the transfer's target (R7); nothing is sent
   */
  TransferEntity cancelTransfer(String customerTenantId, TransferEntity transfer);

  /**
   * One transfer ({@code GET /v1/customers/{id}/transfers/{id}}, A14).
   *
   * @param customerTenantId the customer
   * @param transferId the transfer
   * @return the transfer, or empty when unknown (HTTP 404)
   */
  Optional<TransferEntity> getTransfer(String customerTenantId, String transferId);

  /**
   * The customer's transfers this partner takes part in ({@code GET /v1/customers/{id}/transfers}, A14).
   *
   * @param customerTenantId the customer
   * @return the transfers, newest first
   */
  List<TransferEntity> getTransfers(String customerTenantId);
}
