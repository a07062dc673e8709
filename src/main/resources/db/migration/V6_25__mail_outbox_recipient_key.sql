-- GET /api/outbox?recipient= and the /outbox page's filter compare addresses ignoring case. Comparing
-- lower(recipient) could not use the index on recipient, so every filtered listing read the whole outbox (two
-- rows per invitation, kept forever). H2 has no index on an expression, so the address's lower-case key is a
-- column of its own, written with the row, indexed with the listing's order (newest first).
alter table pco_mail_outbox add column recipient_key varchar(320);
update pco_mail_outbox set recipient_key = lower(recipient);
alter table pco_mail_outbox alter column recipient_key set not null;
drop index ix_pco_mail_outbox_recipient;
create index ix_pco_mail_outbox_recipient_key on pco_mail_outbox (recipient_key, created_at, id);
