// English texts of sharing agreements between municipalities; every key of nl.intermunicipal.ts.
import type { nlIntermunicipal } from './nl.intermunicipal.js';

export const enIntermunicipal: Record<keyof typeof nlIntermunicipal, string> = {
  'event.partyReturned': 'Request to {party} in round {number} returned: the sharing agreement has ended',
};
