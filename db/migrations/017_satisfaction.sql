-- The resident's report mark (docs/product.md#the-report-mark): one survey per case
-- and moment (closed, and optionally at plan agreement), answered through a personal
-- link; the coordinator's follow-up of a low mark; the municipality's setting.

create table surveys (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id) on delete cascade,
  moment text not null check (moment in ('closed', 'planAgreed')),
  -- the case's reference for the coordinator's follow-up list (references never change)
  case_reference text not null,
  initiator_id uuid not null references users(id),
  token_hash text not null unique,
  sent_at timestamptz not null,
  sent_on date not null,
  link_expires_at timestamptz not null,
  mark smallint check (mark between 1 and 10),
  director_clear smallint check (director_clear between 1 and 5),
  plan_concrete smallint check (plan_concrete between 1 and 5),
  promises_kept smallint check (promises_kept between 1 and 5),
  speed smallint check (speed between 1 and 5),
  comment text,
  first_answered_at timestamptz,
  answered_on date,
  changed_at timestamptz,
  -- the mark was below 6 at some time: the survey stays on the follow-up record
  ever_low boolean not null default false,
  -- never a second survey for the same case and moment
  unique (case_id, moment),
  check ((mark is null) = (first_answered_at is null)),
  check ((first_answered_at is null) = (answered_on is null))
);
-- The figures count per municipality and period from these indexes, never by a scan.
create index surveys_sent on surveys (municipality_id, sent_on);
create index surveys_answered on surveys (municipality_id, answered_on) include (mark, case_id) where answered_on is not null;
-- The benchmark's monthly marks across municipalities.
create index surveys_answered_all on surveys (answered_on) include (municipality_id, mark) where answered_on is not null;
-- The coordinator's follow-up list: the marks that were low.
create index surveys_low on surveys (municipality_id, answered_on) where ever_low;

create table survey_followups (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipalities(id),
  survey_id uuid not null references surveys(id) on delete cascade,
  note text not null,
  status text not null check (status in ('open', 'done')),
  recorded_by uuid not null references users(id),
  recorded_at timestamptz not null
);
create index survey_followups_survey on survey_followups (survey_id, id);

create table satisfaction_settings (
  municipality_id uuid primary key references municipalities(id),
  ask_at_plan_agreement boolean not null default false,
  updated_at timestamptz not null default now()
);

do $$
declare t text;
begin
  foreach t in array array['surveys', 'survey_followups', 'satisfaction_settings']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
  end loop;
end $$;
-- Follow-ups are a history: recorded, never changed.
grant select, insert, update on surveys, satisfaction_settings to regie_app;
grant select, insert on survey_followups to regie_app;
grant usage on all sequences in schema public to regie_app;
