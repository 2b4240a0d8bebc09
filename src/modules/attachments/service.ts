// Attachments' use-cases (docs/product.md#attachments). An upload is checked before a
// byte is stored (may this actor add a file here, is there room for one more), then
// streamed into the file store, which refuses it while it streams when it grows past
// the municipality's limit or its first bytes are not a type that is taken; only a
// complete, checked file gets its row, in one transaction with its timeline event.
import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { sql } from 'kysely';
import { AppError, conflict, notFound } from '../../kernel/errors.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { partyWithCase } from '../assessments/index.js';
import { recordAccess } from '../audit/index.js';
import { forPolicy as caseForPolicy, findCase, loadCaseFor } from '../cases/index.js';
import { commitmentForPolicy, findCommitment } from '../commitments/index.js';
import { type EventOrigin, recordEvent } from '../timeline/index.js';
import { type AttachmentLimits, type AttachmentOn, acceptedType, intakeSlotOpen, maxBytes, needsTarget, roomForOneMore, safeFileName } from './model.js';
import { attachmentPolicy, type FileForPolicy, type ThingForPolicy } from './policy.js';
import { type AttachmentRow, attachmentsOfCase, countOn, deleteAttachment, findAttachment, insertAttachment, limitsOf, saveLimits } from './repo.js';
import { BrokenUpload, EmptyFile, type FileStore, StoredFileMissing, StoreUnavailable, TooLarge } from './store.js';

export const tooLarge = (maxMb: number) => new AppError(413, 'file-too-large', 'error.fileTooLarge', { max: maxMb });
export const unsupportedType = () => new AppError(415, 'unsupported-file-type', 'error.fileTypeNotAllowed');
export const tooManyFiles = (max: number) => conflict('error.tooManyFiles', { max });
export const brokenUpload = () => new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'body', key: 'error.multipartBroken' }]);
/** The file store cannot be reached: nothing was stored and no row written (docs/product.md#attachments); `reason` is for the log. */
export class StorageUnavailable extends AppError {
  constructor(readonly reason: string) {
    super(503, 'storage-unavailable', 'error.storageUnavailable');
  }
}
export const storageUnavailable = (reason: string) => new StorageUnavailable(reason);
/** A row whose file the store no longer has: the download says so rather than breaking off. */
export const storedFileMissing = () => new AppError(404, 'stored-file-missing', 'error.storedFileMissing');
export const emptyFile = () => new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'file', key: 'error.fileEmpty' }]);

export interface Upload {
  /** the file's bytes, as they arrive */
  stream: Readable;
  /** the name the browser sent; only its base name is kept */
  fileName: string | undefined;
}

export interface Target {
  caseId: string;
  on: AttachmentOn;
  /** the asked party (answer) or the commitment; absent for the intake and the messages */
  targetId?: string | null;
}

/** The thing a file hangs on, loaded within the municipality: 404 when it does not exist there or is not on this case. */
async function thingOf(trx: Tx, mId: string, caseForP: ReturnType<typeof caseForPolicy>, caseId: string, on: AttachmentOn, targetId: string | null) {
  const thing: ThingForPolicy = { on, case: caseForP };
  if (on === 'answer') {
    const p = targetId ? await partyWithCase(trx, mId, targetId) : undefined;
    if (!p || p.case_id !== caseId) throw notFound('answer');
    thing.party = {
      municipalityId: p.municipality_id,
      kind: p.kind as 'department' | 'outside',
      departmentId: p.department_id,
      reopenedUntil: p.reopened_until,
    };
  } else if (on === 'commitment') {
    const k = targetId ? await findCommitment(trx, mId, targetId) : undefined;
    if (!k || k.case_id !== caseId) throw notFound('commitment');
    thing.commitment = commitmentForPolicy(k);
  }
  return thing;
}

const targetOf = (t: Target): string | null => {
  if (needsTarget(t.on) && !t.targetId)
    throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, [{ field: 'querystring.target', key: 'error.required' }]);
  return needsTarget(t.on) ? (t.targetId ?? null) : null;
};

/** May the actor add a file here, and is there room: checked before anything is stored, and again when the row is written. */
async function checkRoom(trx: Tx, ctx: Ctx, t: Target, targetId: string | null, lock: boolean): Promise<{ limits: AttachmentLimits; thing: ThingForPolicy }> {
  const c = await loadCaseFor(trx, ctx, t.caseId, 'view', { lock });
  const thing = await thingOf(trx, c.municipality_id, caseForPolicy(c), c.id, t.on, targetId);
  attachmentPolicy.authorize(ctx.actor, thing, 'attach');
  const limits = await limitsOf(trx, c.municipality_id);
  if (!roomForOneMore(await countOn(trx, c.municipality_id, c.id, t.on, targetId), limits)) throw tooManyFiles(limits.maxFiles);
  return { limits, thing };
}

/** Stream the file into the store: too large → 413, not a type that is taken → 415, nothing kept either way. */
async function store(files: FileStore, mId: string, upload: Upload, limits: AttachmentLimits) {
  let mediaType = '';
  try {
    const stored = await files.put(upload.stream, {
      prefix: mId,
      maxBytes: maxBytes(limits),
      check: async (head) => {
        const type = acceptedType(await fileTypeFromBuffer(head));
        if (!type) throw unsupportedType();
        mediaType = type;
      },
    });
    return { ...stored, mediaType, fileName: safeFileName(upload.fileName, mediaType) };
  } catch (e) {
    if (e instanceof TooLarge) throw tooLarge(limits.maxFileMb);
    if (e instanceof EmptyFile) throw emptyFile();
    if (e instanceof BrokenUpload) throw brokenUpload();
    if (e instanceof StoreUnavailable) throw storageUnavailable(e.reason);
    throw e;
  }
}

type Stored = Awaited<ReturnType<typeof store>>;

async function writeRow(trx: Tx, by: Ctx | EventOrigin, mId: string, t: Target, targetId: string | null, s: Stored, who: { id: string | null; name: string }) {
  const row = await insertAttachment(trx, {
    municipality_id: mId,
    case_id: t.caseId,
    kind: t.on,
    target_id: targetId,
    file_name: s.fileName,
    media_type: s.mediaType,
    size_bytes: s.size,
    sha256: s.sha256,
    storage_key: s.key,
    uploaded_by: who.id,
    uploaded_by_name: who.name,
    uploaded_at: 'at' in by ? by.at : by.clock.now(),
  });
  await recordEvent(trx, by, {
    caseId: t.caseId,
    visibility: await eventVisibility(trx, mId, t.on, targetId),
    event: { type: 'attachment.added', payload: { attachmentId: row.id, on: t.on, fileName: s.fileName, size: s.size, sha256: s.sha256 } },
  });
  return row;
}

/** The event is seen by whoever sees the thing: shared for the intake and the messages, internal for an answer, a commitment's own visibility. */
async function eventVisibility(trx: Tx, mId: string, on: AttachmentOn, targetId: string | null): Promise<'shared' | 'internal'> {
  if (on === 'intake' || on === 'message') return 'shared';
  if (on === 'commitment' && targetId) {
    const k = await findCommitment(trx, mId, targetId);
    return k && k.case_initiator_id !== null && k.made_to_user_id === k.case_initiator_id ? 'shared' : 'internal';
  }
  return 'internal';
}

/** Add a file to the intake, the conversation, a department's answer or a commitment of a case. */
export async function addAttachment(ctx: Ctx, files: FileStore, t: Target, upload: Upload): Promise<AttachmentRow> {
  const targetId = targetOf(t);
  const mId = ctx.actor.municipalityId;
  const { limits } = await ctx.db.tenant(mId, (trx) => checkRoom(trx, ctx, t, targetId, false));
  const stored = await store(files, mId, upload, limits);
  // Checked again under the case's lock: two uploads at once cannot both take the last place.
  return ctx.db.tenant(mId, async (trx) => {
    await checkRoom(trx, ctx, t, targetId, true);
    return writeRow(trx, ctx, mId, t, targetId, stored, { id: ctx.actor.userId, name: ctx.actor.name });
  });
}

/**
 * A file sent with a public intake by its sender, who has no account yet: taken while
 * the intake is unconfirmed, came in through the web form and at most an hour ago
 * (docs/product.md#attachments). Anything else answers 404, as if there were no such
 * case, so the endpoint tells nobody which cases exist.
 */
export async function addIntakeAttachment(deps: Deps, files: FileStore, opts: { municipalityId: string; caseId: string }, upload: Upload) {
  const mId = opts.municipalityId;
  const t: Target = { caseId: opts.caseId, on: 'intake' };
  const check = async (trx: Tx, lock: boolean) => {
    const c = await findCase(trx, mId, opts.caseId);
    // one upload at a time per case, so two cannot both take the last place
    if (lock) await sql`select pg_advisory_xact_lock(hashtext(${opts.caseId}))`.execute(trx);
    if (!c || !intakeSlotOpen({ initiatorId: c.initiator_id, channel: c.channel, submittedAt: c.submitted_at }, deps.clock.now())) throw notFound('case');
    const limits = await limitsOf(trx, mId);
    if (!roomForOneMore(await countOn(trx, mId, c.id, 'intake', null), limits)) throw tooManyFiles(limits.maxFiles);
    return limits;
  };
  const limits = await deps.db.tenant(mId, (trx) => check(trx, false));
  const stored = await store(files, mId, upload, limits);
  return deps.db.tenant(mId, async (trx) => {
    await check(trx, true);
    return writeRow(trx, { municipalityId: mId, actorId: null, at: deps.clock.now() }, mId, t, null, stored, { id: null, name: '' });
  });
}

/** A stored file with what it hangs on, for the policy. */
async function fileFor(trx: Tx, ctx: Ctx, id: string): Promise<{ row: AttachmentRow; file: FileForPolicy }> {
  const mId = ctx.actor.municipalityId;
  const row = await findAttachment(trx, mId, id);
  if (!row) throw notFound('attachment');
  const c = await findCase(trx, mId, row.case_id);
  if (!c) throw notFound('attachment');
  const thing = await thingOf(trx, mId, caseForPolicy(c), c.id, row.kind as AttachmentOn, row.target_id).catch(() => {
    throw notFound('attachment');
  });
  return { row, file: { ...thing, uploadedBy: row.uploaded_by } };
}

export interface AttachmentView {
  row: AttachmentRow;
  abilities: { remove: boolean };
}

/** The files of a case the actor may see, each with whether they may remove it. */
export async function listAttachments(ctx: Ctx, caseId: string): Promise<AttachmentView[]> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, caseId, 'view');
    const out: AttachmentView[] = [];
    const things = new Map<string, ThingForPolicy | null>();
    for (const row of await attachmentsOfCase(trx, mId, c.id)) {
      const k = `${row.kind}:${row.target_id ?? ''}`;
      if (!things.has(k)) {
        things.set(k, await thingOf(trx, mId, caseForPolicy(c), c.id, row.kind as AttachmentOn, row.target_id).catch(() => null));
      }
      const thing = things.get(k);
      if (!thing || !attachmentPolicy.view(ctx.actor, thing)) continue;
      out.push({ row, abilities: { remove: attachmentPolicy.remove(ctx.actor, { ...thing, uploadedBy: row.uploaded_by }) } });
    }
    return out;
  });
}

/**
 * The file itself, for whoever may see the thing it hangs on. A staff member's download
 * is a read of possibly personal data and is logged in the same transaction — the case
 * and the file id, never the content; a refused download leaves no row
 * (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd). The initiator reading
 * their own files is not logged, as for the rest of their case.
 */
export async function openAttachment(ctx: Ctx, files: FileStore, id: string): Promise<{ row: AttachmentRow; stream: Readable }> {
  const row = await ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const { row, file } = await fileFor(trx, ctx, id);
    attachmentPolicy.authorize(ctx.actor, file, 'view');
    if (ctx.actor.role !== 'initiator') {
      await recordAccess(trx, ctx, { kind: 'attachment', caseId: row.case_id, initiatorId: file.case.initiatorId ?? null, attachmentId: row.id });
    }
    return row;
  });
  try {
    return { row, stream: await files.get(row.storage_key) };
  } catch (e) {
    if (e instanceof StoredFileMissing) throw storedFileMissing();
    if (e instanceof StoreUnavailable) throw storageUnavailable(e.reason);
    throw e;
  }
}

/**
 * Remove a file from the thing: the row and the event in one transaction. The stored
 * file goes with the orphan clean-up once no row names it, so a rollback never leaves a
 * row without its file.
 */
export async function removeAttachment(ctx: Ctx, id: string): Promise<void> {
  const mId = ctx.actor.municipalityId;
  await ctx.db.tenant(mId, async (trx) => {
    const first = await fileFor(trx, ctx, id);
    await loadCaseFor(trx, ctx, first.row.case_id, 'view', { lock: true });
    const { row, file } = await fileFor(trx, ctx, id);
    attachmentPolicy.authorize(ctx.actor, file, 'remove');
    await deleteAttachment(trx, mId, row.id);
    await recordEvent(trx, ctx, {
      caseId: row.case_id,
      visibility: await eventVisibility(trx, mId, row.kind as AttachmentOn, row.target_id),
      event: {
        type: 'attachment.removed',
        payload: { attachmentId: row.id, on: row.kind as AttachmentOn, fileName: row.file_name, size: Number(row.size_bytes), sha256: row.sha256 },
      },
    });
  });
}

export async function attachmentLimits(ctx: Ctx): Promise<AttachmentLimits> {
  attachmentPolicy.authorize(ctx.actor, null, 'viewSettings');
  return ctx.db.tenant(ctx.actor.municipalityId, (trx) => limitsOf(trx, ctx.actor.municipalityId));
}

export async function changeAttachmentLimits(ctx: Ctx, limits: AttachmentLimits): Promise<AttachmentLimits> {
  attachmentPolicy.authorize(ctx.actor, null, 'changeSettings');
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    await saveLimits(trx, ctx.actor.municipalityId, limits, ctx.clock.now());
    return limits;
  });
}

/** The files of a case for its dossier: name, type, size and SHA-256, oldest first. */
export async function attachmentsForDossier(trx: Tx, mId: string, caseId: string) {
  const rows = await attachmentsOfCase(trx, mId, caseId);
  return rows.map((r) => ({
    on: r.kind as AttachmentOn,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size_bytes),
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
  }));
}

/**
 * A file of a case with its bytes, for a system process that passes the case's files on
 * (the ZGW registration, docs/product.md#zgw-documents), outside any user's rights:
 * null when the file was removed. The stream is read whole: such files are at most the
 * municipality's size limit.
 */
export async function unsafeCaseFileContent(
  deps: Deps,
  files: FileStore,
  o: { municipalityId: string; caseId: string; attachmentId: string },
): Promise<{ fileName: string; mediaType: string; sha256: string; content: Buffer } | null> {
  const row = await deps.db.unsafeAdmin
    .selectFrom('attachments')
    .select(['file_name', 'media_type', 'sha256', 'storage_key'])
    .where('id', '=', o.attachmentId)
    .where('case_id', '=', o.caseId)
    .where('municipality_id', '=', o.municipalityId)
    .executeTakeFirst();
  if (!row) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of await files.get(row.storage_key)) chunks.push(Buffer.from(chunk as Buffer));
  return { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, content: Buffer.concat(chunks) };
}
