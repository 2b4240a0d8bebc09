// English texts of the forms on a collaboration's agreements and of the collaboration
// picker in the mandate register.
import type { nlCollabWeb } from './nl.collabweb.js';

export const enCollabWeb: Record<keyof typeof nlCollabWeb, string> = {
  'collab.event.agreement.linkResent': 'Confirmation link mailed to the party again',
  'collabWeb.col.actions': 'Amend and settle',
  'collabWeb.awaiting': 'Awaiting confirmation by {party}',
  'collabWeb.linkValid': 'the link works until {date}',
  'collabWeb.linkExpired': 'the link expired on {date}',
  'collabWeb.confirmedOn': 'Confirmed on {date}',
  'collabWeb.disputed': 'Disputed: {reason}',
  'collabWeb.resend': 'Send the link again',
  'collabWeb.resendN': 'Send the link again to {party}: {what}',
  'collabWeb.resent': '{party} gets an e-mail with a new link to confirm the agreement. The old link no longer works.',
  'collabWeb.changed': '{what}: {message}',
  'collabWeb.mandate.collaboration': 'Within collaboration',
  'collabWeb.mandate.wholeMunicipality': 'The whole municipality',
  'collabWeb.mandate.collaborationHint':
    "A mandate within a collaboration is held by the collaboration's owner and allows committing money only, for agreements within that collaboration.",
  'collabWeb.mandate.fixedHolder': "Holder: {name}, the collaboration's owner.",
  'collabWeb.mandate.fixedScope': 'What the mandate allows: committing money.',
  'collabWeb.mandate.noOwner': "This collaboration's owner is not known: reload the page.",
};
