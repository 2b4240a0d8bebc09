// Webhooks in the ZGW Notificaties format (docs/product.md#zgw-notificaties,
// docs/integrations.md#zgw-notificaties-api): the pure rules. Which events of the
// log become which notificatie on the kanaal `zaken`, the message itself (the
// `Message` schema of notificaties-1.0.0.yaml), and what a Notificaties API's problem
// answer says, for the delivery log. No I/O: the facts come in as arguments.
import { nameOf, sequenceOf } from './model.js';

/** The formats a subscription delivers in; `cloudevents` is the default. */
export const FORMATS = ['cloudevents', 'zgw-notificaties'] as const;
export type Format = (typeof FORMATS)[number];

/** The kanaal Regie publishes on: the one of the Zaken API. */
export const KANAAL = 'zaken';

/**
 * Which events become a notificatie, and as what (the mapping table in
 * docs/integrations.md#zgw-notificaties-api). `case.submitted` only for an intake
 * that is confirmed already (staff, a logged-in resident); a public intake becomes a
 * zaak when its link is followed (`case.confirmed`), like the ZGW registration
 * (docs/product.md#zgw-registration). The trigger of migration 037 writes deliveries
 * for these kinds only.
 */
export const NOTIFICATIES = {
  'case.submitted': { resource: 'zaak', actie: 'create' },
  'case.confirmed': { resource: 'zaak', actie: 'create' },
  'case.statusChanged': { resource: 'status', actie: 'create' },
  'clock.suspended': { resource: 'zaak', actie: 'partial_update' },
  'clock.resumed': { resource: 'zaak', actie: 'partial_update' },
} as const satisfies Record<string, { resource: 'zaak' | 'status'; actie: 'create' | 'update' | 'partial_update' }>;

/** The published names a `zgw-notificaties` subscription may choose from. */
export const NOTIFICATIE_NAMES: readonly string[] = Object.keys(NOTIFICATIES).map((k) => nameOf(k) as string);

/** Client ids are short (the ZGW Autorisaties API); secrets too. */
export const CLIENT_ID_MAX = 200;
export const CLIENT_SECRET_MAX = 500;

export interface Notificatie {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  actie: string;
  aanmaakdatum: string;
  kenmerken?: Record<string, string>;
}

export interface NotificatieFacts {
  kind: string;
  event: { id: number; at: Date; caseId: string };
  /** Regie's public address, for the links */
  publicUrl: string;
  /** the case's zaak, as the ZGW registration knows it (zgw/index.ts) */
  zaak: { zaakUrl: string | null; bronorganisatie: string | null; zaaktype: string | null } | null;
}

/** The case in Regie's API. */
export const caseApiUrl = (publicUrl: string, caseId: string) => `${publicUrl.replace(/\/+$/, '')}/api/v1/cases/${caseId}`;

/**
 * The notificatie of one event; null: the event does not become one. Minimal and
 * without personal data: links, the action and its time, and the kenmerken
 * `bronorganisatie` and `zaaktype` where ZGW is configured. `hoofdObject` is the zaak
 * once the case is registered in the zaaksysteem, before that the case in Regie's
 * API. A status has no URL of its own in Regie: its `resourceUrl` is the event in the
 * case's log.
 */
export function buildNotificatie(f: NotificatieFacts): Notificatie | null {
  const mapped = (NOTIFICATIES as Record<string, { resource: string; actie: string }>)[f.kind];
  if (!mapped) return null;
  const caseUrl = caseApiUrl(f.publicUrl, f.event.caseId);
  const hoofdObject = f.zaak?.zaakUrl ?? caseUrl;
  const resourceUrl = mapped.resource === 'zaak' ? hoofdObject : `${caseUrl}/events#${sequenceOf(f.event.id)}`;
  const kenmerken: Record<string, string> = {};
  if (f.zaak?.bronorganisatie) kenmerken.bronorganisatie = f.zaak.bronorganisatie;
  if (f.zaak?.zaaktype) kenmerken.zaaktype = f.zaak.zaaktype;
  return {
    kanaal: KANAAL,
    hoofdObject,
    resource: mapped.resource,
    resourceUrl,
    actie: mapped.actie,
    aanmaakdatum: f.event.at.toISOString(),
    ...(Object.keys(kenmerken).length ? { kenmerken } : {}),
  };
}

/** Where notificaties are published: `{base}/notificaties`. */
export const notificatiesEndpoint = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/notificaties`;

/**
 * The delivery log's line for an answer that is not a 2xx: the status and, for a
 * problem answer of the specification (`Fout`, `ValidatieFout`), its title, detail
 * and the invalid parameters. Anything else in the body is not shown.
 */
export function describeAnswer(status: number, body: string): string {
  const head = `HTTP ${status}`;
  let p: { title?: unknown; detail?: unknown; invalidParams?: unknown };
  try {
    p = JSON.parse(body);
  } catch {
    return head;
  }
  if (!p || typeof p !== 'object') return head;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const params = Array.isArray(p.invalidParams)
    ? p.invalidParams
        .map((x: { name?: unknown; reason?: unknown }) => [text(x?.name), text(x?.reason)].filter(Boolean).join(': '))
        .filter(Boolean)
        .join('; ')
    : '';
  const parts = [text(p.title), text(p.detail), params || null].filter(Boolean);
  return (parts.length ? `${head}: ${parts.join(' — ')}` : head).slice(0, 500);
}
