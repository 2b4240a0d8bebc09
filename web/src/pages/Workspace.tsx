// The director's workspace: their open cases, with the plan due date and a clock
// badge; what needs attention is counted at the top.
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { CaseSummary } from '../api/models.js';
import { PagedCases } from '../components/PagedCases.js';
import { Section } from '../components/Section.js';
import { useCurrentUser } from '../currentUser.js';
import { usePageTitle } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { OverdueCommitments } from './commitments/CommitmentPages.js';

export function Workspace() {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  usePageTitle(t('workspace.title'));
  if (!me) return null;
  return (
    <>
      <Heading level={1}>{t('workspace.title')}</Heading>
      <Paragraph>{t('workspace.lead', { name: me.name })}</Paragraph>
      <Section title={t('workspace.myCases')}>
        <PagedCases
          filters={{ director: me.id, status: 'submitted,intake,planning,executing', limit: 50 }}
          caption={t('workspace.caption')}
          emptyText={t('workspace.empty')}
          columns={['area', 'clock']}
          summary={(items) => <Attention items={items} />}
        />
      </Section>
      <OverdueCommitments />
    </>
  );
}

function Attention({ items }: { items: CaseSummary[] }) {
  const { t } = useI18n();
  const count = (k: CaseSummary['clock']) => items.filter((c) => c.clock === k).length;
  const overdue = count('overdue');
  const dueSoon = count('dueSoon');
  const suspended = count('suspended');
  if (!overdue && !dueSoon && !suspended) return <Paragraph>{t('workspace.allOnTrack')}</Paragraph>;
  return (
    <Section title={t('workspace.attention')} level={3} className="regie-attention">
      <UnorderedList>
        {overdue ? <UnorderedListItem className="regie-attention--overdue">{t('workspace.overdue', { count: overdue })}</UnorderedListItem> : null}
        {dueSoon ? <UnorderedListItem className="regie-attention--dueSoon">{t('workspace.dueSoon', { count: dueSoon })}</UnorderedListItem> : null}
        {suspended ? <UnorderedListItem>{t('workspace.suspended', { count: suspended })}</UnorderedListItem> : null}
      </UnorderedList>
    </Section>
  );
}
