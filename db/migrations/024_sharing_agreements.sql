-- Neighbouring municipalities under explicit agreements
-- (docs/product.md#sharing-agreements-between-municipalities): a sharing agreement
-- between two municipalities of one installation, the department of one as a party in
-- the other's assessment round, and row-level security that admits the providing
-- municipality's session to those rows only through an agreement in force
-- (docs/architecture.md#across-municipalities).

create table sharing_agreements (
  id uuid primary key default gen_random_uuid(),
  -- the municipality that provides (its departments assess) and the one that receives
  provider_municipality_id uuid not null references municipalities(id),
  receiver_municipality_id uuid not null references municipalities(id),
  -- the names as they were when proposed: neither side may read the other's municipality row
  provider_name text not null check (length(provider_name) between 1 and 200),
  receiver_name text not null check (length(receiver_name) between 1 and 200),
  what text not null check (length(what) between 1 and 2000),
  -- scope: the provider's departments (ids and names as proposed) and the rule domains
  -- whose rules may be cited; an empty list of domains means every domain
  department_ids uuid[] not null check (cardinality(department_ids) between 1 and 20),
  department_names text[] not null,
  rule_domains text[] not null default '{}'
    check (rule_domains <@ array['social', 'physical', 'safety', 'economy', 'governance']),
  valid_from date not null,
  valid_until date, -- the last day (inclusive); null: until ended
  state text not null default 'proposed' check (state in ('proposed', 'approved', 'ended')),
  proposed_by uuid not null references users(id),
  proposed_by_name text not null,
  proposed_at timestamptz not null,
  provider_approved_by uuid references users(id),
  provider_approved_by_name text,
  provider_approved_at timestamptz,
  receiver_approved_by uuid references users(id),
  receiver_approved_by_name text,
  receiver_approved_at timestamptz,
  ended_by uuid references users(id),
  ended_by_name text,
  ended_at timestamptz,
  end_reason text check (end_reason is null or length(end_reason) <= 2000),
  version integer not null default 1,
  check (provider_municipality_id <> receiver_municipality_id),
  check (valid_until is null or valid_until >= valid_from),
  check (cardinality(department_ids) = cardinality(department_names)),
  check ((provider_approved_at is null) = (provider_approved_by is null)),
  check ((receiver_approved_at is null) = (receiver_approved_by is null)),
  check ((state = 'ended') = (ended_at is not null)),
  check (state <> 'approved' or (provider_approved_at is not null and receiver_approved_at is not null))
);
create index sharing_agreements_provider on sharing_agreements (provider_municipality_id, state);
create index sharing_agreements_receiver on sharing_agreements (receiver_municipality_id, state);

-- An agreement belongs to both municipalities: each sees (and changes) only the
-- agreements it is in. Agreements are never deleted.
alter table sharing_agreements enable row level security;
create policy tenant on sharing_agreements using (
  provider_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
  or receiver_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
);
grant select, insert, update on sharing_agreements to regie_app;

-- Another municipality's department as a party in an assessment round: the party row
-- stays the case's municipality's; it names the providing municipality and the
-- agreement it was asked under. A party is returned when the agreement ends while it
-- has not answered: it is no longer waited for and gets no silence answer.
alter table assessment_parties add column provider_municipality_id uuid references municipalities(id);
alter table assessment_parties add column agreement_id uuid references sharing_agreements(id);
alter table assessment_parties add column returned_at timestamptz;
alter table assessment_parties add constraint assessment_parties_shared
  check ((agreement_id is null) = (provider_municipality_id is null) and (agreement_id is null or kind = 'department'));
create index assessment_parties_shared_inbox on assessment_parties (provider_municipality_id, department_id) where agreement_id is not null;
create index assessment_parties_agreement on assessment_parties (agreement_id) where agreement_id is not null;

-- Whether the session's municipality provides under this agreement today: approved by
-- both, within its period (Dutch date, read at query time), and not ended. Ending or
-- expiry therefore cuts access in the next statement.
create function regie_shared_active(p_agreement uuid) returns boolean
  language sql stable as $$
  select p_agreement is not null and exists (
    select 1 from sharing_agreements a
     where a.id = p_agreement
       and a.state = 'approved'
       and a.provider_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
       and (now() at time zone 'Europe/Amsterdam')::date between a.valid_from and coalesce(a.valid_until, 'infinity'::date)
  )
$$;

-- The providing municipality's session reads, besides its own rows, exactly the shared
-- parties of an agreement in force, their rounds and their own answers; not the other
-- parties of the round. (Policies of one command are or-ed with the tenant policy.)
create policy shared_provider on assessment_parties for select using (regie_shared_active(agreement_id));
create policy shared_provider on assessment_rounds for select using (
  exists (select 1 from assessment_parties p where p.round_id = assessment_rounds.id and regie_shared_active(p.agreement_id))
);
create policy shared_provider on assessment_answers for select using (
  exists (select 1 from assessment_parties p where p.id = assessment_answers.party_id and regie_shared_active(p.agreement_id))
);
-- ... and the receiving municipality's rules register, for the domains in scope: an
-- answer cites the rules of the municipality whose case it is.
create policy shared_provider on rules for select using (
  exists (
    select 1 from sharing_agreements a
     where a.receiver_municipality_id = rules.municipality_id
       and regie_shared_active(a.id)
       and (cardinality(a.rule_domains) = 0 or rules.domain = any (a.rule_domains))
  )
);

-- The minimum of a case that a shared request needs (data minimisation, AVG art. 5):
-- what is proposed and where; never the initiator, the director or contact details.
-- A security-barrier view over cases, admitting only cases with a shared party of an
-- agreement in force for the session's municipality.
create view shared_case_minimum with (security_barrier) as
  select c.id, c.municipality_id, c.reference, c.title, c.description, c.location, c.status
    from cases c
   where exists (
     select 1 from assessment_rounds r
       join assessment_parties p on p.round_id = r.id
      where r.case_id = c.id and regie_shared_active(p.agreement_id)
   );
grant select on shared_case_minimum to regie_app;

-- The receiving side mails the asked department's specialists; it may not read the
-- other municipality's staff. This function, owned by the migration's role, gives the
-- active specialists of a department in the agreement's scope, and only to the
-- receiving municipality of an agreement in force.
create function regie_shared_specialists(p_agreement uuid, p_department uuid)
  returns table (id uuid, name text, email text, locale text)
  language sql stable security definer set search_path = public as $$
  select u.id, u.name, u.email, u.locale
    from sharing_agreements a
    join users u on u.municipality_id = a.provider_municipality_id and u.department_id = p_department
   where a.id = p_agreement
     and a.receiver_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
     and a.state = 'approved'
     and (now() at time zone 'Europe/Amsterdam')::date between a.valid_from and coalesce(a.valid_until, 'infinity'::date)
     and p_department = any (a.department_ids)
     and u.role = 'specialist' and u.active
$$;
revoke all on function regie_shared_specialists(uuid, uuid) from public;
grant execute on function regie_shared_specialists(uuid, uuid) to regie_app;

-- Acting on a shared request: the provider's session enters the case's municipality
-- for the rest of the transaction, only for a party it can see through an agreement
-- in force (the policies above). Returns that municipality.
create function regie_enter_shared_party(p_party uuid) returns uuid
  language plpgsql as $$
declare m uuid;
begin
  select p.municipality_id into m from assessment_parties p where p.id = p_party and regie_shared_active(p.agreement_id);
  if m is null then
    raise exception 'no agreement in force admits this party' using errcode = '42501';
  end if;
  perform set_config('regie.municipality_id', m::text, true);
  return m;
end $$;

-- Ending an agreement returns the requests still open to the receiving municipality:
-- either side's session enters the receiving municipality for that, for an agreement
-- it is in (the agreement's tenant policy).
create function regie_enter_receiver(p_agreement uuid) returns uuid
  language plpgsql as $$
declare m uuid;
begin
  select a.receiver_municipality_id into m from sharing_agreements a where a.id = p_agreement
     and nullif(current_setting('regie.municipality_id', true), '')::uuid in (a.provider_municipality_id, a.receiver_municipality_id);
  if m is null then
    raise exception 'not a municipality of this agreement' using errcode = '42501';
  end if;
  perform set_config('regie.municipality_id', m::text, true);
  return m;
end $$;

-- The access audit of both municipalities (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd):
-- a cross-municipality read or write is logged in each, naming the other.
alter table access_log drop constraint access_log_kind_check;
alter table access_log add constraint access_log_kind_check
  check (kind in ('contactDetails', 'dossier', 'export', 'crossMunicipality'));
alter table access_log add column counterpart_municipality_id uuid references municipalities(id);
alter table access_log add constraint access_log_counterpart
  check ((kind = 'crossMunicipality') = (counterpart_municipality_id is not null));
-- The provider's session writes the receiving municipality's row of a read it made
-- through an agreement it is in.
create policy shared_audit on access_log for insert with check (
  kind = 'crossMunicipality'
  and counterpart_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
  and exists (
    select 1 from sharing_agreements a
     where a.provider_municipality_id = counterpart_municipality_id and a.receiver_municipality_id = access_log.municipality_id
  )
);
