-- Issue 14, bulk onboarding (bulk.BulkInvitations, docs/bulk-onboarding.md): an uploaded CSV file and its rows.
-- A file is known by the SHA-256 of its bytes, so the same file uploaded again starts nothing twice; each row is
-- started at most once (state QUEUED -> STARTED in the transaction that starts its process instance). Rows not
-- started yet survive a restart and are started by whichever node's starter claims them.
create table pco_bulk_upload (
  id            varchar(36)   not null,
  content_hash  varchar(64)   not null,
  file_name     varchar(255),
  uploaded_by   varchar(255)  not null,
  uploaded_at   timestamp with time zone not null,
  confirmed_at  timestamp with time zone,
  row_count     integer       not null,
  invalid_count integer       not null,
  constraint pk_pco_bulk_upload primary key (id),
  constraint uk_pco_bulk_upload_content unique (content_hash)
);

-- state: INVALID (reported, never started), HELD (valid, the upload awaits "start the valid rows"), QUEUED,
-- STARTED (process_instance_id set), FAILED (the start was refused: failure says why).
create table pco_bulk_row (
  upload_id           varchar(36)   not null,
  row_number          integer       not null,
  customer_domain     varchar(253),
  company_name        varchar(255),
  request_json        varchar(8000) not null,
  state               varchar(16)   not null,
  errors_json         varchar(8000),
  process_instance_id varchar(64),
  failure             varchar(2000),
  attempts            integer       default 0 not null,
  started_at          timestamp with time zone,
  constraint pk_pco_bulk_row primary key (upload_id, row_number),
  constraint fk_pco_bulk_row_upload foreign key (upload_id) references pco_bulk_upload (id)
);

create index ix_pco_bulk_row_state on pco_bulk_row (state, upload_id, row_number);
