-- Agreements within a collaboration (docs/product.md#agreements-within-a-collaboration):
-- a commitment on record belongs to a case or to a collaboration, never both, never
-- neither. The commitments module keeps the commitment; the collaborations module keeps
-- which of its parties made it or received it, and the outside party's confirmation.
alter table commitments alter column case_id drop not null;
alter table commitments add column collaboration_id uuid references collaborations(id);
alter table commitments add constraint commitments_case_or_collaboration check ((case_id is null) <> (collaboration_id is null));
create index commitments_collaboration on commitments (municipality_id, collaboration_id, created_at) where collaboration_id is not null;

-- The parties of an agreement, and its confirmation by the outside party through a
-- one-time link: only the SHA-256 of the link's token is stored, never the token.
create table collaboration_agreements (
  commitment_id uuid primary key references commitments(id),
  municipality_id uuid not null references municipalities(id),
  collaboration_id uuid not null references collaborations(id),
  made_by_party_id uuid references collaboration_parties(id),
  made_to_party_id uuid references collaboration_parties(id),
  link_token_hash text unique,
  link_expires_at timestamptz,
  party_answer text check (party_answer in ('confirmed', 'disputed')),
  party_reason text check (length(party_reason) <= 2000),
  party_answered_at timestamptz,
  created_at timestamptz not null default now(),
  check ((link_token_hash is null) = (link_expires_at is null)),
  check ((party_answer is null) = (party_answered_at is null))
);
create index collaboration_agreements_collaboration on collaboration_agreements (municipality_id, collaboration_id, created_at);
create index collaboration_agreements_by_party on collaboration_agreements (municipality_id, made_by_party_id);
create index collaboration_agreements_to_party on collaboration_agreements (municipality_id, made_to_party_id);

-- An outside party's read access (docs/product.md#an-outside-partys-read-access): a
-- one-time login link mailed to a party's contact address, and the session it opens.
-- Both are of one municipality and one address; only SHA-256 hashes are stored.
create table collaboration_party_links (
  token_hash text primary key,
  municipality_id uuid not null references municipalities(id),
  email text not null check (length(email) <= 254),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index collaboration_party_links_email on collaboration_party_links (municipality_id, lower(email), created_at);

create table collaboration_party_sessions (
  id text primary key, -- sha-256 of the cookie value
  municipality_id uuid not null references municipalities(id),
  email text not null check (length(email) <= 254),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index collaboration_party_sessions_email on collaboration_party_sessions (municipality_id, lower(email));
create index collaboration_parties_contact on collaboration_parties (municipality_id, lower(contact_email)) where contact_email is not null;

do $$
declare t text;
begin
  foreach t in array array['collaboration_agreements', 'collaboration_party_links', 'collaboration_party_sessions'] loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant on %I using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid)$p$, t);
  end loop;
end $$;
grant select, insert, update on collaboration_agreements, collaboration_party_links to regie_app;
grant select, insert, delete on collaboration_party_sessions to regie_app;
