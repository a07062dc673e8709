-- Idempotency-Key of the REST starts (web.IdempotentStarts, README "REST"): the first answer to a start with a
-- key, written in the same transaction as the start. A retry with the same key (same user, same endpoint) gets
-- this answer again instead of a second start; the primary key makes concurrent duplicates wait for the first
-- and then read its answer. Rows older than pco.api.idempotency-key-retention are deleted.
create table pco_idempotency_key (
  endpoint          varchar(100)  not null,
  requester         varchar(255)  not null,
  idempotency_key   varchar(255)  not null,
  request_hash      varchar(64)   not null,
  response_status   integer,
  response_location varchar(2000),
  response_body     varchar(8000),
  created_at        timestamp with time zone not null,
  constraint pk_pco_idempotency_key primary key (endpoint, requester, idempotency_key)
);

create index ix_pco_idempotency_key_created on pco_idempotency_key (created_at);
