// A small form with one text area and a submit button: messages, notes, reasons.
// It clears itself and announces success in a live region.
import { Button } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { ApiError } from '../api.js';
import { useSubmit } from '../hooks.js';
import { TextAreaField } from './Fields.js';
import { ErrorSummary, LiveStatus } from './feedback.js';
import { fieldErrors } from './forms.js';

export function TextForm({
  name,
  label,
  description,
  submitLabel,
  requiredMessage,
  doneMessage,
  onSubmit,
  children,
  hint,
  rows = 4,
  apiField = 'text',
}: {
  name: string;
  label: string;
  description?: string;
  submitLabel: string;
  requiredMessage: string;
  doneMessage: string;
  onSubmit(text: string): Promise<unknown>;
  children?: ReactNode;
  hint?: 'danger';
  rows?: number;
  apiField?: string;
}) {
  const submit = useSubmit();
  const [text, setText] = useState('');
  const [client, setClient] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  async function handle(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    submit.setError(null);
    if (!text.trim()) {
      setClient({ [name]: requiredMessage });
      return;
    }
    setClient({});
    const ok = await submit.run(async () => {
      await onSubmit(text.trim());
      return true;
    });
    if (ok) {
      setText('');
      setDone(doneMessage);
    }
  }

  const apiErrors = fieldErrors(submit.error as ApiError | null, [apiField]);
  const errors = { ...client, ...(apiErrors[apiField] ? { [name]: apiErrors[apiField] } : {}) };
  return (
    <form noValidate onSubmit={handle} className="regie-form regie-form--compact">
      <ErrorSummary error={submit.error} errors={errors} labels={{ [name]: label }} />
      <TextAreaField name={name} label={label} description={description} value={text} onChange={setText} error={errors[name]} required rows={rows} />
      {children}
      <Button type="submit" appearance={hint ? 'secondary-action-button' : 'primary-action-button'} hint={hint} busy={submit.busy}>
        {submitLabel}
      </Button>
      <LiveStatus message={done} />
    </form>
  );
}
