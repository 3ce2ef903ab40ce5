/**
 * Client of the versioned customs reference data (src/contexts/customs/reference/): the catalog
 * (13 classes, 40 subclasses) and the free-trade-zone lists as whole documents, their version history,
 * publication of a new version, and import/export of one list as CSV or XLSX.
 */
import { ApiError, getCsrfToken, request, withQuery } from '../api';
import { keyHeader, type Grade, type Localized } from './api';

export type ReferenceKind = 'catalog' | 'lists';
export type ListKind = 'negative' | 'general';

export interface HeaderKeywords {
  zhCN: string[];
  zhTW: string[];
  en: string[];
  pinyin: string[];
}

export interface Subclass {
  id: string;
  classId: string;
  names: Localized;
  description: Localized;
  examples: string[];
  defaultGrade: Grade;
  detectorTypes: string[];
  headerKeywords: HeaderKeywords;
  exactHeaders?: string[];
}

export interface Source {
  title: string;
  url?: string;
  usedFor: string;
}

export interface CatalogDocument {
  id: string;
  version: string;
  effectiveFrom: string;
  title: Localized;
  note: string;
  sources: Source[];
  classes: { id: string; names: Localized }[];
  subclasses: Subclass[];
}

export interface ListItemBase {
  id: string;
  industry: string;
  scenario: string;
  category: Localized;
  names: Localized;
  fields: string[];
  condition: Localized | null;
  subclasses: string[];
}

export interface NegativeItem extends ListItemBase {
  threshold: { personalSubjects?: number; sensitiveSubjects?: number } | null;
  route: 'security_assessment' | 'standard_contract_or_certification' | 'exempt_with_filing';
}

export interface GeneralItem extends ListItemBase {
  filingRequired: boolean;
}

export interface ListsDocument {
  id: string;
  version: string;
  effectiveFrom: string;
  title: Localized;
  note: string;
  sources: Source[];
  industries: { id: string; names: Localized }[];
  scenarios: { id: string; industry: string; names: Localized; description: Localized }[];
  negativeList: NegativeItem[];
  generalList: GeneralItem[];
}

export type ReferenceDocument = CatalogDocument | ListsDocument;

export interface ReferenceVersion {
  /** null for the version shipped with Landao (never published in this database). */
  id: number | null;
  kind: ReferenceKind;
  version: string;
  sm3: string;
  note: string | null;
  createdBy: string;
  createdAt: string | null;
  inForce: boolean;
}

/** Names of the catalog for the public pages (GET /api/public/customs/catalog/names, no sign-in). */
export interface CatalogNames {
  version: string;
  classes: { id: string; names: Localized }[];
  subclasses: { id: string; classId: string; names: Localized; grade: Grade }[];
}

const base = '/api/customs/reference';

/** Uploads a CSV/XLSX list and publishes it (multipart: file, version, note). */
async function importList(list: ListKind, file: File, meta: { version: string; note: string }, idempotencyKey?: string): Promise<ReferenceVersion> {
  const form = new FormData();
  form.append('version', meta.version);
  form.append('note', meta.note);
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json', ...keyHeader(idempotencyKey) };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(withQuery(`${base}/lists/import`, { list }), { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // handled below
  }
  if (res.ok && parsed !== null) return parsed as ReferenceVersion;
  const e = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error ?? {};
  throw new ApiError(res.status, e.code ?? `http_${res.status}`, e.message ?? res.statusText, e.details);
}

export const referenceApi = {
  document: <K extends ReferenceKind>(kind: K, versionId?: number | null) =>
    request<K extends 'catalog' ? CatalogDocument : ListsDocument>('GET', withQuery(`${base}/${kind}`, { versionId: versionId ?? undefined })),
  /** The version shipped with Landao (the oldest of the history, which has no id). */
  shipped: (kind: ReferenceKind) => request<ReferenceDocument>('GET', withQuery(`${base}/${kind}`, { shipped: 'true' })),
  history: (kind: ReferenceKind) => request<{ items: ReferenceVersion[] }>('GET', `${base}/${kind}/versions`),
  publish: (kind: ReferenceKind, document: ReferenceDocument, note: string, idempotencyKey?: string) =>
    request<ReferenceVersion>('POST', `${base}/${kind}/versions`, { document, note }, keyHeader(idempotencyKey)),
  exportUrl: (list: ListKind, format: 'csv' | 'xlsx', versionId?: number | null) => withQuery(`${base}/lists/export`, { list, format, versionId: versionId ?? undefined }),
  importList,
  catalogNames: () => request<CatalogNames>('GET', '/api/public/customs/catalog/names'),
};

/** The document of a version: the shipped one has no id. */
export function loadVersion(kind: ReferenceKind, v: ReferenceVersion): Promise<ReferenceDocument> {
  return v.id === null ? referenceApi.shipped(kind) : referenceApi.document(kind, v.id);
}

/** Where an edit drawer should open: the item a server error names. */
export interface ReferenceFocus {
  section: string;
  id: string;
  /** The field inside the item (`route`, `names.en`), empty for the item as a whole. */
  field: string;
  /** The server's message, shown at the field. */
  message: string;
}
