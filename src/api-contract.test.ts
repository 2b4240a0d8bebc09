// The web app is built against the committed API contract (web/src/api/): the OpenAPI
// document and the types generated from it. Both must be what the server and
// openapi-typescript produce today, or the web app compiles against a stale API.
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committed, DOCUMENT_FILE, GENERATE_COMMAND, serverDocument, TYPES_FILE, typesOf } from '../scripts/api-contract.js';

/** Where two texts first differ, for a message a reader can act on. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const n = i === -1 ? a.length : i;
  return `line ${n + 1}: committed ${JSON.stringify(b[n] ?? '<end of file>')}, produced ${JSON.stringify(a[n] ?? '<end of file>')}`;
}

function expectUpToDate(file: string, produced: string) {
  const text = committed(file);
  if (text !== produced) {
    expect.fail(
      `${relative(process.cwd(), file)} is out of date; run \`${GENERATE_COMMAND}\` and commit the result (first difference at ${firstDifference(produced, text)})`,
    );
  }
}

describe('the API contract of the web app', () => {
  it('is the OpenAPI document the server produces', async () => {
    expectUpToDate(DOCUMENT_FILE, await serverDocument());
  }, 120_000); // builds the whole app

  it('has the types openapi-typescript generates from that document', async () => {
    expectUpToDate(TYPES_FILE, await typesOf(committed(DOCUMENT_FILE)));
  }, 60_000);
});
