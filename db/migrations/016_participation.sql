-- Neighbours and other stakeholders respond to a case (docs/product.md#response-periods).
-- A response period is opened by the case's director or a coordinator, with a public
-- summary, the location as the director typed it, a term in working days, the
-- interest topics (belangen) and a few questions. Anyone may respond without an
-- account; a response counts only once the owner of its address confirmed it through
-- the mailed one-time link (docs/product.md#responding-to-a-case).

create table response_periods (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id),
  -- what the public page shows of the case, as it was when the period opened: its
  -- reference and themes (the municipality's own words), never the initiator's details
  reference text not null,
  themes jsonb not null default '[]',
  summary text not null check (length(summary) between 1 and 4000),
  location text not null check (length(location) between 1 and 300),
  working_days integer not null check (working_days between 1 and 130),
  opened_on date not null,
  ends_on date not null check (ends_on >= opened_on),
  questions jsonb not null default '[]',
  opened_by uuid references users(id),
  opened_at timestamptz not null,
  closed_at timestamptz,
  closed_by uuid references users(id),
  closed_reason text,
  -- the plan of the case was agreed: the answers per topic are fixed and mailed
  answers_locked_at timestamptz,
  version integer not null default 1
);
create index response_periods_case on response_periods (case_id);
-- the public list of open periods and the figures by month
create index response_periods_open on response_periods (municipality_id, ends_on) where closed_at is null;
create index response_periods_opened on response_periods (municipality_id, opened_on);

create table response_topics (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  period_id uuid not null references response_periods(id) on delete cascade,
  position integer not null,
  name text not null check (length(name) between 1 and 60),
  -- "wat we met uw reactie doen"
  answer text,
  answered_at timestamptz,
  answered_by uuid references users(id),
  unique (period_id, position)
);

create table responses (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  period_id uuid not null references response_periods(id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  show_name boolean not null default false,
  email text not null check (length(email) <= 320),
  relation text not null check (relation in ('neighbour', 'business', 'organisation', 'other')),
  position text not null check (position in ('support', 'concern', 'objection')),
  interest text not null,
  would_help text not null default '',
  answers jsonb not null default '[]',
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  token_hash text not null unique,
  token_expires_at timestamptz not null,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  -- a later confirmed response of the same address to the same period replaced this one
  replaced_at timestamptz,
  hidden_at timestamptz,
  hidden_by uuid references users(id),
  hidden_reason text,
  -- the answers to its topics were mailed when the plan was agreed (once)
  answer_mailed_at timestamptz
);
-- one standing response per address and period
create unique index responses_standing on responses (period_id, lower(email)) where confirmed_at is not null and replaced_at is null;
create index responses_period on responses (period_id) where confirmed_at is not null and replaced_at is null;
create index responses_unconfirmed on responses (municipality_id, token_expires_at) where confirmed_at is null;

create table response_interests (
  municipality_id uuid not null references municipalities(id),
  response_id uuid not null references responses(id) on delete cascade,
  topic_id uuid not null references response_topics(id) on delete cascade,
  primary key (response_id, topic_id)
);
create index response_interests_topic on response_interests (topic_id);

do $$
declare t text;
begin
  foreach t in array array['response_periods', 'response_topics', 'responses', 'response_interests']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
  end loop;
end $$;
grant select, insert, update on response_periods, response_topics to regie_app;
-- unconfirmed responses are deleted once their link has expired
grant select, insert, update, delete on responses, response_interests to regie_app;
