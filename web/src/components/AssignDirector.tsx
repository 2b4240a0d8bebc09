// Assign (or hand over) the case director. The API proposes the director who covers
// the case's area and themes with the fewest open cases; it is preselected, and the
// coordinator may choose someone else and say why. The reason shown is built from the
// figures the API sends with the proposal (docs/product.md#proposing-a-director).
import { Button } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import type { CaseDetail, DirectorProposal, ProposalReason } from '../api/models.js';
import { api } from '../api.js';
import { useLoad, useSubmit } from '../hooks.js';
import { type Translate, useI18n } from '../i18n/index.js';
import { SelectField, TextAreaField } from './Fields.js';
import { ErrorAlert, ErrorSummary, Loading } from './feedback.js';
import { fieldErrors, fieldId } from './forms.js';

export function AssignDirector({
  caseId,
  version,
  currentDirectorId,
  reference,
  compact = false,
  preloaded,
  onAssigned,
}: {
  caseId: string;
  version: number;
  currentDirectorId: string | null;
  reference: string;
  compact?: boolean;
  /** the proposal and candidates when the page already has them (the team board): no request of its own */
  preloaded?: DirectorProposal;
  onAssigned(c: CaseDetail): void;
}) {
  const { t } = useI18n();
  const proposal = useLoad((signal) => (preloaded ? Promise.resolve(preloaded) : api.directorProposal(caseId, signal)), [caseId, preloaded]);
  const submit = useSubmit();
  const [directorId, setDirectorId] = useState('');
  const [reason, setReason] = useState('');
  const [client, setClient] = useState<Record<string, string>>({});
  const proposedId = proposal.data?.proposal?.id ?? '';

  // Preselect the proposal, unless it is who already has the case (then a handover needs a choice).
  useEffect(() => {
    if (proposedId && proposedId !== currentDirectorId) setDirectorId((d) => d || proposedId);
  }, [proposedId, currentDirectorId]);

  if (proposal.loading) return <Loading />;
  if (proposal.error) return <ErrorAlert error={proposal.error} />;
  const candidates = proposal.data?.candidates ?? [];
  const names = compact ? { directorId: `assign-${caseId}`, reason: `assign-reason-${caseId}` } : { directorId: 'directorId', reason: 'reason' };
  const labels = { [names.directorId]: compact ? t('assign.directorFor', { reference }) : t('assign.director'), [names.reason]: t('assign.reason') };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    submit.setError(null);
    if (!directorId) {
      setClient({ [names.directorId]: t('assign.required') });
      return;
    }
    setClient({});
    const r = await submit.run(() => api.assignDirector(caseId, version, directorId, reason.trim()));
    if (r) onAssigned(r);
  }

  const apiErrors = fieldErrors(submit.error, ['directorId', 'reason']);
  const errors: Record<string, string> = { ...client };
  if (apiErrors.directorId) errors[names.directorId] = apiErrors.directorId;
  if (apiErrors.reason) errors[names.reason] = apiErrors.reason;
  const options = candidates.map((d) => ({
    value: d.id,
    label: `${d.name} (${t('assign.openCases', { count: d.openCases })})${d.id === proposedId ? ` — ${t('assign.proposed')}` : ''}${d.id === currentDirectorId ? ` — ${t('assign.current')}` : ''}`,
  }));
  return (
    <form noValidate onSubmit={onSubmit} className={compact ? 'regie-inline-form' : 'regie-form regie-form--compact'}>
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      {proposal.data?.proposal ? (
        <p className="regie-small" data-testid={`proposal-${caseId}`}>
          {proposalText(t, proposal.data.proposal.name, proposal.data.proposal.reason)}
        </p>
      ) : null}
      {!compact && !proposal.data?.proposal ? <p className="regie-small">{t('assign.noProposal')}</p> : null}
      <SelectField
        name={names.directorId}
        id={fieldId(names.directorId)}
        hideLabel={compact}
        label={labels[names.directorId]}
        value={directorId}
        onChange={setDirectorId}
        error={errors[names.directorId]}
        required
        placeholder={t('assign.choose')}
        options={options}
      />
      {!compact ? (
        <TextAreaField
          name={names.reason}
          label={labels[names.reason]}
          description={t('assign.reasonHint')}
          value={reason}
          onChange={setReason}
          error={errors[names.reason]}
          rows={2}
          optional
        />
      ) : null}
      <Button
        type="submit"
        appearance={compact ? 'secondary-action-button' : 'primary-action-button'}
        busy={submit.busy}
        aria-label={compact ? t('assign.submitFor', { reference }) : undefined}
      >
        {currentDirectorId ? t('assign.submitHandover') : t('assign.submit')}
      </Button>
    </form>
  );
}

/** "Voorstel: Anna — dekt het gebied, dekt 1 van de 2 thema’s, heeft 3 open zaken; …": only what the figures say. */
export function proposalText(t: Translate, name: string, r: ProposalReason): string {
  const parts = [t(r.coversArea ? 'assign.why.area' : 'assign.why.noArea')];
  if (r.themesTotal > 0) parts.push(t('assign.why.themes', { covered: r.themesCovered, total: r.themesTotal }));
  parts.push(t('assign.why.open', { count: r.openCases }));
  if (r.nextOpenCases !== null) parts.push(t('assign.why.peers', { peers: r.equallyMatched, next: r.nextOpenCases }));
  return t('assign.proposalWhy', { name, why: parts.join(', ') });
}
