import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.js';
import { type FieldErrors, fieldErrors } from './components/forms.js';

/** The page's <title>: "<page> · Regie". */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Regie` : 'Regie';
  }, [title]);
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
  setData(d: T): void;
}

/** Load data for a page; aborts when the inputs change or the page goes away. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the inputs
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(undefined);
    loadRef
      .current(ctl.signal)
      .then((d) => {
        if (!ctl.signal.aborted) setData(d);
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, String(e), undefined, []));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

/** Run one submit at a time and keep its error. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The button stays enabled (and focused) while busy; a second click is ignored here.
  const running = useRef(false);
  const run = useCallback(async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e), undefined, []));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

/**
 * useSubmit for a form that checks its own fields first. `checked(c)` shows the client's
 * errors, clears the last server error and says whether the form may be sent; `errors`
 * are the field errors by the form's field names (see fieldErrors).
 */
export function useCheckedSubmit(known: readonly string[]) {
  const submit = useSubmit();
  const [client, setClient] = useState<FieldErrors>({});
  const { setError } = submit;
  const checked = useCallback(
    (c: FieldErrors) => {
      setClient(c);
      setError(null);
      return Object.keys(c).length === 0;
    },
    [setError],
  );
  return { ...submit, checked, errors: fieldErrors(submit.error, known, client) };
}

/** Focus an element (usually a new h1) once, when it appears. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
