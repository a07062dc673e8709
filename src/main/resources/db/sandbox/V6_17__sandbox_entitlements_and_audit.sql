-- Issue 14: what the sandbox Partner Center needs to refuse and to record the end of a relationship.

-- Entitlements a partner's orders gave a customer (get-a-collection-of-entitlements): Azure reservations
-- (entitlementType reservedinstance) and software purchases (software); they block removing the reseller
-- relationship while current (R17).
create table sbx_entitlement (
    id                 varchar(64)  not null primary key,
    customer_tenant_id varchar(36)  not null,
    seller_partner_id  varchar(36)  not null,
    -- Partner Center Entitlement resource (productId, skuId, quantity, entitlementType, referenceOrder, expiryDate).
    document           text         not null,
    constraint fk_sbx_entitlement_customer foreign key (customer_tenant_id) references sbx_tenant (id),
    constraint fk_sbx_entitlement_partner foreign key (seller_partner_id) references sbx_partner (id)
);
create index ix_sbx_entitlement_customer on sbx_entitlement (customer_tenant_id, seller_partner_id);

-- Partner Center activity records (auditing-resources, get-a-record-of-partner-center-activity-by-user), kept for
-- what the sandbox records: removed reseller relationships and DAP terminated by Microsoft.
create table sbx_audit_record (
    id                 varchar(36)  not null primary key,
    partner_id         varchar(36)  not null,
    customer_tenant_id varchar(36),
    resource_type      varchar(64)  not null,
    operation_date     timestamp with time zone not null,
    -- Partner Center AuditRecord resource.
    document           text         not null
);
create index ix_sbx_audit_record_partner on sbx_audit_record (partner_id, operation_date);

-- The DAP events carry no ResourceUri (partner-center-webhook-events: "NA Not available").
alter table sbx_event_delivery alter column resource_uri drop not null;
