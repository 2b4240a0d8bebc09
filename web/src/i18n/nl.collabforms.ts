// Dutch texts of the collaboration page's forms and its mandates
// (docs/product.md#collaborations, docs/product.md#mandates-within-a-collaboration).
// Merged into nl.ts; en.collabforms.ts must have every key.
export const nlCollabForms = {
  'collabForms.mandateWithin': 'binnen samenwerking {name}',
  'collabForms.mandates': 'Mandaten binnen deze samenwerking',
  'collabForms.mandates.none': 'Er zijn geen mandaten binnen deze samenwerking. De beheerder legt ze vast in het mandaatregister.',
  'collabForms.mandates.item': '{holder} mag geld toezeggen tot en met {amount}, verleend door {by}; {period}',
  'collabForms.mandates.inForce': 'van kracht',
  'collabForms.mandates.notInForce': 'niet van kracht',
};
