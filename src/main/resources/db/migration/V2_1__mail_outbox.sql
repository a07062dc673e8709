-- E-mails queued by the processes (notification.MailOutbox). One row per e-mail to send; the
-- idempotency key makes a retried job's second enqueue a no-op. Without a mail host the rows stay
-- STORED and are read on /outbox; with one, the dispatcher moves PENDING rows to SENT or FAILED.
create table pco_mail_outbox (
  id                 varchar(36)   not null,
  idempotency_key    varchar(255)  not null,
  template           varchar(64)   not null,
  recipient          varchar(320)  not null,
  subject            varchar(998)  not null,
  html_body          text          not null,
  language           varchar(8)    not null,
  business_reference varchar(255),
  status             varchar(16)   not null,
  attempts           integer       default 0 not null,
  last_error         varchar(2000),
  created_at         timestamp with time zone not null,
  sent_at            timestamp with time zone,
  constraint pk_pco_mail_outbox primary key (id),
  constraint uk_pco_mail_outbox_idempotency_key unique (idempotency_key)
);

create index ix_pco_mail_outbox_status on pco_mail_outbox (status, created_at);
create index ix_pco_mail_outbox_recipient on pco_mail_outbox (recipient);
