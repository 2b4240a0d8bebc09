// Small pieces shared by the assessment and commitment pages: today's date in the
// Dutch time zone, answer/strict/late/commitment badges (colour AND words), a cited
// rule as text, money in euros, and the proposal a party answers.
import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { AnswerKind, CitedRule, CommitmentStatus, Rule } from '../../api/models.js';
import { LiveStatus } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useCurrentUser } from '../../currentUser.js';
import { useI18n } from '../../i18n/index.js';

/** Today as YYYY-MM-DD in Europe/Amsterdam: the day the register's validity is judged on. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Working-day terms are shown as dates; a term that ends within three days stands out. */
export function dueSoon(termEndsOn: string, today = todayIso()): boolean {
  const days = (Date.parse(`${termEndsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days >= 0 && days <= 3;
}

const ANSWER_LOOK: Record<AnswerKind, string> = { yes: 'valid', yesWithConditions: 'active', objection: 'danger', silence: 'neutral' };

export function AnswerBadge({ kind }: { kind: AnswerKind | null }) {
  const { t } = useI18n();
  if (!kind) return <StatusBadge status="inactive">{t('answer.none')}</StatusBadge>;
  return <StatusBadge status={ANSWER_LOOK[kind]}>{t(`answer.${kind}`)}</StatusBadge>;
}

export function StrictBadge() {
  const { t } = useI18n();
  return <StatusBadge status="warning">{t('rule.strictBadge')}</StatusBadge>;
}

export function LateBadge() {
  const { t } = useI18n();
  return <StatusBadge status="warning">{t('answer.lateBadge')}</StatusBadge>;
}

const COMMITMENT_LOOK: Record<CommitmentStatus, string> = {
  binding: 'valid',
  needsConfirmation: 'warning',
  declined: 'inactive',
  kept: 'safe',
  broken: 'danger',
  withdrawn: 'inactive',
};

export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useI18n();
  const { me } = useCurrentUser();
  // A resident reads what "binding" means, in plain words (B1).
  const text = status === 'binding' && me?.role === 'initiator' ? t('commitmentStatus.bindingInitiator') : t(`commitmentStatus.${status}`);
  return <StatusBadge status={COMMITMENT_LOOK[status]}>{text}</StatusBadge>;
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <StatusBadge status="danger">
      <span aria-hidden="true">! </span>
      {t('commitment.overdue')}
    </StatusBadge>
  );
}

/** "OP-4.12 Geen bedrijf in categorie 3 naast woningen (Omgevingsplan artikel 4.12)" */
export const ruleText = (r: Pick<CitedRule | Rule, 'code' | 'title' | 'legalSource'>) => `${r.code} ${r.title} (${r.legalSource})`;

export function useMoney() {
  const { locale } = useI18n();
  const fmt = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' });
  return (cents: number) => fmt.format(cents / 100);
}

/** "1.250,50" or "1250.50" → cents; null when it is not an amount. */
export function parseEuros(s: string): number | null {
  const clean = s.replace(/[€\s]/g, '');
  if (!clean) return null;
  const normal = /,\d{1,2}$/.test(clean) ? clean.replace(/\./g, '').replace(',', '.') : clean.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  return Math.round(Number(normal) * 100);
}

/**
 * The top of a page where a party answers: the status message (after an answer the form
 * is rebuilt or goes away, so the message takes focus) and the round's proposal.
 */
export function ProposalToAnswer({ status, proposal }: { status: string | null; proposal: string }) {
  const { t } = useI18n();
  return (
    <>
      <LiveStatus message={status} focus />
      <Section title={t('round.proposal')}>
        <Paragraph className="regie-prewrap">{proposal}</Paragraph>
      </Section>
    </>
  );
}
