// /zaken/:id/plan — the director edits the plan, agrees to a version, and updates
// the progress of agreed actions; everyone else with access reads it and its history.
import { Alert, Button, Heading, Paragraph, PreHeading } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ActionStatus, Plan, PlanAction } from '../../api/models.js';
import { api } from '../../api.js';
import { ErrorAlert, FirstLoad, LiveStatus, useFocusedStatus } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { PlanView } from '../../components/PlanView.js';
import { Section } from '../../components/Section.js';
import { useLoad, usePageTitle, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { todayIso, useMoney } from '../assessment/shared.js';
import { AgreementBlocked } from './AgreementBlocked.js';
import { PlanForm } from './PlanForm.js';
import { PlanHistory } from './PlanHistory.js';

export function PlanEditorPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const data = useLoad(
    async (signal) => {
      const [c, plan] = await Promise.all([api.case(id, signal), api.plan(id, signal)]);
      const [departments, rules] = c.abilities.editPlan
        ? await Promise.all([
            api.organisation(signal).then((o) => o.departments),
            // the rules an exemption can be granted from: the register as in force today
            api
              .rules({ validOn: todayIso() }, signal)
              .then((r) => r.items),
          ])
        : [[], []];
      return { c, plan, departments, rules };
    },
    [id],
  );
  const [status, setStatus] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const agree = useSubmit();
  const money = useMoney();
  // after agreeing the button goes away: the message takes focus (WCAG 2.4.3)
  const agreed = useFocusedStatus();
  const progress = useSubmit();
  usePageTitle(data.data ? t('planEditor.pageTitle', { reference: data.data.c.reference }) : t('plan.title'));

  if (!data.data) return <FirstLoad loaded={data} title={t('plan.title')} />;
  const { c, plan, departments, rules } = data.data;
  const current = plan.current;
  const setPlan = (p: Plan) => data.setData({ c, plan: p, departments, rules });

  const setActionStatus = async (a: PlanAction, s: ActionStatus) => {
    const p = await progress.run(() => api.setActionStatus(c.id, a.id, s));
    if (p) {
      setPlan(p);
      setFormKey((k) => k + 1);
      setStatus(t('planEditor.progressSaved', { n: a.position, status: t(`actionStatus.${s}`) }));
    }
  };

  return (
    <>
      <PreHeading>
        {c.reference} · <AppLink to={`/zaken/${c.id}`}>{c.title}</AppLink>
      </PreHeading>
      <Heading level={1}>{t('plan.title')}</Heading>
      <LiveStatus message={status} />
      {agreed.element}
      {current ? <Paragraph>{t('plan.versionLabel', { version: current.version })}</Paragraph> : null}
      {current?.agreed ? <Alert type="ok">{t('planEditor.agreedBoth', { version: current.version })}</Alert> : null}

      {c.abilities.editPlan ? (
        <Section title={t('planEditor.editTitle')}>
          <PlanForm
            key={formKey}
            caseId={c.id}
            plan={plan}
            departments={departments}
            rules={rules}
            onDirtyChange={setDirty}
            onSaved={(p) => {
              setPlan(p);
              setStatus(t('planEditor.saved', { version: p.current?.version ?? 0 }));
            }}
          />
        </Section>
      ) : current ? (
        <PlanView plan={current} headingLevel={2} />
      ) : (
        <Paragraph>{t('caseDetail.noPlan')}</Paragraph>
      )}

      {current && c.abilities.editPlan && current.agreed ? (
        <Section title={t('planEditor.progressTitle')}>
          <Paragraph>{t('planEditor.progressText')}</Paragraph>
          {progress.error ? <ErrorAlert error={progress.error} /> : null}
          <PlanView
            plan={current}
            headingLevel={3}
            controlsHeader={t('planEditor.progressColumn')}
            actionControls={(a) =>
              a.status === 'open' ? (
                <Button
                  appearance="secondary-action-button"
                  onClick={() => setActionStatus(a, 'done')}
                  aria-label={t('planEditor.markDoneN', { n: a.position })}
                >
                  {t('planEditor.markDone')}
                </Button>
              ) : (
                <Button appearance="subtle-button" onClick={() => setActionStatus(a, 'open')} aria-label={t('planEditor.reopenN', { n: a.position })}>
                  {t('planEditor.reopen')}
                </Button>
              )
            }
          />
        </Section>
      ) : null}

      {current && c.abilities.agreeAsDirector && !current.directorAgreedAt && plan.abilities.agreeBlockedBy ? (
        <Section title={t('planEditor.agreeTitle')} className="regie-section regie-panel">
          <AgreementBlocked blockedBy={plan.abilities.agreeBlockedBy} parties={plan.abilities.standingObjectionsOf} />
        </Section>
      ) : null}
      {current && c.abilities.agreeAsDirector && !current.directorAgreedAt && !plan.abilities.agreeBlockedBy ? (
        <Section title={t('planEditor.agreeTitle')} className="regie-section regie-panel">
          <Paragraph>{t('planEditor.agreeText', { version: current.version })}</Paragraph>
          {dirty ? <Paragraph className="regie-note">{t('planEditor.agreeDirty')}</Paragraph> : null}
          {agree.error ? <ErrorAlert error={agree.error} /> : null}
          {plan.missingMandates.length ? (
            // docs/product.md#agreeing-a-plan-within-mandate: say why agreeing is not possible, before trying.
            <Alert type="warning">
              <Paragraph>{t('planEditor.mandatesMissing')}</Paragraph>
              <ul>
                {plan.missingMandates.map((d) => (
                  <li key={`${d.kind}-${d.ruleCode ?? d.amountCents ?? ''}`}>
                    {d.kind === 'commitMoney'
                      ? t('mandate.scopeMoney', { amount: money(d.amountCents ?? 0) })
                      : d.kind === 'grantExemption'
                        ? t('mandate.scopeExemption', { code: d.ruleCode ?? '' })
                        : t('mandate.scopeAgreePlan')}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Button
            disabled={plan.missingMandates.length > 0}
            appearance="primary-action-button"
            busy={agree.busy}
            onClick={async () => {
              const p = await agree.run(() => api.agreePlan(c.id, current.version));
              if (p) {
                setPlan(p);
                setFormKey((k) => k + 1);
                agreed.show(t('planEditor.agreed', { version: current.version }));
              }
            }}
          >
            {t('planEditor.agree')}
          </Button>
        </Section>
      ) : null}

      <PlanHistory plan={plan} />
    </>
  );
}
