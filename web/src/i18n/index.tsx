// Dutch by default, English on request. The choice is kept in localStorage, sets
// <html lang> and goes with every API call as Accept-Language.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type {
  ActionStatus,
  AnswerKind,
  CaseStatus,
  Channel,
  ClockState,
  CommitmentStatus,
  Domain,
  LateObjectionStatus,
  Locale,
  MadeVia,
  OwnerKind,
  PlanTerm,
  Role,
} from '../api/models.js';
import { setApiLanguage } from '../api.js';
import { en } from './en.js';
import { type MessageKey, nl } from './nl.js';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

// The labels of the API's enums live here once, as `prefix.value` keys of the
// catalogue. Every value the API declares must have its label: a value added to
// the API without one fails `tsc -p web` on this line.
type Labels<Prefix extends string, Value extends string> = `${Prefix}.${Value}`;
type EnumLabel =
  | Labels<'status', CaseStatus>
  | Labels<'clock', ClockState>
  | Labels<'channel', Channel>
  | Labels<'role', Role>
  | Labels<'domain', Domain>
  | Labels<'owner', OwnerKind>
  | Labels<'actionStatus', ActionStatus>
  | Labels<'answer', AnswerKind>
  | Labels<'lateStatus', LateObjectionStatus>
  | Labels<'madeVia', MadeVia>
  | Labels<'commitmentStatus', CommitmentStatus>
  | Labels<'planTerm', PlanTerm>;
type Holds<T extends true> = T;
export type EveryEnumValueHasALabel = Holds<EnumLabel extends MessageKey ? true : false>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };
const STORAGE_KEY = 'regie.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // storage may be unavailable (private mode); fall back to Dutch
  }
  return 'nl';
}

export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t: Translate;
  /** 2026-11-23 → 23 november 2026 (a date without a time of day) */
  date(iso: string | null | undefined): string;
  /** an instant, in the Dutch time zone */
  dateTime(iso: string | null | undefined): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    setApiLanguage(locale);
  }, [locale]);
  setApiLanguage(locale);

  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not fatal: the choice then lasts for this visit only
    }
    setLocaleState(l);
  }, []);

  const value = useMemo<I18n>(() => {
    const cat = catalogues[locale];
    const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
    const dateFmt = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dateTimeFmt = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Amsterdam',
    });
    return {
      locale,
      setLocale,
      t: (key, params) => interpolate(cat[key] ?? key, params),
      date: (iso) => (iso ? dateFmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''),
      dateTime: (iso) => (iso ? dateTimeFmt.format(new Date(iso)) : ''),
    };
  }, [locale, setLocale]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
