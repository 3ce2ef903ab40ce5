/** Client of the benefits engine's policies as data (/api/benefits/policies/…). */
import { request, withQuery, type Locale } from '../api';

export interface PolicyDocument {
  key: string;
  names: Record<Locale, string>;
  description?: Record<Locale, string>;
  fundingOrgCode: string;
  subjectKind: 'person' | 'company';
  periodKind: 'tax_year';
  validFrom: string;
  validTo: string | null;
  sources: string[];
  parameters: Record<string, number | string | boolean>;
  eligibility: { id: string; explanation: Record<Locale, string>; rule: unknown }[];
  amount: { explanation: Record<Locale, string>; formula: unknown };
}

export interface PolicyVersion {
  key: string;
  version: number;
  current: boolean;
  sm3: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  fundingOrgId: number | null;
  document: PolicyDocument;
}

/** One refusal of a policy document: the path in the document and why. */
export interface RuleError {
  path: string;
  reason: string;
  message: string;
}

export const policiesApi = {
  list: () => request<PolicyVersion[]>('GET', '/api/benefits/policies'),
  get: (key: string, version?: number) => request<PolicyVersion>('GET', withQuery(`/api/benefits/policies/${encodeURIComponent(key)}`, { version })),
  versions: (key: string) => request<Omit<PolicyVersion, 'document'>[]>('GET', `/api/benefits/policies/${encodeURIComponent(key)}/versions`),
  validate: (document: unknown) => request<{ valid: true; sm3: string }>('POST', '/api/benefits/policies/validate', { document }),
  save: (key: string, document: unknown, note: string) => request<PolicyVersion>('POST', `/api/benefits/policies/${encodeURIComponent(key)}/versions`, { document, note: note || null }),
};

/** Paths that differ between two documents: added, removed or changed leaves (arrays by index). */
export function diffDocuments(a: unknown, b: unknown): { path: string; change: 'added' | 'removed' | 'changed'; before?: string; after?: string }[] {
  const flat = (v: unknown, path: string, out: Map<string, string>) => {
    if (v !== null && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x] as const) : Object.entries(v).map(([k, x]) => [path ? `.${k}` : k, x] as const);
      if (entries.length === 0) out.set(path, JSON.stringify(v));
      for (const [k, x] of entries) flat(x, `${path}${k}`, out);
    } else out.set(path, JSON.stringify(v));
    return out;
  };
  const x = flat(a, '', new Map());
  const y = flat(b, '', new Map());
  const out: { path: string; change: 'added' | 'removed' | 'changed'; before?: string; after?: string }[] = [];
  for (const [p, v] of x) {
    if (!y.has(p)) out.push({ path: p, change: 'removed', before: v });
    else if (y.get(p) !== v) out.push({ path: p, change: 'changed', before: v, after: y.get(p)! });
  }
  for (const [p, v] of y) if (!x.has(p)) out.push({ path: p, change: 'added', after: v });
  return out;
}
