-- Issue 14, reconciliation (reconciliation.ReconciliationJob, docs/reconciliation.md): ShedLock's lock table
-- (JdbcTemplateLockProvider, the shape its documentation gives). One row per lock name; a node holds the lock while
-- lock_until is in the future (database time).
create table pco_shedlock (
  name       varchar(64)  not null,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null,
  constraint pk_pco_shedlock primary key (name)
);
