// One line of Dutch per timeline event, for the dossier's timeline summary. Pure.
// Long texts (notes, messages) are cut short: the summary shows that and when
// something was said; the full text stays on the case page.

import { formatDate } from '../../kernel/dates.js';
import { label } from '../../kernel/format.js';
import { CaseEvent } from '../timeline/index.js';
import { ANSWER_KIND_LABEL, CASE_STATUS_LABEL, CHANNEL_LABEL, COMMITMENT_STATUS_LABEL } from './format.js';

const SHORT = 160;
export const shorten = (s: string, max = SHORT): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};
const codes = (c: string[]) => (c.length ? ` (${c.join(', ')})` : '');

/**
 * What happened, in one line. An event of a type this version does not know (or
 * with a payload it cannot read) is still listed, by its type, so the summary never
 * silently drops an entry of the log.
 */
export function describeEvent(type: string, payload: Record<string, unknown>): string {
  const parsed = CaseEvent.safeParse({ type, payload });
  if (!parsed.success) return `Gebeurtenis ${type}`;
  const e = parsed.data;
  switch (e.type) {
    case 'case.submitted':
      return `Ingediend via ${label(CHANNEL_LABEL, e.payload.channel)}${e.payload.registeredBy ? `, geregistreerd door ${e.payload.registeredBy}` : ''}`;
    case 'case.confirmed':
      return 'Bevestigd door de aanvrager via de link in de e-mail';
    case 'case.assigned':
      return `Case-regisseur ${e.payload.directorName} toegewezen${e.payload.reason ? ` (reden: ${shorten(e.payload.reason)})` : ''}`;
    case 'case.placeChanged':
      return e.payload.place ? `Punt van de zaak gewijzigd${e.payload.place.addressId ? ' (adres)' : ' (op de kaart)'}` : 'Punt van de zaak gewist';
    case 'case.statusChanged':
      return `Status van ${label(CASE_STATUS_LABEL, e.payload.from)} naar ${label(CASE_STATUS_LABEL, e.payload.to)}${e.payload.reason ? ` (reden: ${shorten(e.payload.reason)})` : ''}`;
    case 'case.personalDataRemoved':
      return `Persoonsgegevens verwijderd na de bewaartermijn van ${e.payload.retentionMonths} maanden`;
    case 'clock.suspended':
      return `Planklok opgeschort: ${shorten(e.payload.reason)}`;
    case 'clock.resumed':
      return `Planklok hervat na ${e.payload.days} dagen; plan uiterlijk ${formatDate(e.payload.planDueOn)}`;
    case 'plan.versionSaved':
      return `Plan van aanpak versie ${e.payload.version} opgeslagen (${e.payload.actionCount} acties)`;
    case 'plan.agreed':
      return `Akkoord met plan versie ${e.payload.version} door ${e.payload.by === 'initiator' ? 'de initiatiefnemer' : 'de case-regisseur'}${e.payload.mandateIds?.length ? ` binnen mandaat (${e.payload.mandateIds.length === 1 ? 'mandaat' : 'mandaten'} ${e.payload.mandateIds.join(', ')})` : ''}${e.payload.complete ? '; het plan is overeengekomen' : ''}`;
    case 'plan.actionStatusChanged':
      return `Actie "${shorten(e.payload.description, 80)}" van ${e.payload.from} naar ${e.payload.to}`;
    case 'note.added':
      return `Notitie: ${shorten(e.payload.text)}`;
    case 'message.sent':
      return `Bericht ${e.payload.from === 'initiator' ? 'van de initiatiefnemer' : 'aan de initiatiefnemer'}: ${shorten(e.payload.text)}`;
    case 'assessment.roundOpened':
      return `Toetsronde ${e.payload.number} geopend met ${e.payload.parties.length} partijen; termijn tot en met ${formatDate(e.payload.termEndsOn)}`;
    case 'assessment.answered':
      return `${e.payload.partyName}: ${label(ANSWER_KIND_LABEL, e.payload.kind)}${codes(e.payload.ruleCodes)}${e.payload.amendment ? ' (gewijzigd)' : ''}`;
    case 'assessment.silence':
      return `Ja door stilzwijgen in ronde ${e.payload.number} per ${formatDate(e.payload.asOf)}: ${e.payload.parties.map((p) => p.name).join(', ')}`;
    case 'assessment.roundClosed':
      return `Toetsronde ${e.payload.number} gesloten (${e.payload.reason === 'allAnswered' ? 'iedereen heeft geantwoord' : 'termijn verstreken'})`;
    case 'assessment.lateObjection':
      return `Laat bezwaar van ${e.payload.partyName}${codes(e.payload.ruleCodes)}`;
    case 'assessment.lateObjectionDecided':
      return `Laat bezwaar van ${e.payload.partyName} ${e.payload.decision === 'admit' ? 'toegelaten' : 'terzijde gelegd'}: ${shorten(e.payload.reason)}`;
    case 'assessment.overruled':
      return `Bezwaar van ${e.payload.partyName}${codes(e.payload.ruleCodes)} overruled: ${shorten(e.payload.reason)}`;
    case 'assessment.notReached':
      return `Niet bereikt in ronde ${e.payload.number} (geen actieve specialist; geen ja door stilzwijgen): ${e.payload.parties.map((p) => p.name).join(', ')}`;
    case 'assessment.partyReturned':
      return `Verzoek aan ${e.payload.partyName} in ronde ${e.payload.number} teruggegeven: de samenwerkingsafspraak is beëindigd`;
    case 'assessment.objectionWithdrawn':
      return `Bezwaar van ${e.payload.partyName}${codes(e.payload.ruleCodes)} ingetrokken: ${shorten(e.payload.reason)}`;
    case 'commitment.recorded':
      return `Toezegging van ${e.payload.madeBy} aan ${e.payload.madeTo} vastgelegd (${label(COMMITMENT_STATUS_LABEL, e.payload.status)}): ${shorten(e.payload.what, 100)}`;
    case 'commitment.amended':
      return `Toezegging gewijzigd (versie ${e.payload.version}): ${shorten(e.payload.reason)}`;
    case 'commitment.confirmed':
      return `Toezegging bevestigd: ${shorten(e.payload.what, 100)}`;
    case 'commitment.declined':
      return `Toezegging niet bevestigd: ${shorten(e.payload.reason)}`;
    case 'commitment.ended':
      return `Toezegging ${label(COMMITMENT_STATUS_LABEL, e.payload.status)}${e.payload.reason ? `: ${shorten(e.payload.reason)}` : ''}`;
    case 'commitment.reminded':
      return `Herinnering verstuurd voor een toezegging (uiterlijk ${formatDate(e.payload.dueOn)})`;
    case 'participation.periodOpened':
      return `Reactieperiode geopend tot en met ${formatDate(String(e.payload.endsOn))} (${e.payload.workingDays} werkdagen)`;
    case 'participation.periodClosed':
      return `Reactieperiode gesloten: ${shorten(e.payload.reason)}`;
    case 'participation.responseConfirmed':
      return e.payload.replaced ? 'Reactie bevestigd (vervangt een eerdere reactie van hetzelfde adres)' : 'Reactie bevestigd';
    case 'participation.responseHidden':
      return `Reactie verborgen: ${shorten(e.payload.reason)}`;
    case 'participation.interestAnswered':
      return `Antwoord geschreven bij het belang ${e.payload.topic}`;
    // The report mark, without the mark (docs/product.md#the-report-mark).
    case 'satisfaction.surveySent':
      return e.payload.moment === 'closed' ? 'Vragenlijst tevredenheid verstuurd na afsluiten' : 'Vragenlijst tevredenheid verstuurd na akkoord op het plan';
    case 'satisfaction.answered':
      return e.payload.change ? 'Vragenlijst tevredenheid: antwoord gewijzigd' : 'Vragenlijst tevredenheid ingevuld';
    case 'satisfaction.followedUp':
      return e.payload.status === 'done' ? 'Tevredenheid opgevolgd (afgerond)' : 'Tevredenheid opgevolgd (loopt nog)';
    case 'attachment.added':
      return `Bijlage toegevoegd: ${shorten(e.payload.fileName, 100)} (${e.payload.size} bytes, SHA-256 ${e.payload.sha256})`;
    case 'attachment.removed':
      return `Bijlage verwijderd: ${shorten(e.payload.fileName, 100)} (SHA-256 ${e.payload.sha256})`;
    default:
      return `Gebeurtenis ${type}`;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * One line for an entry of a commitment's history (commitment_versions.change): what
 * was recorded, amended (from → to, with the reason), confirmed, declined or how it
 * ended. An entry of an unknown kind is listed by its type.
 */
export function describeCommitmentChange(change: Record<string, unknown>): string {
  const reason = str(change.reason);
  const withReason = (s: string) => (reason ? `${s}: ${shorten(reason)}` : s);
  switch (change.type) {
    case 'recorded': {
      const status = label(COMMITMENT_STATUS_LABEL, String(change.status ?? ''));
      const withinMandate = Array.isArray(change.mandateIds) && change.mandateIds.length > 0;
      return `vastgelegd als ${status}${withinMandate ? ' (binnen mandaat)' : ''}`;
    }
    case 'amended': {
      const changes = (change.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
      const parts = Object.entries(changes).map(([field, c]) =>
        field === 'dueOn'
          ? `uiterlijk van ${formatDate(String(c.from))} naar ${formatDate(String(c.to))}`
          : `${field === 'what' ? 'wat' : field} van "${shorten(String(c.from), 80)}" naar "${shorten(String(c.to), 80)}"`,
      );
      return withReason(`gewijzigd${parts.length ? ` (${parts.join('; ')})` : ''}`);
    }
    case 'confirmed':
      return withReason('bevestigd door de mandaathouder');
    case 'declined':
      return withReason('niet bevestigd');
    case 'kept':
    case 'broken':
    case 'withdrawn':
      return withReason(label(COMMITMENT_STATUS_LABEL, change.type));
    default:
      return `wijziging ${String(change.type ?? '')}`.trim();
  }
}
