-- Webhooks with a second format (docs/product.md#zgw-notificaties,
-- docs/integrations.md#zgw-notificaties-api): a subscription either POSTs NL GOV
-- CloudEvents to its URL (`cloudevents`, as before) or publishes notificaties on the
-- kanaal `zaken` of a ZGW Notificaties API (`zgw-notificaties`). For the latter the
-- URL is the Notificaties API's base URL, `client_id` the ZGW client id and
-- `secret_sealed` the ZGW client secret (sealed like the signing secret, never
-- returned). One outbox: the deliveries stay in webhook_deliveries.
alter table webhook_subscriptions
  add column format text not null default 'cloudevents' check (format in ('cloudevents', 'zgw-notificaties')),
  add column client_id text check (length(client_id) <= 200),
  add constraint webhook_subscriptions_zgw_client check (format = 'cloudevents' or coalesce(client_id, '') <> '');

-- The fan-out as before; a `zgw-notificaties` subscription only gets the events that
-- become a notificatie: the zaak once the case is confirmed (a confirmed intake's
-- submission, or its confirmation), its status changes, and its suspension and
-- resumption (docs/integrations.md#zgw-notificaties-api, the mapping table).
create or replace function webhook_enqueue_event() returns trigger language plpgsql as $$
begin
  insert into webhook_deliveries (municipality_id, subscription_id, event_id, kind, created_at, next_attempt_at)
  select new.municipality_id, s.id, new.id, new.type, new.created_at, new.created_at
    from webhook_subscriptions s
    join webhook_event_types t on t.kind = new.type
   where s.municipality_id = new.municipality_id
     and s.active
     and (s.event_types is null or t.name = any (s.event_types))
     and (s.format = 'cloudevents'
       or (new.case_id is not null and (
             new.type in ('case.confirmed', 'case.statusChanged', 'clock.suspended', 'clock.resumed')
          or (new.type = 'case.submitted' and exists (
                select 1 from case_intakes i where i.case_id = new.case_id and i.confirmed_at is not null)))));
  return null;
end $$;
