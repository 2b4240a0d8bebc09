// The files on one thing (the intake, the conversation, a department's answer, a
// commitment) with download links, a remove button where the user may, and a file
// field to add one (docs/product.md#attachments). Downloads are plain links: the server
// sends every file as an attachment, never as a page.
import { Button, Heading } from '@utrecht/component-library-react';
import { type FormEvent, useId, useState } from 'react';
import { ACCEPTED_FILES, type Attachment, type AttachmentOn, attachmentDownload, attachmentsApi } from '../api/attachments.js';
import { useLoad, useSubmit } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { FileField } from './Fields.js';
import { ErrorAlert, useFocusedStatus } from './feedback.js';
import { Section } from './Section.js';

/** "12 kB", "1,4 MB" */
export function fileSize(bytes: number, locale: string): string {
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${n.format(Math.max(1, Math.round(bytes / 1024)))} kB` : `${n.format(bytes / (1024 * 1024))} MB`;
}

/** The list of files, each a download link. */
export function AttachmentList({ items, onRemove }: { items: Attachment[]; onRemove?(a: Attachment): void }) {
  const { t, locale, dateTime } = useI18n();
  if (!items.length) return <p className="utrecht-paragraph">{t('attachments.none')}</p>;
  return (
    <ul className="utrecht-unordered-list regie-attachments">
      {items.map((a) => (
        <li key={a.id} className="utrecht-unordered-list__item">
          <a className="utrecht-link" href={attachmentDownload(a.id)} download={a.fileName}>
            {t('attachments.download', { name: a.fileName, size: fileSize(a.size, locale) })}
          </a>{' '}
          <span className="regie-muted">{t('attachments.by', { name: a.uploadedBy.name || '—', date: dateTime(a.uploadedAt) })}</span>
          {onRemove && a.abilities.remove ? (
            <>
              {' '}
              <Button type="button" appearance="subtle-button" onClick={() => onRemove(a)}>
                {t('attachments.remove', { name: a.fileName })}
              </Button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The files on one thing of a case, and (with `canAdd`) a field to add one. `reloadKey`
 * reloads the list; `onChanged` is told after an add or a removal (the timeline shows it).
 */
export function Attachments(p: {
  caseId: string;
  on: AttachmentOn;
  targetId?: string | null;
  canAdd: boolean;
  title?: string;
  level?: 2 | 3 | 4;
  onChanged?(): void;
}) {
  const { t } = useI18n();
  const list = useLoad((signal) => attachmentsApi.list(p.caseId, signal), [p.caseId]);
  const submit = useSubmit();
  const status = useFocusedStatus();
  const [file, setFile] = useState<File | null>(null);
  const [fieldKey, setFieldKey] = useState(0);
  const [missing, setMissing] = useState(false);
  const id = useId();
  const items = (list.data?.items ?? []).filter((a) => a.on === p.on && (p.targetId ? a.targetId === p.targetId : true));

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const added = await submit.run(() => attachmentsApi.add(p.caseId, p.on, file, p.targetId ?? undefined));
    if (added) {
      setFile(null);
      setFieldKey((k) => k + 1);
      status.show(t('attachments.added', { name: added.fileName }));
      list.reload();
      p.onChanged?.();
    }
  }

  async function onRemove(a: Attachment) {
    const done = await submit.run(async () => {
      await attachmentsApi.remove(a.id);
      return true;
    });
    if (done) {
      status.show(t('attachments.removed', { name: a.fileName }));
      list.reload();
      p.onChanged?.();
    }
  }

  if (!p.canAdd && !items.length) return null;
  return (
    <div className="regie-attachments-block">
      <Heading level={p.level ?? 3}>{p.title ?? t('attachments.title')}</Heading>
      {list.error ? <ErrorAlert error={list.error} /> : <AttachmentList items={items} onRemove={onRemove} />}
      {status.element}
      {p.canAdd ? (
        <form noValidate onSubmit={onSubmit} className="regie-form" aria-labelledby={`${id}-label`}>
          {submit.error ? <ErrorAlert error={submit.error} /> : null}
          <FileField
            key={fieldKey}
            id={`${id}-file-${p.on}`}
            name="file"
            label={<span id={`${id}-label`}>{t('attachments.fileLabel')}</span>}
            description={t('attachments.fileHint')}
            error={missing ? t('attachments.chooseFirst') : undefined}
            accept={ACCEPTED_FILES}
            onFile={setFile}
          />
          <Button type="submit" appearance="secondary-action-button" busy={submit.busy}>
            {t('attachments.add')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** The case's own files: with the question and in the conversation (both shared with the initiator). */
export function CaseAttachments({ c, onChanged }: { c: { id: string; status: string; abilities: { message: boolean } }; onChanged?(): void }) {
  const { t } = useI18n();
  const canAdd = c.abilities.message && c.status !== 'closed' && c.status !== 'withdrawn';
  return (
    <Section title={t('attachments.title')} anchor="bijlagen">
      <Attachments caseId={c.id} on="intake" title={t('attachments.on.intake')} canAdd={canAdd} onChanged={onChanged} />
      <Attachments caseId={c.id} on="message" title={t('attachments.on.message')} canAdd={canAdd} onChanged={onChanged} />
      {/* the files of departments' answers and commitments, for whoever may see them (only shown when there are any) */}
      <Attachments caseId={c.id} on="answer" title={t('attachments.on.answer')} canAdd={false} />
      <Attachments caseId={c.id} on="commitment" title={t('attachments.on.commitment')} canAdd={false} />
    </Section>
  );
}
