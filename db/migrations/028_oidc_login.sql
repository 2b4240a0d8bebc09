-- Logging in through OpenID Connect (docs/product.md#logging-in-through-openid-connect):
-- per municipality a staff single sign-on issuer and, through a broker, DigiD for
-- residents and eHerkenning for entrepreneurs; and the identities (BSN, KvK number)
-- those logins carry, each tied to one initiator account.

create table login_providers (
  municipality_id uuid not null references municipalities(id),
  kind text not null check (kind in ('staff', 'digid', 'eherkenning')),
  issuer text not null,
  client_id text not null,
  -- AES-256-GCM under a key derived from the server's secret; never returned or logged
  client_secret_sealed text,
  -- the claim that names the person: staff e-mail (or another claim), the BSN, the KvK number
  identifier_claim text not null,
  -- staff only: the claim with the groups, and group → role
  group_claim text,
  group_roles jsonb not null default '{}',
  -- staff only: may staff of this municipality still log in with a password?
  password_login boolean not null default true,
  -- digid / eherkenning: the lowest assurance level (acr) accepted
  min_level text,
  updated_at timestamptz not null default now(),
  primary key (municipality_id, kind)
);

-- A BSN or KvK number, never stored as such: a keyed hash (HMAC with the server's
-- secret) to find it again, and the value sealed for the audit alone.
create table initiator_identities (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  kind text not null check (kind in ('bsn', 'kvk')),
  keyed_hash text not null,
  sealed_value text not null,
  user_id uuid not null references users(id),
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  unique (municipality_id, kind, keyed_hash),
  unique (user_id)
);

-- A session started through an issuer, for logging out there too (RP-initiated logout).
create table oidc_sessions (
  session_id text primary key references sessions(id) on delete cascade,
  municipality_id uuid not null references municipalities(id),
  kind text not null check (kind in ('staff', 'digid', 'eherkenning')),
  id_token_sealed text not null,
  created_at timestamptz not null default now()
);

do $$
declare t text;
begin
  foreach t in array array['login_providers', 'initiator_identities', 'oidc_sessions'] loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant on %I using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid)$p$, t);
  end loop;
end $$;
grant select, insert, update, delete on login_providers, oidc_sessions to regie_app;
grant select, insert, update on initiator_identities to regie_app;
