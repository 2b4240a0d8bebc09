// The case timeline: reading the event log, adding notes (internal or shared with
// the initiator) and exchanging messages between initiator and director.
import { invalid, notFound } from '../../kernel/errors.js';
import type { Ctx } from '../../platform/context.js';
import { mailAboutCase } from '../cases/mail.js';
import { authorizeCase, casePolicy } from '../cases/policy.js';
import { findCase } from '../cases/repo.js';
import { forPolicy, loadForChange } from '../cases/service.js';
import { mails } from '../notifications/mails.js';
import { appendEvent, listEvents } from './repo.js';

/** The initiator sees only what is shared with them; staff see everything. */
export async function caseTimeline(ctx: Ctx, opts: { caseId: string; after?: number; limit: number }) {
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await findCase(trx, ctx.actor.municipalityId, opts.caseId);
    if (!c || !casePolicy.view(ctx.actor, forPolicy(c))) throw notFound('case');
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
    const c = await loadForChange(trx, ctx, opts.caseId);
    authorizeCase(ctx.actor, 'note', forPolicy(c));
    await appendEvent(trx, {
      municipalityId: c.municipality_id,
      caseId: c.id,
      actorId: ctx.actor.userId,
      at: ctx.clock.now(),
      visibility: opts.visibility,
      event: { type: 'note.added', payload: { text: opts.text.trim() } },
    });
  });
}

/** A message is always shared; the other side is told by mail. */
export async function sendMessage(ctx: Ctx, opts: { caseId: string; text: string }) {
  if (!opts.text.trim()) throw invalid('text', 'error.required');
  return ctx.db.tenant(ctx.actor.municipalityId, async (trx) => {
    const c = await loadForChange(trx, ctx, opts.caseId);
    authorizeCase(ctx.actor, 'message', forPolicy(c));
    const fromInitiator = ctx.actor.role === 'initiator';
    await appendEvent(trx, {
      municipalityId: c.municipality_id,
      caseId: c.id,
      actorId: ctx.actor.userId,
      at: ctx.clock.now(),
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
