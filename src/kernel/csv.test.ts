// The CSV writer and reader as the exports use them (docs/product.md#exports): a
// byte-order mark, a chosen separator, quoting, and the guard against formulas.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv, writeCsv } from './csv.js';
import { spreadsheetDateTime } from './dates.js';
import { spreadsheetAmount, spreadsheetDate } from './format.js';

describe('writeCsv for a spreadsheet', () => {
  it('starts with a byte-order mark and splits on the chosen separator', () => {
    const text = writeCsv(
      [
        ['Zaak', 'Bedrag'],
        ['Café “De Haven”; terras', '1234,50'],
      ],
      { separator: ';', bom: true },
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('Zaak;Bedrag\r\n"Café “De Haven”; terras";1234,50\r\n');
    expect(detectDelimiter(text.slice(1))).toBe(';');
    const read = readCsv(text, ';');
    expect(read.ok && read.records.map((r) => r.cells)).toEqual([
      ['Zaak', 'Bedrag'],
      ['Café “De Haven”; terras', '1234,50'],
    ]);
  });

  it.each([
    ['=SOM(A1:A9)', "'=SOM(A1:A9)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-lijst', "'-lijst"],
    ['@Piet', "'@Piet"],
    ['\tverborgen', "'\tverborgen"],
  ])('neutralises a formula cell: %j', (cell, written) => {
    const text = writeCsv([[cell, 'x']], { separator: ';' });
    expect(text.startsWith(written) || text.startsWith(`"${written}`)).toBe(true);
    const read = readCsv(text, ';');
    expect(read.ok && read.records[0]?.cells[0]).toBe(cell);
  });

  it('leaves a plain (negative) number a number', () => {
    expect(writeCsv([['-1234,50', '-12']], { separator: ';' })).toBe('-1234,50;-12\r\n');
    expect(writeCsv([['-12,5,0']], { separator: ';' })).toBe("'-12,5,0\r\n");
  });

  it('writes RFC 4180 with commas and no mark by default', () => {
    expect(writeCsv([['a', 'b;c']])).toBe('a,"b;c"\r\n');
  });
});

describe('spreadsheet cells', () => {
  it.each([
    [123450, '1234,50'],
    [5, '0,05'],
    [-250000, '-2500,00'],
    [100000000, '1000000,00'],
  ])('%i cents is %s', (cents, text) => {
    expect(spreadsheetAmount(cents)).toBe(text);
  });
  it('writes dates as dd-mm-jjjj and instants in Dutch local time', () => {
    expect(spreadsheetDate('2026-03-02')).toBe('02-03-2026');
    expect(spreadsheetDate('geen datum')).toBe('geen datum');
    expect(spreadsheetDateTime(new Date('2026-07-01T08:05:00Z'))).toBe('01-07-2026 10:05');
    expect(spreadsheetDateTime(new Date('2026-01-01T08:05:00Z'))).toBe('01-01-2026 09:05');
  });
});
