// Pure Dutch formatting for the case dossier: money and the labels of statuses and
// kinds. Written out by hand instead of with Intl's locale formats, so the same data
// gives the same text (and so the same content hash) on every Node and ICU version.
// Dates and times come from kernel/dates.ts, like those in mails.

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
