-- Mandates scoped to a collaboration (docs/product.md#mandates-within-a-collaboration)
-- and the stored health of a collaboration (docs/product.md#the-health-check-of-a-collaboration).

-- A mandate of the register may be scoped to one collaboration: it is held by the
-- collaboration's owner by name and allows committing money for agreements within that
-- collaboration only. Empty: a mandate of the whole municipality, as before.
alter table mandates add column collaboration_id uuid references collaborations(id);
alter table mandates add constraint mandates_collaboration_scope
  check (collaboration_id is null or (holder_kind = 'person' and scope_kind = 'commitMoney'));
-- The collaboration's page lists its mandates.
create index mandates_collaboration on mandates (municipality_id, collaboration_id) where collaboration_id is not null;

-- The health check's findings as of health_checked_on, kept by every use-case that changes
-- a collaboration (in its transaction) and by a daily job for the findings that come with
-- time (end date passed, no reading in 90 days, phase unchanged for a year). The overview
-- filters on them through an index instead of checking every collaboration on each request.
alter table collaborations add column health jsonb not null default '[]';
alter table collaborations add column health_issue_count integer not null default 0 check (health_issue_count >= 0);
-- null: not checked yet (the collaborations from before this migration; the job checks them)
alter table collaborations add column health_checked_on date;
alter table collaborations add column has_health_issues boolean generated always as (health_issue_count > 0) stored;
-- The overview filtered on health, newest first (keyset pagination), with and without a phase.
create index collaborations_health on collaborations (municipality_id, has_health_issues, created_at, id);
create index collaborations_phase_health on collaborations (municipality_id, phase, has_health_issues, created_at, id);
-- The daily job finds what was not checked today.
create index collaborations_health_checked on collaborations (health_checked_on);
