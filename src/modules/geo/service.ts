// Place use-cases: the areas' boundaries (set, remove, list), the area of a point,
// and address suggestions through PDOK's Locatieserver (docs/geo.md).
import { AppError, notFound } from '../../kernel/errors.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { findArea } from '../organisation/index.js';
import { areaOfPoint, type Boundary, boundaryProblems, boxOf, type Point } from './model.js';
import { addressServiceOff, type LookedUp, lookup, type Suggestion, suggest } from './pdok.js';
import { geoPolicy } from './policy.js';
import { type BoundaryRow, boundariesAround, deleteBoundary, listBoundaries, upsertBoundary } from './repo.js';

/**
 * The admin sets an area's boundary (replacing the one it had): a GeoJSON Polygon or
 * MultiPolygon in WGS84, refused with every problem at once when it is not a valid
 * boundary within the Netherlands. Cases already registered keep their area; new
 * cases with a point in it get it (docs/product.md#area-boundaries).
 */
export async function setAreaBoundary(ctx: Ctx, opts: { areaId: string; geometry: Boundary }): Promise<BoundaryRow> {
  geoPolicy.authorize(ctx.actor, null, 'manageBoundaries');
  const problems = boundaryProblems(opts.geometry);
  if (problems.length) throw new AppError(400, 'invalid-input', 'error.invalidInput', {}, problems);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    if (!(await findArea(trx, mId, opts.areaId))) throw notFound('area');
    const now = ctx.clock.now();
    await upsertBoundary(trx, mId, opts.areaId, opts.geometry, boxOf(opts.geometry), now);
    return { areaId: opts.areaId, geometry: opts.geometry, updatedAt: now };
  });
}

/** The admin removes an area's boundary: new cases in it are no longer assigned to it by their point. */
export async function removeAreaBoundary(ctx: Ctx, areaId: string): Promise<void> {
  geoPolicy.authorize(ctx.actor, null, 'manageBoundaries');
  const mId = ctx.actor.municipalityId;
  await ctx.db.tenant(mId, async (trx) => {
    if (!(await deleteBoundary(trx, mId, areaId))) throw notFound('boundary');
  });
}

/** The municipality's boundaries, for the maps of staff. */
export async function listAreaBoundaries(ctx: Ctx): Promise<BoundaryRow[]> {
  geoPolicy.authorize(ctx.actor, null, 'readBoundaries');
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, (trx) => listBoundaries(trx, mId));
}

/**
 * The area a point lies in, within the use-case's transaction: the boundaries whose
 * box holds the point are read, then tested point in polygon; null when none holds
 * it (docs/product.md#area-from-the-point).
 */
export async function areaForPoint(trx: Tx, municipalityId: string, p: Point): Promise<string | null> {
  return areaOfPoint(await boundariesAround(trx, municipalityId, p), p)?.areaId ?? null;
}

const locatieserver = (deps: Deps) => {
  const url = deps.config.addressSearchUrl;
  if (!url) throw addressServiceOff();
  return { url, timeoutMs: deps.config.addressSearchTimeoutMs };
};

/** Address suggestions for what someone typed (public, like the intake): PDOK's, passed on. */
export async function suggestAddresses(deps: Deps, q: string): Promise<Suggestion[]> {
  return suggest(locatieserver(deps), q);
}

/** The point and BAG ids of one suggestion; 404 when PDOK does not know it. */
export async function lookupAddress(deps: Deps, id: string): Promise<LookedUp> {
  const r = await lookup(locatieserver(deps), id);
  if (!r) throw notFound('address');
  return r;
}
