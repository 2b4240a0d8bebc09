import { describe, expect, it } from 'vitest';
import { caughtInHoneypot, honeypot } from './honeypot.js';

describe('the honeypot field', () => {
  it.each([
    ['left out', undefined, false],
    ['empty, as people leave it', '', false],
    ['only spaces', '   ', false],
    ['filled in, as robots do', 'https://spam.example', true],
  ])('%s', (_label, value, caught) => {
    expect(caughtInHoneypot(value)).toBe(caught);
  });

  it('is optional and bounded like every request string', () => {
    expect(honeypot().safeParse(undefined).success).toBe(true);
    expect(honeypot().safeParse('x'.repeat(201)).success).toBe(false);
  });
});
