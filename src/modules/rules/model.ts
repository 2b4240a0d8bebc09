// Pure rules of the rules register (regelregister, docs/product.md#the-rules-register): when a rule may
// be cited, how its versions' periods relate, what a register row must hold, and
// the CSV/JSON exchange format with per-line errors. No I/O; tested in model.test.ts.
import type { IsoDate } from '../../kernel/calendar.js';
import { detectDelimiter, readCsv, writeCsv } from '../../kernel/csv.js';
import { isIsoDate, withinPeriod } from '../../kernel/dates.js';
import type { FieldProblem } from '../../kernel/errors.js';
import { textProblem } from '../../kernel/text.js';

export const DOMAINS = ['social', 'physical', 'safety', 'economy', 'governance'] as const;
export type Domain = (typeof DOMAINS)[number];

export interface RulePeriod {
  validFrom: IsoDate;
  /** the last day the rule may be cited (inclusive); null: no end */
  validUntil: IsoDate | null;
}

/** What a register row says; the exchange format has exactly these fields. */
export interface RuleFields extends RulePeriod {
  code: string;
  title: string;
  legalSource: string;
  domain: Domain;
  /** safety, public order, crime: applied as written, never overruled (docs/product.md#strict-rules) */
  strict: boolean;
}

export interface Rule extends RuleFields {
  id: string;
  version: number;
}

export const EXCHANGE_FIELDS = ['code', 'title', 'legalSource', 'domain', 'strict', 'validFrom', 'validUntil'] as const;
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,39}$/; // same as the check in 002_rules_register.sql
export const TEXT_MAX = 300;
export const IMPORT_MAX_ROWS = 5000;

// ---- validity -----------------------------------------------------------------------

/**
 * Whether a rule may be cited in a new objection on `onDate` (docs/product.md#the-rules-register:
 * an expired rule cannot be cited). Both ends are inclusive; a rule not yet in force cannot be
 * cited either.
 */
export const isCitable = (rule: RulePeriod, onDate: IsoDate): boolean => withinPeriod(rule, onDate);

/** Two periods share at least one day. ISO dates compare correctly as strings. */
export const overlaps = (a: RulePeriod, b: RulePeriod): boolean =>
  (a.validUntil === null || b.validFrom <= a.validUntil) && (b.validUntil === null || a.validFrom <= b.validUntil);

/**
 * A change may not take away a day on which the rule could already be cited (up to
 * and including today): an objection may cite it on that day. This is what "rules
 * are never deleted once they could have been cited" means for the period. Ending a
 * rule today, or any later day, is fine; ending it yesterday is not.
 */
export function keepsPastCitable(before: RulePeriod, after: RulePeriod, today: IsoDate): boolean {
  if (before.validFrom > today) return true; // never citable yet
  const lastPastDay = before.validUntil !== null && before.validUntil < today ? before.validUntil : today;
  return after.validFrom <= before.validFrom && (after.validUntil === null || after.validUntil >= lastPastDay);
}

// ---- validating a row ---------------------------------------------------------------

const CSV_BOOLEANS = new Map([
  ['true', true],
  ['ja', true],
  ['false', false],
  ['nee', false],
]);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const ISO_DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;
/** A date that is written right but is not a day Regie keeps (before 1900, after 2200) says so. */
const dateProblem = (s: string) =>
  ISO_DATE_FORM.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
    ? 'error.dateRange'
    : 'error.isoDate';

/**
 * Check one row of the exchange format. CSV gives strings (strict as true/false or
 * ja/nee); JSON gives typed values (strict as a boolean). An empty validUntil means
 * no end. Every problem is reported, not only the first.
 */
export function validateRuleRecord(raw: Record<string, unknown>, source: 'csv' | 'json'): { rule?: RuleFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  // Every field of a register row is one line of text (docs/product.md#the-rules-register):
  // a line break (a quoted CSV cell may hold one), another control character or a lone
  // surrogate is refused for that row and field, before anything else is checked in it.
  const spoilt = new Set<string>();
  for (const field of EXCHANGE_FIELDS) {
    const v = raw[field];
    const key = typeof v === 'string' ? textProblem(v, false) : null;
    if (key) {
      problems.push({ field, key });
      spoilt.add(field);
    }
  }
  const need = (field: string) => {
    if (spoilt.has(field)) return '';
    const v = text(raw[field]);
    if (!v) problems.push({ field, key: 'error.required' });
    return v ?? '';
  };
  for (const field of Object.keys(raw)) {
    if (!(EXCHANGE_FIELDS as readonly string[]).includes(field)) problems.push({ field, key: 'error.unknownField' });
  }
  const code = need('code');
  if (code && !CODE_PATTERN.test(code)) problems.push({ field: 'code', key: 'error.ruleCodeFormat' });
  const title = need('title');
  const legalSource = need('legalSource');
  for (const [field, v] of [
    ['title', title],
    ['legalSource', legalSource],
  ] as const) {
    if (v.length > TEXT_MAX) problems.push({ field, key: 'error.tooLong', params: { max: TEXT_MAX } });
  }
  const domain = need('domain');
  if (domain && !(DOMAINS as readonly string[]).includes(domain)) problems.push({ field: 'domain', key: 'error.ruleDomain' });
  let strict: boolean | undefined;
  const s = raw.strict;
  if (typeof s === 'boolean') strict = s;
  else if (source === 'csv' && typeof s === 'string') strict = CSV_BOOLEANS.get(s.trim().toLowerCase());
  if (strict === undefined && !spoilt.has('strict')) problems.push({ field: 'strict', key: source === 'csv' ? 'error.ruleStrictCsv' : 'error.ruleStrictJson' });
  const validFrom = need('validFrom');
  if (validFrom && !isIsoDate(validFrom)) problems.push({ field: 'validFrom', key: dateProblem(validFrom) });
  const until = raw.validUntil === null || raw.validUntil === undefined || spoilt.has('validUntil') ? '' : (text(raw.validUntil) ?? '\0');
  if (until && !isIsoDate(until)) problems.push({ field: 'validUntil', key: dateProblem(until) });
  else if (until && isIsoDate(validFrom) && until < validFrom) problems.push({ field: 'validUntil', key: 'error.ruleEndBeforeStart' });
  if (problems.length) return { problems };
  return { rule: { code, title, legalSource, domain: domain as Domain, strict: strict as boolean, validFrom, validUntil: until || null }, problems };
}

// ---- the exchange file --------------------------------------------------------------

export interface LineProblem extends FieldProblem {
  /** line in the file: CSV counts the header as line 1; JSON the line an element starts on */
  line: number;
}
export interface ParsedRow {
  line: number;
  rule: RuleFields;
}

/** Parse a whole file; returns every row and every problem, per line. */
export function parseRulesFile(format: 'csv' | 'json', content: string): { rows: ParsedRow[]; problems: LineProblem[] } {
  const records = format === 'csv' ? csvRecords(content) : jsonRecords(content);
  if ('problem' in records) return { rows: [], problems: [records.problem] };
  const rows: ParsedRow[] = [];
  const problems: LineProblem[] = [];
  if (records.length > IMPORT_MAX_ROWS) return { rows, problems: [{ line: 1, field: 'content', key: 'error.tooManyRows', params: { max: IMPORT_MAX_ROWS } }] };
  for (const r of records) {
    if ('problem' in r) {
      problems.push(r.problem);
      continue;
    }
    const v = validateRuleRecord(r.raw, format);
    problems.push(...v.problems.map((p) => ({ ...p, line: r.line })));
    if (v.rule) rows.push({ line: r.line, rule: v.rule });
  }
  // One file may hold several versions of a rule, but not the same one twice.
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.rule.code}\0${r.rule.validFrom}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line: r.line, field: 'validFrom', key: 'error.ruleDuplicateInFile', params: { code: r.rule.code, line: first } });
    else seen.set(key, r.line);
  }
  return { rows, problems: problems.sort((a, b) => a.line - b.line) };
}

type RawRecord = { line: number; raw: Record<string, unknown> } | { problem: LineProblem };

function csvRecords(content: string): RawRecord[] | { problem: LineProblem } {
  const read = readCsv(content, detectDelimiter(content));
  if (!read.ok) return { problem: { line: read.line, field: 'content', key: 'error.csvUnclosedQuote' } };
  const [header, ...body] = read.records;
  if (!header) return { problem: { line: 1, field: 'content', key: 'error.emptyFile' } };
  const columns = header.cells.map((c) => c.trim());
  const missing = EXCHANGE_FIELDS.filter((f) => !columns.includes(f) && f !== 'validUntil');
  const unknown = columns.filter((c) => !(EXCHANGE_FIELDS as readonly string[]).includes(c));
  if (missing.length || unknown.length) {
    const [column, key] = missing.length ? [missing.join(', '), 'error.csvMissingColumn'] : [unknown.join(', '), 'error.csvUnknownColumn'];
    return { problem: { line: header.line, field: 'header', key, params: { column } } };
  }
  return body.map((r): RawRecord => {
    if (r.cells.length !== columns.length) {
      return { problem: { line: r.line, field: 'content', key: 'error.csvFieldCount', params: { found: r.cells.length, expected: columns.length } } };
    }
    return { line: r.line, raw: Object.fromEntries(columns.map((c, i) => [c, r.cells[i]])) };
  });
}

function jsonRecords(content: string): RawRecord[] | { problem: LineProblem } {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    // V8 names the offset: "… in JSON at position 42".
    const at = Number(/position (\d+)/.exec(String((e as Error).message))?.[1] ?? 0);
    return { problem: { line: lineAt(content, at), field: 'content', key: 'error.jsonSyntax' } };
  }
  if (!Array.isArray(data)) return { problem: { line: 1, field: 'content', key: 'error.jsonNotArray' } };
  const lines = arrayElementLines(content);
  return data.map((item, i): RawRecord => {
    const line = lines[i] ?? 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return { problem: { line, field: 'content', key: 'error.jsonNotObject' } };
    return { line, raw: item as Record<string, unknown> };
  });
}

const lineAt = (s: string, offset: number) => s.slice(0, offset).split('\n').length;

/** The line each element of a top-level JSON array starts on (the text parsed already). */
function arrayElementLines(s: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let escaped = false;
  let expectValue = false;
  for (const ch of s) {
    if (ch === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectValue && !/\s|\]/.test(ch)) {
      lines.push(line);
      expectValue = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectValue = true;
  }
  return lines;
}

/** A rule's own fields, in the exchange format's order (the API shows them in the same order). */
export const pickRuleFields = (r: RuleFields): RuleFields => ({
  code: r.code,
  title: r.title,
  legalSource: r.legalSource,
  domain: r.domain,
  strict: r.strict,
  validFrom: r.validFrom,
  validUntil: r.validUntil,
});

/** The register as CSV (header first, CRLF) or as a JSON array; both import back. */
export function serializeRules(rules: readonly RuleFields[], format: 'csv' | 'json'): string {
  const rows = rules.map(pickRuleFields);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return writeCsv([[...EXCHANGE_FIELDS], ...rows.map((r) => EXCHANGE_FIELDS.map((f) => (r[f] === null ? '' : String(r[f]))))]);
}

// ---- planning an import -------------------------------------------------------------

export interface ImportPlan {
  creates: RuleFields[];
  updates: Array<{ before: Rule; after: RuleFields }>;
  unchanged: number;
  problems: LineProblem[];
}

const sameFields = (a: RuleFields, b: RuleFields) => EXCHANGE_FIELDS.every((f) => a[f] === b[f]);

/**
 * Decide what an import does against the register as it is: a row whose (code,
 * validFrom) exists updates that version, any other row adds one. Refused per line:
 * a version whose period would overlap another version of the same code, and an
 * update that takes away a day on which the rule could already be cited.
 */
export function planImport(existing: readonly Rule[], rows: readonly ParsedRow[], today: IsoDate): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, problems: [] };
  const key = (r: { code: string; validFrom: string }) => `${r.code}\0${r.validFrom}`;
  const current = new Map(existing.map((r) => [key(r), r]));
  const incoming = new Map(rows.map((r) => [key(r.rule), r]));
  for (const row of rows) {
    const before = current.get(key(row.rule));
    if (before && !keepsPastCitable(before, row.rule, today)) {
      plan.problems.push({ line: row.line, field: 'validUntil', key: 'error.ruleShortensPast', params: { code: row.rule.code } });
      continue;
    }
    // The register after the import: untouched versions plus every row of the file.
    const others = [
      ...existing.filter((r) => r.code === row.rule.code && !incoming.has(key(r))),
      ...rows.filter((r) => r !== row && r.rule.code === row.rule.code).map((r) => r.rule),
    ];
    const clash = others.find((o) => o.validFrom !== row.rule.validFrom && overlaps(o, row.rule));
    if (clash) {
      plan.problems.push({ line: row.line, field: 'validFrom', key: 'error.ruleOverlaps', params: { code: row.rule.code, validFrom: clash.validFrom } });
      continue;
    }
    if (!before) plan.creates.push(row.rule);
    else if (sameFields(before, row.rule)) plan.unchanged++;
    else plan.updates.push({ before, after: row.rule });
  }
  return plan;
}
