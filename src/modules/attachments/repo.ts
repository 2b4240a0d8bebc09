// Attachment queries. Every function takes the municipality and filters on it:
// row-level security is the second wall, not the first.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Tx } from '../../platform/db/index.js';
import type { AttachmentTable, Database } from '../../platform/db/schema.js';
import { type AttachmentLimits, type AttachmentOn, DEFAULT_LIMITS } from './model.js';

export type AttachmentRow = Selectable<AttachmentTable>;

export async function limitsOf(trx: Tx, mId: string): Promise<AttachmentLimits> {
  const r = await trx.selectFrom('attachment_settings').select(['max_file_mb', 'max_files']).where('municipality_id', '=', mId).executeTakeFirst();
  return r ? { maxFileMb: r.max_file_mb, maxFiles: r.max_files } : DEFAULT_LIMITS;
}

export async function saveLimits(trx: Tx, mId: string, l: AttachmentLimits, at: Date): Promise<void> {
  await trx
    .insertInto('attachment_settings')
    .values({ municipality_id: mId, max_file_mb: l.maxFileMb, max_files: l.maxFiles, updated_at: at })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ max_file_mb: l.maxFileMb, max_files: l.maxFiles, updated_at: at }))
    .execute();
}

/** How many files hang on one thing: the case's intake or messages, or one answer or commitment. */
export async function countOn(trx: Tx, mId: string, caseId: string, on: AttachmentOn, targetId: string | null): Promise<number> {
  let q = trx
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', mId)
    .where('case_id', '=', caseId)
    .where('kind', '=', on);
  q = targetId === null ? q.where('target_id', 'is', null) : q.where('target_id', '=', targetId);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertAttachment(trx: Tx, values: Insertable<AttachmentTable>): Promise<AttachmentRow> {
  return trx.insertInto('attachments').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findAttachment(trx: Tx, mId: string, id: string): Promise<AttachmentRow | undefined> {
  return trx.selectFrom('attachments').selectAll().where('municipality_id', '=', mId).where('id', '=', id).executeTakeFirst();
}

export function attachmentsOfCase(trx: Tx, mId: string, caseId: string): Promise<AttachmentRow[]> {
  return trx
    .selectFrom('attachments')
    .selectAll()
    .where('municipality_id', '=', mId)
    .where('case_id', '=', caseId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export async function deleteAttachment(trx: Tx, mId: string, id: string): Promise<void> {
  await trx.deleteFrom('attachments').where('municipality_id', '=', mId).where('id', '=', id).execute();
}

/** The orphan clean-up: which of these keys some row still names, in any municipality. */
export async function unsafeKeysInUse(admin: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await admin.selectFrom('attachments').select('storage_key').distinct().where('storage_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.storage_key));
}
