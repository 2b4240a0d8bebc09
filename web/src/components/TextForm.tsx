// A small form with one text area and a submit button: messages, notes, reasons.
// It clears itself and announces success in a live region (or hands the message to
// `onDone`, e.g. a disclosure that closes). With `confirm`, submitting first asks for
// confirmation in the page, for steps that cannot be undone.
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api.js';
import { useSubmit } from '../hooks.js';
import { TextAreaField } from './Fields.js';
import { ErrorSummary, LiveStatus } from './feedback.js';
import { fieldErrors, fieldId } from './forms.js';

export interface Confirmation {
  question: string;
  yes: string;
  no: string;
}

export function TextForm({
  name,
  label,
  description,
  submitLabel,
  requiredMessage,
  doneMessage,
  onSubmit,
  onDone,
  confirm,
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
  /** called with the done message instead of showing it here */
  onDone?(message: string): void;
  confirm?: Confirmation;
  children?: ReactNode;
  hint?: 'danger';
  rows?: number;
  apiField?: string;
}) {
  const submit = useSubmit();
  const [text, setText] = useState('');
  const [client, setClient] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function send() {
    const ok = await submit.run(async () => {
      await onSubmit(text.trim());
      return true;
    });
    setConfirming(false);
    if (ok) {
      setText('');
      if (onDone) onDone(doneMessage);
      else setDone(doneMessage);
    }
  }

  async function handle(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    submit.setError(null);
    if (!text.trim()) {
      setClient({ [name]: requiredMessage });
      return;
    }
    setClient({});
    if (confirm) setConfirming(true);
    else await send();
  }

  const apiErrors = fieldErrors(submit.error as ApiError | null, [apiField]);
  const errors = { ...client, ...(apiErrors[apiField] ? { [name]: apiErrors[apiField] } : {}) };
  return (
    <form noValidate onSubmit={handle} className="regie-form regie-form--compact">
      <ErrorSummary error={submit.error} errors={errors} labels={{ [name]: label }} />
      <TextAreaField name={name} label={label} description={description} value={text} onChange={setText} error={errors[name]} required rows={rows} />
      {children}
      {confirm && confirming ? (
        <ConfirmStep
          confirm={confirm}
          busy={submit.busy}
          onYes={send}
          onNo={() => {
            setConfirming(false);
            setTimeout(() => document.getElementById(fieldId(name))?.focus(), 0);
          }}
        />
      ) : (
        <Button type="submit" appearance={hint ? 'secondary-action-button' : 'primary-action-button'} hint={hint} busy={submit.busy}>
          {submitLabel}
        </Button>
      )}
      <LiveStatus message={done} />
    </form>
  );
}

/** "Are you sure?" in the page (not a browser dialog): the question takes focus; Escape is "no". */
function ConfirmStep({ confirm, busy, onYes, onNo }: { confirm: Confirmation; busy: boolean; onYes(): void; onNo(): void }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="regie-confirm">
      <Paragraph ref={ref} tabIndex={-1} className="regie-confirm__question">
        {confirm.question}
      </Paragraph>
      <div className="regie-button-row">
        <Button appearance="primary-action-button" hint="danger" busy={busy} onClick={onYes}>
          {confirm.yes}
        </Button>
        <Button appearance="secondary-action-button" onClick={onNo}>
          {confirm.no}
        </Button>
      </div>
    </div>
  );
}
