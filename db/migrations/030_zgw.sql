-- Every case also a zaak (docs/product.md#zgw-registration, docs/zgw.md): per
-- municipality, optionally, the ZGW APIs Regie registers its cases in; an outbox of
-- registration tasks written in the case event's own transaction; and the zaak URL
-- each case got.

-- The municipality's zaaksysteem. Off by default: nothing is queued until `enabled`.
create table zgw_settings (
  municipality_id uuid primary key references municipalities(id),
  enabled boolean not null default false,
  zaken_url text not null default '' check (length(zaken_url) <= 500),
  catalogi_url text not null default '' check (length(catalogi_url) <= 500),
  documenten_url text not null default '' check (length(documenten_url) <= 500),
  zaaktype_url text not null default '' check (length(zaaktype_url) <= 1000),
  -- the status types (Catalogi API) per Regie lifecycle step
  statustype_intake_url text not null default '' check (length(statustype_intake_url) <= 1000),
  statustype_plan_agreed_url text not null default '' check (length(statustype_plan_agreed_url) <= 1000),
  statustype_closed_url text not null default '' check (length(statustype_closed_url) <= 1000),
  -- bronorganisatie and verantwoordelijkeOrganisatie: 9 digits passing the elfproef
  rsin text not null default '' check (rsin = '' or rsin ~ '^[0-9]{9}$'),
  client_id text not null default '' check (length(client_id) <= 200),
  -- the ZGW JWT secret, sealed with the server's key (AES-256-GCM); never returned
  secret_sealed text,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- The zaak each case became.
create table zgw_zaken (
  case_id uuid primary key references cases(id) on delete cascade,
  municipality_id uuid not null references municipalities(id),
  zaak_url text not null check (length(zaak_url) <= 1000),
  created_at timestamptz not null default now()
);

-- The outbox: one task per registration step, claimed with `for update skip locked`
-- and a lease; retried with back-off, never dropped (failed tasks wait for "opnieuw").
create table zgw_tasks (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id) on delete cascade,
  event_id bigint references events(id) on delete set null,
  step text not null check (step in ('create', 'intake', 'planAgreed', 'closed')),
  status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  leased_by text,
  last_attempt_at timestamptz,
  last_error text check (length(last_error) <= 500),
  done_at timestamptz,
  created_at timestamptz not null default now()
);
create index zgw_tasks_due on zgw_tasks (next_attempt_at) where status = 'pending';
create index zgw_tasks_list on zgw_tasks (municipality_id, status, created_at desc);

-- Fan-out in the event's own transaction: the registration once a case is confirmed
-- (submitted by staff or a logged-in resident, or a public intake whose link was
-- followed: an unconfirmed intake is never registered), a status for intake, plan
-- agreed and closed; only where ZGW is switched on.
create function zgw_enqueue_event() returns trigger language plpgsql as $$
declare s text;
begin
  if new.case_id is null then return null; end if;
  s := case
    when new.type = 'case.confirmed' then 'create'
    when new.type = 'case.submitted' and exists (
      select 1 from case_intakes i where i.case_id = new.case_id and i.confirmed_at is not null) then 'create'
    when new.type = 'case.statusChanged' and new.payload->>'to' = 'intake' then 'intake'
    when new.type = 'plan.agreed' then 'planAgreed'
    when new.type = 'case.statusChanged' and new.payload->>'to' = 'closed' then 'closed'
  end;
  if s is null then return null; end if;
  insert into zgw_tasks (municipality_id, case_id, event_id, step, created_at, next_attempt_at)
  select new.municipality_id, new.case_id, new.id, s, new.created_at, new.created_at
    from zgw_settings z
   where z.municipality_id = new.municipality_id and z.enabled;
  return null;
end $$;
create trigger events_zgw_tasks after insert on events for each row execute function zgw_enqueue_event();

do $$
declare t text;
begin
  foreach t in array array['zgw_settings', 'zgw_zaken', 'zgw_tasks']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
  end loop;
end $$;
grant select, insert, update on zgw_settings to regie_app;
grant select, insert, update on zgw_zaken to regie_app;
grant select, insert, update on zgw_tasks to regie_app;
