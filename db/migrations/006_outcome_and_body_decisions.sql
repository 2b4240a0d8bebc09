-- An admitted late objection adds to what the party said in its round; it does not
-- erase it (docs/product.md#one-consolidated-outcome: every condition and every objection with
-- the rules cited, per party). Admitting it makes the objection the
-- party's current answer, so the answer the party had at that moment is recorded here:
-- the consolidated outcome shows both.
alter table late_objections add column previous_answer_id uuid references assessment_answers(id);

-- A commitment outside every mandate in force (docs/product.md#the-delegating-body-decides) is decided by the
-- delegating body itself (the college, the mayor); a coordinator records that decision,
-- and the reason names it ("collegebesluit 1 december 2026"). confirmed_by is then the
-- coordinator who recorded it.
alter table commitments add column confirmed_by_body boolean not null default false;
