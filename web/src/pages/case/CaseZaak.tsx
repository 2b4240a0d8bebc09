// The zaak of a case in the municipality's zaaksysteem (docs/product.md#zgw-zaak-on-case):
// a link for staff who read the case, or word that it is on its way or failed. Nothing
// while the municipality registers no zaken.
import { Link, Paragraph } from '@utrecht/component-library-react';
import { zgwApi } from '../../api/zgw.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

export function CaseZaak({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const zaak = useLoad((signal) => zgwApi.ofCase(caseId, signal), [caseId]);
  const z = zaak.data;
  if (!z) return null;
  return (
    <>
      {z.zaakUrl ? (
        <Paragraph>
          <Link href={z.zaakUrl} target="_blank" rel="noopener noreferrer" external>
            {t('zgw.caseZaak')}
          </Link>
        </Paragraph>
      ) : z.pending > 0 ? (
        <Paragraph>{t('zgw.caseZaakPending')}</Paragraph>
      ) : null}
      {z.failed > 0 ? <Paragraph>{t('zgw.caseZaakFailed', { count: z.failed })}</Paragraph> : null}
    </>
  );
}
