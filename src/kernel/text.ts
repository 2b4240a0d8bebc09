// What no text Regie stores may hold, whatever the field and however it arrives (a
// request, an imported file). Pure.

export type TextProblem = 'error.controlCharacter' | 'error.lineBreak' | 'error.loneSurrogate';

/**
 * Why a text is refused: a control character (NUL, the rest of C0, DEL; multi-line
 * text keeps tab, line feed and carriage return, a single line keeps none, as a CR/LF
 * in a title would become a header line in a mail, and a line break there is named
 * as such), or a UTF-16 surrogate without its partner, which PostgreSQL cannot store.
 */
export function textProblem(s: string, multiLine = true): TextProblem | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      if (multiLine && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return c === 0x0a || c === 0x0d ? 'error.lineBreak' : 'error.controlCharacter';
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'error.loneSurrogate';
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'error.loneSurrogate';
  }
  return null;
}

/**
 * What a single line refuses beyond what every text refuses (textProblem): a line
 * break (CR or LF) or a tab.
 */
export function lineProblem(s: string): 'error.lineBreak' | 'error.controlCharacter' | null {
  if (/[\r\n]/.test(s)) return 'error.lineBreak';
  return s.includes('\t') ? 'error.controlCharacter' : null;
}
