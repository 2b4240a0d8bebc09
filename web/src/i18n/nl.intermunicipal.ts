// Dutch texts of sharing agreements between municipalities and the requests under them
// (docs/product.md#sharing-agreements-between-municipalities). Merged into nl.ts;
// en.intermunicipal.ts must have every key.
export const nlIntermunicipal = {
  'event.partyReturned': 'Verzoek aan {party} in ronde {number} teruggegeven: de samenwerkingsafspraak is beëindigd',
};
