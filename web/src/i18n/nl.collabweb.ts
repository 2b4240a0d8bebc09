// Dutch texts of the forms on a collaboration's agreements and of the collaboration
// picker in the mandate register (docs/product.md#agreements-within-a-collaboration,
// docs/product.md#sending-an-outside-partys-link-again,
// docs/product.md#mandates-within-a-collaboration). Merged into nl.ts; en.collabweb.ts
// must have every key.
export const nlCollabWeb = {
  'collab.event.agreement.linkResent': 'Bevestigingslink opnieuw naar de partij gemaild',
  'collabWeb.col.actions': 'Wijzigen en afronden',
  'collabWeb.awaiting': 'Wacht op bevestiging door {party}',
  'collabWeb.linkValid': 'de link werkt tot en met {date}',
  'collabWeb.linkExpired': 'de link is verlopen op {date}',
  'collabWeb.confirmedOn': 'Bevestigd op {date}',
  'collabWeb.disputed': 'Betwist: {reason}',
  'collabWeb.resend': 'Link opnieuw sturen',
  'collabWeb.resendN': 'Link opnieuw sturen aan {party}: {what}',
  'collabWeb.resent': '{party} krijgt een e-mail met een nieuwe link om de afspraak te bevestigen. De oude link werkt niet meer.',
  'collabWeb.changed': '{what}: {message}',
  'collabWeb.mandate.collaboration': 'Binnen samenwerking',
  'collabWeb.mandate.wholeMunicipality': 'De hele gemeente',
  'collabWeb.mandate.collaborationHint':
    'Een mandaat binnen een samenwerking heeft de eigenaar van de samenwerking als houder en staat alleen geld toezeggen toe, voor afspraken binnen die samenwerking.',
  'collabWeb.mandate.fixedHolder': 'Houder: {name}, eigenaar van de samenwerking.',
  'collabWeb.mandate.fixedScope': 'Wat het mandaat toestaat: geld toezeggen.',
  'collabWeb.mandate.noOwner': 'De eigenaar van deze samenwerking is niet bekend: laad de pagina opnieuw.',
} as const;
