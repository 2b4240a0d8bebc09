// Attachments: the pure rules (docs/product.md#attachments). Which kinds of file are
// taken (decided by their content, never by their name), the limits per municipality,
// a file name that is safe to store and to offer for download, and the headers a
// download is sent with.

/** What a file can hang on. */
export const ATTACHMENT_ON = ['intake', 'message', 'answer', 'commitment'] as const;
export type AttachmentOn = (typeof ATTACHMENT_ON)[number];

/** Files on a department's answer or a commitment name the thing they hang on. */
export const needsTarget = (on: AttachmentOn): boolean => on === 'answer' || on === 'commitment';

/**
 * The types taken, as detected from the first bytes of the file: drawings and documents
 * as PDF, photos as PNG, JPEG, WebP or HEIC. Office documents (DOCX, ODT) are not taken:
 * they are zip containers that can carry macros and links to outside content, and a PDF
 * says the same (docs/product.md#attachments).
 */
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

/** The media type the file is stored and served as, or null when it is not taken. */
export function acceptedType(detected: { mime: string } | undefined): string | null {
  if (!detected) return null;
  return Object.hasOwn(ALLOWED_TYPES, detected.mime) ? detected.mime : null;
}

export interface AttachmentLimits {
  maxFileMb: number;
  maxFiles: number;
}

/** The limits of a municipality that has not set its own. */
export const DEFAULT_LIMITS: AttachmentLimits = { maxFileMb: 10, maxFiles: 10 };
export const LIMIT_BOUNDS = { maxFileMb: { min: 1, max: 100 }, maxFiles: { min: 1, max: 50 } } as const;

export const maxBytes = (l: AttachmentLimits): number => l.maxFileMb * 1024 * 1024;

/** Whether one more file may hang on a thing that has `count` already. */
export const roomForOneMore = (count: number, l: AttachmentLimits): boolean => count < l.maxFiles;

/**
 * The name a file is stored and offered under: the base name the browser sent, without
 * a path, control characters or characters that mean something in a header or a file
 * system; at most 255 characters; "bijlage" when nothing is left. The extension is set
 * to the detected type's, so a download never claims another type than it has.
 */
export function safeFileName(sent: string | undefined, mime: string): string {
  const base = (sent ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const ext = ALLOWED_TYPES[mime] ?? 'bin';
  const stem = cleaned.replace(/\.[^.]{1,10}$/, '').trim() || 'bijlage';
  return `${stem.slice(0, 255 - ext.length - 1)}.${ext}`;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266, RFC 8187): never shown inline. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The headers of every download: a file is always a download, never a page of Regie;
 * the browser may not guess another type, and should it render the file anyway, the
 * sandbox takes away scripts, forms and the origin.
 */
export function downloadHeaders(fileName: string, mediaType: string, size: number): Record<string, string> {
  return {
    'content-type': mediaType,
    'content-length': String(size),
    'content-disposition': contentDisposition(fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'private, no-store',
  };
}

/** How long after a public intake its sender may still add files without an account. */
export const INTAKE_SLOT_MINUTES = 60;

/**
 * A public intake takes files from its sender (who has no account yet) while the
 * intake is unconfirmed, came in through the web form, and at most an hour ago
 * (docs/product.md#attachments).
 */
export function intakeSlotOpen(c: { initiatorId: string | null; channel: string; submittedAt: Date }, now: Date): boolean {
  if (c.initiatorId !== null || c.channel !== 'web') return false;
  const age = now.getTime() - c.submittedAt.getTime();
  return age >= 0 && age <= INTAKE_SLOT_MINUTES * 60_000;
}
