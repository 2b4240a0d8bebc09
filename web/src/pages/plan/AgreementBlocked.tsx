// Why the plan cannot be agreed yet, in plain words (docs/product.md#a-standing-objection): an objection
// from the integrated assessment stands, and how it can be resolved.
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Plan } from '../../api/models.js';
import { useI18n } from '../../i18n/index.js';

export function AgreementBlocked({ blockedBy, parties }: { blockedBy: NonNullable<Plan['abilities']['agreeBlockedBy']>; parties: string[] }) {
  const { t } = useI18n();
  return (
    <Alert type="warning">
      <Paragraph>{t(`agreementBlocked.${blockedBy}`, { parties: parties.join(', ') })}</Paragraph>
      <Paragraph className="regie-small">{t('agreementBlocked.how')}</Paragraph>
    </Alert>
  );
}
