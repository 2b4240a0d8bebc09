// Who may see, add and remove a file: the same people as for the thing it hangs on
// (docs/product.md#attachments). Pure functions of (actor, thing).
import type { Actor } from '../../platform/auth/index.js';
import { definePolicy } from '../../platform/auth/policy.js';
import { assessmentPolicy } from '../assessments/index.js';
import { type CaseForPolicy, casePolicy, isOpen } from '../cases/index.js';
import { commitmentPolicy } from '../commitments/index.js';
import type { AttachmentOn } from './model.js';

type PartyForPolicy = Parameters<typeof assessmentPolicy.answerFor>[1];
type CommitmentForPolicy = Parameters<typeof commitmentPolicy.view>[1];

/** What a file hangs on, as the policy judges it. */
export interface ThingForPolicy {
  on: AttachmentOn;
  case: CaseForPolicy;
  /** the asked party, for a file on its answer */
  party?: PartyForPolicy;
  /** the commitment, for a file on it */
  commitment?: CommitmentForPolicy;
}

/** A stored file, with who put it there. */
export interface FileForPolicy extends ThingForPolicy {
  uploadedBy: string | null;
}

/**
 * The intake and the messages are shared with the initiator; a department's answer is
 * read by the staff who read the case file, never by the initiator; a commitment's
 * files by whoever may see the commitment.
 */
const view = (a: Actor, t: ThingForPolicy): boolean => {
  switch (t.on) {
    case 'intake':
    case 'message':
      return casePolicy.view(a, t.case);
    case 'answer':
      return casePolicy.viewInternal(a, t.case);
    case 'commitment':
      return t.commitment !== undefined && commitmentPolicy.view(a, t.commitment);
  }
};

/** Files are added by whoever writes the thing: the question's initiator (and the case's director or coordinator), either side of the conversation, the answering department, those who answer for a commitment. */
const attach = (a: Actor, t: ThingForPolicy): boolean => {
  if (!isOpen(t.case.status)) return false;
  switch (t.on) {
    case 'intake':
    case 'message':
      return casePolicy.message(a, t.case);
    case 'answer':
      return t.party !== undefined && assessmentPolicy.answerFor(a, t.party);
    case 'commitment':
      return t.commitment !== undefined && commitmentPolicy.answersFor(a, t.commitment);
  }
};

export const attachmentPolicy = definePolicy(
  {
    view,
    attach,
    /** The one who added it, or the case's director or coordinator, while they may still add files there. */
    remove: (a: Actor, f: FileForPolicy) => attach(a, f) && (f.uploadedBy === a.userId || casePolicy.manage(a, f.case)),
    /** The limits are read by everyone who may add files, set by the administrator. */
    viewSettings: (a: Actor) => a.role !== 'council',
    changeSettings: (a: Actor) => a.role === 'admin',
  },
  { resource: { what: 'attachment', view: 'view', abilities: ['view', 'attach', 'remove'] } },
);
