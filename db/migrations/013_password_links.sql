-- Set-password links for staff: the invitation a new staff account gets by mail, and
-- the reset link of "Wachtwoord vergeten" (docs/product.md#staff-accounts). Like
-- login links, only the SHA-256 of the token is stored; each link works once and
-- expires. Tenant data: municipality_id and row-level security as every such table.
create table password_links (
  token_hash text primary key,
  municipality_id uuid not null references municipalities(id),
  user_id uuid not null references users(id) on delete cascade,
  purpose text not null check (purpose in ('invite', 'reset')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index password_links_user on password_links (user_id);

alter table password_links enable row level security;
create policy tenant on password_links using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select, insert, update, delete on password_links to regie_app;
