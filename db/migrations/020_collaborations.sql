-- Collaborations (docs/product.md#collaborations): a temporary, goal-directed
-- collaboration of the municipality with its departments, other municipalities of the
-- installation and outside organisations. Every table carries the municipality that
-- keeps the collaboration and has row-level security like every tenant table. A party
-- that is another municipality is stored by its id, so that municipality can later be
-- given its own view through an agreement between the two.
create table collaborations (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  name text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  goal text not null default '' check (length(goal) <= 4000),
  owner_user_id uuid not null references users(id),
  phase text not null check (phase in ('agenda', 'policy', 'implementation', 'evaluation')),
  phase_since date not null,
  start_on date not null,
  end_on date not null check (end_on >= start_on),
  -- whether end_on is the end or the moment to review (and decide to extend or stop)
  end_kind text not null default 'end' check (end_kind in ('end', 'review')),
  version integer not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The overview: newest first, per municipality and per phase (keyset pagination).
create index collaborations_list on collaborations (municipality_id, created_at, id);
create index collaborations_phase on collaborations (municipality_id, phase, created_at, id);

create table collaboration_areas (
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  area_id uuid not null references areas(id),
  primary key (collaboration_id, area_id)
);
create index collaboration_areas_area on collaboration_areas (municipality_id, area_id);

create table collaboration_themes (
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  theme_id uuid not null references themes(id),
  primary key (collaboration_id, theme_id)
);
create index collaboration_themes_theme on collaboration_themes (municipality_id, theme_id);

create table collaboration_cases (
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  case_id uuid not null references cases(id),
  primary key (collaboration_id, case_id)
);
create index collaboration_cases_case on collaboration_cases (municipality_id, case_id);

-- The policy phase and its history: one row per phase entered, never changed.
create table collaboration_phases (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  phase text not null check (phase in ('agenda', 'policy', 'implementation', 'evaluation')),
  since date not null,
  actor_id uuid references users(id),
  created_at timestamptz not null default now()
);
create index collaboration_phases_collaboration on collaboration_phases (municipality_id, collaboration_id, id);

-- Measurable targets of the goal, and the progress readings against them.
create table collaboration_targets (
  id uuid primary key default gen_random_uuid(),
  -- the order they were added in
  seq bigint generated always as identity,
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  indicator text not null check (length(indicator) between 1 and 200),
  baseline numeric not null,
  target_value numeric not null,
  unit text not null check (length(unit) between 1 and 40),
  target_on date not null,
  created_at timestamptz not null default now()
);
create index collaboration_targets_collaboration on collaboration_targets (municipality_id, collaboration_id);

create table collaboration_readings (
  id uuid primary key default gen_random_uuid(),
  -- the order they were added in
  seq bigint generated always as identity,
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  target_id uuid not null references collaboration_targets(id),
  read_on date not null,
  value numeric not null,
  note text not null default '' check (length(note) <= 2000),
  actor_id uuid references users(id),
  created_at timestamptz not null default now()
);
create index collaboration_readings_target on collaboration_readings (municipality_id, target_id, read_on);
create index collaboration_readings_collaboration on collaboration_readings (municipality_id, collaboration_id, read_on);

-- Parties: a department of the municipality, another municipality of the installation,
-- or an outside organisation. What a party decides alone, together, and where it has
-- the final say are free-text lines; its yield is what it gets out of it.
create table collaboration_parties (
  id uuid primary key default gen_random_uuid(),
  -- the order they were added in
  seq bigint generated always as identity,
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  kind text not null check (kind in ('department', 'municipality', 'organisation')),
  department_id uuid references departments(id),
  party_municipality_id uuid references municipalities(id),
  name text not null check (length(name) between 1 and 200),
  org_type text not null check (org_type in ('public', 'private', 'nonprofit', 'residents')),
  kvk_number text check (kvk_number ~ '^[0-9]{8}$'),
  contact_name text check (length(contact_name) <= 200),
  contact_email text check (length(contact_email) <= 254),
  decides_alone text[] not null default '{}',
  decides_together text[] not null default '{}',
  final_say text[] not null default '{}',
  yield text not null default '' check (length(yield) <= 4000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'department') = (department_id is not null)),
  check ((kind = 'municipality') = (party_municipality_id is not null)),
  check (party_municipality_id is null or party_municipality_id <> municipality_id)
);
create index collaboration_parties_collaboration on collaboration_parties (municipality_id, collaboration_id, seq);
create index collaboration_parties_name on collaboration_parties (municipality_id, lower(name));

create table collaboration_contributions (
  id uuid primary key default gen_random_uuid(),
  -- the order they were added in
  seq bigint generated always as identity,
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  party_id uuid not null references collaboration_parties(id),
  kind text not null check (kind in ('money', 'hours', 'assets', 'data', 'powers')),
  -- euro cents for money, hours for hours; none for the other kinds
  amount bigint check (amount is null or amount >= 0),
  description text not null default '' check (length(description) <= 2000),
  created_at timestamptz not null default now(),
  check ((kind in ('money', 'hours')) = (amount is not null))
);
create index collaboration_contributions_party on collaboration_contributions (municipality_id, party_id);

-- A collaboration's own timeline (the case timeline's events belong to a case). The same
-- discipline: append-only, one row per change, written in the transaction of the change.
create table collaboration_events (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  type text not null,
  actor_id uuid references users(id),
  payload jsonb not null default '{}',
  occurred_at timestamptz not null
);
create index collaboration_events_collaboration on collaboration_events (municipality_id, collaboration_id, id);

do $$
declare t text;
begin
  foreach t in array array['collaborations', 'collaboration_areas', 'collaboration_themes', 'collaboration_cases',
    'collaboration_phases', 'collaboration_targets', 'collaboration_readings', 'collaboration_parties',
    'collaboration_contributions', 'collaboration_events'] loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant on %I using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid)$p$, t);
  end loop;
end $$;
grant select, insert, update on collaborations, collaboration_targets, collaboration_parties to regie_app;
grant select, insert, delete on collaboration_areas, collaboration_themes, collaboration_cases, collaboration_contributions to regie_app;
grant select, insert on collaboration_phases, collaboration_readings, collaboration_events to regie_app;
grant usage on all sequences in schema public to regie_app;
