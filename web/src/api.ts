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

/** File extensions the scan upload accepts (the server's readers; anything else is answered 415). */
export const SCAN_EXTENSIONS = ['.csv', '.tsv', '.tab', '.xlsx', '.xlsm', '.json', '.ndjson', '.jsonl', '.parquet', '.pq'] as const;

export interface ScanDetection {
  /** A DetectorTypeId; a newer server may report ids this client does not know yet. */
  type: string;
  matches: number;
  ratio: number;
  confidence: number;
  /** Sensitive personal information (敏感个人信息), as the server counts persons. */
  sensitive: boolean;
}

export interface ScanColumn {
  index: number;
  name: string;
  detections: ScanDetection[];
  /** Masked examples per detected type, e.g. 3501**********123X. */
  examples: Partial<Record<string, string[]>>;
}

/** The report of one scanned file (src/contexts/detection/scan/report.ts). */
export interface ScanReport {
  source: string;
  format: string;
  encoding?: string;
  rowsScanned: number;
  bytes: number;
  /** False when sampling stopped the scan before the end of the file. */
  complete: boolean;
  sampled: boolean;
  workers: number;
  elapsedMs: number;
  persons: { persons: number; sensitiveSubjects: number; personalSubjects: number };
  columns: ScanColumn[];
}

export interface ScanState {
  id: number;
  status: JobStatus;
  progress: number;
  progressMessage: string | null;
  /** Why the scan failed (status `dead`), one line naming the file and line. */
  error: string | null;
  report: ScanReport | null;
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

/** The current CSRF token, for requests not sent through `request` (uploads with XMLHttpRequest). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

export function withQuery(path: string, query: Query): string {
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

/**
 * A JSON request to the API with the session's CSRF token (and `extraHeaders`, e.g. an Idempotency-Key);
 * throws ApiError for an error answer.
 */
export async function request<T>(method: Method, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
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

export interface UploadOptions {
  /** Scan only the first `sample` rows. */
  sample?: number;
  /** Called with the fraction of the file sent so far (0..1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads a file to scan (multipart field `file`, with the CSRF header). Uses XMLHttpRequest rather
 * than fetch because only it reports upload progress, which matters for large files.
 */
function uploadScan(file: File, opts: UploadOptions = {}): Promise<{ jobId: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery('/api/detection/scans', { sample: opts.sample }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // handled below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const jobId = (parsed as { jobId?: unknown } | null)?.jobId;
        if (typeof jobId === 'number') resolve({ jobId });
        else reject(new ApiError(xhr.status, 'invalid_response', 'response is not JSON'));
        return;
      }
      const e = errorBody(parsed);
      reject(new ApiError(xhr.status, e.code ?? `http_${xhr.status}`, e.message ?? xhr.statusText, e.details));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'upload failed'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    if (opts.signal) {
      if (opts.signal.aborted) return reject(new DOMException('upload cancelled', 'AbortError'));
      opts.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
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
  uploadScan,
  scan: (jobId: number) => request<ScanState>('GET', `/api/detection/scans/${jobId}`),
  /** The printable HTML report of a finished scan (open it in a new tab). */
  scanReportUrl: (jobId: number) => `/api/detection/scans/${jobId}/report.html`,
};
