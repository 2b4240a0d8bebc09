// A small RFC 4180 reader and writer: quoted fields, doubled quotes, delimiters and
// line breaks inside quotes. The one CSV implementation: the rules register's import
// and export and the commitments register's export both use it. No CSV package is
// installed, and the registers need only this much. Pure.

export interface CsvRecord {
  /** the file line the record starts on (1-based), so errors can point at it */
  line: number;
  cells: string[];
}

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; line: number };

/** Spreadsheet programs run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Read CSV text. A leading byte-order mark (Excel writes one) is dropped, blank lines
 * are skipped, and a quote that is never closed fails at the line its record began.
 * A leading `'` before a formula character is the writer's guard and is removed.
 */
export function readCsv(text: string, delimiter = ','): CsvRead {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current record had a quoted field (so it is not blank)
  let line = 1;
  let start = 1;
  const endCell = () => {
    cells.push(cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '' || wasQuoted) records.push({ line: start, cells });
    cells = [];
    wasQuoted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { ok: false, line: start };
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return { ok: true, records };
}

/** A plain number as a Dutch spreadsheet reads it ("-1234,50"): data, never a formula. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;

/** The separators an export offers: `;` is what Excel with Dutch regional settings splits on. */
export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export interface CsvWriteOptions {
  /** the cell separator; `,` by default (RFC 4180), `;` for Dutch spreadsheets */
  separator?: CsvSeparator;
  /** start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8 (é, €, ’) */
  bom?: boolean;
}

/**
 * Write CSV with CRLF line ends (RFC 4180). A cell that a spreadsheet would run as a
 * formula gets a leading `'` (OWASP, CSV injection); readCsv removes it again, so an
 * export imports back unchanged. A plain number ("-1234,50") is left as it is: it is
 * no formula, and the guard would turn it into text.
 */
export function writeCsv(rows: readonly (readonly string[])[], opts: CsvWriteOptions = {}): string {
  const separator = opts.separator ?? ',';
  // Quotes, line breaks and either separator are quoted; a comma only when it separates,
  // so "1234,50" stays a bare number in a `;` file.
  const needsQuotes = separator === ',' ? /[",\r\n;]/ : /["\r\n;]/;
  const cell = (v: string) => {
    const safe = FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
    return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const body = rows.map((r) => `${r.map(cell).join(separator)}\r\n`).join('');
  return opts.bom ? `\uFEFF${body}` : body;
}

/** Comma, unless the header uses semicolons only (Dutch spreadsheet settings do). */
export function detectDelimiter(text: string): ',' | ';' {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first.includes(';') && !first.includes(',') ? ';' : ',';
}
