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

-- The version piece of the collaboration figures: the newest collaboration event of a
-- municipality, one step down this index (src/modules/collaborations/figures.ts).
create index collaboration_events_municipality on collaboration_events (municipality_id, id);
