// Pure Dutch formatting for the case dossier: dates, times, money and the labels of
// statuses and kinds. Written out by hand instead of with Intl's locale formats, so
// the same data gives the same text (and so the same content hash) on every Node
// and ICU version; only the time-zone arithmetic comes from Intl.
import type { IsoDate } from '../../kernel/calendar.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 2026-03-02 → "2 maart 2026". */
export function formatDate(d: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Dutch local time: "2 maart 2026, 09:00" (Europe/Amsterdam, summer time included). */
export function formatDateTime(at: string | Date): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const p = Object.fromEntries(amsterdamParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)}, ${p.hour}:${p.minute}`;
}

/** Euro cents → "€ 25.000,00" (Dutch separators). */
export function formatMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
}

export const CASE_STATUS_LABEL: Record<string, string> = {
  submitted: 'ingediend',
  intake: 'intake',
  planning: 'plan in voorbereiding',
  executing: 'in uitvoering',
  closed: 'afgesloten',
  withdrawn: 'ingetrokken',
};

export const CHANNEL_LABEL: Record<string, string> = { web: 'website', desk: 'balie', phone: 'telefoon', email: 'e-mail' };

export const ACTION_STATUS_LABEL: Record<string, string> = { open: 'open', done: 'gedaan', dropped: 'vervallen' };

export const ANSWER_KIND_LABEL: Record<string, string> = {
  yes: 'ja',
  yesWithConditions: 'ja, met voorwaarden',
  objection: 'bezwaar',
  silence: 'ja door stilzwijgen',
};

export const COMMITMENT_STATUS_LABEL: Record<string, string> = {
  binding: 'bindend',
  needsConfirmation: 'wacht op bevestiging',
  declined: 'niet bevestigd',
  kept: 'nagekomen',
  broken: 'niet nagekomen',
  withdrawn: 'ingetrokken',
};

export const MADE_VIA_LABEL: Record<string, string> = { meeting: 'in een gesprek', phone: 'telefonisch', letter: 'per brief', email: 'per e-mail' };

export const LATE_STATUS_LABEL: Record<string, string> = { pending: 'wacht op besluit', admitted: 'toegelaten', setAside: 'terzijde gelegd' };

export const ROLE_LABEL: Record<string, string> = {
  initiator: 'initiatiefnemer',
  director: 'case-regisseur',
  coordinator: 'coördinator',
  specialist: 'specialist',
  executive: 'bestuurder',
  council: 'raadslid',
  admin: 'beheerder',
};

export const DOMAIN_LABEL: Record<string, string> = {
  social: 'sociaal domein',
  physical: 'fysiek domein',
  safety: 'veiligheid',
  economy: 'economie',
  governance: 'bestuur',
};

/** A label from a table, or the raw value when a newer kind has no label yet. */
export const label = (table: Record<string, string>, key: string): string => table[key] ?? key;
