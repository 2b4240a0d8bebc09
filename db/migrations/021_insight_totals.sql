-- Management information at national scale (docs/product.md#management-information):
-- the figures are read from coarse rollups next to insight_counts, kept by the same
-- job and rebuild in the same transaction (src/modules/insights/rollup.ts).
--
-- Each holds the facts summed per municipality × month (its first day) × metric × key,
-- which every whole month of a period is read from; the days of the partial months at
-- the edges of a period are read from insight_counts. For the metric openDelta the key
-- is the case's director (the workload per director).
--
-- insight_totals: the whole municipality, read by a request without a filter.
create table insight_totals (
  municipality_id uuid not null references municipalities(id),
  metric text not null,
  month date not null,
  dim text not null default '',
  value bigint not null,
  primary key (municipality_id, metric, month, dim)
);

-- insight_dim_totals: the same per single dimension of the case (its current area,
-- director, each theme, each domain: docs/product.md#domain-of-a-case), read by a
-- request with exactly one filter. A combination of filters reads insight_counts.
create table insight_dim_totals (
  municipality_id uuid not null references municipalities(id),
  dim_kind text not null check (dim_kind in ('area', 'director', 'theme', 'domain')),
  dim_value text not null,
  metric text not null,
  month date not null,
  dim text not null default '',
  value bigint not null,
  primary key (municipality_id, dim_kind, dim_value, metric, month, dim)
);

do $$
declare t text;
begin
  foreach t in array array['insight_totals', 'insight_dim_totals']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
    execute format('grant select, insert, update, delete on %I to regie_app', t);
  end loop;
end $$;

-- Fill both from the rollup as it stands (the same sums the job keeps from now on).
insert into insight_totals (municipality_id, metric, month, dim, value)
select k.municipality_id, k.metric, date_trunc('month', k.day)::date,
  case when k.metric = 'openDelta' then coalesce(k.director_id::text, '') else k.dim end, sum(k.value)
from insight_counts k
group by 1, 2, 3, 4;

insert into insight_dim_totals (municipality_id, dim_kind, dim_value, metric, month, dim, value)
select k.municipality_id, d.kind, d.value, k.metric, date_trunc('month', k.day)::date,
  case when k.metric = 'openDelta' then coalesce(k.director_id::text, '') else k.dim end, sum(k.value)
from insight_counts k
cross join lateral (
  select 'area', k.area_id::text where k.area_id is not null
  union all select 'director', k.director_id::text where k.director_id is not null
  union all select 'theme', x::text from unnest(k.theme_ids) x
  union all select 'domain', x from unnest(k.domains) x
) d(kind, value)
group by 1, 2, 3, 4, 5, 6;
