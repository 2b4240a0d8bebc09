-- Management information cached until it changes (docs/product.md#management-information):
-- the version of a municipality's rollup, a counter bumped in the same transaction as
-- every change of its rollup (a recomputed batch, a rebuild: src/modules/insights/rollup.ts).
-- A server keeps the figures it computed keyed by this version and by the version
-- pieces of the other figure sources; a request reads all of them in one short
-- statement and computes nothing when none changed.
create table insight_versions (
  municipality_id uuid primary key references municipalities(id),
  version bigint not null default 0
);

alter table insight_versions enable row level security;
create policy tenant on insight_versions using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select, insert, update, delete on insight_versions to regie_app;

-- The version piece of the collaboration figures (src/modules/collaborations/figures.ts):
-- the newest collaboration event of a municipality, one step down this index …
create index collaboration_events_municipality on collaboration_events (municipality_id, id);
-- and the day of its newest health check with how many were checked that day.
create index collaborations_health_day on collaborations (municipality_id, health_checked_on);

-- The rebuild writes every rollup row of a municipality at once; the reference to the
-- municipality was checked once per row written (a trigger call each), about a fifth
-- of a rebuild's time. These rows are derived: each one's municipality is that of the
-- case it was derived from (insight_cases and the cases keep their references), and
-- only the rollup code writes them (src/modules/insights/rollup.ts), under the
-- municipality's row-level security.
alter table insight_facts drop constraint insight_facts_municipality_id_fkey;
alter table insight_counts drop constraint insight_counts_municipality_id_fkey;
alter table insight_totals drop constraint insight_totals_municipality_id_fkey;
alter table insight_dim_totals drop constraint insight_dim_totals_municipality_id_fkey;
