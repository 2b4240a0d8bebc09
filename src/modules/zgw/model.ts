// The rules of registering cases as zaken (docs/product.md#zgw-registration,
// docs/zgw.md): pure, no database, no network.

import { SignJWT } from 'jose';
import { doublingBackoffSeconds } from '../../kernel/backoff.js';

/** The Regie lifecycle steps that become a zaak status, in order. */
export const STATUS_STEPS = ['intake', 'planAgreed', 'closed'] as const;
export type StatusStep = (typeof STATUS_STEPS)[number];
/** The documents of a case as informatieobjecten of its zaak (docs/product.md#zgw-documents). */
export const DOCUMENT_STEPS = ['dossier', 'attachment'] as const;
export type DocumentStep = (typeof DOCUMENT_STEPS)[number];
export type TaskStep = 'create' | StatusStep | DocumentStep;
export const TASK_STEPS = ['create', ...STATUS_STEPS, ...DOCUMENT_STEPS] as const;

/** The RSIN: 9 digits passing the elfproef (weights 9..2 and -1, the sum divisible by 11). */
export function isRsin(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0 && value !== '000000000';
}

/** The Zaken API's omschrijving is at most 80 characters: a longer title is cut with an ellipsis. */
export function omschrijving(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length <= 80 ? t : `${t.slice(0, 79).trimEnd()}…`;
}

/** A ZGW API base URL: absolute http(s), no credentials, no query; kept without the trailing slash. */
export function baseUrlProblem(url: string): string | null {
  if (url === '') return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'error.zgwUrlInvalid';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'error.zgwUrlInvalid';
  if (u.username || u.password || u.search || u.hash) return 'error.zgwUrlInvalid';
  return null;
}
export const trimSlash = (url: string) => url.replace(/\/+$/, '');

export interface ZaakInput {
  rsin: string;
  zaaktype: string;
  reference: string;
  title: string;
  /** the date the case was submitted, yyyy-mm-dd */
  startdatum: string;
  point: { lon: number; lat: number } | null;
}

/**
 * The body of POST /zaken. The identificatie is the case's reference, unique within
 * the bronorganisatie: a registration that is tried again finds the zaak it made
 * before instead of making a second one (docs/zgw.md#idempotency).
 */
export function zaakBody(z: ZaakInput): Record<string, unknown> {
  return {
    identificatie: z.reference,
    bronorganisatie: z.rsin,
    verantwoordelijkeOrganisatie: z.rsin,
    zaaktype: z.zaaktype,
    startdatum: z.startdatum,
    omschrijving: omschrijving(z.title),
    ...(z.point ? { zaakgeometrie: { type: 'Point', coordinates: [z.point.lon, z.point.lat] } } : {}),
  };
}

/** The body of POST /statussen. */
export function statusBody(zaak: string, statustype: string, at: Date): Record<string, unknown> {
  return { zaak, statustype, datumStatusGezet: at.toISOString() };
}

/** Back-off after a failed attempt: 30 s, doubling, at most six hours. A task is never dropped. */
export function retryDelaySeconds(attempts: number): number {
  return doublingBackoffSeconds(attempts, 6 * 3600);
}

/**
 * The ZGW JWT (ZGW authorisation spec): HS256, `iss` and `client_id` the client id,
 * `iat` now, `user_id` and `user_representation` naming the system.
 */
export function zgwJwt(clientId: string, secret: string, at: Date): Promise<string> {
  return new SignJWT({ client_id: clientId, user_id: clientId, user_representation: 'Regie' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setIssuedAt(Math.floor(at.getTime() / 1000))
    .sign(new TextEncoder().encode(secret));
}

/**
 * The identificatie of a document in the Documenten API, unique within the
 * bronorganisatie (at most 40 characters): the case's reference with `dossier`, or
 * with the first 12 hex digits of a file's SHA-256. A task tried again after a crash
 * between creating the document and linking it to the zaak looks the document up by
 * it and makes no second one (docs/zgw.md#idempotency).
 */
export function documentIdentificatie(reference: string, doc: { kind: 'dossier' } | { kind: 'attachment'; sha256: string }): string {
  const suffix = doc.kind === 'dossier' ? 'dossier' : doc.sha256.slice(0, 12);
  return `${reference.slice(0, 40 - suffix.length - 1)}-${suffix}`;
}

export interface DocumentInput {
  rsin: string;
  informatieobjecttype: string;
  identificatie: string;
  titel: string;
  bestandsnaam: string;
  formaat: string;
  content: Buffer;
  /** the day the document was made, yyyy-mm-dd */
  creatiedatum: string;
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** The body of POST /enkelvoudiginformatieobjecten (Documenten API): the content inline, base64. */
export function documentBody(d: DocumentInput): Record<string, unknown> {
  return {
    identificatie: d.identificatie,
    bronorganisatie: d.rsin,
    creatiedatum: d.creatiedatum,
    titel: cut(d.titel.replace(/\s+/g, ' ').trim() || d.bestandsnaam, 200),
    auteur: 'Regie',
    taal: 'dut',
    bestandsnaam: cut(d.bestandsnaam, 255),
    formaat: cut(d.formaat, 255),
    inhoud: d.content.toString('base64'),
    bestandsomvang: d.content.length,
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    informatieobjecttype: d.informatieobjecttype,
    indicatieGebruiksrecht: false,
  };
}

/** The body of POST /zaakinformatieobjecten (Zaken API): the document linked to the zaak. */
export function zaakDocumentBody(zaak: string, informatieobject: string, titel: string): Record<string, unknown> {
  return { zaak, informatieobject, titel: cut(titel, 200) };
}

export interface CatalogusEntry {
  url: string;
  omschrijving: string;
  volgnummer: number;
}

/** A Catalogi API `next` link is followed only within the configured API: the token goes nowhere else. */
export function followable(next: unknown, base: string): next is string {
  if (typeof next !== 'string') return false;
  try {
    const n = new URL(next);
    const b = new URL(base);
    return n.origin === b.origin && n.pathname.startsWith(b.pathname);
  } catch {
    return false;
  }
}

/** Status types in the order of their volgnummer. */
export const byVolgnummer = <T extends { volgnummer: number }>(list: T[]): T[] => [...list].sort((a, b) => a.volgnummer - b.volgnummer);
