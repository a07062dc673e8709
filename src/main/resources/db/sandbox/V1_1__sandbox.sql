-- The sandbox Partner Center: the emulated world of partners, customer tenants, their users and
-- subscriptions, the relationships between them, GDAP relationships and the webhook delivery queue.
-- Loaded once from src/main/resources/sandbox/*.json when these tables are empty.

-- Every organization (Entra tenant) of the sandbox world: CSP partners and customer tenants.
-- kind: PARTNER | CUSTOMER | CSP_TRANSACTION_TENANT | CSP_CORPORATE_TENANT (R6, R6b).
create table sbx_tenant (
    id                        varchar(36)  not null primary key,
    kind                      varchar(32)  not null,
    csp_transaction_tenant_of varchar(36),
    corporate_tenant_of       varchar(36),
    domain                    varchar(255) not null,
    company_name              varchar(255) not null,
    country                   varchar(2)   not null,
    language                  varchar(8)   not null,
    bought_from               varchar(32),
    -- Partner Center Customer resource (companyProfile, billingProfile, commerceId), without the
    -- partner-specific relationshipToPartner / allowDelegatedAccess / associatedPartnerId.
    customer_document         text         not null,
    constraint uq_sbx_tenant_domain unique (domain)
);

-- CSP partners. partner_type: DIRECT_BILL | INDIRECT_PROVIDER | INDIRECT_RESELLER.
create table sbx_partner (
    id                      varchar(36)  not null primary key,
    name                    varchar(255) not null,
    partner_type            varchar(32)  not null,
    mpn_id                  varchar(16)  not null,
    location                varchar(255),
    cloud                   varchar(32)  not null,
    -- Partner Center LegalBusinessProfile resource.
    legal_business_profile  text         not null,
    constraint fk_sbx_partner_tenant foreign key (id) references sbx_tenant (id)
);

-- Users of every tenant; roles is a JSON array of Entra role names ("Global Administrator", ...).
-- password is the published demo password of the sandbox user (sandbox only, never a real secret).
create table sbx_user (
    user_principal_name varchar(255) not null primary key,
    tenant_id           varchar(36)  not null,
    display_name        varchar(255) not null,
    roles               text         not null,
    password            varchar(100) not null,
    constraint fk_sbx_user_tenant foreign key (tenant_id) references sbx_tenant (id)
);

-- Subscriptions; document is the Partner Center Subscription resource. seller_partner_id is the CSP
-- partner that provides it (null outside CSP); channel is where the customer bought it.
create table sbx_subscription (
    id                 varchar(36) not null primary key,
    customer_tenant_id varchar(36) not null,
    seller_partner_id  varchar(36),
    channel            varchar(32) not null,
    document           text        not null,
    constraint fk_sbx_subscription_tenant foreign key (customer_tenant_id) references sbx_tenant (id)
);
create index ix_sbx_subscription_customer on sbx_subscription (customer_tenant_id);

-- Customer <-> partner relationships (Customer.relationshipToPartner as seen by that partner).
create table sbx_customer_relationship (
    customer_tenant_id      varchar(36) not null,
    partner_id              varchar(36) not null,
    relationship_to_partner varchar(32) not null,
    allow_delegated_access  boolean     not null,
    associated_partner_id   varchar(36),
    established_at          timestamp with time zone not null,
    constraint pk_sbx_customer_relationship primary key (customer_tenant_id, partner_id),
    constraint fk_sbx_relationship_customer foreign key (customer_tenant_id) references sbx_tenant (id),
    constraint fk_sbx_relationship_partner foreign key (partner_id) references sbx_partner (id)
);

-- Indirect provider <-> indirect reseller partnerships (A2, A3); state e.g. Active.
create table sbx_partnership (
    provider_id varchar(36) not null,
    reseller_id varchar(36) not null,
    state       varchar(32) not null,
    constraint pk_sbx_partnership primary key (provider_id, reseller_id),
    constraint fk_sbx_partnership_provider foreign key (provider_id) references sbx_partner (id),
    constraint fk_sbx_partnership_reseller foreign key (reseller_id) references sbx_partner (id)
);

-- Microsoft Partner Agreement status of a partner per CSP region (A9, R16).
create table sbx_mpa_status (
    partner_id       varchar(36) not null,
    csp_region       varchar(32) not null,
    agreement_signed boolean     not null,
    constraint pk_sbx_mpa_status primary key (partner_id, csp_region),
    constraint fk_sbx_mpa_partner foreign key (partner_id) references sbx_partner (id)
);

-- Microsoft Graph delegatedAdminRelationship (G1); display_name unique per partner (R29).
create table sbx_gdap_relationship (
    id                      varchar(80)  not null primary key,
    partner_id              varchar(36)  not null,
    display_name            varchar(50)  not null,
    duration                varchar(32)  not null,
    customer_tenant_id      varchar(36),
    customer_display_name   varchar(255),
    unified_roles           text         not null,
    auto_extend_duration    varchar(32)  not null,
    status                  varchar(32)  not null,
    created_date_time       timestamp with time zone not null,
    last_modified_date_time timestamp with time zone not null,
    activated_date_time     timestamp with time zone,
    end_date_time           timestamp with time zone,
    constraint uq_sbx_gdap_display_name unique (partner_id, display_name),
    constraint fk_sbx_gdap_partner foreign key (partner_id) references sbx_partner (id)
);

-- Microsoft Graph delegatedAdminRelationshipRequest (G3).
create table sbx_gdap_request (
    id                      varchar(36) not null primary key,
    relationship_id         varchar(80) not null,
    action                  varchar(32) not null,
    status                  varchar(32) not null,
    created_date_time       timestamp with time zone not null,
    last_modified_date_time timestamp with time zone not null,
    constraint fk_sbx_gdap_request_relationship foreign key (relationship_id) references sbx_gdap_relationship (id)
);

-- Microsoft Graph delegatedAdminAccessAssignment (G4).
create table sbx_gdap_access_assignment (
    id                      varchar(36)  not null primary key,
    relationship_id         varchar(80)  not null,
    access_container_id     varchar(36)  not null,
    access_container_type   varchar(32)  not null,
    unified_roles           text         not null,
    status                  varchar(32)  not null,
    created_date_time       timestamp with time zone not null,
    last_modified_date_time timestamp with time zone not null,
    constraint fk_sbx_gdap_assignment_relationship foreign key (relationship_id) references sbx_gdap_relationship (id)
);

-- Partner Center webhook events waiting to be POSTed to the application (A16), retried with backoff.
create table sbx_event_delivery (
    id                       bigint generated by default as identity primary key,
    event_name               varchar(100) not null,
    resource_uri             varchar(255) not null,
    resource_name            varchar(100) not null,
    resource_change_utc_date timestamp with time zone not null,
    body                     text         not null,
    status                   varchar(16)  not null,
    attempts                 integer      not null,
    next_attempt_at          timestamp with time zone not null,
    last_error               varchar(1000),
    delivered_at             timestamp with time zone,
    created_at               timestamp with time zone not null
);
create index ix_sbx_event_delivery_due on sbx_event_delivery (status, next_attempt_at);
