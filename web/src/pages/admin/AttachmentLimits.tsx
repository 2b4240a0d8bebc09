// The municipality's limits for attachments (docs/product.md#attachments): the largest
// file and the number of files per thing. A block of its own on the admin's settings page.
import { Button } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { attachmentsApi } from '../../api/attachments.js';
import { TextField } from '../../components/Fields.js';
import { ErrorAlert, LiveStatus } from '../../components/feedback.js';
import { Section } from '../../components/Section.js';
import { useLoad, useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

export function AttachmentLimits() {
  const { t } = useI18n();
  const limits = useLoad((signal) => attachmentsApi.limits(signal), []);
  const submit = useSubmit();
  const [mb, setMb] = useState('');
  const [count, setCount] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (limits.data) {
      setMb(String(limits.data.maxFileMb));
      setCount(String(limits.data.maxFiles));
    }
  }, [limits.data]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    const saved = await submit.run(() => attachmentsApi.setLimits(Number(mb), Number(count)));
    if (saved) {
      limits.setData(saved);
      setStatus(t('attachments.limitsSaved'));
    }
  }
  const fieldError = (name: string) => submit.error?.invalidParams.find((p) => p.name === name)?.reason;
  return (
    <Section title={t('attachments.limitsTitle')}>
      <LiveStatus message={status} />
      {limits.error ? <ErrorAlert error={limits.error} /> : null}
      {submit.error && !submit.error.invalidParams.length ? <ErrorAlert error={submit.error} /> : null}
      {limits.data ? (
        <form noValidate onSubmit={onSubmit} className="regie-form">
          <TextField
            name="maxFileMb"
            label={t('attachments.maxFileMb')}
            type="number"
            min={1}
            max={100}
            size="sm"
            inputMode="numeric"
            value={mb}
            onChange={setMb}
            error={fieldError('maxFileMb')}
          />
          <TextField
            name="maxFiles"
            label={t('attachments.maxFiles')}
            type="number"
            min={1}
            max={50}
            size="sm"
            inputMode="numeric"
            value={count}
            onChange={setCount}
            error={fieldError('maxFiles')}
          />
          <Button type="submit" appearance="secondary-action-button" busy={submit.busy}>
            {t('attachments.limitsSave')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
