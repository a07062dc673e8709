-- Issue 12: a redelivered Partner Center event is recognised by its parsed identity, not its raw text
-- (events.EventDeliveryIdentity): event name, the ResourceUri's path (scheme and host ignored, absolute or
-- relative alike) and the instant of ResourceChangeUtcDate (offset and fraction digits normalised). Rows stored
-- before keep their raw identity.
alter table pco_partner_center_event add column delivery_identity varchar(700);
update pco_partner_center_event
   set delivery_identity = event_name || ' ' || resource_uri || ' ' || resource_change_utc_date;
alter table pco_partner_center_event alter column delivery_identity set not null;
alter table pco_partner_center_event drop constraint uk_pco_partner_center_event_delivery;
alter table pco_partner_center_event add constraint uk_pco_partner_center_event_identity unique (delivery_identity);
