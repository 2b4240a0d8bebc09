// Loading, errors and status messages. Status messages sit in a live region so a
// screen reader announces them without moving focus (WCAG 4.1.3).
import { Alert, Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../api.js';
import { useI18n } from '../i18n/index.js';
import { type FieldErrors, fieldId } from './forms.js';
import { AppLink } from './links.js';

export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph role="status" className="regie-loading">
      {t('common.loading')}
    </Paragraph>
  );
}

/**
 * A page's first load, until its data is there: a loading message, or the page's
 * heading with what went wrong.
 */
export function FirstLoad({ loaded, title }: { loaded: { loading: boolean; error: ApiError | undefined }; title: ReactNode }) {
  if (loaded.loading) return <Loading />;
  if (!loaded.error) return null;
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <ErrorAlert error={loaded.error} />
    </>
  );
}

/** What went wrong, in words for the user (the server's problem title, or ours). */
export function useErrorText() {
  const { t } = useI18n();
  return (e: ApiError): string => {
    if (e.status === 0) return t('error.network');
    if (e.status === 412) return t('error.stale');
    return e.title || t('error.unknown');
  };
}

/** A page-level error: what failed, and the way out where there is one. */
export function ErrorAlert({ error, loginLink = true }: { error: ApiError; loginLink?: boolean }) {
  const { t } = useI18n();
  const text = useErrorText();
  return (
    <Alert type="error">
      <Paragraph>{text(error)}</Paragraph>
      {error.detail && error.detail !== error.title && !error.invalidParams.length ? <Paragraph>{error.detail}</Paragraph> : null}
      {error.status === 401 && loginLink ? (
        <Paragraph>
          <AppLink to="/inloggen">{t('error.loginAgain')}</AppLink>
        </Paragraph>
      ) : null}
      {error.status === 412 ? <ReloadButton /> : null}
    </Alert>
  );
}

function ReloadButton() {
  const { t } = useI18n();
  return (
    <Button appearance="secondary-action-button" onClick={() => window.location.reload()}>
      {t('common.reload')}
    </Button>
  );
}

/**
 * The error summary at the top of a form: a heading, then every field error as a link
 * that moves focus to the field. It takes focus itself when it appears.
 */
export function ErrorSummary({
  error,
  errors,
  labels,
  ids = {},
}: {
  error: ApiError | null;
  errors: FieldErrors;
  labels: Record<string, ReactNode>;
  ids?: Record<string, string>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const idOf = (name: string) => ids[name] ?? fieldId(name);
  const text = useErrorText();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const show = !!error || entries.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: take focus again for every new failed submit
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, error, entries.length]);
  if (!show) return null;
  const focusField = (name: string) => (e: React.MouseEvent) => {
    const el = document.getElementById(idOf(name));
    if (!el) return;
    e.preventDefault();
    const target = el.matches('input, select, textarea') ? el : (el.querySelector<HTMLElement>('input, select, textarea') ?? el);
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };
  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="regie-error-summary" aria-labelledby={headingId}>
      <Heading level={2} id={headingId} appearance="utrecht-heading-3">
        {t('form.errorSummaryTitle')}
      </Heading>
      {error && (!error.invalidParams.length || error.status === 412) ? <Paragraph>{text(error)}</Paragraph> : null}
      {error?.status === 412 ? <ReloadButton /> : null}
      {entries.length ? (
        <UnorderedList>
          {entries.map(([name, message]) => (
            <UnorderedListItem key={name}>
              <a className="utrecht-link utrecht-link--html-a" href={`#${idOf(name)}`} onClick={focusField(name)}>
                {labels[name] ? (
                  <>
                    {labels[name]}: {message}
                  </>
                ) : (
                  message
                )}
              </a>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </Alert>
  );
}

/**
 * A live region for "saved", "sent" and similar messages. Keep it mounted. With `focus`
 * the message takes focus instead of being announced by the live region (once, not
 * twice): for actions after which the form that had focus goes away or is rebuilt.
 * Set the message to null before the action so the same text can take focus again.
 */
export function LiveStatus({ message, focus = false }: { message: string | null; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus && message) ref.current?.focus();
  }, [focus, message]);
  return (
    <div aria-live={focus ? undefined : 'polite'} className="regie-live">
      {message ? (
        <Alert type="ok" ref={ref} tabIndex={focus ? -1 : undefined}>
          {message}
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * A status message that takes focus each time it is shown, also when the text is the
 * same as before: for actions after which the button that was pressed goes away, so
 * focus does not fall back to the page (WCAG 2.4.3 focus order).
 */
export function useFocusedStatus() {
  const [state, setState] = useState<{ message: string | null; n: number }>({ message: null, n: 0 });
  const show = useCallback((message: string) => setState((s) => ({ message, n: s.n + 1 })), []);
  const clear = useCallback(() => setState((s) => ({ message: null, n: s.n })), []);
  return { message: state.message, show, clear, element: <LiveStatus key={state.n} message={state.message} focus /> };
}
