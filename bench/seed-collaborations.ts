// Collaborations in the bench data set (docs/product.md#collaborations): 1,000 per large
// municipality (the ten cities of LARGE_MUNICIPALITIES) and a few per other municipality,
// whatever the number of cases — the overview's cost is per municipality. Set-based SQL,
// one statement per table and municipality: targets, readings, parties with contributions,
// the phase history and the started event, spread so that about half have health issues
// of each kind. Then the stored health is checked by the collaborations module itself, as
// its daily job does (refreshCollaborationHealth).
import { sql } from 'kysely';
import { refreshCollaborationHealth } from '../src/modules/collaborations/index.js';
import type { Db } from '../src/platform/db/index.js';
import type { SeededMunicipality } from './seed.js';
import { LARGE_MUNICIPALITIES } from './words.js';

export const COLLABORATIONS_PER_LARGE_MUNICIPALITY = 1000;

/** How many collaborations a municipality gets: 1,000 for a large one, one per 500 cases (at least one) for the others. */
export const collaborationsFor = (m: Pick<SeededMunicipality, 'rank' | 'size'>): number =>
  m.rank <= LARGE_MUNICIPALITIES.length ? COLLABORATIONS_PER_LARGE_MUNICIPALITY : Math.max(1, Math.round(m.size / 500));

const PARTY_NAMES = [
  'Politie Eenheid',
  'Winkeliersvereniging',
  'Woningcorporatie',
  'Sportvereniging',
  'Basisschool',
  'Welzijnsstichting',
  'GGD',
  'Omgevingsdienst',
  'Bewonersplatform',
  'Ondernemersfonds',
];
const SUBJECTS = [
  'Jeugdoverlast',
  'Schone wijk',
  'Veilig uitgaan',
  'Energietransitie',
  'Eenzaamheid',
  'Buurtpreventie',
  'Groen schoolplein',
  'Werk en inkomen',
];
const words = (xs: readonly string[]) => sql.raw(`(array[${xs.map((w) => `'${w.replaceAll("'", "''")}'`).join(',')}]::text[])`);

export async function seedCollaborations(
  db: Db,
  municipalities: readonly SeededMunicipality[],
  now: Date,
  log: (line: string) => void = () => {},
): Promise<{ collaborations: number; checked: number; seconds: number }> {
  const t0 = performance.now();
  const k = db.unsafeAdmin;
  let total = 0;
  await db.unsafeTransaction(async (trx) => {
    for (const m of municipalities) {
      const n = collaborationsFor(m);
      total += n;
      // Owners: the municipality's directors and its coordinator, in turn. Deterministic "random" from the row number.
      await sql`
        insert into collaborations (municipality_id, name, description, goal, owner_user_id, phase, phase_since, start_on, end_on, end_kind, created_by, created_at, updated_at)
        select ${m.id}::uuid,
          (${words(SUBJECTS)})[1 + i % ${SUBJECTS.length}] || ' ' || i,
          'Samenwerking ' || i || ' van de gemeente met partners.',
          case when i % 9 = 0 then '' else 'Een gedeeld doel voor samenwerking ' || i end,
          o.ids[1 + i % cardinality(o.ids)],
          (array['agenda','policy','implementation','evaluation'])[1 + (i * 7) % 4],
          (${now}::timestamptz - make_interval(days => ((i * 37) % 700)))::date,
          (${now}::timestamptz - make_interval(days => 100 + (i * 53) % 900))::date,
          (${now}::timestamptz - make_interval(days => 100 + (i * 53) % 900))::date + 200 + (i * 29) % 1000,
          case when i % 4 = 0 then 'review' else 'end' end,
          o.ids[1],
          ${now}::timestamptz - make_interval(mins => i * 97),
          ${now}::timestamptz - make_interval(mins => i * 97)
        from generate_series(1, ${n}::int) as i,
          (select array_agg(id order by email) as ids from users where municipality_id = ${m.id}::uuid and role in ('director', 'coordinator')) o`.execute(trx);
      // A target for four in five; readings for most of those, some older than 90 days.
      await sql`
        insert into collaboration_targets (municipality_id, collaboration_id, indicator, baseline, target_value, unit, target_on, created_at)
        select c.municipality_id, c.id, 'Meldingen', 40, 20, 'per kwartaal', c.end_on, c.created_at
        from (select c.*, (row_number() over (order by c.id))::int as i from collaborations c where c.municipality_id = ${m.id}::uuid) c
        where c.i % 5 <> 0`.execute(trx);
      await sql`
        insert into collaboration_readings (municipality_id, collaboration_id, target_id, read_on, value, note, created_at)
        select t.municipality_id, t.collaboration_id, t.id, (${now}::timestamptz - make_interval(days => (d * (10 + t.i % 60))::int))::date, 40 - d * 3, '', t.created_at
        from (select t.*, (row_number() over (order by t.id))::int as i from collaboration_targets t where t.municipality_id = ${m.id}::uuid) t,
          generate_series(1, 3) as d
        where t.i % 6 <> 0`.execute(trx);
      // Two to five parties each; one in seven without a yield, the first party has the final say unless the collaboration is unsettled.
      await sql`
        insert into collaboration_parties (municipality_id, collaboration_id, kind, name, org_type, final_say, yield, created_at, updated_at)
        select c.municipality_id, c.id, 'organisation',
          (${words(PARTY_NAMES)})[1 + (c.i + p) % ${PARTY_NAMES.length}] || ' ' || p,
          (array['public','private','nonprofit','residents'])[1 + (c.i + p) % 4],
          case when p = 1 and c.i % 8 <> 0 then array['Inzet van de eigen mensen'] else '{}'::text[] end,
          case when (c.i + p) % 7 = 0 then '' else 'Minder overlast in het eigen gebied' end,
          c.created_at, c.created_at
        from (select c.*, (row_number() over (order by c.id))::int as i from collaborations c where c.municipality_id = ${m.id}::uuid) c,
          generate_series(1, 2 + (c.i % 4)::int) as p`.execute(trx);
      await sql`
        insert into collaboration_contributions (municipality_id, collaboration_id, party_id, kind, amount, description, created_at)
        select p.municipality_id, p.collaboration_id, p.id,
          (array['money','hours','assets'])[1 + p.i % 3],
          case p.i % 3 when 0 then 500000 when 1 then 120 else null end,
          case when p.i % 3 = 2 then 'Ruimte en materiaal' else '' end,
          p.created_at
        from (select p.*, (row_number() over (order by p.id))::int as i from collaboration_parties p where p.municipality_id = ${m.id}::uuid) p
        where p.i % 11 <> 0`.execute(trx);
      await sql`
        insert into collaboration_phases (municipality_id, collaboration_id, phase, since, actor_id)
        select municipality_id, id, phase, phase_since, owner_user_id from collaborations where municipality_id = ${m.id}::uuid`.execute(trx);
      await sql`
        insert into collaboration_events (municipality_id, collaboration_id, type, actor_id, payload, occurred_at)
        select municipality_id, id, 'collaboration.started', owner_user_id, jsonb_build_object('name', name, 'ownerName', '', 'phase', phase), created_at
        from collaborations where municipality_id = ${m.id}::uuid`.execute(trx);
    }
  });
  // The stored health, as the module's job keeps it.
  const checked = await refreshCollaborationHealth({ db, clock: { now: () => now } });
  await sql`analyze collaborations, collaboration_targets, collaboration_readings, collaboration_parties, collaboration_contributions`.execute(k);
  const seconds = (performance.now() - t0) / 1000;
  log(`  collaborations: ${total.toLocaleString('en')} (health checked ${checked.toLocaleString('en')}) in ${seconds.toFixed(1)} s`);
  return { collaborations: total, checked, seconds };
}
