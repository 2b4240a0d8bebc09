-- Access to personal data is logged, and ended cases keep personal data only as long
-- as the municipality's retention term (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd,
-- docs/product.md#bewaartermijn).

-- Who read whose personal data, when and from where. Append-only: the application role
-- may insert and select, never change or remove a row; a trigger refuses it for
-- everyone else too (BIO 12.4: logging that cannot be altered afterwards).
create table access_log (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  actor_id uuid not null references users(id),
  actor_role text not null check (actor_role in ('initiator', 'director', 'coordinator', 'specialist', 'executive', 'council', 'admin')),
  kind text not null check (kind in ('contactDetails', 'dossier', 'export')),
  case_id uuid references cases(id),
  initiator_id uuid references users(id),
  -- which export, e.g. "toezeggingenregister.csv"; null for the other kinds
  export_name text check (export_name is null or length(export_name) between 1 and 100),
  client_address text check (client_address is null or length(client_address) <= 100),
  created_at timestamptz not null default now(),
  check ((kind = 'export') = (export_name is not null))
);
-- The admin's list is newest first on (created_at, id); each filter starts with the municipality.
create index access_log_list on access_log (municipality_id, created_at desc, id desc);
create index access_log_actor on access_log (municipality_id, actor_id, created_at desc, id desc);
create index access_log_case on access_log (municipality_id, case_id, created_at desc, id desc);
create index access_log_initiator on access_log (municipality_id, initiator_id, created_at desc, id desc);

alter table access_log enable row level security;
create policy tenant on access_log
  using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
revoke all on access_log from regie_app;
grant select, insert on access_log to regie_app;

create function access_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'access_log is append-only: % refused', tg_op using errcode = '42501';
end $$;
create trigger access_log_no_change before update or delete on access_log
  for each row execute function access_log_append_only();
create trigger access_log_no_truncate before truncate on access_log
  for each statement execute function access_log_append_only();

-- The retention term of personal data of ended cases, in months; null keeps it.
alter table municipalities add column personal_data_retention_months integer default 24
  check (personal_data_retention_months between 6 and 240);

-- When the personal data of an ended case was replaced by a pseudonym, and when an
-- initiator's account was.
alter table cases add column personal_data_removed_at timestamptz;
create index cases_retention on cases (municipality_id, closed_at)
  where status in ('closed', 'withdrawn') and personal_data_removed_at is null;
alter table users add column pseudonymised_at timestamptz;
