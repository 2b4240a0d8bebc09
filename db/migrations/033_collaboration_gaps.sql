-- Sharing agreements and collaborations across municipalities: themes in an agreement's
-- scope (docs/product.md#themes-in-a-sharing-agreement), a collaboration read by the
-- municipalities that are its parties (docs/product.md#a-partner-municipality-reads-a-collaboration)
-- and the figures of cross-municipality requests (docs/product.md#requests-to-other-municipalities-in-figures).
-- Functions of 024 are replaced here, never edited there.

-- ---- Themes in a sharing agreement's scope -------------------------------------------
-- The receiving municipality's themes (ids and names as proposed); empty: every theme.
alter table sharing_agreements add column theme_ids uuid[] not null default '{}';
alter table sharing_agreements add column theme_names text[] not null default '{}';
alter table sharing_agreements add constraint sharing_agreements_themes
  check (cardinality(theme_ids) <= 20 and cardinality(theme_ids) = cardinality(theme_names));

-- Whether the session's municipality provides under this agreement today (024's
-- regie_shared_active) for the case of this round: the case has a theme in the
-- agreement's theme scope, or the scope has no themes. Security definer: the provider
-- may not read the case's themes itself; it learns only this yes or no, and only for
-- an agreement under which it provides today.
create function regie_shared_party_active(p_agreement uuid, p_round uuid) returns boolean
  language sql stable security definer set search_path = public as $$
  select regie_shared_active(p_agreement) and exists (
    select 1 from sharing_agreements a
      join assessment_rounds r on r.id = p_round and r.municipality_id = a.receiver_municipality_id
     where a.id = p_agreement
       and (cardinality(a.theme_ids) = 0 or exists (
         select 1 from case_themes t
          where t.case_id = r.case_id and t.municipality_id = a.receiver_municipality_id and t.theme_id = any (a.theme_ids)))
  )
$$;
revoke all on function regie_shared_party_active(uuid, uuid) from public;
grant execute on function regie_shared_party_active(uuid, uuid) to regie_app;

drop policy shared_provider on assessment_parties;
create policy shared_provider on assessment_parties for select using (regie_shared_party_active(agreement_id, round_id));
drop policy shared_provider on assessment_rounds;
create policy shared_provider on assessment_rounds for select using (
  exists (select 1 from assessment_parties p where p.round_id = assessment_rounds.id and regie_shared_party_active(p.agreement_id, p.round_id))
);
drop policy shared_provider on assessment_answers;
create policy shared_provider on assessment_answers for select using (
  exists (select 1 from assessment_parties p where p.id = assessment_answers.party_id and regie_shared_party_active(p.agreement_id, p.round_id))
);

create or replace view shared_case_minimum with (security_barrier) as
  select c.id, c.municipality_id, c.reference, c.title, c.description, c.location, c.status
    from cases c
   where exists (
     select 1 from assessment_rounds r
       join assessment_parties p on p.round_id = r.id
      where r.case_id = c.id and regie_shared_party_active(p.agreement_id, p.round_id)
   );

create or replace function regie_enter_shared_party(p_party uuid) returns uuid
  language plpgsql as $$
declare m uuid;
begin
  select p.municipality_id into m from assessment_parties p where p.id = p_party and regie_shared_party_active(p.agreement_id, p.round_id);
  if m is null then
    raise exception 'no agreement in force admits this party' using errcode = '42501';
  end if;
  perform set_config('regie.municipality_id', m::text, true);
  return m;
end $$;

-- ---- A collaboration read by its party municipalities ---------------------------------
-- Whether the session's municipality is a party (kind municipality) of the collaboration.
-- Security definer: it reads the parties without their row-level security, which would
-- otherwise ask itself.
create function regie_collaboration_partner(p_collaboration uuid) returns boolean
  language sql stable security definer set search_path = public as $$
  select exists (
    select 1 from collaboration_parties p
     where p.collaboration_id = p_collaboration and p.kind = 'municipality'
       and p.party_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
  )
$$;
-- Whether the party is the session's municipality as a party of a collaboration.
create function regie_collaboration_partner_party(p_party uuid) returns boolean
  language sql stable security definer set search_path = public as $$
  select p_party is not null and exists (
    select 1 from collaboration_parties p
     where p.id = p_party and p.kind = 'municipality'
       and p.party_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
  )
$$;
-- The owner's name and the owning municipality's name of a collaboration the session's
-- municipality is a party of; nothing otherwise. The partner may not read either table.
create function regie_collaboration_partner_heads(p_collaboration uuid)
  returns table (owner_name text, municipality_name text)
  language sql stable security definer set search_path = public as $$
  select u.name, m.name
    from collaborations c
    join users u on u.id = c.owner_user_id
    join municipalities m on m.id = c.municipality_id
   where c.id = p_collaboration and regie_collaboration_partner(c.id)
$$;
revoke all on function regie_collaboration_partner(uuid) from public;
revoke all on function regie_collaboration_partner_party(uuid) from public;
revoke all on function regie_collaboration_partner_heads(uuid) from public;
grant execute on function regie_collaboration_partner(uuid) to regie_app;
grant execute on function regie_collaboration_partner_party(uuid) to regie_app;
grant execute on function regie_collaboration_partner_heads(uuid) to regie_app;

-- Read only, and only the sheet: the collaboration, its targets and readings, its
-- parties and their contributions; the agreements made by or to the partner's own party
-- and their commitments. Not its cases, areas, themes, phases history or timeline.
create policy partner on collaborations for select using (regie_collaboration_partner(id));
create policy partner on collaboration_targets for select using (regie_collaboration_partner(collaboration_id));
create policy partner on collaboration_readings for select using (regie_collaboration_partner(collaboration_id));
create policy partner on collaboration_parties for select using (regie_collaboration_partner(collaboration_id));
create policy partner on collaboration_contributions for select using (regie_collaboration_partner(collaboration_id));
create policy partner on collaboration_agreements for select using (
  regie_collaboration_partner_party(made_by_party_id) or regie_collaboration_partner_party(made_to_party_id)
);
create policy partner on commitments for select using (
  collaboration_id is not null and exists (
    select 1 from collaboration_agreements a
     where a.commitment_id = commitments.id and a.municipality_id = commitments.municipality_id
       and (regie_collaboration_partner_party(a.made_by_party_id) or regie_collaboration_partner_party(a.made_to_party_id))
  )
);
-- The partner's overview finds its collaborations by its own id.
create index collaboration_parties_partner on collaboration_parties (party_municipality_id, collaboration_id) where kind = 'municipality';

-- The access audit of both municipalities names the collaboration read; the partner's
-- session writes the owning municipality's row of its own read.
alter table access_log add column collaboration_id uuid;
create policy partner_audit on access_log for insert with check (
  kind = 'crossMunicipality'
  and collaboration_id is not null
  and counterpart_municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid
  and exists (
    select 1 from collaborations c
     where c.id = access_log.collaboration_id and c.municipality_id = access_log.municipality_id
       and regie_collaboration_partner(c.id)
  )
);

-- ---- Cross-municipality requests in figures -------------------------------------------
-- Per shared party asked in a round opened in the period, where the session's
-- municipality received or provided it: the side, the other municipality, the
-- providing department, the round's last day, the first real answer's day (yes by
-- silence is not an answer), whether the round is closed and whether the request was
-- returned; grouped with a count. Numbers only. Security definer: the provider reads the
-- requests its department was asked also after the agreement ended.
create function regie_shared_request_facts(p_from date, p_to date) returns json
  language sql stable security definer set search_path = public as $$
  with me as (select nullif(current_setting('regie.municipality_id', true), '')::uuid as id),
  req as (
    select case when p.municipality_id = me.id then 'received' else 'provided' end as side,
           case when p.municipality_id = me.id then a.provider_name else a.receiver_name end as other,
           p.department_id,
           coalesce(a.department_names[array_position(a.department_ids, p.department_id)], p.name) as department,
           r.term_ends_on,
           (select min(x.as_of) from assessment_answers x
             where x.municipality_id = p.municipality_id and x.party_id = p.id and x.kind <> 'silence') as answered_on,
           r.closed_at is not null as closed,
           p.returned_at is not null as returned
      from me
      join assessment_parties p on p.agreement_id is not null and (p.municipality_id = me.id or p.provider_municipality_id = me.id)
      join assessment_rounds r on r.id = p.round_id and r.municipality_id = p.municipality_id
      join sharing_agreements a on a.id = p.agreement_id
     where me.id is not null and r.opened_on between p_from and p_to
  )
  select coalesce(json_agg(json_build_array(side, other, department_id, department, term_ends_on, answered_on, closed, returned, n)), '[]'::json)
    from (select side, other, department_id, department, term_ends_on, answered_on, closed, returned, count(*)::int as n
            from req group by 1, 2, 3, 4, 5, 6, 7, 8) g
$$;
revoke all on function regie_shared_request_facts(date, date) from public;
grant execute on function regie_shared_request_facts(date, date) to regie_app;
create index assessment_parties_provided on assessment_parties (provider_municipality_id) where agreement_id is not null;
