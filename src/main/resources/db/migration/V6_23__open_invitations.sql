-- Issue 16: "one open invitation per customer" enforced by the database. The start listener of every
-- customer invitation process inserts the row in the start's own transaction; the primary key on the
-- normalised (lower-case) domain lets only one of two concurrent starts commit. The row is deleted when the
-- instance ends (completed, withdrawn, expired, cancelled): invitation.OpenInvitations.
create table pco_open_invitation (
  customer_domain     varchar(253) not null,
  process_instance_id varchar(64)  not null,
  opened_at           timestamp with time zone not null,
  constraint pk_pco_open_invitation primary key (customer_domain),
  constraint ck_pco_open_invitation_domain_normalised check (customer_domain = lower(trim(customer_domain)))
);

create index ix_pco_open_invitation_instance on pco_open_invitation (process_instance_id);
