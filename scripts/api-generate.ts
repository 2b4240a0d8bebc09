// `npm run api:generate`: write the server's OpenAPI document and the web app's
// types generated from it (web/src/api/openapi.json, web/src/api/schema.d.ts).
import { DOCUMENT_FILE, TYPES_FILE, writeContract } from './api-contract.js';

await writeContract();
console.log(`wrote ${DOCUMENT_FILE}\nwrote ${TYPES_FILE}`);
