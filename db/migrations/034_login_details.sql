-- Logging in through OpenID Connect, the remaining details
-- (docs/product.md#logging-in-through-openid-connect).

-- 1. An eHerkenning login acts for a company (the KvK number) from one of its branches
--    (the vestigingsnummer, when the broker passes one), by a person: their name and the
--    pseudonym eHerkenning gives them. Kept with the login's session, and with each case
--    that login files (docs/product.md#eherkenning-branches-and-acting-persons).
alter table oidc_sessions
  add column branch_number text check (branch_number is null or branch_number ~ '^[0-9]{12}$'),
  add column acting_name text check (acting_name is null or length(acting_name) <= 200),
  add column acting_pseudonym text check (acting_pseudonym is null or length(acting_pseudonym) <= 200);
alter table case_intakes
  add column branch_number text check (branch_number is null or branch_number ~ '^[0-9]{12}$'),
  add column acting_name text check (acting_name is null or length(acting_name) <= 200),
  add column acting_pseudonym text check (acting_pseudonym is null or length(acting_pseudonym) <= 200);

-- 2. Events about an account rather than a case: a role set by the group mapping of a
--    single sign-on login, or by an administrator (docs/product.md#an-accounts-history).
alter table events add column subject_user_id uuid references users(id);
alter table events add constraint events_case_or_account check (case_id is null or subject_user_id is null);
create index events_subject_user on events (municipality_id, subject_user_id, id) where subject_user_id is not null;

-- 3. The audit reveals a sealed BSN or KvK number, always with a reason, and the reveal
--    is a row of the access log (docs/product.md#revealing-a-bsn-for-the-audit). The kind
--    is added to whatever kinds the log already knows.
do $$
declare def text;
begin
  select pg_get_constraintdef(c.oid) into def
    from pg_constraint c where c.conname = 'access_log_kind_check' and c.conrelid = 'access_log'::regclass;
  if def is null or position('ARRAY[' in def) = 0 then
    raise exception 'access_log_kind_check has an unexpected form: %', def;
  end if;
  execute 'alter table access_log drop constraint access_log_kind_check';
  execute 'alter table access_log add constraint access_log_kind_check '
    || replace(def, 'ARRAY[', 'ARRAY[''identityNumber''::text, ');
end $$;
alter table access_log add column reason text check (reason is null or length(reason) between 1 and 1000);
alter table access_log add constraint access_log_reason check ((kind = 'identityNumber') = (reason is not null));
