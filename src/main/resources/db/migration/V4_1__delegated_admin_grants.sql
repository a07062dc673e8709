-- Delegated admin privileges a customer of an indirect provider granted to another indirect reseller than
-- its associated one (R13: "the indirect provider owns the reseller relationship, but customers can grant
-- delegated admin privileges to another reseller"). Recorded per customer and reseller; ownership of the
-- relationship and the customer's associated reseller stay as they are.
create table pco_delegated_admin_grant (
  id                 varchar(36)   not null,
  invitation_id      varchar(64)   not null,
  customer_tenant_id varchar(36)   not null,
  reseller_tenant_id varchar(36)   not null,
  reseller_name      varchar(255),
  recorded_by        varchar(255),
  recorded_at        timestamp with time zone not null,
  constraint pk_pco_delegated_admin_grant primary key (id),
  constraint uk_pco_delegated_admin_grant unique (customer_tenant_id, reseller_tenant_id)
);

create index ix_pco_delegated_admin_grant_invitation on pco_delegated_admin_grant (invitation_id);
