-- Partner Center webhook events (events.PartnerCenterEventInbox), stored before they are correlated so
-- none is lost. A redelivery of the same event (name, resource, change time) hits the unique key and is
-- acknowledged without a second row. PENDING rows are retried until CORRELATED or IGNORED.
create table pco_partner_center_event (
  id                       varchar(36)   not null,
  event_name               varchar(100)  not null,
  resource_uri             varchar(500)  not null,
  resource_name            varchar(100),
  audit_uri                varchar(1000),
  resource_change_utc_date varchar(64)   not null,
  received_at              timestamp with time zone not null,
  status                   varchar(16)   not null,
  attempts                 integer       default 0 not null,
  last_error               varchar(2000),
  correlated_at            timestamp with time zone,
  constraint pk_pco_partner_center_event primary key (id),
  constraint uk_pco_partner_center_event_delivery unique (event_name, resource_uri, resource_change_utc_date)
);

create index ix_pco_partner_center_event_status on pco_partner_center_event (status, received_at);
