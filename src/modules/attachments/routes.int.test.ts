// Attachments over HTTP with real files (docs/product.md#attachments), with the files in
// the local folder and in S3-compatible object storage (the fake of testing/fake-s3.ts,
// wired through FILES_S3_* as an installation would): a PDF, a PNG and a JPEG are taken;
// an HTML page named .pdf is refused by its content (415); a file over the
// municipality's limit is refused (413) with no row and no file left; the count limit;
// another municipality and an initiator looking for an internal file get 404; downloads
// are attachments with a sandboxing CSP and the same bytes; a file gone from the store
// is a 404 problem; an object store that is down is a 503 problem and no row; the
// public intake's upload slot.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { fixedClock } from '../../kernel/clock.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { type App, buildServer } from '../../platform/http/server.js';
import {
  actorOf,
  buildCase,
  buildCommitment,
  buildMunicipality,
  buildRound,
  ctxFor,
  type TestMunicipality,
  testDatabase,
  testDeps,
} from '../../testing/factories.js';
import { type FakeS3, startFakeS3 } from '../../testing/fake-s3.js';
import { pdfText } from '../../testing/pdf.js';
import { createApiToken, sessionOrTokenAuthentication } from '../identity/index.js';
import { fileStoreFor } from './configured-store.js';
import { attachmentRoutes } from './routes.js';
import { fixture, multipart } from './testing.js';

const clock = fixedClock('2026-03-02T09:00:00+01:00');
let filesRoot: string;
let fake: FakeS3 | undefined;
let db: Db;
let deps: Deps;
let app: App;
let m: TestMunicipality;
let other: TestMunicipality;
const tokens = new Map<string, string>();
const people: Record<string, Actor> = {};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const auth = (a: Actor) => ({ authorization: `Bearer ${tokens.get(a.userId)}` });
async function person(key: string, a: Actor) {
  people[key] = a;
  tokens.set(a.userId, (await createApiToken(ctxFor(deps, a), { name: 'attachments' })).token);
  return a;
}

const S3_PREFIX = 'regie/';

/**
 * Every stored file by its key (`<municipality>/<sha256>`) and every temporary file as
 * `.tmp/<name>`; with the object store, the bucket's keys, and anything in the folder
 * marked as such (a file there would be a file in the wrong place).
 */
function held(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else out.push(`${fake ? 'in the folder: ' : ''}${relative(join(filesRoot, 'files'), join(dir, e.name)).split(sep).join('/')}`);
    }
  };
  walk(join(filesRoot, 'files'));
  for (const k of fake?.objects.keys() ?? []) out.push(k.startsWith(S3_PREFIX) ? k.slice(S3_PREFIX.length) : `outside the prefix: ${k}`);
  return out.sort();
}

/** The file under a key vanishes behind Regie's back (a restore that missed it, a bucket emptied by hand). */
function lose(key: string) {
  if (fake) fake.objects.delete(S3_PREFIX + key);
  else rmSync(join(filesRoot, 'files', ...key.split('/')));
}

const rowsOf = (caseId: string) => db.unsafeAdmin.selectFrom('attachments').selectAll().where('case_id', '=', caseId).execute();

function upload(a: Actor | null, caseId: string, query: string, file: Parameters<typeof multipart>[0], fields: Record<string, string> = {}) {
  const body = multipart(file, fields);
  return app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/attachments?${query}`,
    payload: body.payload,
    headers: { ...body.headers, ...(a ? auth(a) : {}) },
  });
}

let caseId: string;

describe.each(['local', 's3'] as const)('files kept in %s storage', (storage) => {
  /** A test of the object store itself: defined only where there is one, so no run reports it skipped. */
  const s3Only = (name: string, fn: () => unknown) => {
    if (storage === 's3') it(name, fn);
  };
  beforeAll(async () => {
    filesRoot = mkdtempSync(join(tmpdir(), 'regie-files-'));
    fake = storage === 's3' ? await startFakeS3() : undefined;
    db = await testDatabase();
    const base = testDeps(db, clock);
    deps = { ...base, config: { ...base.config, dataDir: filesRoot, files: { s3: fake?.config({ prefix: S3_PREFIX }) ?? null } } };
    app = await buildApp(deps);
    await app.ready();
    m = await buildMunicipality(db);
    other = await buildMunicipality(db);
    await person('admin', await actorOf('admin', { municipality: m }));
    await person('coordinator', await actorOf('coordinator', { municipality: m }));
    await person('director', await actorOf('director', { municipality: m }));
    await person('specialist', await actorOf('specialist', { municipality: m, department: m.departmentIds[0] }));
    await person('otherCoordinator', await actorOf('coordinator', { municipality: other }));
    const c = await buildCase({ municipality: m, deps, status: 'planning', coordinator: people.coordinator, director: people.director });
    caseId = c.id;
    await person('initiator', c.initiator);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await fake?.close();
  });

  describe('adding files', () => {
    it('takes a PDF on the intake: stored under its SHA-256, a row, an event with name, size and hash', async () => {
      const pdf = fixture('tekening.pdf');
      const res = await upload(people.initiator as Actor, caseId, 'on=intake', {
        name: 'C:\\tekeningen\\Tekening terras.pdf',
        content: pdf,
        type: 'application/pdf',
      });
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json();
      expect(a).toMatchObject({
        on: 'intake',
        fileName: 'Tekening terras.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
        sha256: sha(pdf),
        targetId: null,
      });
      expect(held()).toContain(`${m.id}/${sha(pdf)}`);
      const events = await db.unsafeAdmin.selectFrom('events').selectAll().where('case_id', '=', caseId).where('type', '=', 'attachment.added').execute();
      expect(events.map((e) => [e.visibility, e.payload])).toEqual([
        ['shared', { attachmentId: a.id, on: 'intake', fileName: 'Tekening terras.pdf', size: pdf.length, sha256: sha(pdf) }],
      ]);
    });

    it('takes a PNG and a JPEG in the conversation, named by what they are', async () => {
      const png = await upload(people.director as Actor, caseId, 'on=message', { name: 'schets.PNG', content: fixture('tekening.png') });
      expect(png.statusCode, png.body).toBe(201);
      expect(png.json()).toMatchObject({ mediaType: 'image/png', fileName: 'schets.png' });
      const jpg = await upload(people.initiator as Actor, caseId, 'on=message', { name: 'foto van de kade', content: fixture('foto.jpg') });
      expect(jpg.statusCode, jpg.body).toBe(201);
      expect(jpg.json()).toMatchObject({ mediaType: 'image/jpeg', fileName: 'foto van de kade.jpg' });
    });

    it('refuses an HTML page that calls itself a PDF (415), and keeps nothing of it', async () => {
      const before = held();
      const rows = (await rowsOf(caseId)).length;
      const res = await upload(people.initiator as Actor, caseId, 'on=intake', {
        name: 'tekening.pdf',
        content: fixture('nep-tekening.pdf'),
        type: 'application/pdf',
      });
      expect(res.statusCode, res.body).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().type).toBe('https://regie.example/problemen/unsupported-file-type');
      expect((await rowsOf(caseId)).length).toBe(rows);
      expect(held()).toEqual(before);
    });

    it('refuses a file over the municipality limit (413), with no row and no file, not even a temporary one', async () => {
      const set = await app.inject({
        method: 'PUT',
        url: '/api/v1/attachment-settings',
        payload: { maxFileMb: 1, maxFiles: 10 },
        headers: auth(people.admin as Actor),
      });
      expect(set.statusCode, set.body).toBe(200);
      const before = held();
      const rows = (await rowsOf(caseId)).length;
      // a real PDF, padded past 1 MB
      const big = Buffer.concat([fixture('tekening.pdf'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      const res = await upload(people.initiator as Actor, caseId, 'on=intake', { name: 'groot.pdf', content: big });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().title).toBe('Dit bestand is te groot: de gemeente neemt bestanden tot 1 MB aan.');
      expect((await rowsOf(caseId)).length).toBe(rows);
      expect(held()).toEqual(before);
      await app.inject({ method: 'PUT', url: '/api/v1/attachment-settings', payload: { maxFileMb: 10, maxFiles: 10 }, headers: auth(people.admin as Actor) });
    });

    it('refuses one file more than the limit per thing (409)', async () => {
      await app.inject({ method: 'PUT', url: '/api/v1/attachment-settings', payload: { maxFileMb: 10, maxFiles: 2 }, headers: auth(people.admin as Actor) });
      const c = await buildCase({ municipality: m, deps, status: 'planning', coordinator: people.coordinator, director: people.director });
      const d = people.director as Actor;
      expect((await upload(d, c.id, 'on=message', { name: 'a.png', content: fixture('tekening.png') })).statusCode).toBe(201);
      expect((await upload(d, c.id, 'on=message', { name: 'b.jpg', content: fixture('foto.jpg') })).statusCode).toBe(201);
      const third = await upload(d, c.id, 'on=message', { name: 'c.pdf', content: fixture('tekening.pdf') });
      expect(third.statusCode, third.body).toBe(409);
      expect(third.json().title).toBe('Hier horen al 2 bestanden, het maximum. Haal er eerst een weg.');
      // the intake is another thing: it still has room
      expect((await upload(d, c.id, 'on=intake', { name: 'c.pdf', content: fixture('tekening.pdf') })).statusCode).toBe(201);
      expect((await rowsOf(c.id)).length).toBe(3);
      await app.inject({ method: 'PUT', url: '/api/v1/attachment-settings', payload: { maxFileMb: 10, maxFiles: 10 }, headers: auth(people.admin as Actor) });
    });

    it('refuses another municipality (404) and a request that is not multipart (415)', async () => {
      const res = await upload(people.otherCoordinator as Actor, caseId, 'on=message', { name: 'a.png', content: fixture('tekening.png') });
      expect(res.statusCode).toBe(404);
      const json = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/attachments?on=message`,
        payload: { file: 'x' },
        headers: auth(people.director as Actor),
      });
      expect(json.statusCode).toBe(415);
      expect(json.headers['content-type']).toContain('application/problem+json');
      const none = await upload(people.director as Actor, caseId, 'on=message', null);
      expect(none.statusCode).toBe(400);
    });
  });

  describe('seeing and downloading files', () => {
    it('downloads as an attachment with the detected type, nosniff and a sandboxing CSP', async () => {
      const pdf = fixture('tekening.pdf');
      const list = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/attachments`, headers: auth(people.initiator as Actor) });
      const a = list.json().items.find((i: { sha256: string }) => i.sha256 === sha(pdf));
      const res = await app.inject({ method: 'GET', url: `/api/v1/attachments/${a.id}/content`, headers: auth(people.director as Actor) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="Tekening terras.pdf"; filename*=UTF-8''Tekening%20terras.pdf`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
      expect(sha(res.rawPayload)).toBe(sha(pdf));
    });

    it('keeps a department’s answer files from the initiator: not listed, 404 to download', async () => {
      const round = await buildRound({ deps, by: people.director as Actor, caseId, departmentIds: [m.departmentIds[0] as string] });
      const partyId = round.departmentPartyIds[0] as string;
      const res = await upload(people.specialist as Actor, caseId, `on=answer&target=${partyId}`, { name: 'advies.pdf', content: fixture('tekening.pdf') });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id;
      const event = await db.unsafeAdmin
        .selectFrom('events')
        .select('visibility')
        .where('type', '=', 'attachment.added')
        .where('payload', '@>', JSON.stringify({ attachmentId: id }) as never)
        .executeTakeFirstOrThrow();
      expect(event.visibility).toBe('internal');
      const mine = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/attachments`, headers: auth(people.initiator as Actor) });
      expect(mine.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect((await app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/content`, headers: auth(people.initiator as Actor) })).statusCode).toBe(404);
      const staff = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/attachments`, headers: auth(people.coordinator as Actor) });
      expect(staff.json().items.map((i: { id: string }) => i.id)).toContain(id);
      // another municipality: 404 as well
      expect((await app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/content`, headers: auth(people.otherCoordinator as Actor) })).statusCode).toBe(
        404,
      );
      // only the asked department adds files to its answer
      const notMine = await upload(people.director as Actor, caseId, `on=answer&target=${partyId}`, { name: 'x.pdf', content: fixture('tekening.pdf') });
      expect(notMine.statusCode).toBe(403);
    });

    it('files on a commitment: added by those who answer for it, seen by whoever sees it', async () => {
      const k = await buildCommitment({ deps, by: people.director as Actor, caseId });
      const res = await upload(people.director as Actor, caseId, `on=commitment&target=${k.id}`, { name: 'verslag.pdf', content: fixture('tekening.pdf') });
      expect(res.statusCode, res.body).toBe(201);
      // made to the initiator, so the initiator sees it and its files, but does not add any
      const download = await app.inject({ method: 'GET', url: `/api/v1/attachments/${res.json().id}/content`, headers: auth(people.initiator as Actor) });
      expect(download.statusCode).toBe(200);
      const initiator = await upload(people.initiator as Actor, caseId, `on=commitment&target=${k.id}`, { name: 'x.pdf', content: fixture('tekening.pdf') });
      expect(initiator.statusCode).toBe(403);
      // another case's id with this commitment: not found
      const c = await buildCase({ municipality: m, deps, status: 'planning', coordinator: people.coordinator, director: people.director });
      expect(
        (await upload(people.director as Actor, c.id, `on=commitment&target=${k.id}`, { name: 'x.pdf', content: fixture('tekening.pdf') })).statusCode,
      ).toBe(404);
    });

    it('removes a file: the row goes, the event says which (name, size, SHA-256)', async () => {
      const added = await upload(people.initiator as Actor, caseId, 'on=message', { name: 'weg.png', content: fixture('tekening.png') });
      const id = added.json().id;
      const del = await app.inject({ method: 'DELETE', url: `/api/v1/attachments/${id}`, headers: auth(people.initiator as Actor) });
      expect(del.statusCode, del.body).toBe(204);
      expect((await rowsOf(caseId)).map((r) => r.id)).not.toContain(id);
      const ev = await db.unsafeAdmin.selectFrom('events').select('payload').where('type', '=', 'attachment.removed').where('case_id', '=', caseId).execute();
      expect(ev.map((e) => e.payload)).toContainEqual({
        attachmentId: id,
        on: 'message',
        fileName: 'weg.png',
        size: fixture('tekening.png').length,
        sha256: sha(fixture('tekening.png')),
      });
      // someone else's file: the initiator may not remove the director's
      const theirs = (await rowsOf(caseId)).find((r) => r.uploaded_by === (people.director as Actor).userId) as { id: string };
      expect((await app.inject({ method: 'DELETE', url: `/api/v1/attachments/${theirs.id}`, headers: auth(people.initiator as Actor) })).statusCode).toBe(403);
    });
  });

  describe('downloads in the access log', () => {
    // docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd: a staff download is logged
    // (who, which case, which file id — never the content); a refused one leaves no row.
    const logOf = (attachmentId: string) => db.unsafeAdmin.selectFrom('access_log').selectAll().where('attachment_id', '=', attachmentId).execute();
    const adminSees = async (attachmentId: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/access-log-entries?case=${caseId}&kind=attachment`, headers: auth(people.admin as Actor) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.filter((e: { attachmentId: string | null }) => e.attachmentId === attachmentId);
    };

    it('adds exactly one row per staff download, which the admin reads', async () => {
      const added = await upload(people.initiator as Actor, caseId, 'on=message', { name: 'gelogd.png', content: fixture('tekening.png') });
      expect(added.statusCode, added.body).toBe(201);
      const id = added.json().id;
      expect(await logOf(id)).toHaveLength(0);
      const res = await app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/content`, headers: auth(people.director as Actor) });
      expect(res.statusCode).toBe(200);
      const rows = await logOf(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: 'attachment',
        case_id: caseId,
        actor_id: (people.director as Actor).userId,
        actor_role: 'director',
        municipality_id: m.id,
        initiator_id: (people.initiator as Actor).userId,
        export_name: null,
      });
      const seen = await adminSees(id);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ kind: 'attachment', actor: { id: (people.director as Actor).userId, role: 'director' }, case: { id: caseId } });
      // the initiator reading their own file is not logged, as for the rest of their case
      expect((await app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/content`, headers: auth(people.initiator as Actor) })).statusCode).toBe(200);
      expect(await logOf(id)).toHaveLength(1);
    });

    it('adds no row for a refused download', async () => {
      const added = await upload(people.director as Actor, caseId, 'on=message', { name: 'geweigerd.png', content: fixture('tekening.png') });
      expect(added.statusCode, added.body).toBe(201);
      const id = added.json().id;
      expect((await app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/content`, headers: auth(people.otherCoordinator as Actor) })).statusCode).toBe(
        404,
      );
      expect((await app.inject({ method: 'GET', url: `/api/v1/attachments/${id}/content` })).statusCode).toBe(401);
      expect(await logOf(id)).toHaveLength(0);
      expect(await adminSees(id)).toHaveLength(0);
    });
  });

  describe('the dossier', () => {
    it('lists the case’s files with their SHA-256', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/dossier`, headers: auth(people.coordinator as Actor) });
      expect(res.statusCode).toBe(200);
      const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
      expect(text).toContain('Bijlagen');
      expect(text).toContain('Tekening terras.pdf');
      expect(text).toContain(`SHA-256: ${sha(fixture('tekening.pdf'))}`);
    });
  });

  describe('the public intake’s upload slot', () => {
    const intake = () => ({
      municipality: m.slug,
      initiator: { name: 'Jan Bakker', email: `jan-${Math.random().toString(36).slice(2)}@example.nl` },
      title: 'Dakkapel',
      description: 'Een dakkapel aan de achterkant van ons huis.',
      location: 'Dorpsstraat 3',
    });
    const publicUpload = (slug: string, id: string, file: Parameters<typeof multipart>[0], fields: Record<string, string> = {}) => {
      const body = multipart(file, fields);
      return app.inject({ method: 'POST', url: `/api/v1/public/municipalities/${slug}/cases/${id}/attachments`, payload: body.payload, headers: body.headers });
    };

    it('takes a drawing with a fresh unconfirmed intake, and nothing after an hour', async () => {
      const sent = await app.inject({ method: 'POST', url: '/api/v1/cases', payload: intake() });
      expect(sent.statusCode, sent.body).toBe(201);
      const id = sent.json().id;
      const res = await publicUpload(m.slug, id, { name: 'tekening.pdf', content: fixture('tekening.pdf') });
      expect(res.statusCode, res.body).toBe(201);
      expect((await rowsOf(id)).map((r) => [r.kind, r.uploaded_by, r.sha256])).toEqual([['intake', null, sha(fixture('tekening.pdf'))]]);
      // the wrong municipality does not find it
      expect((await publicUpload(other.slug, id, { name: 'tekening.pdf', content: fixture('tekening.pdf') })).statusCode).toBe(404);
      // an hour and a minute later the slot is closed
      const now = clock.now();
      clock.set(new Date(now.getTime() + 61 * 60_000));
      try {
        expect((await publicUpload(m.slug, id, { name: 'tekening.pdf', content: fixture('tekening.pdf') })).statusCode).toBe(404);
      } finally {
        clock.set(now);
      }
    });

    it('refuses a confirmed case, and answers a filled-in honeypot like a real upload without storing it', async () => {
      const c = await buildCase({ municipality: m, deps });
      expect((await publicUpload(m.slug, c.id, { name: 'tekening.pdf', content: fixture('tekening.pdf') })).statusCode).toBe(404);
      const sent = await app.inject({ method: 'POST', url: '/api/v1/cases', payload: intake() });
      const id = sent.json().id;
      const before = held();
      const trap = await publicUpload(m.slug, id, { name: 'tekening.png', content: fixture('tekening.png') }, { website: 'https://spam.example' });
      expect(trap.statusCode).toBe(201);
      expect(await rowsOf(id)).toEqual([]);
      expect(held()).toEqual(before);
    });
  });

  describe('when the file store fails', () => {
    it('a file gone from the store: the download is a 404 problem, not a crash', async () => {
      // content of its own (a PNG with a tail), so no other row shares its file
      const content = Buffer.concat([fixture('tekening.png'), randomBytes(16)]);
      const added = await upload(people.director as Actor, caseId, 'on=message', { name: 'kwijt.png', content });
      expect(added.statusCode, added.body).toBe(201);
      lose(`${m.id}/${added.json().sha256}`);
      const res = await app.inject({ method: 'GET', url: `/api/v1/attachments/${added.json().id}/content`, headers: auth(people.director as Actor) });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        type: 'https://regie.example/problemen/stored-file-missing',
        title: 'Dit bestand is niet meer in de bestandsopslag te vinden. Vraag de beheerder het terug te zetten.',
      });
    });

    s3Only('the object store down: upload and download answer 503 problem+json, no row and nothing stored', async () => {
      const s3 = fake as FakeS3;
      const kept = await upload(people.director as Actor, caseId, 'on=message', { name: 'bewaard.jpg', content: fixture('foto.jpg') });
      expect(kept.statusCode, kept.body).toBe(201);
      try {
        for (const outage of ['unavailable', 'reset'] as const) {
          s3.outage = outage;
          const rows = (await rowsOf(caseId)).length;
          const before = held();
          const res = await upload(people.initiator as Actor, caseId, 'on=intake', { name: 'nieuw.pdf', content: fixture('tekening.pdf') });
          expect(res.statusCode, res.body).toBe(503);
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.headers['retry-after']).toBe('30');
          expect(res.json()).toMatchObject({
            type: 'https://regie.example/problemen/storage-unavailable',
            title: 'De bestandsopslag is nu niet bereikbaar; het bestand is niet bewaard. Probeer het over een paar minuten opnieuw.',
          });
          expect((await rowsOf(caseId)).length).toBe(rows);
          expect(held()).toEqual(before);
          const down = await app.inject({ method: 'GET', url: `/api/v1/attachments/${kept.json().id}/content`, headers: auth(people.director as Actor) });
          expect(down.statusCode, down.body).toBe(503);
          expect(down.headers['content-type']).toContain('application/problem+json');
        }
        // in English for a client that asks for it
        const en = multipart({ name: 'new.pdf', content: fixture('tekening.pdf') });
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/attachments?on=intake`,
          payload: en.payload,
          headers: { ...en.headers, ...auth(people.initiator as Actor), 'accept-language': 'en' },
        });
        expect(res.json().title).toBe('The file storage cannot be reached just now; the file was not stored. Please try again in a few minutes.');
      } finally {
        s3.outage = 'none';
      }
      // back up: the kept file is there, byte for byte
      const back = await app.inject({ method: 'GET', url: `/api/v1/attachments/${kept.json().id}/content`, headers: auth(people.director as Actor) });
      expect(back.statusCode).toBe(200);
      expect(sha(back.rawPayload)).toBe(sha(fixture('foto.jpg')));
    });

    s3Only('every request Regie made to the object store was correctly signed (SigV4, checked by the fake)', () => {
      const s3 = fake as FakeS3;
      expect(s3.requests.filter((r) => r.operation !== 'dropped').length).toBeGreaterThan(10);
      expect(s3.requests.filter((r) => r.code === 'SignatureDoesNotMatch' || r.code === 'InvalidAccessKeyId' || r.code === 'AccessDenied')).toEqual([]);
      expect(s3.requests.filter((r) => r.operation === 'PutObject' && r.status === 200).length).toBeGreaterThan(3);
    });

    s3Only('a key the service refuses (wrong secret): 503, and the log names the service’s code, never the secret', async () => {
      const s3 = fake as FakeS3;
      const lines: string[] = [];
      const wrong = {
        ...deps.config,
        logLevel: 'info' as const,
        logFormat: 'json' as const,
        files: { s3: s3.config({ secretAccessKey: 'een-verkeerd-geheim-0123' }) },
      };
      const refused = await buildServer(
        { ...deps, config: wrong },
        {
          authenticate: sessionOrTokenAuthentication(deps),
          register: (a) => attachmentRoutes(a, deps, fileStoreFor(wrong)),
          logDestination: { write: (line: string) => void lines.push(line) },
        },
      );
      try {
        await refused.ready();
        const rows = (await rowsOf(caseId)).length;
        const before = held();
        const body = multipart({ name: 'geweigerd.pdf', content: fixture('tekening.pdf') });
        const res = await refused.inject({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/attachments?on=intake`,
          payload: body.payload,
          headers: { ...body.headers, ...auth(people.initiator as Actor) },
        });
        expect(res.statusCode, res.body).toBe(503);
        expect(res.json().type).toBe('https://regie.example/problemen/storage-unavailable');
        expect(s3.requests.at(-1)).toMatchObject({ operation: 'PutObject', status: 403, code: 'SignatureDoesNotMatch' });
        expect((await rowsOf(caseId)).length).toBe(rows);
        expect(held()).toEqual(before);
        const logged = lines.map((l) => JSON.parse(l) as { msg: string; reason?: string });
        expect(logged.filter((l) => l.msg === 'file store unavailable').map((l) => l.reason)).toEqual(['SignatureDoesNotMatch (HTTP 403)']);
        expect(lines.join('')).not.toContain('een-verkeerd-geheim');
        expect(lines.join('')).not.toContain('geweigerd.pdf');
      } finally {
        await refused.close();
      }
    });
  });
});
