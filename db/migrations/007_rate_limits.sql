-- Failed password logins, counted in the database so that every Regie process on it
-- shares the same limits (src/modules/identity/login-limits.ts).
--
-- Not tenant data: a failure is counted before anyone is known, keyed by the account
-- address tried or by the client address, and belongs to no municipality. So the table
-- has no municipality_id and no row-level security; it is granted to nobody but the
-- owner and reached only through the admin connection, never inside `tenant`.
create table login_failures (
  -- 'account:<address tried>' or 'client:<client address>'
  key text not null,
  -- per account: one row per attempt; per client: one row per account tried
  what text not null,
  at timestamptz not null,
  primary key (key, what)
);
create index login_failures_at on login_failures (at);
