// The typed event log of every case.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.

export { AccountEvent, listAccountEvents, recordAccountEvent } from './account-events.js';
export { CaseEvent, COMMITMENT_EVENTS } from './events.js';
export { type EventOrigin, type EventRecord, eventLogHead, listEvents, type NewEvent, recordEvent, recordEvents } from './repo.js';
