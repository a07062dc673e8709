-- Tenant domains and user principal names are looked up ignoring case (Entra compares both without case).
-- An index on lower(...) would serve those look-ups, but H2 has no index on an expression, so each table keeps
-- its key in lower case in a column of its own, unique and indexed, written with the row. Before this, every
-- look-up by domain (tenant discovery, GET /sandbox/tenants) and by UPN (acceptance, GDAP approval, sign-in)
-- read the whole table, whose cost grew with every customer tenant added (the benchmark adds thousands).
alter table sbx_tenant add column domain_key varchar(255);
update sbx_tenant set domain_key = lower(domain);
alter table sbx_tenant alter column domain_key set not null;
create unique index ux_sbx_tenant_domain_key on sbx_tenant (domain_key);
-- unique ignoring case implies unique as written: the old constraint only cost an index to maintain
alter table sbx_tenant drop constraint uq_sbx_tenant_domain;

alter table sbx_user add column user_principal_name_key varchar(255);
update sbx_user set user_principal_name_key = lower(user_principal_name);
alter table sbx_user alter column user_principal_name_key set not null;
create unique index ux_sbx_user_user_principal_name_key on sbx_user (user_principal_name_key);
