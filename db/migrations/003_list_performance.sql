-- Case list and search at national scale (see docs/performance.md, P1–P4).

-- P1: a theme belongs to one municipality; without this the planner multiplies the
-- two selectivities as if independent and reads every case of a theme.
create statistics if not exists case_themes_municipality_theme (dependencies) on municipality_id, theme_id from case_themes;
analyze case_themes;

-- P2: a director's cases newest first, without a status filter.
create index if not exists cases_director_recent on cases (municipality_id, director_id, submitted_at desc, id desc);

-- P3: under row-level security PostgreSQL only uses a condition as an index condition
-- when its function is leakproof; `tsvector @@ tsquery` is not declared so, which
-- turns every search into a scan of the municipality. Its errors depend on the query
-- text the caller sent, never on the contents of rows, so it leaks nothing the policy
-- hides. Declaring it needs a superuser; where the migration user is not one, search
-- still works, only slower.
do $$
begin
  alter function ts_match_vq(tsvector, tsquery) leakproof;
exception when insufficient_privilege then
  raise notice 'ts_match_vq not marked leakproof (needs a superuser): full-text search will scan per municipality';
end $$;

-- P4: the list queries are short; JIT compilation (tens of ms) and parallel workers
-- only add latency to them. PGlite has neither setting.
do $$
begin
  execute format('alter database %I set jit = off', current_database());
  execute format('alter database %I set max_parallel_workers_per_gather = 0', current_database());
exception when others then
  raise notice 'jit / parallel settings not changed: %', sqlerrm;
end $$;
