-- The plan clock keeps its own term (docs/product.md#the-plan-clock): the term in
-- force when the clock started is stored on the case, so changing the municipality's
-- setting later never moves a running case's due date.
alter table cases add column plan_term_days integer check (plan_term_days between 1 and 365);

-- Cases whose clock already started get the setting as it is now: the term they were
-- started with was not recorded, and the current setting is what their due date used.
update cases c
   set plan_term_days = m.plan_term_days
  from municipalities m
 where m.id = c.municipality_id
   and c.clock_started_on is not null
   and c.plan_term_days is null;

-- Staff find a case by its initiator's name, company or KvK number
-- (docs/product.md#finding-a-case). Names are not Dutch prose: the `simple`
-- configuration keeps them as written (lower-cased), and the search matches prefixes.
alter table users add column search tsvector generated always as (
  to_tsvector('simple', name || ' ' || coalesce(company, '') || ' ' || coalesce(kvk_number, ''))
) stored;
create index users_initiator_search on users using gin (municipality_id, search) where role = 'initiator';

-- What a plan commits the municipality to (docs/product.md#agreeing-a-plan-within-mandate):
-- an amount of money and exemptions from register rules. Agreeing such a plan on the
-- municipality's side needs a mandate that covers it.
alter table plans add column commits_cents bigint check (commits_cents >= 0);
alter table plans add column exemption_rule_codes text[] not null default '{}';
