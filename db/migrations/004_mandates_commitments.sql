-- The mandate register (who may decide what, delegated by whom, for what period) and
-- commitments on record (toezeggingen) with their versions and reminders.
-- See docs/product.md#the-mandate-register and docs/product.md#commitments-on-record.

-- A mandate is never deleted: it was the ground for overrules and commitments on
-- record. Ending it sets valid_until; every change is kept in mandate_changes.
create table mandates (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  holder_kind text not null check (holder_kind in ('role', 'person')),
  holder_role text check (holder_role in ('initiator', 'director', 'coordinator', 'specialist', 'executive', 'council', 'admin')),
  holder_user_id uuid references users(id),
  scope_kind text not null check (scope_kind in ('overrule', 'commitMoney', 'grantExemption', 'agreePlan')),
  scope_domain text check (scope_domain in ('social', 'physical', 'safety', 'economy', 'governance')),
  scope_up_to_cents bigint check (scope_up_to_cents >= 0),
  scope_rule_code text,
  delegated_by text not null check (length(delegated_by) between 1 and 200), -- "het college", "de burgemeester"
  valid_from date not null,
  valid_until date, -- last day in force (inclusive); null: no end
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from),
  check ((holder_kind = 'role') = (holder_role is not null) and (holder_kind = 'person') = (holder_user_id is not null)),
  check ((scope_kind = 'overrule') = (scope_domain is not null)),
  check ((scope_kind = 'commitMoney') = (scope_up_to_cents is not null)),
  check ((scope_kind = 'grantExemption') = (scope_rule_code is not null))
);
create index mandates_list on mandates (municipality_id, valid_from, id);

create table mandate_changes (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  mandate_id uuid not null references mandates(id),
  actor_id uuid references users(id),
  change jsonb not null,
  created_at timestamptz not null default now()
);
create index mandate_changes_mandate on mandate_changes (municipality_id, mandate_id, id);

-- A commitment is never deleted and never edited in place: an amendment adds a row
-- to commitment_versions and raises version; status changes are recorded there too.
create table commitments (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id),
  made_by_user_id uuid references users(id),
  made_by_name text not null,
  made_by_role text not null, -- "wethouder Economie", or the user's role
  made_to_user_id uuid references users(id),
  made_to_name text not null,
  made_to_email text,
  what text not null check (length(what) between 1 and 4000),
  due_on date not null,
  made_via text not null check (made_via in ('meeting', 'phone', 'letter', 'email')),
  made_on date not null,
  decision_kind text not null check (decision_kind in ('commitMoney', 'grantExemption', 'agreePlan', 'other')),
  amount_cents bigint check (amount_cents >= 0),
  rule_code text,
  status text not null check (status in ('binding', 'needsConfirmation', 'declined', 'kept', 'broken', 'withdrawn')),
  status_reason text,
  mandate_ids uuid[] not null default '{}',
  confirmed_by uuid references users(id),
  recorded_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((decision_kind = 'commitMoney') = (amount_cents is not null)),
  check ((decision_kind = 'grantExemption') = (rule_code is not null))
);
create index commitments_case on commitments (municipality_id, case_id, created_at);
create index commitments_list on commitments (municipality_id, created_at desc, id desc);
create index commitments_open_due on commitments (municipality_id, due_on) where status in ('binding', 'needsConfirmation');

create table commitment_versions (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  commitment_id uuid not null references commitments(id),
  version integer not null,
  actor_id uuid references users(id),
  change jsonb not null,
  created_at timestamptz not null default now()
);
create index commitment_versions_commitment on commitment_versions (municipality_id, commitment_id, id);

-- One reminder per commitment version: the primary key makes sending idempotent.
create table commitment_reminders (
  municipality_id uuid not null references municipalities(id),
  commitment_id uuid not null references commitments(id),
  version integer not null,
  sent_at timestamptz not null default now(),
  primary key (commitment_id, version)
);

-- Row-level security as in 001/002. Nothing here is ever deleted, and the audit
-- trails are append-only, so the application role gets neither delete nor update there.
do $$
declare t text;
begin
  foreach t in array array['mandates', 'mandate_changes', 'commitments', 'commitment_versions', 'commitment_reminders']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
  end loop;
end $$;
grant select, insert, update on mandates, commitments to regie_app;
grant select, insert on mandate_changes, commitment_versions, commitment_reminders to regie_app;
grant usage on all sequences in schema public to regie_app;
