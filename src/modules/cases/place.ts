// Staff set or clear the address and point of a case after intake
// (docs/product.md#address-and-point-of-a-case): the case's director or a coordinator,
// on an open case, with If-Match like the other case edits. The area follows the
// point unless it was chosen explicitly (docs/product.md#area-from-the-point); the
// change is an event on the case's timeline, in the same transaction.
import { invalid } from '../../kernel/errors.js';
import type { VersionCondition } from '../../kernel/preconditions.js';
import type { Ctx } from '../../platform/context.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { areaForPoint, isProblem, placeOf } from '../geo/index.js';
import { recordEvent } from '../timeline/index.js';
import { areaAfterPointChange } from './model.js';
import { bumpVersion } from './repo.js';
import { loadCaseFor } from './service.js';

export interface ChangePlace {
  caseId: string;
  /** the new point, with the BAG id when it is an address; null clears the point */
  place: { addressId?: string | null; lon: number; lat: number } | null;
  ifMatch?: VersionCondition;
}

const pointOf = (c: CaseRow) => (c.lon !== null && c.lat !== null ? { addressId: c.address_id, lon: c.lon, lat: c.lat } : null);

export async function changeCasePlace(ctx: Ctx, opts: ChangePlace): Promise<CaseRow> {
  const place = opts.place ? placeOf(opts.place) : null;
  if (place && isProblem(place)) throw invalid(place.field, place.key);
  const mId = ctx.actor.municipalityId;
  return ctx.db.tenant(mId, async (trx) => {
    const c = await loadCaseFor(trx, ctx, opts.caseId, 'changePlace', { lock: true, ifMatch: opts.ifMatch });
    const area = areaAfterPointChange(
      { areaId: c.area_id, areaFromPoint: c.area_from_point },
      { hasPoint: place !== null, areaOfPoint: place ? await areaForPoint(trx, mId, place) : null },
    );
    const updated = await bumpVersion(trx, c, {
      address_id: place?.addressId ?? null,
      lon: place?.lon ?? null,
      lat: place?.lat ?? null,
      rd_x: place?.rdX ?? null,
      rd_y: place?.rdY ?? null,
      area_id: area.areaId,
      area_from_point: area.areaFromPoint,
    });
    await recordEvent(trx, ctx, {
      caseId: c.id,
      visibility: 'shared',
      event: {
        type: 'case.placeChanged',
        payload: {
          place: pointOf(updated),
          previousPlace: pointOf(c),
          areaId: area.areaId,
          previousAreaId: c.area_id,
          areaFromPoint: area.areaFromPoint,
        },
      },
    });
    return updated;
  });
}
