-- The edge days of a period without a filter (docs/product.md#management-information):
-- a period's whole months are read from insight_totals, the days of the months its
-- first and last day cut were read from the detailed insight_counts, one row per day ×
-- key × area × director × themes × domains (some 15,000 rows for the largest
-- municipality at national size, most of a computed page's time). insight_day_totals
-- holds the same sums as insight_totals per day instead of per month, so those days
-- are one row per day and key. Kept by the same job and rebuild, in the same
-- transaction, by the same delta (src/modules/insights/rollup.ts); like the other
-- derived rollup tables (038_insight_versions.sql) without a reference to the
-- municipality, which the rows it is derived from keep.
create table insight_day_totals (
  municipality_id uuid not null,
  metric text not null,
  day date not null,
  dim text not null default '',
  value bigint not null,
  primary key (municipality_id, metric, day, dim)
);

alter table insight_day_totals enable row level security;
create policy tenant on insight_day_totals using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select, insert, update, delete on insight_day_totals to regie_app;

-- Filled from the rollup as it stands (the same sums the job keeps from now on).
insert into insight_day_totals (municipality_id, metric, day, dim, value)
select k.municipality_id, k.metric, k.day,
  case when k.metric = 'openDelta' then coalesce(k.director_id::text, '') else k.dim end, sum(k.value)
from insight_counts k
group by 1, 2, 3, 4;
