// English texts of the collaboration page's forms and its mandates.
import type { nlCollabForms } from './nl.collabforms.js';

export const enCollabForms: Record<keyof typeof nlCollabForms, string> = {
  'collabForms.mandateWithin': 'within collaboration {name}',
  'collabForms.mandates': 'Mandates within this collaboration',
  'collabForms.mandates.none': 'There are no mandates within this collaboration. The admin records them in the mandate register.',
  'collabForms.mandates.item': '{holder} may commit money up to and including {amount}, delegated by {by}; {period}',
  'collabForms.mandates.inForce': 'in force',
  'collabForms.mandates.notInForce': 'not in force',
};
