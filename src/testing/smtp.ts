/**
 * An in-process SMTP server that captures mail for tests.
 *
 * Plain SMTP on 127.0.0.1 (no TLS, no auth). Each message is parsed just far
 * enough for assertions: From, To, Subject (RFC 2047 decoded) and the
 * text/plain body (quoted-printable / base64 decoded, also inside multipart).
 * Not a general MIME parser: it covers what nodemailer produces.
 */
import type net from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  from: string;
  /** Addresses in the To header (bare addresses, no display names). */
  to: string[];
  subject: string;
  /** Decoded text/plain body with \n line endings. */
  text: string;
  raw: string;
  /** RCPT TO addresses, including Cc/Bcc recipients. */
  envelopeTo: string[];
}

export interface SmtpTestServer {
  url: string;
  port: number;
  messages: CapturedMail[];
  waitForMail(pred: (m: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  clear(): void;
  stop(): Promise<void>;
}

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const messages: CapturedMail[] = [];
  const listeners = new Set<(m: CapturedMail) => void>();

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    disableReverseLookup: true, // no DNS lookups of 127.0.0.1 per connection
    closeTimeout: 1000,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const mail = parseMail(
          Buffer.concat(chunks),
          session.envelope.rcptTo.map((a) => a.address),
        );
        messages.push(mail);
        for (const l of [...listeners]) l(mail);
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as net.AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitForMail(pred, timeoutMs = 10_000) {
      const found = messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const listener = (m: CapturedMail) => {
          if (!pred(m)) return;
          done();
          resolve(m);
        };
        const timer = setTimeout(() => {
          done();
          const subjects = messages.map((m) => JSON.stringify(m.subject)).join(', ') || '(none)';
          reject(new Error(`no matching mail within ${timeoutMs} ms; received ${messages.length}: ${subjects}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        listeners.add(listener);
      });
    },
    clear() {
      messages.length = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// --- minimal MIME parsing -------------------------------------------------
// Structure is parsed on a latin1 string, which maps bytes 1:1 to chars, so
// 8bit bodies can be turned back into bytes and decoded with their charset.

interface Part {
  headers: Map<string, string>;
  body: string; // latin1
}

export function parseMail(raw: Buffer, envelopeTo: string[] = []): CapturedMail {
  // SMTP needs the data to end in CRLF, so one is added when the text lacks it:
  // drop it, so `text` equals what was sent.
  const top = splitPart(raw.toString('latin1').replace(/\r?\n$/, ''));
  const header = (name: string) => decodeWords(headerText(top.headers.get(name) ?? ''));
  return {
    from: header('from'),
    to: addresses(header('to')),
    subject: header('subject'),
    text: findText(top) ?? '',
    raw: raw.toString('utf8'),
    envelopeTo,
  };
}

function splitPart(s: string): Part {
  const m = /\r?\n\r?\n/.exec(s);
  const head = m ? s.slice(0, m.index) : s;
  const body = m ? s.slice(m.index + m[0].length) : '';
  const headers = new Map<string, string>();
  // Unfold continuation lines, then split "Name: value".
  for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

/** Depth-first: the first text/plain part (a message without Content-Type is text/plain). */
function findText(part: Part): string | undefined {
  const { type, params } = contentType(part.headers.get('content-type') ?? 'text/plain');
  if (type.startsWith('multipart/') && params.boundary) {
    const delim = `--${params.boundary}`;
    // Parts sit between delimiter lines; the first chunk is the preamble, the
    // one after the closing "--boundary--" the epilogue.
    const chunks = part.body.split(new RegExp(`(?:^|\\r?\\n)${escapeRe(delim)}`));
    for (const chunk of chunks.slice(1)) {
      if (chunk.startsWith('--')) break;
      const text = findText(splitPart(chunk.replace(/^[ \t]*\r?\n/, '')));
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (type !== 'text/plain' || /^attachment/i.test(part.headers.get('content-disposition') ?? '')) return undefined;
  const cte = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes = cte === 'base64' ? Buffer.from(part.body, 'base64') : cte === 'quoted-printable' ? decodeQp(part.body) : Buffer.from(part.body, 'latin1');
  return decodeCharset(bytes, params.charset).replace(/\r\n/g, '\n');
}

function contentType(value: string): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const i = p.indexOf('=');
    if (i > 0)
      params[p.slice(0, i).trim().toLowerCase()] = p
        .slice(i + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeQp(s: string): Buffer {
  const noSoftBreaks = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < noSoftBreaks.length; i++) {
    const hex = noSoftBreaks.slice(i + 1, i + 3);
    if (noSoftBreaks[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(noSoftBreaks.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8'); // unknown charset label
  }
}

/** RFC 2047 encoded words (=?utf-8?Q?...?= / =?utf-8?B?...?=) in a header value. */
function decodeWords(value: string): string {
  return (
    value
      // Whitespace between two adjacent encoded words is not part of the text.
      .replace(/(\?=)\s+(?==\?)/g, '$1')
      .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
        const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQp(data.replace(/_/g, ' '));
        return decodeCharset(bytes, charset.replace(/\*.*$/, '')); // drop an RFC 2231 language suffix
      })
  );
}

/** Header bytes (as latin1) to text: raw 8bit headers (SMTPUTF8) are UTF-8 when valid. */
function headerText(latin1: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
}

function addresses(value: string): string[] {
  return [...value.matchAll(/[^\s<>,;:"]+@[^\s<>,;"]+/g)].map((m) => m[0]);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
