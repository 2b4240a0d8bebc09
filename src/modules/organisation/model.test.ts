// The municipality's own look: colour contrast and what counts as a logo
// (docs/product.md#the-municipalitys-own-look).
import { describe, expect, it } from 'vitest';
import { contrastWithWhite, isHexColour, readableWithWhite, sniffLogo } from './model.js';

describe('primary colour contrast with white text', () => {
  it('computes the WCAG ratio for known colours', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#01689b')).toBeCloseTo(6.03, 1);
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 1);
  });
  it('accepts colours white text is readable on and refuses the others', () => {
    expect(readableWithWhite('#01689b')).toBe(true);
    expect(readableWithWhite('#767676')).toBe(true);
    expect(readableWithWhite('#cc0000')).toBe(true);
    expect(readableWithWhite('#ffcc00')).toBe(false);
    expect(readableWithWhite('#777777')).toBe(false);
    expect(readableWithWhite('#ffffff')).toBe(false);
  });
  it('knows a #rrggbb colour', () => {
    expect(isHexColour('#01689b')).toBe(true);
    expect(isHexColour('#01689B')).toBe(false);
    expect(isHexColour('red')).toBe(false);
    expect(isHexColour('#fff')).toBe(false);
  });
});

describe('logo sniffing', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('recognises PNG and SVG from their content', () => {
    expect(sniffLogo(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffLogo(enc('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('image/svg+xml');
    expect(sniffLogo(enc('<?xml version="1.0"?>\n<!-- logo -->\n<svg viewBox="0 0 1 1"/>'))).toBe('image/svg+xml');
  });
  it('refuses anything else', () => {
    expect(sniffLogo(enc('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffLogo(enc('GIF89a'))).toBeNull();
    expect(sniffLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
  });
});
