-- Comparing municipalities (docs/product.md#comparing-municipalities): the number of
-- inhabitants (for the size class), taking part in the comparison, publishing the
-- figures as open data and the licence they are published under. Taking part and
-- publishing are off until the admin turns them on.
alter table municipalities
  add column inhabitants integer check (inhabitants is null or inhabitants >= 0),
  add column benchmark_opt_in boolean not null default false,
  add column publish_figures boolean not null default false,
  add column open_data_licence text not null default 'CC0-1.0' check (open_data_licence in ('CC0-1.0', 'CC-BY-4.0'));

-- The headline figures per municipality and month, computed by the benchmark job from
-- the cases, plans and commitments (never per request). Counts and numbers of days
-- only: nothing personal, no case references.
create table benchmark_figures (
  municipality_id uuid not null references municipalities(id),
  month date not null check (extract(day from month) = 1),
  -- plans due this month (docs/product.md#the-council-overview, plans on time)
  plans_on_time integer not null default 0 check (plans_on_time >= 0),
  plans_late integer not null default 0 check (plans_late >= 0),
  plans_overdue integer not null default 0 check (plans_overdue >= 0),
  -- days from intake to the agreed plan, per plan agreed this month, in ascending order
  lead_days integer[] not null default '{}',
  -- commitments due this month
  commitments_kept integer not null default 0 check (commitments_kept >= 0),
  commitments_broken integer not null default 0 check (commitments_broken >= 0),
  commitments_overdue integer not null default 0 check (commitments_overdue >= 0),
  -- report marks given this month; null: no marks are known to Regie
  mark_answers integer check (mark_answers is null or mark_answers >= 0),
  mark_sum integer check (mark_sum is null or mark_sum >= 0),
  computed_at timestamptz not null,
  primary key (municipality_id, month)
);
alter table benchmark_figures enable row level security;
create policy tenant on benchmark_figures
  using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select on benchmark_figures to regie_app;

-- How far the job got per municipality. A municipality is due again once its event log
-- has grown past last_event_id or a day has passed (what is overdue changes by the
-- day); the job claims its row with `for update skip locked`, so two processes never
-- compute the same municipality at once.
create table benchmark_refresh (
  municipality_id uuid primary key references municipalities(id),
  refreshed_at timestamptz not null,
  refreshed_on date not null,
  last_event_id bigint not null
);
alter table benchmark_refresh enable row level security;
create policy tenant on benchmark_refresh
  using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select on benchmark_refresh to regie_app;
