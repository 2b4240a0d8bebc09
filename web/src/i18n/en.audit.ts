// English texts of the access log and the retention term; every key of nl.audit.ts.
import type { nlAudit } from './nl.audit.js';

export const enAudit: Record<keyof typeof nlAudit, string> = {
  'accessLog.title': 'Personal data access log',
  'accessLog.lead':
    "Who viewed an initiator's contact details, a case dossier, an export with personal data or an attachment, when and from which address. The log cannot be changed.",
  'accessLog.adminText': 'Who viewed which personal data and when: contact details, case dossiers, exports and attachments.',
  'accessLog.filters': 'Filter the log',
  'accessLog.kind': 'Kind of access',
  'accessLog.kind.contactDetails': 'Contact details',
  'accessLog.kind.dossier': 'Case dossier',
  'accessLog.kind.export': 'Export',
  'accessLog.kind.crossMunicipality': 'Other municipality (agreement)',
  'accessLog.kind.attachment': 'Attachment downloaded',
  'accessLog.actor': 'Staff member',
  'accessLog.from': 'From',
  'accessLog.to': 'Up to and including',
  'accessLog.at': 'When',
  'accessLog.case': 'Case',
  'accessLog.initiator': 'Initiator',
  'accessLog.address': 'Address',
  'accessLog.caption': 'Access to personal data, newest first ({count} shown)',
  'accessLog.empty': 'No access found with these filters.',
  'accessLog.unknown': 'unknown',
  'settings.retention': 'Retention of personal data (months)',
  'settings.retentionHelp': "This many months after a case ended, the initiator's details are replaced by a pseudonym (6 to 240). Empty: keep them.",
  'event.personalDataRemoved': 'Personal data removed after the retention term of {months} months',
};
