// The mails of the collaborations module (Dutch: an outside party's contact person has no
// account, so no language preference).
import { formatDate } from '../../kernel/dates.js';
import type { MailText } from '../notifications/index.js';

/** The outside party's one-time link to confirm an agreement recorded in its name (docs/product.md#agreements-within-a-collaboration). */
export function agreementMail(p: {
  name: string;
  party: string;
  collaboration: string;
  what: string;
  dueOn: string;
  link: string;
  municipality: string;
  days: number;
}): MailText {
  return {
    subject: `Samenwerking ${p.collaboration}: bevestig uw afspraak`,
    text: `Beste ${p.name},

De gemeente ${p.municipality} heeft in de samenwerking "${p.collaboration}" deze afspraak van ${p.party} vastgelegd:

${p.what}

Uiterlijk: ${formatDate(p.dueOn)}

Klopt dit? Bevestig de afspraak, of geef aan waarom het niet klopt. U hebt daarvoor geen account nodig:
${p.link}

De link werkt één keer en is ${p.days} dagen geldig. Tot u bevestigt, staat de afspraak als "wacht op bevestiging".

Met vriendelijke groet,
Gemeente ${p.municipality}`,
  };
}

/** An outside party's one-time login link (docs/product.md#an-outside-partys-read-access). */
export function partyLoginMail(p: { name: string; link: string; municipality: string; minutes: number }): MailText {
  return {
    subject: `Gemeente ${p.municipality}: uw inloglink voor de samenwerkingen`,
    text: `Beste ${p.name},

Met deze link bekijkt u de samenwerkingen van de gemeente ${p.municipality} waarin uw organisatie partij is, met de afspraken van en aan uw organisatie:
${p.link}

De link werkt één keer en ${p.minutes} minuten. Hebt u niet om deze link gevraagd? Dan kunt u deze e-mail negeren.

Met vriendelijke groet,
Gemeente ${p.municipality}`,
  };
}
