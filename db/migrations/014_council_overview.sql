-- The council overview (docs/product.md#the-council-overview) counts each case's first
-- agreed plan per municipality; without this index that is a scan of every
-- municipality's plans.
create index plans_agreed on plans (municipality_id, case_id)
  where initiator_agreed_at is not null and director_agreed_at is not null;
