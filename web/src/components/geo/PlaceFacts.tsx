// A case's point among its facts: the BAG address id and the coordinates in WGS84 and
// RD New (docs/product.md#address-and-point-of-a-case). Nothing when it has none.
import type { CaseDetail } from '../../api/models.js';
import { useI18n } from '../../i18n/index.js';
import { Fact } from '../Fact.js';

export function PlaceFacts({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const p = c.place;
  if (!p) return null;
  return (
    <Fact k={t('geo.point')}>
      {t('geo.pointFact', { lat: p.lat.toFixed(6), lon: p.lon.toFixed(6), x: p.rdX.toFixed(2), y: p.rdY.toFixed(2) })}
      {p.addressId ? ` · ${t('geo.addressIdFact', { id: p.addressId })}` : null}
    </Fact>
  );
}
