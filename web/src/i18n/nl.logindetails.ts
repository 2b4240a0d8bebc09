// Dutch texts of the login details: acting for a company, an account's history and
// revealing a BSN for the audit (docs/product.md#eherkenning-branches-and-acting-persons,
// docs/product.md#an-accounts-history, docs/product.md#revealing-a-bsn-for-the-audit).
// Merged into nl.ts; en.logindetails.ts must have every key.
export const nlLoginDetails = {
  'oidc.staffTextOne': 'Werkt u bij {municipality}? Log in met uw organisatieaccount.',

  'oidc.residentMunicipality': 'Gemeente voor DigiD of eHerkenning',

  'onBehalf.label': 'Namens',
  'onBehalf.company': 'namens {company}',
  'onBehalf.kvk': 'namens KvK {kvk}',
  'onBehalf.companyKvk': 'namens {company} (KvK {kvk})',
  'onBehalf.branch': 'vestiging {branch}',
  'onBehalf.by': 'door {person}',
  'onBehalf.loggedIn': 'U bent ingelogd met eHerkenning {onBehalf}.',

  'accessLog.kind.identityNumber': 'BSN of KvK-nummer getoond',
  'accessLog.reason': 'reden: {reason}',

  'reveal.title': 'BSN tonen voor de audit',
  'reveal.text':
    'Het BSN (of KvK-nummer) van een initiatiefnemer die met DigiD of eHerkenning inlogde, is versleuteld opgeslagen. Toon het alleen als de audit het vraagt; uw naam, het moment en de reden komen in het logboek inzage persoonsgegevens.',
  'reveal.reason': 'Reden',
  'reveal.reasonRequired': 'Vul een reden in.',
  'reveal.submit': 'Nummer tonen',
  'reveal.bsn': 'BSN',
  'reveal.kvk': 'KvK-nummer',
  'reveal.logged': 'Getoond en vastgelegd in het logboek inzage persoonsgegevens.',

  'accountHistory.title': 'Geschiedenis',
  'accountHistory.empty': 'De rol van dit account is nog niet gewijzigd.',
  'accountHistory.roleChanged': 'Rol gewijzigd van {from} naar {to}',
  'accountHistory.byAdmin': 'door {name}',
  'accountHistory.byGroup': 'bij het inloggen via het organisatieaccount (groep {group})',
  'accountHistory.byRegie': 'door Regie',
};
