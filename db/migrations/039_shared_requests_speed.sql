-- The provider's list of shared requests at national scale
-- (docs/product.md#another-municipalitys-department-in-a-round; docs/performance.md,
-- "Beoordeling met een andere gemeente"). The rule is unchanged: row-level security
-- admits the providing municipality's session only through an agreement in force
-- (docs/architecture.md#across-municipalities), and the view gives only the minimum of
-- the case (data minimisation, docs/product.md#sharing-agreements-between-municipalities).
-- What changes is where PostgreSQL starts: from the session's agreements and their
-- parties, never from every case or every party of the installation.
-- The view and policies of 024/033 are restated here, never edited there.

-- The shared parties of a round and their agreement: the policies below look a round's
-- shared parties up by this index (a party without an agreement is never shared).
create index assessment_parties_shared_round on assessment_parties (round_id, agreement_id) where agreement_id is not null;

-- A party is of its round's municipality (as every write already makes it), now also a
-- constraint: the policy on assessment_parties below may then compare the agreement's
-- receiver with the party's municipality where 033's function compares it with the
-- round's, without reading assessment_rounds (whose own policy reads assessment_parties).
alter table assessment_rounds add constraint assessment_rounds_id_municipality unique (id, municipality_id);
alter table assessment_parties add constraint assessment_parties_round_municipality
  foreign key (round_id, municipality_id) references assessment_rounds (id, municipality_id);

-- "The session's municipality provides under this agreement today, for the case of this
-- round" (033's regie_shared_party_active: 024's regie_shared_active and the theme scope)
-- is written out below as a condition on the agreement row itself, so that PostgreSQL
-- looks the agreement up by its key (or starts from the session's agreements) instead of
-- calling a function for every party: approved by both, within its period (Dutch date,
-- read at query time), the session's municipality the provider, the round of the
-- receiving municipality, and either no theme scope or 033's function for the case's themes (security definer: the provider may not
-- read the case's themes; it is asked only when the agreement has a theme scope).
-- Ending or expiry still cuts access in the next statement.

-- The minimum of a case that a shared request needs (024, themes since 033): reference,
-- title, description, location and status of the cases of the shared parties the
-- session's municipality provides for under an agreement in force. Same columns, still a
-- security barrier, same grant; driven by the session's agreements as provider (index
-- sharing_agreements_provider), their parties (assessment_parties_agreement), and the
-- rounds and cases by primary key.
create or replace view shared_case_minimum with (security_barrier) as
  select c.id, c.municipality_id, c.reference, c.title, c.description, c.location, c.status
    from cases c
   where c.id in (
     select r.case_id
       from sharing_agreements a
       join assessment_parties p on p.agreement_id = a.id
       join assessment_rounds r on r.id = p.round_id
      where a.state = 'approved'
        and a.provider_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
        and (now() at time zone 'Europe/Amsterdam')::date between a.valid_from and coalesce(a.valid_until, 'infinity'::date)
        and p.municipality_id = a.receiver_municipality_id -- its round's (the constraint above)
        and (cardinality(a.theme_ids) = 0 or regie_shared_party_active(p.agreement_id, p.round_id))
   );
grant select on shared_case_minimum to regie_app;

-- The provider's policies of 033, with the same meaning: a party with an agreement in
-- force for the session's municipality as provider, and its round and answers.
drop policy shared_provider on assessment_parties;
create policy shared_provider on assessment_parties for select using (
  agreement_id is not null and exists (
    select 1 from sharing_agreements a
     where a.id = assessment_parties.agreement_id
       and a.state = 'approved'
       and a.provider_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
       and (now() at time zone 'Europe/Amsterdam')::date between a.valid_from and coalesce(a.valid_until, 'infinity'::date)
       and a.receiver_municipality_id = assessment_parties.municipality_id
       and (cardinality(a.theme_ids) = 0 or regie_shared_party_active(assessment_parties.agreement_id, assessment_parties.round_id))
  )
);
drop policy shared_provider on assessment_rounds;
create policy shared_provider on assessment_rounds for select using (
  exists (
    select 1 from assessment_parties p
      join sharing_agreements a on a.id = p.agreement_id
     where p.round_id = assessment_rounds.id and p.agreement_id is not null
       and a.state = 'approved'
       and a.provider_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
       and (now() at time zone 'Europe/Amsterdam')::date between a.valid_from and coalesce(a.valid_until, 'infinity'::date)
       and a.receiver_municipality_id = assessment_rounds.municipality_id
       and (cardinality(a.theme_ids) = 0 or regie_shared_party_active(p.agreement_id, p.round_id))
  )
);
drop policy shared_provider on assessment_answers;
create policy shared_provider on assessment_answers for select using (
  exists (
    select 1 from assessment_parties p
      join sharing_agreements a on a.id = p.agreement_id
     where p.id = assessment_answers.party_id and p.agreement_id is not null
       and a.state = 'approved'
       and a.provider_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
       and (now() at time zone 'Europe/Amsterdam')::date between a.valid_from and coalesce(a.valid_until, 'infinity'::date)
       and a.receiver_municipality_id = p.municipality_id
       and (cardinality(a.theme_ids) = 0 or regie_shared_party_active(p.agreement_id, p.round_id))
  )
);

-- Entering the case's municipality to answer (033): the party by primary key, then the
-- same check.
create or replace function regie_enter_shared_party(p_party uuid) returns uuid
  language plpgsql as $$
declare m uuid;
begin
  select p.municipality_id into m from assessment_parties p
   where p.id = p_party and p.agreement_id is not null and regie_shared_party_active(p.agreement_id, p.round_id);
  if m is null then
    raise exception 'no agreement in force admits this party' using errcode = '42501';
  end if;
  perform set_config('regie.municipality_id', m::text, true);
  return m;
end $$;
