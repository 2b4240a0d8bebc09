-- Notifications to other systems (docs/product.md#webhooks): a municipality's
-- subscriptions to its events, delivered as NL GOV CloudEvents, signed following
-- Standard Webhooks, through an outbox with retries, a delivery log and a dead letter.

-- The municipality's own identity as an event source: its OIN (Organisatie-
-- identificatienummer, 20 digits), which makes `source` = urn:nld:oin:<OIN>:systeem:regie.
create table webhook_settings (
  municipality_id uuid primary key references municipalities(id),
  oin text not null check (oin ~ '^[0-9]{20}$'),
  updated_at timestamptz not null default now()
);

-- The published event types: which kind of the event log goes out under which
-- stable name (the `type` is nl.<municipality>.regie.<name>). A kind without a row
-- is not published. A name never changes meaning; a new kind gets a row in a new
-- migration (model.ts holds the same table; a test compares them).
create table webhook_event_types (
  kind text primary key,
  name text not null check (name ~ '^[a-z][a-z0-9-]*$')
);
insert into webhook_event_types (kind, name) values
  ('case.submitted', 'zaak-ingediend'),
  ('case.confirmed', 'zaak-bevestigd'),
  ('case.assigned', 'zaak-regisseur-toegewezen'),
  ('case.statusChanged', 'zaak-status-gewijzigd'),
  ('case.personalDataRemoved', 'zaak-persoonsgegevens-verwijderd'),
  ('clock.suspended', 'zaak-termijn-opgeschort'),
  ('clock.resumed', 'zaak-termijn-hervat'),
  ('plan.versionSaved', 'plan-versie-opgeslagen'),
  ('plan.agreed', 'plan-akkoord'),
  ('plan.actionStatusChanged', 'plan-actie-status-gewijzigd'),
  ('note.added', 'notitie-toegevoegd'),
  ('message.sent', 'bericht-verzonden'),
  ('assessment.roundOpened', 'toets-ronde-geopend'),
  ('assessment.answered', 'toets-beantwoord'),
  ('assessment.silence', 'toets-stilzwijgend-akkoord'),
  ('assessment.roundClosed', 'toets-ronde-gesloten'),
  ('assessment.lateObjection', 'toets-nagekomen-bezwaar'),
  ('assessment.lateObjectionDecided', 'toets-nagekomen-bezwaar-besloten'),
  ('assessment.overruled', 'toets-bezwaar-overruled'),
  ('assessment.notReached', 'toets-partij-niet-bereikt'),
  ('assessment.objectionWithdrawn', 'toets-bezwaar-ingetrokken'),
  ('commitment.recorded', 'toezegging-vastgelegd'),
  ('commitment.amended', 'toezegging-gewijzigd'),
  ('commitment.confirmed', 'toezegging-bevestigd'),
  ('commitment.declined', 'toezegging-afgewezen'),
  ('commitment.ended', 'toezegging-beeindigd'),
  ('commitment.reminded', 'toezegging-herinnerd'),
  ('participation.periodOpened', 'reactieperiode-geopend'),
  ('participation.periodClosed', 'reactieperiode-gesloten'),
  ('participation.responseConfirmed', 'reactie-bevestigd'),
  ('participation.responseHidden', 'reactie-verborgen'),
  ('participation.interestAnswered', 'belang-beantwoord'),
  ('satisfaction.surveySent', 'tevredenheid-gevraagd'),
  ('satisfaction.answered', 'tevredenheid-beantwoord'),
  ('satisfaction.followedUp', 'tevredenheid-opgevolgd');
grant select on webhook_event_types to regie_app;

create table webhook_subscriptions (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  url text not null check (length(url) <= 2000),
  description text not null default '' check (length(description) <= 500),
  -- names from webhook_event_types; null: every published type, also ones added later
  event_types text[],
  -- docs/product.md#webhooks: no personal data unless the admin allows it
  personal_data boolean not null default false,
  active boolean not null default true,
  -- the signing secret (whsec_…), sealed with the server's key (AES-256-GCM); never returned
  secret_sealed text not null,
  secret_rotated_at timestamptz not null default now(),
  version integer not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_subscriptions_active on webhook_subscriptions (municipality_id) where active;

-- The outbox and the delivery log in one: one row per event and subscription, written
-- in the event's own transaction by the trigger below (or by the test button). The
-- worker claims due rows with `for update skip locked` and a lease.
create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  subscription_id uuid not null references webhook_subscriptions(id) on delete cascade,
  -- null: the admin's test event
  event_id bigint references events(id) on delete cascade,
  kind text not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  leased_by text,
  last_attempt_at timestamptz,
  last_status integer,
  last_error text check (length(last_error) <= 500),
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_log on webhook_deliveries (subscription_id, created_at desc, id desc);

-- Fan-out in the event's own transaction: one delivery per active subscription of the
-- event's municipality that takes the event's type. Nothing is written for a kind
-- that is not published, or when the municipality has no subscriptions.
create function webhook_enqueue_event() returns trigger language plpgsql as $$
begin
  insert into webhook_deliveries (municipality_id, subscription_id, event_id, kind, created_at, next_attempt_at)
  select new.municipality_id, s.id, new.id, new.type, new.created_at, new.created_at
    from webhook_subscriptions s
    join webhook_event_types t on t.kind = new.type
   where s.municipality_id = new.municipality_id
     and s.active
     and (s.event_types is null or t.name = any (s.event_types));
  return null;
end $$;
create trigger events_webhook_deliveries after insert on events for each row execute function webhook_enqueue_event();

do $$
declare t text;
begin
  foreach t in array array['webhook_settings', 'webhook_subscriptions', 'webhook_deliveries']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
  end loop;
end $$;
grant select, insert, update on webhook_settings to regie_app;
grant select, insert, update, delete on webhook_subscriptions to regie_app;
grant select, insert, update, delete on webhook_deliveries to regie_app;
