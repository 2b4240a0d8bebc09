import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../kernel/csv.js';
import { isCitable, keepsPastCitable, overlaps, parseRulesFile, planImport, type Rule, type RuleFields, serializeRules, validateRuleRecord } from './model.js';

describe('when a rule may be cited', () => {
  it.each([
    // [label, validFrom, validUntil, on date, citable?]
    ['in force, no end', '2024-01-01', null, '2026-03-02', true],
    ['on its first day', '2026-03-02', null, '2026-03-02', true],
    ['the day before it starts', '2026-03-03', null, '2026-03-02', false],
    ['on its last day (inclusive)', '2024-01-01', '2026-03-02', '2026-03-02', true],
    ['the day after it ended: expired', '2024-01-01', '2026-03-01', '2026-03-02', false],
    ['a one-day rule on that day', '2026-03-02', '2026-03-02', '2026-03-02', true],
  ] as const)('%s', (_label, validFrom, validUntil, on, citable) => {
    expect(isCitable({ validFrom, validUntil }, on)).toBe(citable);
  });
});

describe('versions of one rule', () => {
  it.each([
    // [label, a, b, overlap?]
    ['the new version starts the day after the old one ends', ['2020-01-01', '2025-12-31'], ['2026-01-01', null], false],
    ['the new version starts on the old one’s last day', ['2020-01-01', '2025-12-31'], ['2025-12-31', null], true],
    ['two open-ended versions always overlap', ['2020-01-01', null], ['2026-01-01', null], true],
    ['a later, closed period inside an open one', ['2020-01-01', null], ['2026-01-01', '2026-06-30'], true],
    ['an earlier closed period before a later open one', ['2026-01-01', null], ['2020-01-01', '2025-12-31'], false],
  ] as const)('%s', (_label, [aFrom, aUntil], [bFrom, bUntil], expected) => {
    const a = { validFrom: aFrom, validUntil: aUntil };
    const b = { validFrom: bFrom, validUntil: bUntil };
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  const today = '2026-03-02';
  it.each([
    // [label, before, after, allowed?] — a day on which the rule could be cited is never taken away
    ['ending an open rule today', ['2024-01-01', null], ['2024-01-01', '2026-03-02'], true],
    ['ending an open rule next month', ['2024-01-01', null], ['2024-01-01', '2026-04-01'], true],
    ['ending an open rule yesterday: retroactive', ['2024-01-01', null], ['2024-01-01', '2026-03-01'], false],
    ['a later start for a rule already in force', ['2024-01-01', null], ['2025-01-01', null], false],
    ['an earlier start is fine', ['2024-01-01', null], ['2023-01-01', null], true],
    ['a rule not yet in force may change freely', ['2026-06-01', null], ['2026-09-01', '2026-10-01'], true],
    ['an expired rule keeps its past days', ['2020-01-01', '2025-12-31'], ['2020-01-01', '2025-06-30'], false],
    ['an expired rule may be extended', ['2020-01-01', '2025-12-31'], ['2020-01-01', null], true],
    ['an expired rule may keep its end', ['2020-01-01', '2025-12-31'], ['2020-01-01', '2025-12-31'], true],
  ] as const)('%s', (_label, [bFrom, bUntil], [aFrom, aUntil], allowed) => {
    expect(keepsPastCitable({ validFrom: bFrom, validUntil: bUntil }, { validFrom: aFrom, validUntil: aUntil }, today)).toBe(allowed);
  });
});

const good = {
  code: 'OP-4.12',
  title: 'Bedrijfsbestemming centrum',
  legalSource: 'Omgevingsplan artikel 4.12',
  domain: 'physical',
  strict: 'false',
  validFrom: '2024-01-01',
  validUntil: '',
};

describe('a register row', () => {
  it.each([
    // [label, changes to a good CSV row, problem fields]
    ['a good row', {}, []],
    ['strict as ja/nee (Dutch spreadsheets)', { strict: 'Ja' }, []],
    ['a code with spaces', { code: 'OP 4.12' }, ['code']],
    ['a code of 41 characters', { code: 'A'.repeat(41) }, ['code']],
    ['no title', { title: '  ' }, ['title']],
    ['a legal source of 301 characters', { legalSource: 'x'.repeat(301) }, ['legalSource']],
    ['an unknown domain', { domain: 'sport' }, ['domain']],
    ['strict as "misschien"', { strict: 'misschien' }, ['strict']],
    ['a date in Dutch notation', { validFrom: '01-01-2024' }, ['validFrom']],
    ['a date that does not exist', { validFrom: '2026-02-30' }, ['validFrom']],
    ['an end before the start', { validUntil: '2023-12-31' }, ['validUntil']],
    ['an unknown field', { remark: 'x' }, ['remark']],
    [
      'everything wrong at once',
      { code: '', title: '', legalSource: '', domain: '', strict: '', validFrom: '' },
      ['code', 'title', 'legalSource', 'domain', 'strict', 'validFrom'],
    ],
  ] as [string, Record<string, string>, string[]][])('%s', (_label, changes, fields) => {
    const v = validateRuleRecord({ ...good, ...changes }, 'csv');
    expect(v.problems.map((p) => p.field).sort()).toEqual([...fields].sort());
    expect(Boolean(v.rule)).toBe(fields.length === 0);
  });

  it('takes typed JSON values, and a quoted boolean is refused in JSON', () => {
    const json = { ...good, strict: true, validUntil: null };
    expect(validateRuleRecord(json, 'json').rule).toMatchObject({ strict: true, validUntil: null });
    expect(validateRuleRecord({ ...json, strict: 'true' }, 'json').problems.map((p) => p.field)).toEqual(['strict']);
  });
});

describe('the CSV reader and writer (RFC 4180)', () => {
  it('reads quotes, doubled quotes, delimiters and line breaks inside quotes, with the line each record starts on', () => {
    const text = '\uFEFFa,b\r\n"x, y","he said ""ja"""\r\n\r\n"two\nlines",z\nlast,1';
    expect(readCsv(text)).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x, y', 'he said "ja"'] },
        { line: 4, cells: ['two\nlines', 'z'] },
        { line: 6, cells: ['last', '1'] },
      ],
    });
  });

  it('fails at the line where an unclosed quote begins', () => {
    expect(readCsv('a,b\n1,2\n"open,3\n4,5\n')).toEqual({ ok: false, line: 3 });
  });

  it('writes what it reads back, guarding cells a spreadsheet would run as a formula', () => {
    const rows = [
      ['code', 'title'],
      ['X', '=HYPERLINK("http://evil")'],
      ['Y', 'komma, "quote" en\r\nregeleinde'],
      ['Z', '-5'],
    ];
    const text = writeCsv(rows);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = readCsv(text);
    expect(back.ok && back.records.map((r) => r.cells)).toEqual(rows);
  });
});

describe('an exchange file', () => {
  const header = 'code,title,legalSource,domain,strict,validFrom,validUntil';
  it('names each bad line as in the file, the header being line 1', () => {
    const csv = [
      header,
      'OP-4.12,Bedrijfsbestemming,Omgevingsplan artikel 4.12,physical,false,2024-01-01,',
      'APV-2:48,Terrassen,APV artikel 2:48,sport,true,2024-01-01,',
      'BIBOB,Integriteit,Wet Bibob,safety,true,2024-13-01,',
    ].join('\n');
    const r = parseRulesFile('csv', csv);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'domain'],
      [4, 'validFrom'],
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
  });

  it.each([
    // [label, CSV, [line, field, key]]
    ['an empty file', '', [1, 'content', 'error.emptyFile']],
    ['a missing column', 'code,title,domain,strict,validFrom\n', [1, 'header', 'error.csvMissingColumn']],
    ['an unknown column', `${header},remark\n`, [1, 'header', 'error.csvUnknownColumn']],
    ['a line with too few fields', `${header}\nOP-1,Titel,Bron\n`, [2, 'content', 'error.csvFieldCount']],
    ['an unclosed quote', `${header}\nOP-1,"Titel,Bron,physical,false,2024-01-01,\n`, [2, 'content', 'error.csvUnclosedQuote']],
    [
      'the same code and start twice',
      `${header}\nOP-1,A,B,physical,false,2024-01-01,\nOP-1,A2,B,physical,false,2024-01-01,\n`,
      [3, 'validFrom', 'error.ruleDuplicateInFile'],
    ],
  ] as const)('%s', (_label, csv, [line, field, key]) => {
    expect(parseRulesFile('csv', csv).problems[0]).toMatchObject({ line, field, key });
  });

  it.each([
    // [label, the bad line (line 3 of the file, after a good one), [field, key]]
    ['a line break in a quoted title', 'OP-2,"Terras\nBcc: iemand@example.org",Bron,physical,false,2024-01-01,', ['title', 'error.lineBreak']],
    ['a CR/LF in a quoted legal source', 'OP-2,Terras,"APV\r\nartikel 2",physical,false,2024-01-01,', ['legalSource', 'error.lineBreak']],
    ['a line break in a quoted code', '"OP-\n2",Terras,Bron,physical,false,2024-01-01,', ['code', 'error.lineBreak']],
    ['a line break in a quoted date', 'OP-2,Terras,Bron,physical,false,"2024-01-01\n",', ['validFrom', 'error.lineBreak']],
    ['a NUL in a title', 'OP-2,Ter\u0000ras,Bron,physical,false,2024-01-01,', ['title', 'error.controlCharacter']],
    ['a tab in a title', 'OP-2,Ter\tras,Bron,physical,false,2024-01-01,', ['title', 'error.controlCharacter']],
    ['a bell in strict', 'OP-2,Terras,Bron,physical,ja\u0007,2024-01-01,', ['strict', 'error.controlCharacter']],
    ['a lone surrogate in a legal source', 'OP-2,Terras,APV \ud800,physical,false,2024-01-01,', ['legalSource', 'error.loneSurrogate']],
    ['a title over 300 characters', `OP-2,${'t'.repeat(301)},Bron,physical,false,2024-01-01,`, ['title', 'error.tooLong']],
    ['a legal source over 300 characters', `OP-2,Terras,${'b'.repeat(301)},physical,false,2024-01-01,`, ['legalSource', 'error.tooLong']],
    ['a code over 40 characters', `${'C'.repeat(41)},Terras,Bron,physical,false,2024-01-01,`, ['code', 'error.ruleCodeFormat']],
    ['a start in year 1800', 'OP-2,Terras,Bron,physical,false,1800-01-01,', ['validFrom', 'error.dateRange']],
    ['an end in year 2201', 'OP-2,Terras,Bron,physical,false,2024-01-01,2201-01-01', ['validUntil', 'error.dateRange']],
    ['a start in year 0', 'OP-2,Terras,Bron,physical,false,0000-01-01,', ['validFrom', 'error.dateRange']],
    ['a day that does not exist', 'OP-2,Terras,Bron,physical,false,2026-02-30,', ['validFrom', 'error.isoDate']],
  ] as const)('refuses a line with %s, for that line and field only, and imports nothing of it', (_label, bad, [field, key]) => {
    const r = parseRulesFile('csv', `${header}\nOP-1,Goed,Bron,physical,false,2024-01-01,\n${bad}\nOP-3,Goed,Bron,physical,false,2024-01-01,\n`);
    expect(r.problems.map((p) => [p.line, p.field, p.key])).toEqual([[3, field, key]]);
    expect(r.rows.map((x) => x.rule.code)).toEqual(['OP-1', 'OP-3']);
  });

  it('counts the lines of a quoted cell with a line break, so the next bad line is named right', () => {
    const r = parseRulesFile('csv', `${header}\nOP-1,"Twee\nregels",Bron,physical,false,2024-01-01,\nOP-2,Terras,Bron,moon,false,2024-01-01,\n`);
    expect(r.problems.map((p) => [p.line, p.field, p.key])).toEqual([
      [2, 'title', 'error.lineBreak'],
      [4, 'domain', 'error.ruleDomain'],
    ]);
  });

  it('refuses the same in a JSON file', () => {
    const json = JSON.stringify([{ code: 'OP-1', title: 'Terras\nBcc: x', legalSource: 'B', domain: 'physical', strict: false, validFrom: '1899-12-31' }]);
    expect(parseRulesFile('json', json).problems.map((p) => [p.field, p.key])).toEqual([
      ['title', 'error.lineBreak'],
      ['validFrom', 'error.dateRange'],
    ]);
  });

  it('reads semicolon-separated files (Dutch spreadsheet settings) and columns in any order', () => {
    const r = parseRulesFile('csv', 'strict;code;title;legalSource;domain;validFrom\nja;APV-2:48;Terrassen;APV artikel 2:48;economy;2024-01-01\n');
    expect(r.problems).toEqual([]);
    expect(r.rows[0]?.rule).toMatchObject({ code: 'APV-2:48', strict: true, validUntil: null });
  });

  it('gives JSON problems the line on which the element starts', () => {
    const json = `[\n  {"code": "OP-1", "title": "A", "legalSource": "B", "domain": "physical", "strict": false, "validFrom": "2024-01-01"},\n  {\n    "code": "OP-2", "title": "A", "legalSource": "B",\n    "domain": "moon", "strict": false, "validFrom": "2024-01-01"\n  },\n  "not an object"\n]`;
    expect(parseRulesFile('json', json).problems.map((p) => [p.line, p.field, p.key])).toEqual([
      [3, 'domain', 'error.ruleDomain'],
      [7, 'content', 'error.jsonNotObject'],
    ]);
  });

  it.each([
    // [label, JSON text, [line, key]]
    ['broken JSON: the line of the error', '[\n  {"code": "OP-1",\n  }\n]', [3, 'error.jsonSyntax']],
    ['an object instead of a list', '{"code": "OP-1"}', [1, 'error.jsonNotArray']],
  ] as const)('%s', (_label, json, [line, key]) => {
    expect(parseRulesFile('json', json).problems).toEqual([{ line, field: 'content', key }]);
  });

  const rules: RuleFields[] = [
    {
      code: 'APV-2:48',
      title: 'Terrassen, "openingstijden" en geluid',
      legalSource: 'APV artikel 2:48',
      domain: 'economy',
      strict: false,
      validFrom: '2024-01-01',
      validUntil: '2026-12-31',
    },
    { code: 'BIBOB', title: '-integriteitstoets', legalSource: 'Wet Bibob', domain: 'safety', strict: true, validFrom: '2020-01-01', validUntil: null },
  ];
  it.each(['csv', 'json'] as const)('serialises to %s and parses back to the same rules', (format) => {
    const back = parseRulesFile(format, serializeRules(rules, format));
    expect(back.problems).toEqual([]);
    expect(back.rows.map((r) => r.rule)).toEqual(rules);
  });
});

describe('planning an import', () => {
  const today = '2026-03-02';
  const existing: Rule[] = [
    {
      id: 'r1',
      version: 1,
      code: 'OP-4.12',
      title: 'Bedrijven',
      legalSource: 'Omgevingsplan artikel 4.12',
      domain: 'physical',
      strict: false,
      validFrom: '2020-01-01',
      validUntil: null,
    },
  ];
  const row = (line: number, over: Partial<RuleFields>) => ({ line, rule: { ...existing[0], ...over } as RuleFields });
  const strip = ({ id: _id, version: _v, ...f }: Rule) => f;

  it.each([
    // [label, rows, creates, updates, unchanged, problem [line, key]]
    ['the same row again changes nothing', [row(2, strip(existing[0] as Rule))], 0, 0, 1, null],
    ['a new title updates the version with that start', [row(2, { ...strip(existing[0] as Rule), title: 'Bedrijven en winkels' })], 0, 1, 0, null],
    ['a new code adds a rule', [row(2, { code: 'OP-5.1' })], 1, 0, 0, null],
    ['a new version after ending the old one in the same file', [row(2, { validUntil: '2026-12-31' }), row(3, { validFrom: '2027-01-01' })], 1, 1, 0, null],
    ['a new version overlapping the open old one', [row(2, { validFrom: '2027-01-01' })], 0, 0, 0, [2, 'error.ruleOverlaps']],
    ['ending a rule in force retroactively', [row(2, { validUntil: '2026-02-01' })], 0, 0, 0, [2, 'error.ruleShortensPast']],
  ] as const)('%s', (_label, rows, creates, updates, unchanged, problem) => {
    const plan = planImport(existing, rows, today);
    expect(plan.problems.map((p) => [p.line, p.key])).toEqual(problem ? [problem] : []);
    if (!problem) expect([plan.creates.length, plan.updates.length, plan.unchanged]).toEqual([creates, updates, unchanged]);
  });
});
