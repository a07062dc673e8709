-- Issue 14 (R33): delegated admin privileges Microsoft terminated after 90 days without use
-- (webhook dap-admin-relationship-terminated-by-microsoft), recorded per customer with the follow-up instance that
-- offers a GDAP request. One row per customer and termination time, however often the event is delivered.
create table pco_dap_termination (
  id                  varchar(36)   not null,
  customer_tenant_id  varchar(36)   not null,
  customer_name       varchar(255),
  terminated_at       timestamp with time zone not null,
  inbox_event_id      varchar(36)   not null,
  process_instance_id varchar(64),
  recorded_at         timestamp with time zone not null,
  constraint pk_pco_dap_termination primary key (id),
  constraint uk_pco_dap_termination unique (customer_tenant_id, terminated_at)
);
