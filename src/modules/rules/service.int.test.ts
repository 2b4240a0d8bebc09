// The rules register as use-cases on a real database (PGlite and PostgreSQL):
// keeping rules, versions and validity, import all or nothing, export round trips,
// and the walls between municipalities.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { withTestDb } from '../../testing/db.js';
import { buildMunicipality, buildUser, ctxFor, refusal, testDeps } from '../../testing/factories.js';
import { isCitable, type RuleFields } from './model.js';
import { createRule, endRuleValidity, exportRules, getRule, importRules, listRules, updateRule } from './service.js';

const { db } = withTestDb();

const TODAY = '2026-03-02';
async function world() {
  const deps = testDeps(db, fixedClock('2026-03-02T09:00:00+01:00'));
  const m = await buildMunicipality(db);
  const admin = ctxFor(deps, await buildUser(db, m, { role: 'admin' }));
  const director = ctxFor(deps, await buildUser(db, m, { role: 'director' }));
  return { deps, m, admin, director };
}

const zoning: RuleFields = {
  code: 'OP-4.12',
  title: 'Bedrijfsbestemming in het centrum',
  legalSource: 'Omgevingsplan artikel 4.12',
  domain: 'physical',
  strict: false,
  validFrom: '2024-01-01',
  validUntil: null,
};
const terraces: RuleFields = {
  code: 'APV-2:48',
  title: 'Terrassen, "sluitingstijden" en geluid',
  legalSource: 'APV artikel 2:48',
  domain: 'economy',
  strict: false,
  validFrom: '2022-07-01',
  validUntil: null,
};
const bibob: RuleFields = {
  code: 'BIBOB',
  title: 'Integriteitsonderzoek bij vergunningen',
  legalSource: 'Wet Bibob',
  domain: 'safety',
  strict: true,
  validFrom: '2020-01-01',
  validUntil: null,
};

const count = async (table: 'rules' | 'rule_changes', municipalityId: string) =>
  Number(
    (
      await db.unsafeAdmin
        .selectFrom(table)
        .select(db.unsafeAdmin.fn.countAll().as('n'))
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('keeping the register', () => {
  it('creates a rule, shows it to staff with its history, and filters the list', async () => {
    const w = await world();
    const r = await createRule(w.admin, zoning);
    await createRule(w.admin, bibob);
    await createRule(w.admin, { ...terraces, validUntil: '2025-12-31' });
    expect(r).toMatchObject({ ...zoning, version: 1 });
    const got = await getRule(w.director, r.id);
    expect(got.abilities).toEqual({ update: false, endValidity: false });
    expect(got.history.map((h) => [h.actor_id, h.change.type])).toEqual([[w.admin.actor.userId, 'created']]);
    const codes = async (f: Parameters<typeof listRules>[1]) => (await listRules(w.director, f)).map((x) => x.code);
    expect(await codes({})).toEqual(['APV-2:48', 'BIBOB', 'OP-4.12']);
    expect(await codes({ strict: true })).toEqual(['BIBOB']);
    expect(await codes({ domain: 'physical' })).toEqual(['OP-4.12']);
    expect(await codes({ validOn: TODAY })).toEqual(['BIBOB', 'OP-4.12']);
    expect(await codes({ q: 'centrum' })).toEqual(['OP-4.12']);
    expect(await codes({ q: 'apv-2' })).toEqual(['APV-2:48']);
    expect(await codes({ q: '%' })).toEqual([]); // a wildcard is searched for, not expanded
  });

  it('updates with the version seen, refuses a stale one with 412, and records what changed', async () => {
    const w = await world();
    const r = await createRule(w.admin, zoning);
    const updated = await updateRule(w.admin, { id: r.id, ifMatch: 1, changes: { title: 'Bedrijven en winkels in het centrum' } });
    expect(updated.version).toBe(2);
    expect(await refusal(updateRule(w.admin, { id: r.id, ifMatch: 1, changes: { strict: true } }))).toMatchObject({ status: 412 });
    const { rule, history } = await getRule(w.admin, r.id);
    expect(rule.strict).toBe(false);
    expect(history.at(-1)?.change).toEqual({ type: 'updated', changes: { title: { from: zoning.title, to: 'Bedrijven en winkels in het centrum' } } });
    // Nothing changed: no new version, no history row.
    expect((await updateRule(w.admin, { id: r.id, changes: { title: 'Bedrijven en winkels in het centrum' } })).version).toBe(2);
    expect(await count('rule_changes', w.m.id)).toBe(2);
  });

  it('refuses a version that overlaps another version of the same code, naming the field', async () => {
    const w = await world();
    await createRule(w.admin, zoning);
    expect(await refusal(createRule(w.admin, { ...zoning, validFrom: '2026-06-01' }))).toMatchObject({ status: 400, fields: ['validFrom'] });
    expect(await refusal(createRule(w.admin, { ...zoning, domain: 'sport' as never }))).toMatchObject({ status: 400, fields: ['domain'] });
    expect(await count('rules', w.m.id)).toBe(1);
  });

  it('ends validity today or later, never retroactively; an expired rule cannot be cited', async () => {
    const w = await world();
    const r = await createRule(w.admin, zoning);
    expect(await refusal(endRuleValidity(w.admin, { id: r.id, validUntil: '2026-03-01' }))).toMatchObject({ status: 400, fields: ['validUntil'] });
    const ended = await endRuleValidity(w.admin, { id: r.id, ifMatch: 1, validUntil: TODAY });
    expect(ended).toMatchObject({ validUntil: TODAY, version: 2 });
    expect(isCitable(ended, TODAY)).toBe(true); // the last day is inclusive
    expect(isCitable(ended, '2026-03-03')).toBe(false);
    expect(await listRules(w.director, { validOn: '2026-03-03' })).toEqual([]);
    // The next version may start the day after; it is not citable before it starts.
    const next = await createRule(w.admin, { ...zoning, title: 'Nieuw omgevingsplan', validFrom: '2026-03-03' });
    expect(isCitable(next, TODAY)).toBe(false);
    expect((await getRule(w.admin, r.id)).history.at(-1)?.change).toEqual({ type: 'ended', changes: { validUntil: { from: null, to: TODAY } } });
  });

  it('lets staff read but only the admin write', async () => {
    const w = await world();
    expect(await refusal(createRule(w.director, zoning))).toMatchObject({ status: 403 });
    const r = await createRule(w.admin, zoning);
    expect(await refusal(updateRule(w.director, { id: r.id, changes: { title: 'x' } }))).toMatchObject({ status: 403 });
    expect(await refusal(importRules(w.director, { format: 'csv', content: 'x' }))).toMatchObject({ status: 403 });
    const initiator = ctxFor(w.deps, await buildUser(db, w.m, { role: 'initiator' }));
    expect(await refusal(listRules(initiator))).toMatchObject({ status: 403 });
  });
});

describe('import and export', () => {
  const header = 'code,title,legalSource,domain,strict,validFrom,validUntil';

  it('imports nothing from a file with a bad line, and reports it with its line number', async () => {
    const w = await world();
    const csv = [
      header,
      'OP-4.12,Bedrijfsbestemming,Omgevingsplan artikel 4.12,physical,false,2024-01-01,',
      'APV-2:48,Terrassen,APV artikel 2:48,horeca,false,2022-07-01,',
      'BIBOB,Integriteit,Wet Bibob,safety,ja,2020-01-01,',
    ].join('\r\n');
    const r = await importRules(w.admin, { format: 'csv', content: csv });
    expect(r).toEqual({ ok: false, problems: [{ line: 3, field: 'domain', key: 'error.ruleDomain', message: expect.stringContaining('domein') }] });
    expect(await count('rules', w.m.id)).toBe(0);
    expect(await count('rule_changes', w.m.id)).toBe(0);
  });

  it('imports nothing when one line conflicts with the register as it is', async () => {
    const w = await world();
    const existing = await createRule(w.admin, zoning);
    const csv = `${header}\nBIBOB,Integriteit,Wet Bibob,safety,true,2020-01-01,\nOP-4.12,Bedrijven,Omgevingsplan artikel 4.12,physical,false,2024-01-01,2026-01-31\n`;
    const r = await importRules(w.admin, { format: 'csv', content: csv });
    expect(r.ok === false && r.problems.map((p) => [p.line, p.field, p.key])).toEqual([[3, 'validUntil', 'error.ruleShortensPast']]);
    expect((await listRules(w.admin)).map((x) => x.id)).toEqual([existing.id]);
  });

  it.each(['csv', 'json'] as const)('round-trips the register through %s: export, import elsewhere, export again', async (format) => {
    const a = await world();
    await createRule(a.admin, zoning);
    await createRule(a.admin, terraces);
    // A title that needs quoting and neutralising (a rule's fields are single lines: docs/product.md#the-rules-register).
    await createRule(a.admin, { ...bibob, title: '=Integriteit, "Bibob"; met puntkomma' });
    const file = await exportRules(a.admin, format);
    const b = await world();
    expect(await importRules(b.admin, { format, content: file })).toEqual({ ok: true, created: 3, updated: 0, unchanged: 0 });
    expect(await exportRules(b.admin, format)).toBe(file);
    // The same file again changes nothing; an edited title updates that version.
    expect(await importRules(b.admin, { format, content: file })).toEqual({ ok: true, created: 0, updated: 0, unchanged: 3 });
    const edited = file.replace('Bedrijfsbestemming in het centrum', 'Bedrijven en winkels in het centrum');
    expect(await importRules(b.admin, { format, content: edited })).toEqual({ ok: true, created: 0, updated: 1, unchanged: 2 });
    const changed = (await listRules(b.admin, { q: 'OP-4.12' }))[0];
    expect(changed).toMatchObject({ title: 'Bedrijven en winkels in het centrum', version: 2 });
  });

  // docs/product.md#exports: for a Dutch spreadsheet by default, RFC 4180 with commas on request.
  it('writes CSV with the documented header and RFC 4180 quoting', async () => {
    const w = await world();
    await createRule(w.admin, terraces);
    const csv = await exportRules(w.admin, 'csv');
    expect(csv).toBe(
      `\uFEFF${header.replaceAll(',', ';')}\r\nAPV-2:48;"Terrassen, ""sluitingstijden"" en geluid";APV artikel 2:48;economy;nee;01-07-2022;\r\n`,
    );
    const commas = await exportRules(w.admin, 'csv', ',');
    expect(commas).toBe(`\uFEFF${header}\r\nAPV-2:48,"Terrassen, ""sluitingstijden"" en geluid",APV artikel 2:48,economy,nee,01-07-2022,\r\n`);
  });
});

describe('municipalities do not see each other’s register', () => {
  it('answers 404 to another municipality’s admin and lists none of its rules', async () => {
    const a = await world();
    const b = await world();
    const r = await createRule(a.admin, zoning);
    expect(await listRules(b.admin)).toEqual([]);
    expect(await exportRules(b.admin, 'json')).toBe('[]\n');
    const attempts = [
      () => getRule(b.admin, r.id),
      () => updateRule(b.admin, { id: r.id, changes: { title: 'x' } }),
      () => endRuleValidity(b.admin, { id: r.id, validUntil: '2030-01-01' }),
    ];
    for (const attempt of attempts) expect(await refusal(attempt())).toMatchObject({ status: 404 });
    // The same code may exist in both registers.
    await createRule(b.admin, zoning);
    expect(await count('rules', a.m.id)).toBe(1);
  });

  it('hides other municipalities’ rows by row-level security, and the application role cannot delete a rule', async () => {
    const a = await world();
    const b = await world();
    await createRule(a.admin, zoning);
    const seen = await db.tenant(b.m.id, (trx) => trx.selectFrom('rules').select('id').execute()); // no municipality filter on purpose
    expect(seen).toEqual([]);
    await expect(db.tenant(a.m.id, (trx) => trx.deleteFrom('rules').where('municipality_id', '=', a.m.id).execute())).rejects.toThrow(/permission denied/);
    await expect(db.tenant(a.m.id, (trx) => trx.deleteFrom('rule_changes').where('municipality_id', '=', a.m.id).execute())).rejects.toThrow(
      /permission denied/,
    );
    expect(await count('rules', a.m.id)).toBe(1);
  });
});
