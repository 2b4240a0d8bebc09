// English texts of the login details (see nl.logindetails.ts).
import type { nlLoginDetails } from './nl.logindetails.js';

export const enLoginDetails: Record<keyof typeof nlLoginDetails, string> = {
  'oidc.staffTextOne': 'Working at {municipality}? Log in with your organisation account.',

  'oidc.residentMunicipality': 'Municipality for DigiD or eHerkenning',

  'onBehalf.label': 'On behalf of',
  'onBehalf.company': 'on behalf of {company}',
  'onBehalf.kvk': 'on behalf of KvK {kvk}',
  'onBehalf.companyKvk': 'on behalf of {company} (KvK {kvk})',
  'onBehalf.branch': 'branch {branch}',
  'onBehalf.by': 'by {person}',
  'onBehalf.loggedIn': 'You are logged in with eHerkenning {onBehalf}.',

  'accessLog.kind.identityNumber': 'BSN or KvK number shown',
  'accessLog.reason': 'reason: {reason}',

  'reveal.title': 'Show the BSN for the audit',
  'reveal.text':
    'The BSN (or KvK number) of an initiator who logged in with DigiD or eHerkenning is stored encrypted. Show it only when the audit asks for it; your name, the moment and the reason go into the personal data access log.',
  'reveal.reason': 'Reason',
  'reveal.reasonRequired': 'Enter a reason.',
  'reveal.submit': 'Show the number',
  'reveal.bsn': 'BSN',
  'reveal.kvk': 'KvK number',
  'reveal.logged': 'Shown and recorded in the personal data access log.',

  'accountHistory.title': 'History',
  'accountHistory.empty': 'The role of this account has not been changed yet.',
  'accountHistory.roleChanged': 'Role changed from {from} to {to}',
  'accountHistory.byAdmin': 'by {name}',
  'accountHistory.byGroup': 'when logging in with the organisation account (group {group})',
  'accountHistory.byRegie': 'by Regie',
};
