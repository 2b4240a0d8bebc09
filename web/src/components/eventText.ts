// What a timeline event says, in the user's language. The payloads are the typed
// events of src/modules/timeline/events.ts.

import { ACTION_STATUSES, ANSWER_KINDS, type CaseEvent, type CaseStatus, CHANNELS, COMMITMENT_OUTCOMES, isOneOf } from '../api/models.js';
import type { Translate } from '../i18n/index.js';

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export function eventTitle(e: CaseEvent, t: Translate, date: (iso: string) => string): string {
  const p = e.payload;
  const status = (s: unknown) => t(`status.${str(s) as CaseStatus}`);
  switch (e.type) {
    case 'case.submitted': {
      const ch = str(p.channel);
      return t('event.submitted', { channel: isOneOf(CHANNELS, ch) ? t(`channel.${ch}`) : ch });
    }
    case 'case.confirmed':
      return t('event.confirmed');
    case 'case.assigned':
      return t(p.previousDirectorId ? 'event.reassigned' : 'event.assigned', { name: str(p.directorName) });
    // docs/product.md#address-and-point-of-a-case: staff set or cleared the point after intake
    case 'case.placeChanged':
      return t(p.place ? 'event.placeChanged' : 'event.placeCleared');
    case 'case.statusChanged':
      return p.planDueOn && p.to === 'planning'
        ? t('event.statusChangedDue', { from: status(p.from), to: status(p.to), due: date(str(p.planDueOn)) })
        : t('event.statusChanged', { from: status(p.from), to: status(p.to) });
    case 'case.personalDataRemoved':
      return t('event.personalDataRemoved', { months: Number(p.retentionMonths ?? 0) });
    case 'clock.suspended':
      return t('event.suspended');
    case 'clock.resumed':
      return Number(p.days) === 1
        ? t('event.resumedOne', { due: date(str(p.planDueOn)) })
        : t('event.resumed', { days: Number(p.days ?? 0), due: date(str(p.planDueOn)) });
    case 'plan.versionSaved':
      return Number(p.actionCount) === 1
        ? t('event.planSavedOne', { version: Number(p.version ?? 0) })
        : t('event.planSaved', { version: Number(p.version ?? 0), count: Number(p.actionCount ?? 0) });
    case 'plan.agreed':
      return (
        t(p.by === 'initiator' ? 'event.planAgreedInitiator' : 'event.planAgreedDirector', { version: Number(p.version ?? 0) }) +
        (p.complete ? `. ${t('event.planAgreedComplete')}` : '')
      );
    case 'plan.actionStatusChanged':
      return t('event.actionStatus', {
        action: str(p.description),
        to: isOneOf(ACTION_STATUSES, p.to) ? t(`actionStatus.${p.to}`) : str(p.to),
      });
    case 'note.added':
      return t(e.visibility === 'internal' ? 'event.noteInternal' : 'event.noteShared');
    case 'message.sent':
      return t(p.from === 'initiator' ? 'event.messageFromInitiator' : 'event.messageFromStaff');
    // the integrated assessment and commitments on record
    case 'assessment.roundOpened': {
      const count = Array.isArray(p.parties) ? p.parties.length : 0;
      return t(count === 1 ? 'event.roundOpenedOne' : 'event.roundOpened', { number: Number(p.number ?? 0), due: date(str(p.termEndsOn)), count });
    }
    case 'assessment.answered':
      return t(p.amendment ? 'event.answerAmended' : 'event.answered', { party: str(p.partyName), answer: answerKind(p.kind, t) }) + ruleCodes(p.ruleCodes);
    case 'assessment.silence':
      return t('event.silence', {
        number: Number(p.number ?? 0),
        date: date(str(p.asOf)),
        parties: Array.isArray(p.parties) ? p.parties.map((x) => str((x as { name?: unknown }).name)).join(', ') : '',
      });
    case 'assessment.roundClosed':
      return t(p.reason === 'allAnswered' ? 'event.roundClosedAnswered' : 'event.roundClosedTerm', { number: Number(p.number ?? 0) });
    case 'assessment.lateObjection':
      return t('event.lateObjection', { party: str(p.partyName) }) + ruleCodes(p.ruleCodes);
    case 'assessment.lateObjectionDecided':
      return t(p.decision === 'admit' ? 'event.lateAdmitted' : 'event.lateSetAside', { party: str(p.partyName) });
    case 'assessment.overruled':
      return t('event.overruled', { party: str(p.partyName) }) + ruleCodes(p.ruleCodes);
    case 'assessment.notReached':
      return t('event.notReached', {
        number: Number(p.number ?? 0),
        parties: Array.isArray(p.parties) ? p.parties.map((x) => str((x as { name?: unknown }).name)).join(', ') : '',
      });
    case 'assessment.partyReturned':
      return t('event.partyReturned', { party: str(p.partyName), number: Number(p.number ?? 0) });
    case 'assessment.objectionWithdrawn':
      return t('event.objectionWithdrawn', { party: str(p.partyName) }) + ruleCodes(p.ruleCodes);
    case 'commitment.recorded':
      return t(p.status === 'binding' ? 'event.commitmentBinding' : 'event.commitmentNeedsConfirmation', {
        by: str(p.madeBy),
        to: str(p.madeTo),
        due: date(str(p.dueOn)),
      });
    case 'commitment.amended':
      return t('event.commitmentAmended', { version: Number(p.version ?? 0) });
    case 'commitment.confirmed':
      return t('event.commitmentConfirmed', { what: str(p.what) });
    case 'commitment.declined':
      return t('event.commitmentDeclined', { what: str(p.what) });
    case 'commitment.ended':
      return t('event.commitmentEnded', {
        what: str(p.what),
        status: isOneOf(COMMITMENT_OUTCOMES, p.status) ? t(`commitmentStatus.${p.status}`) : str(p.status),
      });
    case 'commitment.reminded':
      return t('event.commitmentReminded', { due: date(str(p.dueOn)) });
    // response periods (docs/product.md#response-periods)
    case 'participation.periodOpened':
      return t('event.periodOpened', { due: date(str(p.endsOn)) });
    case 'participation.periodClosed':
      return t('event.periodClosed');
    case 'participation.responseConfirmed':
      return t(p.replaced ? 'event.responseReplaced' : 'event.responseConfirmed');
    case 'participation.responseHidden':
      return t('event.responseHidden');
    case 'participation.interestAnswered':
      return t('event.interestAnswered', { topic: str(p.topic) });
    // the report mark: never the mark itself (docs/product.md#the-report-mark)
    case 'satisfaction.surveySent':
      return t(p.moment === 'planAgreed' ? 'event.surveySentPlan' : 'event.surveySentClosed');
    case 'satisfaction.answered':
      return t(p.change ? 'event.surveyChanged' : 'event.surveyAnswered');
    case 'satisfaction.followedUp':
      return t(p.status === 'done' ? 'event.surveyFollowedUpDone' : 'event.surveyFollowedUpOpen');
    // attachments: the file's name and size, never its content (docs/product.md#attachments)
    case 'attachment.added':
      return t('event.attachmentAdded', { name: str(p.fileName) });
    case 'attachment.removed':
      return t('event.attachmentRemoved', { name: str(p.fileName) });
    default:
      return e.type;
  }
}

function answerKind(kind: unknown, t: Translate): string {
  return isOneOf(ANSWER_KINDS, kind) ? t(`answer.${kind}`) : str(kind);
}

const ruleCodes = (codes: unknown) => (Array.isArray(codes) && codes.length ? ` (${codes.map(str).join(', ')})` : '');

/** The free text an event carries (a note, a message, a reason), if any. */
export function eventText(e: CaseEvent): string | null {
  const p = e.payload;
  if (e.type === 'note.added' || e.type === 'message.sent') return str(p.text) || null;
  if (e.type === 'commitment.recorded' || e.type === 'assessment.roundOpened') return str(p.what ?? p.proposal) || null;
  // a round's close reason is a code the title already says in words (allAnswered, termEnded)
  if (e.type === 'assessment.roundClosed') return null;
  if (typeof p.reason === 'string' && p.reason.trim()) return p.reason;
  return null;
}
