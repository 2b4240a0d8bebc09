// The mails of the report mark, in Dutch and English (docs/product.md#the-report-mark).
import type { MailText } from '../notifications/index.js';
import { CHANGE_WINDOW_DAYS, type SurveyMoment } from './model.js';

type Locale = 'nl' | 'en';
const sign = (l: Locale, m: string) => (l === 'en' ? `\n\nKind regards,\n${m}` : `\n\nMet vriendelijke groet,\n${m}`);

export const satisfactionMails = {
  /** The initiator's one survey for a case and moment, with its personal link. */
  survey(l: Locale, p: { name: string; reference: string; moment: SurveyMoment; link: string; days: number; municipality: string }): MailText {
    if (l === 'en') {
      const why = p.moment === 'closed' ? `Your case ${p.reference} has been closed.` : `You and your case director agreed the plan for case ${p.reference}.`;
      return {
        subject: `How did we do? ${p.reference}`,
        text: `Dear ${p.name},\n\n${why} How satisfied are you with the help you got? Give us a report mark from 1 to 10; it takes a minute and helps us do better. Your answers are counted anonymously; your case director does not see your mark.\n\nYour personal link (valid for ${p.days} days; you can change your answer for ${CHANGE_WINDOW_DAYS} days after answering):\n${p.link}${sign(l, p.municipality)}`,
      };
    }
    const why = p.moment === 'closed' ? `Uw zaak ${p.reference} is afgesloten.` : `U en uw case-regisseur zijn akkoord met het plan voor zaak ${p.reference}.`;
    return {
      subject: `Hoe hebben wij het gedaan? ${p.reference}`,
      text: `Beste ${p.name},\n\n${why} Hoe tevreden bent u over de hulp die u kreeg? Geef ons een rapportcijfer van 1 tot en met 10; het kost een minuut en helpt ons het beter te doen. Uw antwoorden worden anoniem geteld; uw case-regisseur ziet uw cijfer niet.\n\nUw persoonlijke link (${p.days} dagen geldig; u kunt uw antwoord tot ${CHANGE_WINDOW_DAYS} dagen na het invullen nog wijzigen):\n${p.link}${sign(l, p.municipality)}`,
    };
  },
  /** A coordinator hears of a low mark, to follow it up (docs/product.md#a-low-mark-is-followed-up). */
  lowMark(l: Locale, p: { name: string; reference: string; mark: number; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `Low report mark (${p.mark}) on ${p.reference}: please follow up`,
          text: `Dear ${p.name},\n\nThe initiator of case ${p.reference} gave the help a ${p.mark}. Please follow it up and record what you did:\n${p.link}${sign(l, p.municipality)}`,
        }
      : {
          subject: `Laag rapportcijfer (${p.mark}) voor ${p.reference}: graag opvolgen`,
          text: `Beste ${p.name},\n\nDe aanvrager van zaak ${p.reference} gaf de hulp een ${p.mark}. Volg dit op en leg vast wat u deed:\n${p.link}${sign(l, p.municipality)}`,
        };
  },
};
