-- The dossier and the attachments of a case as informatieobjecten of its zaak
-- (docs/product.md#zgw-documents, docs/zgw.md#documents): the informatieobjecttype
-- every document gets, chosen per municipality from the Catalogi API, and two new
-- kinds of registration task in the same outbox.

alter table zgw_settings
  add column informatieobjecttype_url text not null default '' check (length(informatieobjecttype_url) <= 200);

-- 'dossier': the dossier PDF once the case is closed; 'attachment': one file of the
-- case (attachment_id; no foreign key: a file removed before it was sent is simply
-- not sent, and the task stays as a record of that).
alter table zgw_tasks drop constraint zgw_tasks_step_check;
alter table zgw_tasks
  add constraint zgw_tasks_step_check check (step in ('create', 'intake', 'planAgreed', 'closed', 'dossier', 'attachment'));
alter table zgw_tasks add column attachment_id uuid;
alter table zgw_tasks
  add constraint zgw_tasks_attachment_given check ((step = 'attachment') = (attachment_id is not null));
create index zgw_tasks_attachment on zgw_tasks (case_id, attachment_id) where attachment_id is not null;

-- Fan-out in the event's own transaction, as before, plus the documents: a file added
-- to the case (sent once the zaak exists), and at closing the dossier and every file
-- of the case that has no task yet (added while documents were not configured).
-- Documents are queued only where the Documenten API and the informatieobjecttype are
-- set.
create or replace function zgw_enqueue_event() returns trigger language plpgsql as $$
declare
  s text;
  docs boolean;
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
  if s is not null then
    insert into zgw_tasks (municipality_id, case_id, event_id, step, created_at, next_attempt_at)
    select new.municipality_id, new.case_id, new.id, s, new.created_at, new.created_at
      from zgw_settings z
     where z.municipality_id = new.municipality_id and z.enabled;
  end if;

  select z.enabled and z.documenten_url <> '' and z.informatieobjecttype_url <> '' into docs
    from zgw_settings z where z.municipality_id = new.municipality_id;
  if not coalesce(docs, false) then return null; end if;
  if new.type = 'attachment.added' then
    insert into zgw_tasks (municipality_id, case_id, event_id, step, attachment_id, created_at, next_attempt_at)
    values (new.municipality_id, new.case_id, new.id, 'attachment', (new.payload->>'attachmentId')::uuid, new.created_at, new.created_at);
  elsif s = 'closed' then
    insert into zgw_tasks (municipality_id, case_id, event_id, step, created_at, next_attempt_at)
    values (new.municipality_id, new.case_id, new.id, 'dossier', new.created_at, new.created_at);
    insert into zgw_tasks (municipality_id, case_id, event_id, step, attachment_id, created_at, next_attempt_at)
    select new.municipality_id, new.case_id, new.id, 'attachment', a.id, new.created_at, new.created_at
      from attachments a
     where a.case_id = new.case_id and a.municipality_id = new.municipality_id
       and not exists (select 1 from zgw_tasks t where t.case_id = new.case_id and t.attachment_id = a.id);
  end if;
  return null;
end $$;
