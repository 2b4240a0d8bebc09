-- Several Regie processes on one database (docs/architecture.md, "Several processes").
--
-- Neither table is tenant data: both belong to the running installation, not to a
-- municipality. So, like login_failures (007), no municipality_id and no row-level
-- security; granted to nobody but the owner and reached only through the admin
-- connection.

-- The per-route request limits (src/platform/http/rate-limit-store.ts): one row per
-- route and client key, counting the requests of the current window. Every process
-- counts in the same row. A row whose window has ended is reset by the next request
-- and deleted in passing; the index finds those.
create table rate_limits (
  key text primary key,
  hits integer not null,
  resets_at timestamptz not null
);
create index rate_limits_resets_at on rate_limits (resets_at);

-- The running processes (src/platform/processes.ts): each process writes its row at
-- start and refreshes seen_at every few seconds; a graceful stop deletes it.
create table regie_processes (
  id text primary key,
  started_at timestamptz not null,
  seen_at timestamptz not null,
  pid integer not null,
  host text not null
);

-- Who holds an outbox row's lease (src/platform/mail/outbox.ts): a lease whose owner
-- is no longer seen is free at once instead of after the whole lease.
alter table outbox add column leased_by text;
create index outbox_leased on outbox (leased_by) where leased_by is not null;
