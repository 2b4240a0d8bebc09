// A case's timeline: reading its part of the event log (kept by the timeline
// module), adding notes (internal or shared with the initiator) and exchanging
// messages between initiator and director.
import { invalid } from '../../kernel/errors.js';
import type { Ctx } from '../../platform/context.js';
import { mails } from '../notifications/index.js';
import { listEvents, recordEvent } from '../timeline/index.js';
import { mailAboutCase } from './mail.js';
import { casePolicy } from './policy.js';
import { forPolicy, loadCaseFor } from './service.js';

/** The initiator sees only what is shared with them; staff see everything. */
export async function caseTimeline(ctx: Ctx, opts: { caseId: string; after?: number; limit: number }) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'view');
    return listEvents(trx, {
      municipalityId: c.municipality_id,
      caseId: c.id,
      sharedOnly: !casePolicy.viewInternal(ctx.actor, forPolicy(c)),
      after: opts.after,
      limit: opts.limit,
    });
  });
}

export async function addNote(ctx: Ctx, opts: { caseId: string; text: string; visibility: 'internal' | 'shared' }) {
  if (!opts.text.trim()) throw invalid('text', 'error.required');
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'note', { lock: true });
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: opts.visibility,
      event: { type: 'note.added', payload: { text: opts.text.trim() } },
    });
  });
}

/** A message is always shared; the other side is told by mail. */
export async function sendMessage(ctx: Ctx, opts: { caseId: string; text: string }) {
  if (!opts.text.trim()) throw invalid('text', 'error.required');
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'message', { lock: true });
    const fromInitiator = ctx.actor.role === 'initiator';
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: { type: 'message.sent', payload: { text: opts.text.trim(), from: fromInitiator ? 'initiator' : 'staff' } },
    });
    const recipientId = fromInitiator ? c.director_id : c.initiator_id;
    if (!recipientId) return; // no director yet: the coordinator's board shows the case
    const message = { from: ctx.actor.name, text: opts.text.trim() };
    await mailAboutCase(trx, ctx, c, recipientId, (l, p) =>
      fromInitiator ? mails.messageFromInitiator(l, { ...p, ...message }) : mails.messageToInitiator(l, { ...p, ...message }),
    );
  });
}
