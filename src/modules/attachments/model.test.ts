import { describe, expect, it } from 'vitest';
import { acceptedType, contentDisposition, downloadHeaders, intakeSlotOpen, maxBytes, roomForOneMore, safeFileName } from './model.js';

describe('which files are taken (by their detected content)', () => {
  it.each([
    ['a PDF', { mime: 'application/pdf' }, 'application/pdf'],
    ['a PNG', { mime: 'image/png' }, 'image/png'],
    ['a JPEG', { mime: 'image/jpeg' }, 'image/jpeg'],
    ['a WebP photo', { mime: 'image/webp' }, 'image/webp'],
    ['a HEIC photo', { mime: 'image/heic' }, 'image/heic'],
    ['a Word document (a zip that can carry macros)', { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, null],
    ['a zip', { mime: 'application/zip' }, null],
    ['an SVG (can hold script)', { mime: 'image/svg+xml' }, null],
    ['nothing recognised (text, HTML)', undefined, null],
    ['a name of Object.prototype', { mime: 'constructor' }, null],
  ])('%s', (_label, detected, expected) => {
    expect(acceptedType(detected)).toBe(expected);
  });
});

describe('the stored file name', () => {
  it.each([
    ['keeps a plain name', 'Tekening.pdf', 'application/pdf', 'Tekening.pdf'],
    ['drops a Windows path', 'C:\\Users\\jan\\tekening.pdf', 'application/pdf', 'tekening.pdf'],
    ['drops a Unix path', '../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['sets the extension to the detected type', 'foto.pdf', 'image/jpeg', 'foto.jpg'],
    ['adds it when missing', 'schets', 'image/png', 'schets.png'],
    ['removes quotes and control characters', 'a"b\r\nc.pdf', 'application/pdf', 'abc.pdf'],
    ['never starts with a dot', '.htaccess', 'application/pdf', 'htaccess.pdf'],
    ['"bijlage" when nothing is left', '', 'image/png', 'bijlage.png'],
    ['keeps letters of any language', 'tekening-café-Ærø.pdf', 'application/pdf', 'tekening-café-Ærø.pdf'],
  ])('%s', (_label, sent, mime, expected) => {
    expect(safeFileName(sent, mime)).toBe(expected);
  });

  it('is at most 255 characters', () => {
    expect(safeFileName(`${'a'.repeat(400)}.pdf`, 'application/pdf')).toHaveLength(255);
  });
});

describe('the download headers', () => {
  it('an attachment with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(contentDisposition('Tekening café (1).pdf')).toBe(
      `attachment; filename="Tekening caf_ (1).pdf"; filename*=UTF-8''Tekening%20caf%C3%A9%20%281%29.pdf`,
    );
  });

  it('never inline, no sniffing, sandboxed', () => {
    expect(downloadHeaders('a.pdf', 'application/pdf', 12)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': '12',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
    });
  });
});

describe('limits', () => {
  it('counts in MiB and leaves room below the maximum only', () => {
    expect(maxBytes({ maxFileMb: 2, maxFiles: 1 })).toBe(2 * 1024 * 1024);
    expect(roomForOneMore(0, { maxFileMb: 1, maxFiles: 1 })).toBe(true);
    expect(roomForOneMore(1, { maxFileMb: 1, maxFiles: 1 })).toBe(false);
  });
});

describe('the public intake’s upload slot', () => {
  const at = new Date('2026-03-02T09:00:00Z');
  const c = { initiatorId: null, channel: 'web', submittedAt: at };
  it.each([
    ['just sent', c, 0, true],
    ['an hour later, to the minute', c, 60, true],
    ['an hour and a minute later', c, 61, false],
    ['confirmed (an account now owns it)', { ...c, initiatorId: 'u1' }, 1, false],
    ['registered at the desk', { ...c, channel: 'desk' }, 1, false],
    ['a clock that stands before the submission', c, -1, false],
  ])('%s', (_label, kase, minutes, expected) => {
    expect(intakeSlotOpen(kase, new Date(at.getTime() + minutes * 60_000))).toBe(expected);
  });
});
