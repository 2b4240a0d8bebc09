// The mails of a response period, in the respondent's language (the language they
// responded in): the one-time confirmation link, and the answers per interest topic
// when the plan is agreed (docs/product.md#responding-to-a-case,
// docs/product.md#answers-when-the-plan-is-agreed). Written in the caller's transaction.
import { formatDate } from '../../kernel/dates.js';
import type { MailText } from '../notifications/index.js';
import { CONFIRM_LINK_HOURS } from './model.js';

type Locale = 'nl' | 'en';
const sign = (l: Locale, m: string) => (l === 'en' ? `\n\nKind regards,\n${m}` : `\n\nMet vriendelijke groet,\n${m}`);

export function confirmResponseMail(l: Locale, p: { name: string; reference: string; link: string; municipality: string }): MailText {
  return l === 'en'
    ? {
        subject: `Please confirm your response to ${p.reference}`,
        text: `Dear ${p.name},\n\nSomeone responded to case ${p.reference} with this e-mail address. Confirm the response with this link (valid for ${CONFIRM_LINK_HOURS} hours, once); only then does it count:\n${p.link}\n\nHad you responded before with this address? Then the response you confirm now replaces the earlier one.\nDid you not respond? Then ignore this mail: the response is deleted and nothing else changes.${sign(l, p.municipality)}`,
      }
    : {
        subject: `Bevestig uw reactie op ${p.reference}`,
        text: `Beste ${p.name},\n\nIemand heeft met dit e-mailadres gereageerd op zaak ${p.reference}. Bevestig de reactie met deze link (${CONFIRM_LINK_HOURS} uur en één keer geldig); pas dan telt zij mee:\n${p.link}\n\nHeeft u eerder met dit adres gereageerd? Dan vervangt de reactie die u nu bevestigt de eerdere.\nHeeft u niet gereageerd? Negeer dan deze e-mail: de reactie wordt verwijderd en verder verandert er niets.${sign(l, p.municipality)}`,
      };
}

export interface TopicAnswer {
  topic: string;
  answer: string | null;
}

export function answersMail(l: Locale, p: { name: string; reference: string; agreedOn: string; answers: TopicAnswer[]; municipality: string }): MailText {
  const lines = p.answers.map((a) =>
    l === 'en'
      ? `${a.topic}:\n${a.answer?.trim() || '(no answer was written for this topic)'}`
      : `${a.topic}:\n${a.answer?.trim() || '(voor dit onderwerp is geen antwoord geschreven)'}`,
  );
  return l === 'en'
    ? {
        subject: `What we do with your response to ${p.reference}`,
        text: `Dear ${p.name},\n\nThank you for your response to case ${p.reference}. The plan for this case was agreed on ${formatDate(p.agreedOn, 'en')}. This is what we do with what you told us, per topic you chose:\n\n${lines.join('\n\n')}${sign(l, p.municipality)}`,
      }
    : {
        subject: `Wat we met uw reactie op ${p.reference} doen`,
        text: `Beste ${p.name},\n\nDank voor uw reactie op zaak ${p.reference}. Het plan voor deze zaak is op ${formatDate(p.agreedOn, 'nl')} vastgesteld. Dit doen we met wat u ons vertelde, per onderwerp dat u koos:\n\n${lines.join('\n\n')}${sign(l, p.municipality)}`,
      };
}
