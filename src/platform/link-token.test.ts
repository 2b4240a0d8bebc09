import { describe, expect, it } from 'vitest';
import { linkTokenHash, newLinkToken, parseLinkToken } from './link-token.js';

const M = '0b5e6a2e-6a0e-4a43-9d0c-3f7a1c2b4d5e';

describe('one-time link tokens', () => {
  it('names its municipality and is stored only as its hash', () => {
    const t = newLinkToken(M);
    const parsed = parseLinkToken(t);
    expect(parsed?.municipalityId).toBe(M);
    expect(parsed?.hash).toBe(linkTokenHash(t));
    expect(parsed?.hash).not.toContain(t.split('.')[1]);
    expect(newLinkToken(M)).not.toBe(t);
  });
  it.each([
    ['no dot', 'abcdef'],
    ['not a municipality id', 'xyz.0123456789012345678901234567890'],
    ['too short a secret', `${M}.abc`],
    ['empty', ''],
  ])('refuses %s', (_label, token) => {
    expect(parseLinkToken(token)).toBeNull();
  });
});
