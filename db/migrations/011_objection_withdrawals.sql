-- An objection is resolved in one of three explicit ways (docs/product.md#a-standing-objection):
-- a changed proposal in a new round where the party no longer objects (read from the
-- rounds), an overrule within mandate (assessment_overrules), or a withdrawal by the
-- party itself, recorded here. A withdrawal is never deleted or changed: a party that
-- objects again does so with a new answer.
create table assessment_withdrawals (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  answer_id uuid not null unique references assessment_answers(id),
  party_id uuid not null references assessment_parties(id),
  reason text not null check (length(reason) between 1 and 4000),
  withdrawn_by uuid not null references users(id),
  created_at timestamptz not null
);
create index assessment_withdrawals_party on assessment_withdrawals (municipality_id, party_id);

alter table assessment_withdrawals enable row level security;
create policy tenant on assessment_withdrawals using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select, insert on assessment_withdrawals to regie_app;
