// The one hook for the signed-in user: GET /api/v1/me at start, set by login and by
// redeeming a login link, cleared by logout. It also hands the CSRF token to the API
// client. What the user may use at all (menu, pages) comes with it from the API.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { loginApi } from './api/login.js';
import type { GlobalAbility, Me } from './api/models.js';
import { ApiError, api, setCsrfToken } from './api.js';

interface CurrentUser {
  me: Me | null;
  /** true until the first GET /me answered */
  loading: boolean;
  setMe(me: Me | null): void;
  logout(): Promise<void>;
}

const Ctx = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  // Set by login, a login link or logout; a slower first GET /me must not undo it.
  const decided = useRef(false);

  const setMe = useCallback((m: Me | null) => {
    decided.current = true;
    setCsrfToken(m?.csrfToken ?? null);
    setMeState(m);
    setLoading(false);
  }, []);

  useEffect(() => {
    const ctl = new AbortController();
    const settle = (m: Me | null) => {
      if (decided.current) return;
      setCsrfToken(m?.csrfToken ?? null);
      setMeState(m);
    };
    api
      .me(ctl.signal)
      .then(settle)
      .catch((e: unknown) => {
        if (e instanceof ApiError) settle(null);
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, []);

  const logout = useCallback(async () => {
    try {
      // A session begun at an issuer ends there too (docs/product.md#logging-in-through-openid-connect).
      const r = await loginApi.logout();
      if (r.endSessionUrl) window.location.assign(r.endSessionUrl);
    } catch (e) {
      // 401: the session had already ended, which is what logging out wants.
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    } finally {
      setMe(null);
    }
  }, [setMe]);

  const value = useMemo(() => ({ me, loading, setMe, logout }), [me, loading, setMe, logout]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCurrentUser(): CurrentUser {
  const v = useContext(Ctx);
  if (!v) throw new Error('useCurrentUser outside CurrentUserProvider');
  return v;
}

/** Whether the signed-in user may use a workspace at all, as GET /me says. */
export const may = (me: Me | null | undefined, ability: GlobalAbility) => !!me?.abilities[ability];

/** Where a user lands after logging in: the first workspace they may use. */
const HOMES: [GlobalAbility, string][] = [
  ['ownCases', '/mijn-zaken'],
  ['directorWorkspace', '/werkplek'],
  ['teamBoard', '/team'],
  ['manageOrganisation', '/beheer'],
  ['assessmentRequests', '/toetsverzoeken'],
  ['ownCommitments', '/mijn-toezeggingen'],
  ['listCases', '/zaken'],
  ['councilOverview', '/raadsoverzicht'],
];
export const homeOf = (me: Me): string => HOMES.find(([ability]) => me.abilities[ability])?.[1] ?? '/account';
