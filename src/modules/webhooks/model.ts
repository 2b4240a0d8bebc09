// Webhooks (docs/product.md#webhooks): the pure rules. Which kinds of the event log
// are published under which stable name, what a valid target URL and OIN are, the
// NL GOV CloudEvent a delivery carries, and what happens after a failed attempt.
// No I/O: the clock, the municipality and the event come in as arguments.
import { doublingBackoffSeconds } from '../../kernel/backoff.js';

/**
 * The published event types: the kind in the event log (timeline/events.ts), its
 * stable name (the last part of the CloudEvent `type`) and the fields of the event
 * that go out without personal data (ids, statuses, dates, numbers; never a name,
 * an address or free text). Migration 026 holds the same kinds and names in
 * `webhook_event_types` (the trigger reads them there); a test compares the two.
 * A name never changes meaning: a new kind gets a new name, in both places.
 */
export const PUBLISHED = {
  'case.submitted': { name: 'zaak-ingediend', fields: ['channel'] },
  'case.confirmed': { name: 'zaak-bevestigd', fields: [] },
  'case.assigned': { name: 'zaak-regisseur-toegewezen', fields: ['directorId', 'previousDirectorId'] },
  'case.statusChanged': { name: 'zaak-status-gewijzigd', fields: ['from', 'to', 'planDueOn'] },
  'case.personalDataRemoved': { name: 'zaak-persoonsgegevens-verwijderd', fields: ['retentionMonths'] },
  'clock.suspended': { name: 'zaak-termijn-opgeschort', fields: ['since'] },
  'clock.resumed': { name: 'zaak-termijn-hervat', fields: ['since', 'until', 'days', 'planDueOn'] },
  'plan.versionSaved': { name: 'plan-versie-opgeslagen', fields: ['planId', 'version', 'actionCount'] },
  'plan.agreed': { name: 'plan-akkoord', fields: ['planId', 'version', 'by', 'complete'] },
  'plan.actionStatusChanged': { name: 'plan-actie-status-gewijzigd', fields: ['actionId', 'from', 'to'] },
  'note.added': { name: 'notitie-toegevoegd', fields: [] },
  'message.sent': { name: 'bericht-verzonden', fields: ['from'] },
  'assessment.roundOpened': { name: 'toets-ronde-geopend', fields: ['roundId', 'number', 'termEndsOn', 'sameProposalAs'] },
  'assessment.answered': { name: 'toets-beantwoord', fields: ['roundId', 'partyId', 'kind', 'amendment', 'ruleCodes'] },
  'assessment.silence': { name: 'toets-stilzwijgend-akkoord', fields: ['roundId', 'number', 'asOf'] },
  'assessment.roundClosed': { name: 'toets-ronde-gesloten', fields: ['roundId', 'number', 'reason'] },
  'assessment.lateObjection': { name: 'toets-nagekomen-bezwaar', fields: ['lateObjectionId', 'roundId', 'partyId', 'cause', 'ruleCodes'] },
  'assessment.lateObjectionDecided': { name: 'toets-nagekomen-bezwaar-besloten', fields: ['lateObjectionId', 'decision', 'reopenedUntil'] },
  'assessment.overruled': { name: 'toets-bezwaar-overruled', fields: ['roundId', 'partyId', 'ruleCodes', 'mandateIds'] },
  'assessment.notReached': { name: 'toets-partij-niet-bereikt', fields: ['roundId', 'number', 'asOf'] },
  'assessment.objectionWithdrawn': { name: 'toets-bezwaar-ingetrokken', fields: ['roundId', 'partyId', 'ruleCodes'] },
  'commitment.recorded': { name: 'toezegging-vastgelegd', fields: ['commitmentId', 'dueOn', 'decisionKind', 'status', 'mandateIds'] },
  'commitment.amended': { name: 'toezegging-gewijzigd', fields: ['commitmentId', 'version'] },
  'commitment.confirmed': { name: 'toezegging-bevestigd', fields: ['commitmentId', 'mandateIds'] },
  'commitment.declined': { name: 'toezegging-afgewezen', fields: ['commitmentId'] },
  'commitment.ended': { name: 'toezegging-beeindigd', fields: ['commitmentId', 'status'] },
  'commitment.reminded': { name: 'toezegging-herinnerd', fields: ['commitmentId', 'version', 'dueOn'] },
  'participation.periodOpened': { name: 'reactieperiode-geopend', fields: ['periodId', 'endsOn', 'workingDays'] },
  'participation.periodClosed': { name: 'reactieperiode-gesloten', fields: ['periodId'] },
  'participation.responseConfirmed': { name: 'reactie-bevestigd', fields: ['periodId', 'responseId', 'replaced'] },
  'participation.responseHidden': { name: 'reactie-verborgen', fields: ['periodId', 'responseId'] },
  'participation.interestAnswered': { name: 'belang-beantwoord', fields: ['periodId', 'topicId'] },
  'satisfaction.surveySent': { name: 'tevredenheid-gevraagd', fields: ['moment'] },
  'satisfaction.answered': { name: 'tevredenheid-beantwoord', fields: ['moment', 'change'] },
  'satisfaction.followedUp': { name: 'tevredenheid-opgevolgd', fields: ['status'] },
} as const satisfies Record<string, { name: string; fields: readonly string[] }>;

export type PublishedKind = keyof typeof PUBLISHED;

/** The kind of the admin's test event ("test event" button); its name is `test`. */
export const TEST_KIND = 'webhook.test';
export const TEST_NAME = 'test';

/** Every published name, in the order of the table: what a subscription may choose from. */
export const EVENT_NAMES: readonly string[] = Object.values(PUBLISHED).map((p) => p.name);

/** The published name of a kind; null: the kind is not published. */
export function nameOf(kind: string): string | null {
  if (kind === TEST_KIND) return TEST_NAME;
  return (PUBLISHED as Record<string, { name: string }>)[kind]?.name ?? null;
}

/** The CloudEvent `type`: nl.<municipality slug>.regie.<name> (docs/integrations.md#event-types). */
export const cloudEventType = (slug: string, name: string) => `nl.${slug}.regie.${name}`;

/** The CloudEvent `source` of a municipality's Regie (NL GOV profile: an URN with its OIN). */
export const cloudEventSource = (oin: string) => `urn:nld:oin:${oin}:systeem:regie`;

/** An OIN is 20 digits (Logius, OIN-stelsel). */
export const OIN = /^[0-9]{20}$/;

export const URL_MAX = 2000;

/**
 * What is wrong with a target URL, as a message key; null: it will do
 * (docs/product.md#webhooks). https only, unless the installation allows http (a
 * local receiver, tests); no user name or password in it (the signature is the
 * credential); a host; at most URL_MAX characters.
 */
export function urlProblem(url: string, allowHttp: boolean): string | null {
  if (url.length > URL_MAX) return 'error.webhookUrlTooLong';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'error.webhookUrlInvalid';
  }
  if (u.protocol !== 'https:' && !(allowHttp && u.protocol === 'http:')) return allowHttp ? 'error.webhookUrlScheme' : 'error.webhookUrlHttps';
  if (u.username || u.password) return 'error.webhookUrlCredentials';
  if (!u.hostname) return 'error.webhookUrlInvalid';
  return null;
}

/** Names a subscription may choose; returns the unknown ones. */
export const unknownNames = (names: readonly string[]) => names.filter((n) => !EVENT_NAMES.includes(n));

// ---- the CloudEvent -----------------------------------------------------------------

export interface DeliveryFacts {
  /** the delivery's id: the CloudEvent `id` and the `webhook-id`, the same on every attempt */
  deliveryId: string;
  kind: string;
  /** the event in the log; null for the test event */
  event: { id: number; payload: Record<string, unknown>; at: Date; caseId: string | null } | null;
  /** the case's reference (e.g. VB-2026-0001); null without a case */
  caseReference: string | null;
  municipality: { slug: string; oin: string };
  /** when the delivery was made (the test event's `time`) */
  createdAt: Date;
  /** Regie's public address, for the links */
  publicUrl: string;
  /** the subscription may receive personal data (docs/product.md#webhooks) */
  personalData: boolean;
}

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  dataref?: string;
  sequence?: string;
  data: Record<string, unknown>;
}

/** The event's position in the municipality's log, as a string that sorts like the number. */
export const sequenceOf = (eventId: number) => String(eventId).padStart(20, '0');

/**
 * The fields of an event that go out: without personal data only those named in
 * PUBLISHED; with it, everything the event holds (names, free text).
 */
export function eventDetails(kind: string, payload: Record<string, unknown>, personalData: boolean): Record<string, unknown> {
  if (personalData) return payload;
  const fields = (PUBLISHED as Record<string, { fields: readonly string[] }>)[kind]?.fields ?? [];
  return Object.fromEntries(fields.filter((f) => payload[f] !== undefined).map((f) => [f, payload[f]]));
}

/**
 * The NL GOV CloudEvent of one delivery (CloudEvents 1.0, NL GOV profile): ids and
 * links, the event's non-personal details, and personal data only when the
 * subscription allows it. `dataref` points to the case in Regie's API, where a
 * receiver with access reads the rest.
 */
export function buildCloudEvent(f: DeliveryFacts): CloudEvent {
  const name = nameOf(f.kind) ?? f.kind;
  const base = {
    specversion: '1.0' as const,
    id: f.deliveryId,
    source: cloudEventSource(f.municipality.oin),
    type: cloudEventType(f.municipality.slug, name),
    datacontenttype: 'application/json' as const,
  };
  if (!f.event) {
    return { ...base, time: f.createdAt.toISOString(), subject: 'test', data: { test: true, message: 'Testbericht van Regie' } };
  }
  const caseId = f.event.caseId;
  const caseUrl = caseId ? `${f.publicUrl}/api/v1/cases/${caseId}` : undefined;
  return {
    ...base,
    time: f.event.at.toISOString(),
    ...(caseId ? { subject: caseId } : {}),
    ...(caseUrl ? { dataref: caseUrl } : {}),
    sequence: sequenceOf(f.event.id),
    data: {
      caseId,
      reference: f.caseReference,
      event: { id: String(f.event.id), kind: f.kind },
      details: eventDetails(f.kind, f.event.payload, f.personalData),
      links: caseUrl ? { case: caseUrl, timeline: `${caseUrl}/events` } : {},
    },
  };
}

// ---- retries and the dead letter ------------------------------------------------------

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at six hours. */
export function retryDelaySeconds(attempts: number): number {
  return doublingBackoffSeconds(attempts, 6 * 3600);
}

/**
 * After an attempt: delivered on a 2xx answer; otherwise tried again after the
 * back-off, or to the dead letter once `maxAttempts` attempts have failed
 * (docs/product.md#webhooks).
 */
export function afterAttempt(
  outcome: { ok: boolean },
  attempts: number,
  maxAttempts: number,
): { status: 'delivered' } | { status: 'pending'; retryInSeconds: number } | { status: 'dead' } {
  if (outcome.ok) return { status: 'delivered' };
  if (attempts >= maxAttempts) return { status: 'dead' };
  return { status: 'pending', retryInSeconds: retryDelaySeconds(attempts) };
}
