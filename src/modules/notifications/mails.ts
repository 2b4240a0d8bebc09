// The texts of every mail Regie sends, in Dutch and English. One function per
// occasion; callers enqueue the result in the outbox within their transaction.
type Locale = 'nl' | 'en';
export interface MailText {
  subject: string;
  text: string;
}

const sign = { nl: '\n\nMet vriendelijke groet,\n{m}', en: '\n\nKind regards,\n{m}' };
const footer = (l: Locale, municipality: string) => sign[l].replace('{m}', municipality);

export const mails = {
  caseReceived(l: Locale, p: { name: string; reference: string; title: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `Received: ${p.reference} – ${p.title}`,
          text: `Dear ${p.name},\n\nWe have received your question or initiative "${p.title}". Your case reference is ${p.reference}.\nWithin a few days a case director will contact you. Follow your case with this personal link (valid for 72 hours, once):\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `Ontvangen: ${p.reference} – ${p.title}`,
          text: `Beste ${p.name},\n\nWij hebben uw vraag of initiatief "${p.title}" ontvangen. Uw zaaknummer is ${p.reference}.\nBinnen enkele dagen neemt een case-regisseur contact met u op. Volg uw zaak met deze persoonlijke link (72 uur en één keer geldig):\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  loginLink(l: Locale, p: { name: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: 'Your login link for Regie',
          text: `Dear ${p.name},\n\nUse this link to follow your case (valid for 72 hours, once):\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: 'Uw inloglink voor Regie',
          text: `Beste ${p.name},\n\nMet deze link volgt u uw zaak (72 uur en één keer geldig):\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  directorAssignedToInitiator(l: Locale, p: { name: string; reference: string; director: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: your case director is ${p.director}`,
          text: `Dear ${p.name},\n\n${p.director} is your case director for ${p.reference}. Together you will make a plan within six weeks.\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: uw case-regisseur is ${p.director}`,
          text: `Beste ${p.name},\n\n${p.director} is uw case-regisseur voor ${p.reference}. Samen maakt u binnen zes weken een plan van aanpak.\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  caseAssignedToDirector(l: Locale, p: { name: string; reference: string; title: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `Assigned to you: ${p.reference} – ${p.title}`,
          text: `Dear ${p.name},\n\nCase ${p.reference} ("${p.title}") has been assigned to you.\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `Aan u toegewezen: ${p.reference} – ${p.title}`,
          text: `Beste ${p.name},\n\nZaak ${p.reference} ("${p.title}") is aan u toegewezen.\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  planAwaitsAgreement(l: Locale, p: { name: string; reference: string; version: number; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: plan version ${p.version} awaits your agreement`,
          text: `Dear ${p.name},\n\nVersion ${p.version} of the plan for ${p.reference} is ready. Please read it and agree in the portal.\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: plan van aanpak versie ${p.version} wacht op uw akkoord`,
          text: `Beste ${p.name},\n\nVersie ${p.version} van het plan van aanpak voor ${p.reference} staat klaar. Lees het en geef uw akkoord in het portaal.\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  caseClosed(l: Locale, p: { name: string; reference: string; reason: string | null; link: string; municipality: string }): MailText {
    const why = p.reason ? `\n\n${p.reason}` : '';
    return l === 'en'
      ? {
          subject: `${p.reference} has been closed`,
          text: `Dear ${p.name},\n\nCase ${p.reference} has been closed.${why}\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference} is afgesloten`,
          text: `Beste ${p.name},\n\nZaak ${p.reference} is afgesloten.${why}\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  messageFromInitiator(l: Locale, p: { name: string; reference: string; from: string; text: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: new message from ${p.from}`,
          text: `Dear ${p.name},\n\n${p.from} wrote on ${p.reference}:\n\n${p.text}\n\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: nieuw bericht van ${p.from}`,
          text: `Beste ${p.name},\n\n${p.from} schreef bij ${p.reference}:\n\n${p.text}\n\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  messageToInitiator(l: Locale, p: { name: string; reference: string; from: string; text: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: new message from your case director`,
          text: `Dear ${p.name},\n\n${p.from} wrote:\n\n${p.text}\n\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: nieuw bericht van uw case-regisseur`,
          text: `Beste ${p.name},\n\n${p.from} schreef:\n\n${p.text}\n\n${p.link}${footer(l, p.municipality)}`,
        };
  },
};
