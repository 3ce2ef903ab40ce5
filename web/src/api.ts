/** Typed client for the Landao HTTP API. All calls go to the same origin with the session cookie. */

export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export type UserKind = 'officer' | 'enterprise' | 'citizen' | 'bank' | 'system';
export type OrgKind = 'bureau' | 'department' | 'enterprise' | 'bank';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'dead' | 'cancelled';

export interface Org {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: OrgKind;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  kind: UserKind;
  locale: Locale;
  org: Org | null;
  roles: string[];
  scopes: string[];
}

export interface Health {
  status: 'ok';
  dialect: 'sqlite' | 'postgres';
  version: string;
}

export interface SessionInfo {
  user: User | null;
  csrfToken: string | null;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  kind: UserKind;
  status: string;
  org: Org | null;
  roles: string[];
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { kind: string; id: number | string | null; orgId: number | null };
  action: string;
  entityType: string;
  entityId: string | number | null;
  detail: unknown;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  events: number;
  checkpoints: number;
  headSeq: number;
  firstBroken?: { seq: number; reason: string };
  problems: unknown[];
}

export interface Job {
  id: number | string;
  type: string;
  status: JobStatus;
  progress: number;
  progressMessage: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An error answer of the API (`{ error: { code, message, details } }`), or `network_error` when none came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent as `x-csrf-token` on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function errorBody(body: unknown): { code?: string; message?: string; details?: unknown } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as { code?: string; message?: string; details?: unknown }) : {};
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      if (res.ok) throw new ApiError(res.status, 'invalid_response', 'response is not JSON');
    }
  }
  if (!res.ok) {
    const e = errorBody(parsed);
    throw new ApiError(res.status, e.code ?? `http_${res.status}`, e.message ?? res.statusText, e.details);
  }
  return parsed as T;
}

export const api = {
  health: () => request<Health>('GET', '/api/health'),
  session: () => request<SessionInfo>('GET', '/api/auth/session'),
  login: (username: string, password: string) =>
    request<{ user: User; csrfToken: string }>('POST', '/api/auth/login', { username, password }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),
  updateMe: (patch: { locale: Locale }) => request<{ user: User }>('PATCH', '/api/auth/me', patch),
  orgs: () => request<{ items: Org[] }>('GET', '/api/identity/orgs'),
  users: (q: { orgId?: number; q?: string; page: number; pageSize: number }) =>
    request<{ items: UserRow[]; total: number }>('GET', withQuery('/api/identity/users', q)),
  auditEvents: (q: { limit: number; beforeSeq?: number }) =>
    request<{ items: AuditEvent[] }>('GET', withQuery('/api/audit/events', q)),
  auditVerify: () => request<AuditVerifyResult>('GET', '/api/audit/verify'),
  jobs: (limit: number) => request<{ items: Job[] }>('GET', withQuery('/api/jobs', { limit })),
};
