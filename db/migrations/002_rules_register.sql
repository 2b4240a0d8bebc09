-- The rules register (regelregister): the rules an objection in an assessment round
-- may cite, per municipality, with a validity period and whether the rule is strict
-- (safety, public order, crime: applied as written). See docs/product.md#the-rules-register.

create table rules (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,39}$'),
  title text not null check (length(title) between 1 and 300),
  legal_source text not null check (length(legal_source) between 1 and 300), -- "APV artikel 2:48", "Wet Bibob"
  domain text not null check (domain in ('social', 'physical', 'safety', 'economy', 'governance')),
  strict boolean not null default false,
  valid_from date not null,
  valid_until date, -- the last day the rule may be cited (inclusive); null: no end
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from),
  -- A new version of a rule is a new row with a later valid_from; the service keeps
  -- the periods of one code from overlapping.
  unique (municipality_id, code, valid_from)
);
create index rules_code on rules (municipality_id, code);

-- The register's audit trail. The event log is per case, so register changes are
-- recorded here, in the transaction of the change; rows are only ever added.
create table rule_changes (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  rule_id uuid not null references rules(id),
  actor_id uuid references users(id),
  change jsonb not null,
  created_at timestamptz not null default now()
);
create index rule_changes_rule on rule_changes (municipality_id, rule_id, id);

-- Row-level security as in 001. The grants are narrower than 001's loop on purpose:
-- a rule is never deleted once it could have been cited, and the audit trail is
-- append-only, so the application role cannot do either.
do $$
declare t text;
begin
  foreach t in array array['rules', 'rule_changes']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
  end loop;
end $$;
grant select, insert, update on rules to regie_app;
grant select, insert on rule_changes to regie_app;
-- 001 granted the sequences that existed then; rule_changes.id brings a new one.
grant usage on all sequences in schema public to regie_app;
