// The texts of every mail Regie sends, in Dutch and English. One function per
// occasion; callers enqueue the result in the outbox within their transaction.
import { formatDate } from '../../kernel/dates.js';

type Locale = 'nl' | 'en';
export interface MailText {
  subject: string;
  text: string;
}

const sign = { nl: '\n\nMet vriendelijke groet,\n{m}', en: '\n\nKind regards,\n{m}' };
const footer = (l: Locale, municipality: string) => sign[l].replace('{m}', municipality);
/** A date as people write it in a letter: 2026-12-29 → "29 december 2026" (a term's last day is included). */
const day = (l: Locale, iso: string | null): string => formatDate(iso ?? '', l);
/** How long the personal link in a mail to an initiator works (docs/product.md#links-in-mail). */
export const MAIL_LINK_DAYS = 14;
const mailLinkLine = (l: Locale) =>
  l === 'en'
    ? `Your personal link (valid for ${MAIL_LINK_DAYS} days, once; an expired link offers a new one):`
    : `Uw persoonlijke link (${MAIL_LINK_DAYS} dagen en één keer geldig; een verlopen link biedt een nieuwe aan):`;

export const mails = {
  caseReceived(l: Locale, p: { name: string; reference: string; title: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `Received: ${p.reference} – ${p.title}`,
          text: `Dear ${p.name},\n\nWe have received your question or initiative "${p.title}". Your case reference is ${p.reference}.\nWithin a few days a case director will contact you. Follow your case with this personal link (valid for ${MAIL_LINK_DAYS} days, once):\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `Ontvangen: ${p.reference} – ${p.title}`,
          text: `Beste ${p.name},\n\nWij hebben uw vraag of initiatief "${p.title}" ontvangen. Uw zaaknummer is ${p.reference}.\nBinnen enkele dagen neemt een case-regisseur contact met u op. Volg uw zaak met deze persoonlijke link (${MAIL_LINK_DAYS} dagen en één keer geldig):\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  /** After a public intake: only the owner of the address can confirm it (docs/product.md#confirming-a-public-intake). */
  confirmIntake(l: Locale, p: { name: string; reference: string; title: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `Please confirm: ${p.reference} – ${p.title}`,
          text: `Dear ${p.name},\n\nSomeone submitted the question or initiative "${p.title}" with this e-mail address (reference ${p.reference}). Confirm it with this link (valid for ${MAIL_LINK_DAYS} days, once); only then will we take it on:\n${p.link}\n\nDid you not submit anything? Then ignore this mail: nothing happens with the request and your details stay as they are.${footer(l, p.municipality)}`,
        }
      : {
          subject: `Bevestig uw aanvraag: ${p.reference} – ${p.title}`,
          text: `Beste ${p.name},\n\nMet dit e-mailadres is de vraag of het initiatief "${p.title}" ingediend (zaaknummer ${p.reference}). Bevestig dat met deze link (${MAIL_LINK_DAYS} dagen en één keer geldig); pas daarna nemen wij de aanvraag in behandeling:\n${p.link}\n\nHeeft u niets ingediend? Dan kunt u deze e-mail negeren: er gebeurt niets met de aanvraag en uw gegevens blijven zoals ze zijn.${footer(l, p.municipality)}`,
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
  directorAssignedToInitiator(
    l: Locale,
    p: { name: string; reference: string; director: string; directorEmail: string; directorPhone: string | null; link: string; municipality: string },
  ): MailText {
    const reach =
      l === 'en'
        ? `\n\nYou can reach ${p.director} by e-mail at ${p.directorEmail}${p.directorPhone ? ` or by phone at ${p.directorPhone}` : ''}.`
        : `\n\nU bereikt ${p.director} per e-mail op ${p.directorEmail}${p.directorPhone ? ` of telefonisch op ${p.directorPhone}` : ''}.`;
    return l === 'en'
      ? {
          subject: `${p.reference}: your case director is ${p.director}`,
          text: `Dear ${p.name},\n\n${p.director} is your case director for ${p.reference}. Together you will make a plan within six weeks.${reach}\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: uw case-regisseur is ${p.director}`,
          text: `Beste ${p.name},\n\n${p.director} is uw case-regisseur voor ${p.reference}. Samen maakt u binnen zes weken een plan van aanpak.${reach}\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
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
  // ---- the integrated assessment (docs/product.md#the-assessment-round) ----
  assessmentRequested(
    l: Locale,
    p: { name: string; reference: string; title: string; proposal: string; termEndsOn: string; link: string; municipality: string },
  ): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: assessment requested, by ${day(l, p.termEndsOn)} at the latest`,
          text: `Dear ${p.name},\n\nYour department is asked to assess case ${p.reference} ("${p.title}"):\n\n${p.proposal}\n\nAnswer yes, yes with conditions, or object citing a rule from the register, by ${day(l, p.termEndsOn)} at the latest. Without an answer by then, your department is recorded as agreeing (yes by silence).\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: toets gevraagd, uiterlijk ${day(l, p.termEndsOn)}`,
          text: `Beste ${p.name},\n\nUw afdeling wordt gevraagd zaak ${p.reference} ("${p.title}") te toetsen:\n\n${p.proposal}\n\nAntwoord met akkoord, akkoord met voorwaarden, of een bezwaar met een regel uit het regelregister, uiterlijk op ${day(l, p.termEndsOn)}. Zonder antwoord op die dag geldt uw afdeling als akkoord (ja door stilzwijgen).\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  /** A shared request went back when its sharing agreement ended (docs/product.md#ending-a-sharing-agreement). */
  sharedRequestReturned(l: Locale, p: { name: string; reference: string; title: string; party: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: assessment request to ${p.party} returned`,
          text: `Dear ${p.name},\n\nThe sharing agreement under which ${p.party} assessed for your municipality has ended. Its open request on case ${p.reference} ("${p.title}") has been returned to you: it is no longer waited for and gets no yes by silence. Decide whether to ask another department.\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: toetsverzoek aan ${p.party} teruggegeven`,
          text: `Beste ${p.name},\n\nDe samenwerkingsafspraak waaronder ${p.party} voor uw gemeente toetste, is beëindigd. Het openstaande verzoek over zaak ${p.reference} ("${p.title}") is aan u teruggegeven: er wordt niet meer op gewacht en het geldt niet als ja door stilzwijgen. Besluit of u een andere afdeling vraagt.\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  assessmentRequestedOutside(
    l: Locale,
    p: { name: string; reference: string; title: string; proposal: string; termEndsOn: string; link: string; municipality: string },
  ): MailText {
    return l === 'en'
      ? {
          subject: `${p.municipality} asks your view on ${p.reference}, by ${day(l, p.termEndsOn)} at the latest`,
          text: `Dear ${p.name},\n\n${p.municipality} asks your view on "${p.title}" (${p.reference}):\n\n${p.proposal}\n\nAnswer through this personal link by ${day(l, p.termEndsOn)} at the latest; you may change your answer until then. Without an answer you are recorded as agreeing (yes by silence).\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.municipality} vraagt uw oordeel over ${p.reference}, uiterlijk ${day(l, p.termEndsOn)}`,
          text: `Beste ${p.name},\n\n${p.municipality} vraagt uw oordeel over "${p.title}" (${p.reference}):\n\n${p.proposal}\n\nAntwoord via deze persoonlijke link, uiterlijk op ${day(l, p.termEndsOn)}; tot dan kunt u uw antwoord nog wijzigen. Zonder antwoord geldt u als akkoord (ja door stilzwijgen).\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  lateObjectionRaised(
    l: Locale,
    p: { name: string; reference: string; party: string; cause: 'afterClose' | 'serial'; link: string; municipality: string },
  ): MailText {
    const why =
      l === 'en'
        ? p.cause === 'serial'
          ? 'It cites a rule that could already have been raised in an earlier round on the same proposal.'
          : 'The round had already closed.'
        : p.cause === 'serial'
          ? 'Het haalt een regel aan die al in een eerdere ronde over hetzelfde voorstel had kunnen worden genoemd.'
          : 'De ronde was al gesloten.';
    return l === 'en'
      ? {
          subject: `${p.reference}: late objection by ${p.party}`,
          text: `Dear ${p.name},\n\n${p.party} raised a late objection on ${p.reference}. ${why} The coordinator admits it or sets it aside, with a reason.\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: laat bezwaar van ${p.party}`,
          text: `Beste ${p.name},\n\n${p.party} heeft een laat bezwaar ingediend bij ${p.reference}. ${why} De coördinator laat het toe of legt het met een reden terzijde.\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  lateObjectionDecided(
    l: Locale,
    p: {
      name: string;
      reference: string;
      title: string;
      party: string;
      decision: 'admit' | 'setAside';
      reason: string;
      by: string;
      reopenedUntil: string | null;
      /** null for an outside party: it keeps using the personal link from the request */
      link: string | null;
      municipality: string;
    },
  ): MailText {
    const admitted = p.decision === 'admit';
    const where = p.link ? `\n${p.link}` : '';
    if (l === 'en') {
      const next = admitted
        ? `The objection now counts as the answer of ${p.party}. It can still be amended until ${day(l, p.reopenedUntil)}${p.link ? '' : ', through the personal link in the earlier e-mail'}.`
        : `The earlier answer of ${p.party} stands.`;
      return {
        subject: `${p.reference}: late objection by ${p.party} ${admitted ? 'admitted' : 'set aside'}`,
        text: `Dear ${p.name},\n\nThe coordinator (${p.by}) has ${admitted ? 'admitted' : 'set aside'} the late objection by ${p.party} on case ${p.reference} ("${p.title}").\n\nReason: ${p.reason}\n\n${next}${where}${footer(l, p.municipality)}`,
      };
    }
    const next = admitted
      ? `Het bezwaar geldt nu als het antwoord van ${p.party}. Het kan tot en met ${day(l, p.reopenedUntil)} nog worden gewijzigd${p.link ? '' : ', via de persoonlijke link uit de eerdere e-mail'}.`
      : `Het eerdere antwoord van ${p.party} blijft staan.`;
    return {
      subject: `${p.reference}: laat bezwaar van ${p.party} ${admitted ? 'toegelaten' : 'terzijde gelegd'}`,
      text: `Beste ${p.name},\n\nDe coördinator (${p.by}) heeft het late bezwaar van ${p.party} bij zaak ${p.reference} ("${p.title}") ${admitted ? 'toegelaten' : 'terzijde gelegd'}.\n\nReden: ${p.reason}\n\n${next}${where}${footer(l, p.municipality)}`,
    };
  },
  roundClosedSummary(
    l: Locale,
    p: {
      name: string;
      reference: string;
      title: string;
      roundNumber: number;
      reason: 'allAnswered' | 'termEnded';
      termEndsOn: string;
      counts: { yes: number; yesWithConditions: number; objection: number; silence: number };
      silent: string[];
      /** parties nobody could answer for: not reached, no yes by silence (docs/product.md#yes-by-silence) */
      unreached?: string[];
      link: string;
      municipality: string;
    },
  ): MailText {
    const quiet = p.silent.length ? ` (${p.silent.join(', ')})` : '';
    const unreached = p.unreached?.length
      ? l === 'en'
        ? `\nNot reached (nobody could answer; not counted as yes): ${p.unreached.join(', ')}`
        : `\nNiet bereikt (niemand kon antwoorden; telt niet als ja): ${p.unreached.join(', ')}`
      : '';
    const c = p.counts;
    return l === 'en'
      ? {
          subject: `${p.reference}: assessment round ${p.roundNumber} closed`,
          text: `Dear ${p.name},\n\nAssessment round ${p.roundNumber} on case ${p.reference} ("${p.title}") has closed: ${p.reason === 'allAnswered' ? 'every party asked has answered' : `its term ended on ${day(l, p.termEndsOn)}`}.\n\nYes: ${c.yes}\nYes, with conditions: ${c.yesWithConditions}\nObjection: ${c.objection}\nYes by silence: ${c.silence}${quiet}${unreached}\n\nThe conditions and objections, with the rules cited, are on the case page:\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: toetsronde ${p.roundNumber} gesloten`,
          text: `Beste ${p.name},\n\nToetsronde ${p.roundNumber} van zaak ${p.reference} ("${p.title}") is gesloten: ${p.reason === 'allAnswered' ? 'alle gevraagde partijen hebben geantwoord' : `de termijn is op ${day(l, p.termEndsOn)} verstreken`}.\n\nAkkoord: ${c.yes}\nAkkoord met voorwaarden: ${c.yesWithConditions}\nBezwaar: ${c.objection}\nJa door stilzwijgen: ${c.silence}${quiet}${unreached}\n\nDe voorwaarden en bezwaren, met de aangehaalde regels, staan op de zaakpagina:\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  // ---- commitments on record (docs/product.md#commitments-on-record) ----
  commitmentNeedsConfirmation(
    l: Locale,
    p: { name: string; reference: string; maker: string; makerRole: string; what: string; dueOn: string; link: string; municipality: string },
  ): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: a commitment awaits your confirmation`,
          text: `Dear ${p.name},

${p.maker} (${p.makerRole}) made a commitment on ${p.reference} that falls outside their mandate:

${p.what}

Due by ${day(l, p.dueOn)}. Your mandate covers it: please confirm or decline it, with a reason.
${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: een toezegging wacht op uw bevestiging`,
          text: `Beste ${p.name},

${p.maker} (${p.makerRole}) heeft bij ${p.reference} een toezegging gedaan die buiten het eigen mandaat valt:

${p.what}

Uiterlijk op ${day(l, p.dueOn)}. Uw mandaat dekt deze toezegging: bevestig haar of wijs haar met een reden af.
${p.link}${footer(l, p.municipality)}`,
        };
  },
  commitmentNeedsBodyDecision(
    l: Locale,
    p: { name: string; reference: string; maker: string; makerRole: string; what: string; dueOn: string; link: string; municipality: string },
  ): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: a commitment outside every mandate needs a decision by the college or the mayor`,
          text: `Dear ${p.name},

${p.maker} (${p.makerRole}) made a commitment on ${p.reference} that no mandate in force covers:

${p.what}

Due by ${day(l, p.dueOn)}. Nobody in the municipality holds a mandate for it, so the delegating body (the college or the mayor) decides. Put it to them, then record their decision in Regie: confirm or decline it, with a reason naming the decision (for example "collegebesluit 1 december 2026").
${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: toezegging buiten elk mandaat vraagt een besluit van college of burgemeester`,
          text: `Beste ${p.name},

${p.maker} (${p.makerRole}) heeft bij ${p.reference} een toezegging gedaan die door geen geldend mandaat wordt gedekt:

${p.what}

Uiterlijk op ${day(l, p.dueOn)}. Niemand in de gemeente heeft hiervoor mandaat, dus beslist het bestuursorgaan dat mandaat verleent (het college of de burgemeester). Leg haar daar voor en leg het besluit vast in Regie: bevestig of wijs af, met een reden die het besluit noemt (bijvoorbeeld "collegebesluit 1 december 2026").
${p.link}${footer(l, p.municipality)}`,
        };
  },
  commitmentWithdrawn(l: Locale, p: { name: string; reference: string; what: string; reason: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: a commitment to you has been withdrawn`,
          text: `Dear ${p.name},

The following commitment made to you on ${p.reference} has been withdrawn:

${p.what}

Reason: ${p.reason}

It stays on record with this reason.${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: een toezegging aan u is ingetrokken`,
          text: `Beste ${p.name},

De volgende toezegging die bij ${p.reference} aan u is gedaan, is ingetrokken:

${p.what}

Reden: ${p.reason}

De toezegging blijft met deze reden vastgelegd.${footer(l, p.municipality)}`,
        };
  },
  commitmentReminder(l: Locale, p: { name: string; reference: string; what: string; dueOn: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: commitment due by ${day(l, p.dueOn)}`,
          text: `Dear ${p.name},

Reminder: this commitment on ${p.reference} is due by ${day(l, p.dueOn)}:

${p.what}

Record it as kept when it is done, or amend it with a reason.
${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: toezegging uiterlijk ${day(l, p.dueOn)}`,
          text: `Beste ${p.name},

Herinnering: deze toezegging bij ${p.reference} moet uiterlijk ${day(l, p.dueOn)} zijn nagekomen:

${p.what}

Leg haar vast als nagekomen zodra dat zo is, of wijzig haar met een reden.
${p.link}${footer(l, p.municipality)}`,
        };
  },
  // ---- keeping the initiator informed (docs/product.md#keeping-the-initiator-informed) ----
  clockSuspended(l: Locale, p: { name: string; reference: string; reason: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: the plan term is paused`,
          text: `Dear ${p.name},\n\nThe term for the plan of case ${p.reference} is paused while we wait for you.\n\nReason: ${p.reason}\n\nThe term resumes when this is resolved; every day it is paused moves the due date one day later.\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: de termijn voor het plan staat stil`,
          text: `Beste ${p.name},\n\nDe termijn voor het plan van aanpak van zaak ${p.reference} staat stil zolang wij op u wachten.\n\nReden: ${p.reason}\n\nDe termijn loopt weer zodra dit is opgelost; elke dag stilstand schuift de uiterste datum een dag op.\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  clockResumed(l: Locale, p: { name: string; reference: string; reason: string; planDueOn: string | null; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.reference}: the plan term runs again`,
          text: `Dear ${p.name},\n\nThe term for the plan of case ${p.reference} runs again. It was paused for this reason: ${p.reason}\n\nThe plan is now due by ${day(l, p.planDueOn)}.\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference}: de termijn voor het plan loopt weer`,
          text: `Beste ${p.name},\n\nDe termijn voor het plan van aanpak van zaak ${p.reference} loopt weer. Hij stond stil om deze reden: ${p.reason}\n\nHet plan is er nu uiterlijk op ${day(l, p.planDueOn)}.\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  caseWithdrawn(l: Locale, p: { name: string; reference: string; reason: string | null; link: string; municipality: string }): MailText {
    const why = p.reason ? (l === 'en' ? `\n\nReason: ${p.reason}` : `\n\nReden: ${p.reason}`) : '';
    return l === 'en'
      ? {
          subject: `${p.reference} has been withdrawn`,
          text: `Dear ${p.name},\n\nCase ${p.reference} has been withdrawn.${why}\n\nWhat was recorded on it stays on record.\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.reference} is ingetrokken`,
          text: `Beste ${p.name},\n\nZaak ${p.reference} is ingetrokken.${why}\n\nWat bij de zaak is vastgelegd, blijft bewaard.\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  /** A commitment made to the initiator: made, confirmed, declined, amended, or ended. */
  commitmentToInitiator(
    l: Locale,
    p: {
      name: string;
      reference: string;
      change: 'recorded' | 'recordedNeedsConfirmation' | 'confirmed' | 'declined' | 'amended' | 'kept' | 'broken' | 'withdrawn';
      what: string;
      dueOn: string;
      by: string;
      reason: string | null;
      link: string;
      municipality: string;
    },
  ): MailText {
    const en = {
      recorded: [`a commitment has been made to you`, `${p.by} made this commitment to you:`],
      recordedNeedsConfirmation: [
        `a commitment to you awaits confirmation`,
        `${p.by} made this commitment to you. It falls outside their mandate, so it binds the municipality once someone with the mandate confirms it:`,
      ],
      confirmed: [`a commitment to you has been confirmed`, `This commitment to you has been confirmed and now binds the municipality:`],
      declined: [`a commitment to you has been declined`, `This commitment to you has been declined by the holder of the mandate:`],
      amended: [`a commitment to you has been amended`, `This commitment to you has been amended; it now reads:`],
      kept: [`a commitment to you has been kept`, `This commitment to you has been recorded as kept:`],
      broken: [`a commitment to you has not been kept`, `This commitment to you has been recorded as not kept:`],
      withdrawn: [`a commitment to you has been withdrawn`, `This commitment to you has been withdrawn:`],
    }[p.change];
    const nl = {
      recorded: [`een toezegging aan u`, `${p.by} heeft u deze toezegging gedaan:`],
      recordedNeedsConfirmation: [
        `een toezegging aan u wacht op bevestiging`,
        `${p.by} heeft u deze toezegging gedaan. Zij valt buiten het eigen mandaat en bindt de gemeente zodra iemand met mandaat haar bevestigt:`,
      ],
      confirmed: [`een toezegging aan u is bevestigd`, `Deze toezegging aan u is bevestigd en bindt nu de gemeente:`],
      declined: [`een toezegging aan u is afgewezen`, `Deze toezegging aan u is afgewezen door wie er mandaat voor heeft:`],
      amended: [`een toezegging aan u is gewijzigd`, `Deze toezegging aan u is gewijzigd; zij luidt nu:`],
      kept: [`een toezegging aan u is nagekomen`, `Deze toezegging aan u is vastgelegd als nagekomen:`],
      broken: [`een toezegging aan u is niet nagekomen`, `Deze toezegging aan u is vastgelegd als niet nagekomen:`],
      withdrawn: [`een toezegging aan u is ingetrokken`, `Deze toezegging aan u is ingetrokken:`],
    }[p.change];
    const [subject, intro] = l === 'en' ? en : nl;
    const why = p.reason ? (l === 'en' ? `\n\nReason: ${p.reason}` : `\n\nReden: ${p.reason}`) : '';
    const due = l === 'en' ? `Due by ${day(l, p.dueOn)}.` : `Uiterlijk op ${day(l, p.dueOn)}.`;
    return {
      subject: `${p.reference}: ${subject}`,
      text: `${l === 'en' ? 'Dear' : 'Beste'} ${p.name},\n\n${intro}\n\n${p.what}\n\n${due}${why}\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
    };
  },
  freshLoginLink(l: Locale, p: { name: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: 'Your new link for Regie',
          text: `Dear ${p.name},\n\nYou asked for a new link to follow your case.\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: 'Uw nieuwe link voor Regie',
          text: `Beste ${p.name},\n\nU heeft een nieuwe link gevraagd om uw zaak te volgen.\n${mailLinkLine(l)}\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  // ---- staff accounts (docs/product.md#staff-accounts) ----
  staffInvitation(l: Locale, p: { name: string; email: string; link: string; hours: number; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.municipality} invites you to Regie`,
          text: `Dear ${p.name},\n\nAn account in Regie has been made for you, to log in with ${p.email}. Choose your password with this link (valid for ${p.hours} hours, once):\n${p.link}\n\nIf the link has expired, use "Forgot password" on the login page.${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.municipality} nodigt u uit voor Regie`,
          text: `Beste ${p.name},\n\nEr is een account in Regie voor u gemaakt, om in te loggen met ${p.email}. Kies uw wachtwoord met deze link (${p.hours} uur en één keer geldig):\n${p.link}\n\nIs de link verlopen? Gebruik dan "Wachtwoord vergeten" op de inlogpagina.${footer(l, p.municipality)}`,
        };
  },
  /**
   * The invitation in a municipality that has switched password login off: no
   * set-password link, the organisation account is the way in
   * (docs/product.md#logging-in-through-openid-connect).
   */
  staffInvitationSso(l: Locale, p: { name: string; email: string; link: string; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: `${p.municipality} invites you to Regie`,
          text: `Dear ${p.name},\n\nAn account in Regie has been made for you, for ${p.email}. ${p.municipality} logs in with the organisation account: no password is needed. Log in with "Log in with organisation account" on the login page:\n${p.link}${footer(l, p.municipality)}`,
        }
      : {
          subject: `${p.municipality} nodigt u uit voor Regie`,
          text: `Beste ${p.name},\n\nEr is een account in Regie voor u gemaakt, voor ${p.email}. Bij ${p.municipality} logt u in met uw organisatieaccount: een wachtwoord is niet nodig. Log in met "Inloggen met organisatieaccount" op de inlogpagina:\n${p.link}${footer(l, p.municipality)}`,
        };
  },
  passwordReset(l: Locale, p: { name: string; link: string; hours: number; municipality: string }): MailText {
    return l === 'en'
      ? {
          subject: 'Set a new password for Regie',
          text: `Dear ${p.name},\n\nSomeone asked to set a new password for your Regie account at ${p.municipality}. Use this link (valid for ${p.hours} hours, once):\n${p.link}\n\nDid you not ask for this? Then ignore this mail; your password stays as it is.${footer(l, p.municipality)}`,
        }
      : {
          subject: 'Een nieuw wachtwoord voor Regie',
          text: `Beste ${p.name},\n\nEr is gevraagd een nieuw wachtwoord in te stellen voor uw Regie-account bij ${p.municipality}. Gebruik deze link (${p.hours} uur en één keer geldig):\n${p.link}\n\nHeeft u dit niet gevraagd? Negeer dan deze mail; uw wachtwoord blijft zoals het is.${footer(l, p.municipality)}`,
        };
  },
};
