-- The integrated assessment ("ja, tenzij", docs/product.md#the-assessment-round): rounds on a case, the
-- parties asked (departments of the municipality and named outside parties with a
-- one-time link), every version of every answer, overrules within mandate and late
-- objections. Answers are never updated in place: an amendment is a new row and the
-- party points at its current one.

create table assessment_rounds (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id),
  number integer not null check (number >= 1),
  proposal text not null check (length(proposal) between 1 and 4000),
  -- the earlier round on the same proposal (docs/product.md#serial-objections)
  same_proposal_as uuid references assessment_rounds(id),
  opened_on date not null,
  term_working_days integer not null check (term_working_days between 1 and 60),
  term_ends_on date not null, -- the last day of the term (inclusive)
  opened_by uuid not null references users(id),
  opened_at timestamptz not null,
  closed_at timestamptz,
  closed_reason text check (closed_reason in ('allAnswered', 'termEnded')),
  check ((closed_at is null) = (closed_reason is null)),
  unique (case_id, number)
);
create index assessment_rounds_case on assessment_rounds (municipality_id, case_id, number);
-- The silence job looks across municipalities for open rounds whose term has passed.
create index assessment_rounds_due on assessment_rounds (term_ends_on, id) where closed_at is null;

create table assessment_parties (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  round_id uuid not null references assessment_rounds(id),
  kind text not null check (kind in ('department', 'outside')),
  department_id uuid references departments(id),
  name text not null check (length(name) between 1 and 200),
  email text check (email is null or length(email) <= 320),
  organisation text check (organisation is null or length(organisation) <= 200),
  -- only the SHA-256 of the one-time link's token is stored
  link_token_hash text unique,
  -- an outside party may object once through its link after the round closed
  link_late_used boolean not null default false,
  -- an admitted late objection reopens the round for this party until this day
  reopened_until date,
  current_answer_id uuid,
  check ((kind = 'department') = (department_id is not null)),
  check ((kind = 'outside') = (email is not null and link_token_hash is not null))
);
create unique index assessment_parties_department on assessment_parties (round_id, department_id) where kind = 'department';
create unique index assessment_parties_outside on assessment_parties (round_id, lower(email)) where kind = 'outside';
create index assessment_parties_round on assessment_parties (municipality_id, round_id);
create index assessment_parties_inbox on assessment_parties (municipality_id, department_id) where kind = 'department';

create table assessment_answers (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  round_id uuid not null references assessment_rounds(id),
  party_id uuid not null references assessment_parties(id),
  seq integer not null check (seq >= 1), -- 1 = the answer, 2… = amendments
  kind text not null check (kind in ('yes', 'yesWithConditions', 'objection', 'silence')),
  conditions text,
  -- the cited register rules as they were when cited: [{id, code, title, legalSource, domain, strict}]
  rules jsonb not null default '[]',
  why_applies text,
  how_it_could_be_done text,
  answered_at timestamptz not null,
  -- the day the answer counts for; for silence the term end, whatever day the job ran
  as_of date not null,
  answered_by uuid references users(id),
  answered_by_name text not null,
  late boolean not null default false,
  unique (party_id, seq)
);
create index assessment_answers_round on assessment_answers (municipality_id, round_id);
alter table assessment_parties add constraint assessment_parties_current
  foreign key (current_answer_id) references assessment_answers(id);

create table assessment_overrules (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  answer_id uuid not null unique references assessment_answers(id),
  party_id uuid not null references assessment_parties(id),
  reason text not null check (length(reason) between 1 and 4000),
  overruled_by uuid not null references users(id),
  mandate_ids jsonb not null,
  created_at timestamptz not null
);
create index assessment_overrules_party on assessment_overrules (municipality_id, party_id);

create table late_objections (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id),
  round_id uuid not null references assessment_rounds(id),
  party_id uuid not null references assessment_parties(id),
  -- the objection as raised; it becomes the party's answer only when admitted
  answer_id uuid not null unique references assessment_answers(id),
  cause text not null check (cause in ('afterClose', 'serial')),
  serial_of_round_id uuid references assessment_rounds(id),
  status text not null default 'pending' check (status in ('pending', 'admitted', 'setAside')),
  decided_by uuid references users(id),
  decided_at timestamptz,
  decision_reason text,
  reopened_until date,
  created_at timestamptz not null,
  check ((status = 'pending') = (decided_at is null))
);
create index late_objections_list on late_objections (municipality_id, status, created_at);
create unique index late_objections_one_pending on late_objections (party_id) where status = 'pending';

-- Row-level security as in 001. Answers, overrules and late objections are never
-- deleted; the answers history is append-only (the party's pointer moves instead).
do $$
declare t text;
begin
  foreach t in array array['assessment_rounds', 'assessment_parties', 'assessment_answers', 'assessment_overrules', 'late_objections']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant on %I using (municipality_id = nullif(current_setting(''regie.municipality_id'', true), '''')::uuid)', t);
  end loop;
end $$;
grant select, insert, update on assessment_rounds, assessment_parties, late_objections to regie_app;
grant select, insert on assessment_answers, assessment_overrules to regie_app;
grant usage on all sequences in schema public to regie_app;
