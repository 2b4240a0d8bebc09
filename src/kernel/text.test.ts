import { describe, expect, it } from 'vitest';
import { lineProblem, textProblem } from './text.js';

describe('text Regie stores', () => {
  it.each([
    // [label, text, multi-line, expected]
    ['plain text', 'Terras aan de Markt', false, null],
    ['a pair of surrogates (an emoji)', 'Terras 🌞', false, null],
    ['a NUL', 'a\u0000b', true, 'error.controlCharacter'],
    ['a line feed on one line', 'Terras\nBcc: x@example.org', false, 'error.lineBreak'],
    ['a CR/LF on one line', 'Terras\r\nBcc: x@example.org', false, 'error.lineBreak'],
    ['a lone CR on one line', 'Terras\rx', false, 'error.lineBreak'],
    ['a tab on one line', 'a\tb', false, 'error.controlCharacter'],
    ['newlines and a tab in multi-line text', 'een\r\ntwee\tdrie', true, null],
    ['a form feed in multi-line text', 'a\fb', true, 'error.controlCharacter'],
    ['DEL', 'a\u007fb', true, 'error.controlCharacter'],
    ['a lone high surrogate', 'a\ud800b', true, 'error.loneSurrogate'],
    ['a lone high surrogate at the end', 'a\ud800', true, 'error.loneSurrogate'],
    ['a lone low surrogate', '\udc00a', true, 'error.loneSurrogate'],
  ] as const)('%s', (_label, text, multi, expected) => {
    expect(textProblem(text, multi)).toBe(expected);
  });

  it.each([
    ['plain text', 'Terras', null],
    ['a line feed', 'a\nb', 'error.lineBreak'],
    ['a carriage return', 'a\rb', 'error.lineBreak'],
    ['a tab', 'a\tb', 'error.controlCharacter'],
    // what every text refuses is textProblem's, not this one's
    ['a NUL', 'a\u0000b', null],
  ] as const)('a single line beyond that: %s', (_label, text, expected) => {
    expect(lineProblem(text)).toBe(expected);
  });
});
