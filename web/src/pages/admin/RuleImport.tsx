// Import the register from CSV or JSON (docs/product.md#the-rules-register): all or nothing. A file with
// any bad line imports nothing, and the report names every problem per line of the
// file in a table; the admin fixes the file and tries again.
import { Alert, Button, Heading, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textbox } from '@utrecht/component-library-react';
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { RuleFileFormat } from '../../api/models.js';
import { type ApiError, api } from '../../api.js';
import { SelectField, TextAreaField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus } from '../../components/feedback.js';
import { WideTable } from '../../components/WideTable.js';
import { useSubmit } from '../../hooks.js';
import { type Translate, useI18n } from '../../i18n/index.js';

/** "line 3, code" → { line: "3", field: "code" } */
export function importProblems(e: ApiError): { line: string; field: string; reason: string }[] {
  return e.invalidParams.map((p) => {
    const m = /^line (\d+),\s*(.*)$/.exec(p.name);
    return m ? { line: m[1] ?? '', field: m[2] ?? '', reason: p.reason } : { line: '', field: p.name, reason: p.reason };
  });
}

const RULE_FIELDS = ['code', 'title', 'legalSource', 'domain', 'strict', 'validFrom', 'validUntil'] as const;

/**
 * A column of the exchange file in the interface's words, with the column name the file
 * uses beside it ("Geldig vanaf (validFrom)"); several names (a missing header) each.
 */
export function fieldLabel(t: Translate, field: string): string {
  return field
    .split(/,\s*/)
    .map((f) =>
      (RULE_FIELDS as readonly string[]).includes(f)
        ? `${t(`rule.${f as (typeof RULE_FIELDS)[number]}`)} (${f})`
        : f === 'content'
          ? t('ruleImport.content')
          : f,
    )
    .join(', ');
}

export function RuleImport({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [format, setFormat] = useState<RuleFileFormat>('csv');
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState('');
  const [client, setClient] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const fileId = useId();
  const reportHeadingId = useId();
  const reportRef = useRef<HTMLElement>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    if (/\.json$/i.test(file.name)) setFormat('json');
    else if (/\.csv$/i.test(file.name)) setFormat('csv');
    setContent(await file.text());
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    submit.setError(null);
    if (!content.trim()) {
      setClient({ content: t('ruleImport.error.empty') });
      return;
    }
    setClient({});
    const r = await submit.run(() => api.importRules(format, content));
    if (r) {
      setDone(t('ruleImport.done', { created: r.created, updated: r.updated, unchanged: r.unchanged }));
      onImported();
    }
  }

  const problems = submit.error && submit.error.status === 400 ? importProblems(submit.error) : [];
  const failed = problems.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: take focus again for every failed import
  useEffect(() => {
    if (failed) reportRef.current?.focus();
  }, [failed, submit.error]);
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={null} errors={client} labels={{ content: t('ruleImport.content') }} />
      <Paragraph>{t('ruleImport.lead')}</Paragraph>
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={fileId}>
            {t('ruleImport.file')}
          </label>
        </div>
        <div className="utrecht-form-field__input">
          <Textbox id={fileId} type="file" accept=".csv,.json,text/csv,application/json" onChange={onFile} aria-describedby={`${fileId}-description`} />
        </div>
        <p id={`${fileId}-description`} className="utrecht-form-field-description regie-small">
          {fileName ? t('ruleImport.fileChosen', { name: fileName }) : t('ruleImport.fileHint')}
        </p>
      </div>
      <SelectField
        name="format"
        label={t('ruleImport.format')}
        value={format}
        onChange={(v) => setFormat(v as 'csv')}
        options={[
          { value: 'csv', label: 'CSV' },
          { value: 'json', label: 'JSON' },
        ]}
      />
      <TextAreaField
        name="content"
        label={t('ruleImport.content')}
        description={t('ruleImport.contentHint')}
        value={content}
        onChange={setContent}
        error={client.content}
        rows={6}
      />
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {t('ruleImport.submit')}
      </Button>
      <LiveStatus message={done} />
      {submit.error && !problems.length ? <ErrorAlert error={submit.error} /> : null}
      {problems.length ? (
        // Like the error summary: a heading, and focus moves here after every failed
        // import so the report is read from its start; the short message is the one
        // live announcement (role=alert inside), not the whole table.
        <section ref={reportRef} tabIndex={-1} className="regie-error-summary" aria-labelledby={reportHeadingId}>
          <Heading level={3} id={reportHeadingId}>
            {t('ruleImport.reportTitle')}
          </Heading>
          <Alert type="error">
            <Paragraph>{submit.error?.title || t('ruleImport.failed')}</Paragraph>
          </Alert>
          <WideTable caption={t('ruleImport.reportCaption', { count: problems.length })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('ruleImport.line')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('ruleImport.field')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('ruleImport.problem')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {problems.map((p, i) => (
                <TableRow key={`${p.line}-${p.field}-${i}`}>
                  <TableCell>{p.line || '—'}</TableCell>
                  <TableCell>{fieldLabel(t, p.field)}</TableCell>
                  <TableCell>{p.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WideTable>
        </section>
      ) : null}
    </form>
  );
}
