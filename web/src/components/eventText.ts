// What a timeline event says, in the user's language. The payloads are the typed
// events of src/modules/timeline/events.ts.
import type { Translate } from '../i18n/index.js';
import type { CaseEvent, CaseStatus } from '../types.js';

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export function eventTitle(e: CaseEvent, t: Translate, date: (iso: string) => string): string {
  const p = e.payload;
  const status = (s: unknown) => t(`status.${str(s) as CaseStatus}`);
  switch (e.type) {
    case 'case.submitted': {
      const ch = str(p.channel);
      return t('event.submitted', { channel: ['web', 'desk', 'phone', 'email'].includes(ch) ? t(`channel.${ch as 'web'}`) : ch });
    }
    case 'case.assigned':
      return t(p.previousDirectorId ? 'event.reassigned' : 'event.assigned', { name: str(p.directorName) });
    case 'case.statusChanged':
      return p.planDueOn && p.to === 'planning'
        ? t('event.statusChangedDue', { from: status(p.from), to: status(p.to), due: date(str(p.planDueOn)) })
        : t('event.statusChanged', { from: status(p.from), to: status(p.to) });
    case 'clock.suspended':
      return t('event.suspended');
    case 'clock.resumed':
      return t('event.resumed', { days: Number(p.days ?? 0), due: date(str(p.planDueOn)) });
    case 'plan.versionSaved':
      return t('event.planSaved', { version: Number(p.version ?? 0), count: Number(p.actionCount ?? 0) });
    case 'plan.agreed':
      return (
        t(p.by === 'initiator' ? 'event.planAgreedInitiator' : 'event.planAgreedDirector', { version: Number(p.version ?? 0) }) +
        (p.complete ? `. ${t('event.planAgreedComplete')}` : '')
      );
    case 'plan.actionStatusChanged':
      return t('event.actionStatus', {
        action: str(p.description),
        to: ['open', 'done', 'dropped'].includes(str(p.to)) ? t(`actionStatus.${str(p.to) as 'open'}`) : str(p.to),
      });
    case 'note.added':
      return t(e.visibility === 'internal' ? 'event.noteInternal' : 'event.noteShared');
    case 'message.sent':
      return t(p.from === 'initiator' ? 'event.messageFromInitiator' : 'event.messageFromStaff');
    default:
      return e.type;
  }
}

/** The free text an event carries (a note, a message, a reason), if any. */
export function eventText(e: CaseEvent): string | null {
  const p = e.payload;
  if (e.type === 'note.added' || e.type === 'message.sent') return str(p.text) || null;
  if (typeof p.reason === 'string' && p.reason.trim()) return p.reason;
  return null;
}
