-- A public intake never touches an existing account, and a case submitted from the
-- public page waits for the owner of the address to confirm it through a mailed link
-- (docs/product.md#confirming-a-public-intake).
--
-- 1. Staff addresses are unique per municipality, not across all of them: an admin
--    who creates a staff member learns nothing about other municipalities' staff.
--    Residents' and staff accounts are apart: one address can be a staff member and,
--    having confirmed an intake of their own, a resident of the same municipality.
drop index users_staff_email;
drop index users_email_per_municipality;
create unique index users_initiator_email on users (municipality_id, lower(email)) where role = 'initiator';
create unique index users_staff_email on users (municipality_id, lower(email)) where role <> 'initiator';

-- 2. A case without an initiator is an unconfirmed public intake: it is attached to an
--    account only when the owner of the address confirms it.
alter table cases alter column initiator_id drop not null;

-- 3. What the intake said about the person, as given: kept on the case, never copied
--    onto an existing account. confirmed_at is null until the address is confirmed.
create table case_intakes (
  case_id uuid primary key references cases(id) on delete cascade,
  municipality_id uuid not null references municipalities(id),
  email text not null check (length(email) <= 320),
  name text not null,
  phone text,
  company text,
  kvk_number text,
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  confirmed_at timestamptz,
  created_at timestamptz not null default now()
);
create index case_intakes_unconfirmed on case_intakes (municipality_id, created_at) where confirmed_at is null;
alter table case_intakes enable row level security;
create policy tenant on case_intakes
  using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select, insert, update on case_intakes to regie_app;

-- 4. A one-time link without a user confirms the intake of its case (and then logs in
--    the account it was attached to).
alter table login_links alter column user_id drop not null;
alter table login_links add constraint login_links_user_or_case check (user_id is not null or case_id is not null);
