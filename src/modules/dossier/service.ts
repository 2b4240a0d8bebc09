// The dossier (docs/product.md#the-dossier): collect everything in one read transaction,
// turn it into content (model.ts) and lay it out as a PDF (render.ts).

import { dutchDate } from '../../kernel/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { attachmentsForDossier } from '../attachments/index.js';
import { recordAccess } from '../audit/index.js';
import { loadCaseFor } from '../cases/index.js';
import { loadMandates } from '../mandates/index.js';
import { getMunicipality } from '../organisation/index.js';
import { participationForDossier } from '../participation/index.js';
import { loadVersions } from '../plans/index.js';
import { listEvents } from '../timeline/index.js';
import { assessmentPart, commitmentsPart, mandateDescriber } from './collect.js';
import { type DossierData, type DossierEvent, dossierBlocks } from './model.js';
import { renderDossierPdf } from './render.js';
import { caseSetting, userNames } from './repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const OWNER_LABEL = { initiator: 'de initiatiefnemer', director: 'de case-regisseur' } as const;

async function planPart(trx: Tx, c: CaseRow, names: Map<string, { name: string }>, initiatorName: string): Promise<DossierData['plan']> {
  const versions = await loadVersions(trx, c.municipality_id, c.id);
  const newest = versions[0];
  if (!newest) return null;
  // The agreed plan is what binds; a newer version being drafted is mentioned, not shown.
  const agreed = versions.find((v) => v.agreed);
  const p = agreed ?? newest;
  const directorName = p.director_agreed_by ? (names.get(p.director_agreed_by)?.name ?? 'de case-regisseur') : 'de case-regisseur';
  return {
    version: p.version,
    agreed: p.agreed,
    goal: p.goal,
    directorAgreed: p.director_agreed_at ? { by: directorName, at: p.director_agreed_at.toISOString() } : null,
    initiatorAgreed: p.initiator_agreed_at ? { by: initiatorName, at: p.initiator_agreed_at.toISOString() } : null,
    actions: p.actions.map((a) => ({
      position: a.position,
      description: a.description,
      owner:
        a.owner_kind === 'department'
          ? (a.owner_department_name ?? 'een afdeling')
          : a.owner_kind === 'external'
            ? (a.owner_name ?? 'een externe partij')
            : OWNER_LABEL[a.owner_kind],
      dueOn: a.due_on,
      status: a.status,
    })),
    newerDraftVersion: agreed && newest.version > agreed.version ? newest.version : null,
  };
}

async function timelinePart(trx: Tx, c: CaseRow): Promise<DossierEvent[]> {
  const out: DossierEvent[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await listEvents(trx, { municipalityId: c.municipality_id, caseId: c.id, sharedOnly: false, after, limit: 500 });
    for (const e of page.rows) {
      out.push({ at: e.created_at.toISOString(), actor: e.actor_name, type: e.type, visibility: e.visibility, payload: e.payload });
    }
    if (page.next === null) return out;
    after = page.next;
  }
}

/**
 * Everything the dossier shows, read in one transaction so its parts agree with
 * each other. Staff who may read the case's internal side only: the dossier holds
 * internal notes and the full assessment. Another municipality's case is not found.
 */
export async function collectDossier(ctx: Ctx, caseId: string): Promise<DossierData> {
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, caseId, 'viewInternal');
    // The one write: who read this dossier, in the transaction of the read
    // (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd).
    await recordAccess(trx, ctx, { kind: 'dossier', caseId: c.id, initiatorId: c.initiator_id });
    const plans = await trx.selectFrom('plans').select('director_agreed_by').where('municipality_id', '=', mId).where('case_id', '=', c.id).execute();
    const [m, names, setting] = await Promise.all([
      getMunicipality(trx, mId),
      userNames(trx, mId, [c.initiator_id, c.director_id, ...plans.map((p) => p.director_agreed_by)]),
      caseSetting(trx, mId, c.id, c.area_id),
    ]);
    const initiator = (c.initiator_id ? names.get(c.initiator_id) : undefined) ?? { name: '', company: null };
    const mandatesOf = await mandateDescriber(trx, mId, await loadMandates(trx, mId));
    return {
      municipality: m.name,
      case: {
        reference: c.reference,
        title: c.title,
        description: c.description,
        location: c.location,
        area: setting.area,
        themes: setting.themes,
        status: c.status,
        channel: c.channel,
        initiator: { name: initiator.name, company: initiator.company },
        director: c.director_id ? (names.get(c.director_id)?.name ?? null) : null,
        submittedAt: c.submitted_at.toISOString(),
        intakeAt: iso(c.intake_at),
        clockStartedOn: c.clock_started_on,
        planDueOn: c.plan_due_on,
        suspensions: setting.suspensions.map((s) => ({ startedOn: s.started_on, endedOn: s.ended_on, reason: s.reason })),
        closedAt: iso(c.closed_at),
        withdrawnReason: c.withdrawn_reason,
      },
      plan: await planPart(trx, c, names, initiator.name),
      assessment: await assessmentPart(trx, ctx.actor, c, dutchDate(ctx.clock.now()), mandatesOf),
      commitments: await commitmentsPart(trx, c, mandatesOf),
      timeline: await timelinePart(trx, c),
      participation: await participationForDossier(trx, mId, c.id),
      attachments: (await attachmentsForDossier(trx, mId, c.id)).map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    };
  });
}

export interface Dossier {
  reference: string;
  pdf: Buffer;
  /** SHA-256 of the content, as printed on the PDF */
  hash: string;
}

/** The case dossier as a PDF, made now (by the context's clock). */
export async function makeDossier(ctx: Ctx, caseId: string, opts: { compress?: boolean } = {}): Promise<Dossier> {
  const data = await collectDossier(ctx, caseId);
  const { pdf, hash } = await renderDossierPdf(dossierBlocks(data), {
    title: `Zaakdossier ${data.case.reference}`,
    author: data.municipality,
    generatedAt: ctx.clock.now(),
    compress: opts.compress,
  });
  return { reference: data.case.reference, pdf, hash };
}
