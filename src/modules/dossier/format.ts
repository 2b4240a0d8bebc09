// The Dutch labels of statuses and kinds in the case dossier. Dates and times come
// from kernel/dates.ts, money from kernel/format.ts, the labels of roles live with the roles.

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

export const DOMAIN_LABEL: Record<string, string> = {
  social: 'sociaal domein',
  physical: 'fysiek domein',
  safety: 'veiligheid',
  economy: 'economie',
  governance: 'bestuur',
};
