import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, type User } from './api';
import { isLocale, useI18n } from './i18n/i18n';

type SessionStatus = 'loading' | 'ready' | 'error';

export interface Session {
  status: SessionStatus;
  user: User | null;
  /** Loads the session again (after a failure, or to pick up changed roles). */
  reload(): void;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  setUser(user: User): void;
  /** Whether the user holds `scope` (see hasScope). */
  can(scope: string): boolean;
}

/** As the server decides (src/kernel/principal.ts): `*` grants everything, and `x:all` implies `x`. */
export function hasScope(granted: readonly string[], scope: string): boolean {
  return granted.includes('*') || granted.includes(scope) || granted.includes(`${scope}:all`);
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUserState] = useState<User | null>(null);
  const [generation, setGeneration] = useState(0);

  /** A signed-in user's stored language wins over the browser's. */
  const adopt = useCallback(
    (next: User | null) => {
      setUserState(next);
      if (next && isLocale(next.locale)) setLocale(next.locale);
    },
    [setLocale],
  );

  useEffect(() => {
    let cancelled = false;
    setStatus('loading');
    api.session().then(
      (s) => {
        if (cancelled) return;
        setCsrfToken(s.csrfToken);
        adopt(s.user);
        setStatus('ready');
      },
      () => {
        if (!cancelled) setStatus('error');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [adopt, generation]);

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await api.login(username, password);
      setCsrfToken(r.csrfToken);
      adopt(r.user);
      setStatus('ready');
      return r.user;
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    setCsrfToken(null);
    setUserState(null);
  }, []);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      reload: () => setGeneration((g) => g + 1),
      login,
      logout,
      setUser: setUserState,
      can: (scope) => hasScope(user?.scopes ?? [], scope),
    }),
    [status, user, login, logout],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
