-- Regie foundation: municipalities (tenants), organisation, people, access, cases,
-- plans, the event log and the mail outbox.
-- Every tenant table carries municipality_id; row-level security (end of file) is
-- the second wall behind the application's own scoping.

create extension if not exists pg_trgm;
create extension if not exists btree_gin;

create table municipalities (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
  name text not null,
  case_prefix text not null unique check (case_prefix ~ '^[A-Z]{2,4}$'),
  -- Plan due six weeks after intake by default (docs/product.md#the-plan-clock).
  plan_term_days integer not null default 42 check (plan_term_days between 1 and 365),
  extra_holidays date[] not null default '{}',
  created_at timestamptz not null default now()
);

create table departments (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  name text not null,
  domain text not null check (domain in ('social', 'physical', 'safety', 'economy', 'governance')),
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

create table areas (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  name text not null,
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

create table themes (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  name text not null,
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  email text not null,
  name text not null,
  role text not null check (role in ('initiator', 'director', 'coordinator', 'specialist', 'executive', 'council', 'admin')),
  department_id uuid references departments(id),
  phone text,
  company text,
  kvk_number text,
  password_hash text,
  active boolean not null default true,
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  created_at timestamptz not null default now(),
  check (role <> 'specialist' or department_id is not null)
);
-- Initiators are known per municipality by e-mail; staff log in by e-mail alone, so a
-- staff address is unique across all municipalities.
create unique index users_email_per_municipality on users (municipality_id, lower(email));
create unique index users_staff_email on users (lower(email)) where role <> 'initiator';

create table director_areas (
  municipality_id uuid not null references municipalities(id),
  user_id uuid not null references users(id) on delete cascade,
  area_id uuid not null references areas(id) on delete cascade,
  primary key (user_id, area_id)
);

create table director_themes (
  municipality_id uuid not null references municipalities(id),
  user_id uuid not null references users(id) on delete cascade,
  theme_id uuid not null references themes(id) on delete cascade,
  primary key (user_id, theme_id)
);

create table sessions (
  id text primary key, -- sha-256 of the cookie value; the value itself is never stored
  municipality_id uuid not null references municipalities(id),
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  user_id uuid not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);

create table login_links (
  token_hash text primary key,
  municipality_id uuid not null references municipalities(id),
  user_id uuid not null references users(id) on delete cascade,
  case_id uuid,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create table case_counters (
  municipality_id uuid not null references municipalities(id),
  year integer not null,
  last_value integer not null,
  primary key (municipality_id, year)
);

create table cases (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  reference text not null,
  title text not null,
  description text not null,
  location text not null,
  area_id uuid references areas(id),
  status text not null default 'submitted'
    check (status in ('submitted', 'intake', 'planning', 'executing', 'closed', 'withdrawn')),
  channel text not null default 'web' check (channel in ('web', 'desk', 'phone', 'email')),
  initiator_id uuid not null references users(id),
  director_id uuid references users(id),
  submitted_at timestamptz not null default now(),
  intake_at timestamptz,
  clock_started_on date,
  plan_due_on date,          -- includes every ended suspension
  suspended_since date,      -- set while the clock is suspended
  suspended_days integer not null default 0,
  closed_at timestamptz,
  withdrawn_reason text,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('dutch', reference || ' ' || title), 'A') ||
    setweight(to_tsvector('dutch', description || ' ' || location), 'B')
  ) stored,
  unique (municipality_id, reference)
);
-- Cursor pagination is newest first on (submitted_at, id); each filter has an index
-- that starts with the municipality so a list never scans another tenant's rows.
create index cases_list on cases (municipality_id, submitted_at desc, id desc);
create index cases_status on cases (municipality_id, status, submitted_at desc, id desc);
create index cases_director on cases (municipality_id, director_id, status, submitted_at desc, id desc);
create index cases_area on cases (municipality_id, area_id, submitted_at desc, id desc);
create index cases_due on cases (municipality_id, plan_due_on) where status in ('intake', 'planning');
create index cases_initiator on cases (initiator_id);
create index cases_search on cases using gin (municipality_id, search);

create table case_themes (
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id) on delete cascade,
  theme_id uuid not null references themes(id),
  primary key (case_id, theme_id)
);
create index case_themes_theme on case_themes (theme_id, case_id);

create table suspensions (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id) on delete cascade,
  started_on date not null,
  ended_on date,
  reason text not null,
  started_by uuid not null references users(id),
  ended_by uuid references users(id)
);
create index suspensions_case on suspensions (case_id);

create table plans (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id) on delete cascade,
  version integer not null,
  goal text not null,
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  initiator_agreed_at timestamptz,
  director_agreed_at timestamptz,
  director_agreed_by uuid references users(id),
  unique (case_id, version)
);

create table plan_actions (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  plan_id uuid not null references plans(id) on delete cascade,
  position integer not null,
  description text not null,
  owner_kind text not null check (owner_kind in ('initiator', 'director', 'department', 'external')),
  owner_department_id uuid references departments(id),
  owner_name text,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'done', 'dropped')),
  unique (plan_id, position)
);

-- The event log: every change appends one row in the same transaction. Stored
-- events never change meaning; the timeline, notifications and dashboards read it.
create table events (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  case_id uuid references cases(id) on delete cascade,
  type text not null,
  actor_id uuid references users(id),
  visibility text not null default 'internal' check (visibility in ('internal', 'shared')),
  payload jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index events_case on events (case_id, id);
create index events_municipality on events (municipality_id, id);

-- Mail is written here in the transaction of the change and sent after commit.
create table outbox (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  to_address text not null,
  subject text not null,
  body_text text not null,
  status text not null default 'pending' check (status in ('pending', 'sent')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_pending on outbox (next_attempt_at) where status = 'pending';

-- Row-level security: the application runs each request as role regie_app with
-- regie.municipality_id set for the transaction; rows of other municipalities are
-- invisible even if a query forgets its own scope.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'regie_app') then
    create role regie_app nologin nobypassrls;
  end if;
end $$;
grant regie_app to current_user;
grant usage on schema public to regie_app;

do $$
declare t text;
begin
  foreach t in array array['departments', 'areas', 'themes', 'users', 'director_areas',
    'director_themes', 'sessions', 'api_tokens', 'login_links', 'case_counters', 'cases',
    'case_themes', 'suspensions', 'plans', 'plan_actions', 'events', 'outbox']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
    execute format('grant select, insert, update, delete on %I to regie_app', t);
  end loop;
end $$;
alter table municipalities enable row level security;
create policy tenant on municipalities using (id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select on municipalities to regie_app;
grant usage on all sequences in schema public to regie_app;
