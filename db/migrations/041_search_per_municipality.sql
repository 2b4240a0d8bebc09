-- Counting a search at national scale (docs/performance.md, "Search counted per
-- municipality"). cases_search is a GIN index on (municipality_id, search): for a word
-- it reads the cases of the whole country that have a word starting with it, and
-- intersects them with the municipality's cases; for a common word in the largest
-- municipality that costs 30–40 ms per count. Here the same words are indexed per
-- municipality: each lexeme of a case's search vector prefixed with its municipality's
-- key (the first 8 characters of its id and a colon), so a word prefixed with one
-- municipality's key matches that municipality's cases only. The case list counts a
-- search with it (src/modules/cases/queries.ts, `searchIn`); the page itself still walks
-- the list's own index.
--
-- A word of a tsvector is at most 2,047 bytes (longer ones are not indexed at all), and
-- array_to_tsvector does not check that: a word that the key made longer is cut to its
-- first 509 characters (at most 2,036 bytes), which a search (at most 200 characters)
-- still finds by its start.
create function regie_search_in(municipality uuid, words tsvector) returns tsvector
  language sql immutable parallel safe as $$
    select array_to_tsvector(coalesce(array_agg(
      left(municipality::text, 8) || ':' || case when octet_length(w) > 2038 then left(w, 509) else w end), '{}'))
    from unnest(tsvector_to_array(words)) as w
  $$;

-- Under row-level security a condition is an index condition only when its functions
-- are leakproof (as ts_match_vq in 003_list_performance.sql). This one only rewrites
-- the row's own words and raises no error of its own. Declaring it needs a superuser;
-- without one, a search is counted by reading the municipality's cases instead.
do $$
begin
  alter function regie_search_in(uuid, tsvector) leakproof;
exception when insufficient_privilege then
  raise notice 'regie_search_in not marked leakproof (needs a superuser): a search is counted without its index';
end $$;

grant execute on function regie_search_in(uuid, tsvector) to regie_app;

create index cases_search_in on cases using gin (regie_search_in(municipality_id, search));
