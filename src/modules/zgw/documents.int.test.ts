// The dossier and the files of a case as informatieobjecten of its zaak
// (docs/product.md#zgw-documents, docs/zgw.md#documents), contract-tested against the
// Documenten and Zaken APIs built from their official specifications: every request
// must validate. Also: a file added before the zaak exists goes once it does, and a
// crash between making the document and linking it makes no second document.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/index.js';
import { withTestDb } from '../../testing/db.js';
import { actorOf, buildCase, buildMunicipality, ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { type FakeZgw, startFakeZgw } from '../../testing/fake-zgw.js';
import { addAttachment, localFileStore } from '../attachments/index.js';
import { fixture } from '../attachments/testing.js';
import { changeStatus } from '../cases/index.js';
import { unsafeRunDueZgwTasks } from './delivery.js';
import { listZgwTasks, updateZgwSettings } from './service.js';

const { db, deps } = withTestDb();
const RSIN = '002564440';
const SECRET = 'een-lang-genoeg-geheim';
const root = mkdtempSync(join(tmpdir(), 'regie-zgw-files-'));
const files = localFileStore(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fakes: FakeZgw[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) {
    expect(f.violations).toEqual([]);
    await f.close();
  }
});

async function zgwFor(m: TestMunicipality) {
  const clientId = `regie-${m.slug}`;
  const fake = await startFakeZgw({ clientId, secret: SECRET });
  fakes.push(fake);
  const zaaktype = fake.addZaaktype({ identificatie: 'ZT-INI', omschrijving: 'Initiatief', statustypen: ['Intake', 'Plan', 'Afgesloten'] });
  const iot = fake.addInformatieobjecttype('Bijlage bij initiatief');
  const admin = ctxFor(deps, await actorOf('admin', { municipality: m }));
  await updateZgwSettings(admin, {
    enabled: true,
    zakenUrl: fake.zakenUrl,
    catalogiUrl: fake.catalogiUrl,
    documentenUrl: fake.documentenUrl,
    zaaktypeUrl: zaaktype.url,
    statustypeIntakeUrl: zaaktype.statustypen[0],
    statustypeClosedUrl: zaaktype.statustypen[2],
    informatieobjecttypeUrl: iot,
    rsin: RSIN,
    clientId,
    clientSecret: SECRET,
  });
  return { fake, admin, iot };
}

const run = () => unsafeRunDueZgwTasks(deps, { timeoutMs: 5000, files });
const tasksOf = (caseId: string) =>
  db.unsafeAdmin.selectFrom('zgw_tasks').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('event_id').execute();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const attach = (director: Actor, caseId: string, name: 'tekening.pdf' | 'tekening.png') =>
  addAttachment(ctxFor(deps, director), files, { caseId, on: 'message' }, { stream: Readable.from(fixture(name)), fileName: name });

async function closeCase(director: Actor, caseId: string) {
  await changeStatus(ctxFor(deps, director), { caseId, to: 'planning' });
  await db.unsafeAdmin.updateTable('cases').set({ status: 'executing' }).where('id', '=', caseId).execute();
  await changeStatus(ctxFor(deps, director), { caseId, to: 'closed', reason: 'Het initiatief is gerealiseerd.' });
}

describe('documents', () => {
  it('sends a file added before the zaak once the zaak exists, and at closing the dossier PDF; all valid, all linked to the zaak', async () => {
    const m = await buildMunicipality(db);
    const { fake, iot } = await zgwFor(m);
    const director = await actorOf('director', { municipality: m });
    const c = await buildCase({ municipality: m, deps, status: 'intake', director });
    const png = await attach(director, c.id, 'tekening.png');
    // the file's task was written before the zaak was made
    expect((await tasksOf(c.id)).map((t) => t.step)).toEqual(['create', 'intake', 'attachment']);
    expect(await run()).toBe(3);
    const zaak = fake.zaken[0]?.url;
    expect(fake.documenten).toHaveLength(1);
    expect(fake.documenten[0]?.bytes.equals(fixture('tekening.png'))).toBe(true);
    expect(fake.documenten[0]?.eio).toMatchObject({
      bronorganisatie: RSIN,
      identificatie: `${c.reference}-${png.sha256.slice(0, 12)}`,
      titel: png.file_name,
      bestandsnaam: png.file_name,
      formaat: 'image/png',
      auteur: 'Regie',
      taal: 'dut',
      informatieobjecttype: iot,
    });

    const pdf = await attach(director, c.id, 'tekening.pdf');
    await closeCase(director, c.id);
    expect(await run()).toBeGreaterThanOrEqual(3);
    const tasks = await tasksOf(c.id);
    expect(tasks.every((t) => t.status === 'done')).toBe(true);
    expect(tasks.filter((t) => t.step === 'dossier')).toHaveLength(1);
    // each file once (the closing adds no second task for a file already sent), the dossier once
    expect(tasks.filter((t) => t.step === 'attachment').map((t) => t.attachment_id)).toEqual([png.id, pdf.id]);
    expect(fake.documenten.map((d) => d.eio.bestandsnaam)).toEqual([png.file_name, pdf.file_name, `zaakdossier-${c.reference}.pdf`]);
    const dossier = fake.documenten[2];
    expect(dossier?.eio).toMatchObject({ identificatie: `${c.reference}-dossier`, formaat: 'application/pdf' });
    expect(dossier?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha(fake.documenten[1]?.bytes as Buffer)).toBe(pdf.sha256);
    expect(fake.zaakinformatieobjecten.map((z) => [z.zaak, z.informatieobject])).toEqual(fake.documenten.map((d) => [zaak, d.eio.url]));
    // the dossier was made in the name of whoever closed the case, and logged as any read of it
    const log = await db.unsafeAdmin.selectFrom('access_log').select(['actor_id', 'kind']).where('case_id', '=', c.id).where('kind', '=', 'dossier').execute();
    expect(log).toEqual([{ actor_id: director.userId, kind: 'dossier' }]);
  });

  it('makes exactly one document when the worker dies between making it and linking it', async () => {
    const m = await buildMunicipality(db);
    const { fake, admin } = await zgwFor(m);
    const director = await actorOf('director', { municipality: m });
    const c = await buildCase({ municipality: m, deps, status: 'intake', director });
    expect(await run()).toBe(2);
    fake.cutNextMatching('POST', /\/zaakinformatieobjecten$/);
    await attach(director, c.id, 'tekening.pdf');
    expect(await run()).toBe(0);
    expect(fake.documenten).toHaveLength(1);
    expect(fake.zaakinformatieobjecten).toHaveLength(0);
    const waiting = (await listZgwTasks(admin)).items;
    expect(waiting).toMatchObject([{ step: 'attachment', status: 'pending', attempts: 1 }]);
    expect(waiting[0]?.lastError).toContain('zaakinformatieobjecten');

    await db.unsafeAdmin.updateTable('zgw_tasks').set({ next_attempt_at: deps.clock.now() }).where('case_id', '=', c.id).execute();
    expect(await run()).toBe(1);
    expect(fake.documenten).toHaveLength(1);
    expect(fake.zaakinformatieobjecten).toHaveLength(1);
    expect(fake.zaakinformatieobjecten[0]?.informatieobject).toBe(fake.documenten[0]?.eio.url);
    // looked up, not made again
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/enkelvoudiginformatieobjecten'))).toHaveLength(1);
  });

  it('queues no documents while the Documenten API or the informatieobjecttype is not set', async () => {
    const m = await buildMunicipality(db);
    const { admin } = await zgwFor(m);
    await updateZgwSettings(admin, { informatieobjecttypeUrl: '' });
    const director = await actorOf('director', { municipality: m });
    const c = await buildCase({ municipality: m, deps, status: 'intake', director });
    await attach(director, c.id, 'tekening.pdf');
    expect((await tasksOf(c.id)).map((t) => t.step)).toEqual(['create', 'intake']);
  });
});
