-- Management information (docs/product.md#management-information): rollups of the
-- event log per municipality, day and dimension, kept up to date by a job.
--
-- insight_queue: one row per event (written by a trigger in the event's own
-- transaction) and per change of what a case is filtered by. The job claims rows with
-- `for update skip locked` and deletes them in the transaction that recomputes their
-- cases. A row becomes visible only when its transaction commits, so an event whose
-- id is lower but commits later is still picked up: no "last id" watermark to miss it.
create table insight_queue (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null
);
create index insight_queue_municipality on insight_queue (municipality_id, id);

-- What a case is filtered by, as the rollup counted it: its current area, director,
-- themes and domains (docs/product.md#domain-of-a-case). Only counted cases (an
-- initiator known) have a row.
create table insight_cases (
  case_id uuid primary key references cases(id) on delete cascade,
  municipality_id uuid not null references municipalities(id),
  area_id uuid,
  director_id uuid,
  theme_ids uuid[] not null default '{}',
  domains text[] not null default '{}'
);
create index insight_cases_municipality on insight_cases (municipality_id);

-- The facts of one case, derived from its events: what counts on which day, under
-- which key (a verdict, a department, a rule code, a number of days…).
create table insight_facts (
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id) on delete cascade,
  day date not null,
  metric text not null,
  dim text not null default '',
  value bigint not null
);
create index insight_facts_case on insight_facts (case_id);
create index insight_facts_municipality on insight_facts (municipality_id);

-- The rollup the figures are read from: the facts summed per municipality, day,
-- metric, key and the case dimensions.
create table insight_counts (
  municipality_id uuid not null references municipalities(id),
  day date not null,
  metric text not null,
  dim text not null default '',
  area_id uuid,
  director_id uuid,
  theme_ids uuid[] not null default '{}',
  domains text[] not null default '{}',
  value bigint not null,
  unique nulls not distinct (municipality_id, metric, day, dim, area_id, director_id, theme_ids, domains)
);
create index insight_counts_director on insight_counts (municipality_id, metric, director_id, day);

create function insight_enqueue_event() returns trigger language plpgsql as $$
begin
  if new.case_id is not null then
    insert into insight_queue (municipality_id, case_id) values (new.municipality_id, new.case_id);
  end if;
  return null;
end $$;
create trigger events_insight_queue after insert on events for each row execute function insight_enqueue_event();

-- A changed area, director or theme moves the case's counts to its new dimensions.
create function insight_enqueue_case() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into insight_queue (municipality_id, case_id) values (old.municipality_id, old.case_id);
  elsif tg_table_name = 'cases' then
    insert into insight_queue (municipality_id, case_id) values (new.municipality_id, new.id);
  else
    insert into insight_queue (municipality_id, case_id) values (new.municipality_id, new.case_id);
  end if;
  return null;
end $$;
create trigger cases_insight_queue after update of area_id, director_id, initiator_id on cases
  for each row when (old.area_id is distinct from new.area_id or old.director_id is distinct from new.director_id
    or old.initiator_id is distinct from new.initiator_id)
  execute function insight_enqueue_case();
create trigger case_themes_insight_queue after insert or delete on case_themes for each row execute function insight_enqueue_case();

do $$
declare t text;
begin
  foreach t in array array['insight_queue', 'insight_cases', 'insight_facts', 'insight_counts']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
    execute format('grant select, insert, update, delete on %I to regie_app', t);
  end loop;
end $$;
grant usage on all sequences in schema public to regie_app;
