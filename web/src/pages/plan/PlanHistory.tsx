// Earlier versions of the plan, each readable in full.
import { Paragraph } from '@utrecht/component-library-react';
import type { Plan } from '../../api/models.js';
import { PlanView } from '../../components/PlanView.js';
import { Section } from '../../components/Section.js';
import { useI18n } from '../../i18n/index.js';

export function PlanHistory({ plan }: { plan: Plan }) {
  const { t, dateTime } = useI18n();
  const older = plan.versions.filter((v) => v.version !== plan.current?.version).sort((a, b) => b.version - a.version);
  return (
    <Section title={t('planHistory.title')}>
      {older.length ? (
        older.map((v) => (
          <details key={v.id} className="regie-details">
            <summary>
              {t('planHistory.version', { version: v.version, date: dateTime(v.updatedAt) })}
              {v.agreed ? ` — ${t('planHistory.agreed')}` : ''}
            </summary>
            <PlanView plan={v} headingLevel={3} />
          </details>
        ))
      ) : (
        <Paragraph>{t('planHistory.none')}</Paragraph>
      )}
    </Section>
  );
}
