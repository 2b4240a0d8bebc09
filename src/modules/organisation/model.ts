// Pure rules of the municipality's own look (docs/product.md#the-municipalitys-own-look).

/** The smallest contrast between the primary colour and white text (WCAG 2.1, 1.4.3: 4.5:1). */
export const MIN_CONTRAST_WITH_WHITE = 4.5;
/** A logo is small: it is stored with the municipality and served by Regie itself. */
export const LOGO_MAX_BYTES = 100 * 1024;
export const LOGO_TYPES = ['image/svg+xml', 'image/png'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const HEX = /^#[0-9a-f]{6}$/;
export const isHexColour = (c: string) => HEX.test(c);

/** Relative luminance of an sRGB `#rrggbb` colour (WCAG 2.1 definition). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio of white text on this colour, from 1 (white) to 21 (black). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/** White text (buttons, header) on the primary colour must stay readable. */
export const readableWithWhite = (hex: string) => contrastWithWhite(hex) >= MIN_CONTRAST_WITH_WHITE;

/**
 * What the uploaded bytes really are, from their first bytes rather than from what
 * the uploader says: a PNG signature, or XML text with an <svg> root. Anything else: null.
 */
export function sniffLogo(bytes: Uint8Array): LogoType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > png.length && png.every((b, i) => bytes[i] === b)) return 'image/png';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}
