import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { ifMatchCondition, parseIfMatch, versionMatches } from './preconditions.js';

describe('If-Match (RFC 9110 13.1.1)', () => {
  it.each([
    // [label, header, parsed]
    ['a star', '*', '*'],
    ['a star with whitespace', '  *\t', '*'],
    ['one strong tag', '"7"', [{ weak: false, opaque: '7' }]],
    ['a weak tag', 'W/"7"', [{ weak: true, opaque: '7' }]],
    [
      'a list with whitespace',
      '"6" ,\t"7",W/"8"',
      [
        { weak: false, opaque: '6' },
        { weak: false, opaque: '7' },
        { weak: true, opaque: '8' },
      ],
    ],
    ['empty list elements are allowed', ', "7" ,,', [{ weak: false, opaque: '7' }]],
    ['a comma inside a tag is part of the tag', '"a,b"', [{ weak: false, opaque: 'a,b' }]],
    ['the empty tag', '""', [{ weak: false, opaque: '' }]],
  ] as const)('parses %s', (_label, header, parsed) => {
    expect(parseIfMatch(header)).toEqual(parsed);
  });

  it.each([
    ['an unquoted version', '7'],
    ['an unterminated tag', '"7'],
    ['a lower-case weak prefix', 'w/"7"'],
    ['a weak prefix without quotes', 'W/7'],
    ['a star in a list', '*, "7"'],
    ['two tags without a comma', '"6" "7"'],
    ['a space inside a tag', '"7 8"'],
    ['a quote-less word', 'abc'],
  ])('refuses %s with a 400', (_label, header) => {
    let caught: unknown;
    try {
      parseIfMatch(header);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ status: 400, key: 'error.ifMatchMalformed' });
  });

  it.each([
    // [label, header, current version, matches]
    ['the current version', '"7"', 7, true],
    ['an old version', '"6"', 7, false],
    ['a star matches any current version', '*', 7, true],
    ['a list matches when any entry matches', '"5", "7", "9"', 7, true],
    ['a list of old versions does not match', '"5", "6"', 7, false],
    ['a weak tag never matches (strong comparison)', 'W/"7"', 7, false],
    ['a weak tag beside a strong one: the strong one counts', 'W/"6", "7"', 7, true],
    ['a tag that is no version of ours matches nothing', '"abc"', 7, false],
    ['a leading zero is another tag', '"07"', 7, false],
    ['an empty list matches nothing', ',', 7, false],
  ] as const)('%s', (_label, header, current, matches) => {
    expect(versionMatches(ifMatchCondition(header), current)).toBe(matches);
  });

  it('holds without a condition, and a star needs a current representation', () => {
    expect(versionMatches(undefined, 3)).toBe(true);
    expect(versionMatches(undefined, null)).toBe(true);
    expect(versionMatches('*', null)).toBe(false);
    expect(versionMatches(3, 3)).toBe(true);
    expect(versionMatches(3, 4)).toBe(false);
  });
});
