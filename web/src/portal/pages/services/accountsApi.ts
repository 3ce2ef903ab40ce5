/** Client of the service-hall account API (src/contexts/services/accounts). */
import { ApiError, request } from '../../../api';

export type SubjectKind = 'taiwan_resident' | 'mainland_resident' | 'company';
export type IdType = 'residence_permit' | 'mtp' | 'resident_id' | 'uscc';
export type VerificationStatus = 'pending' | 'verified' | 'rejected';

export interface HallIdentity {
  userId: number;
  subjectKind: SubjectKind;
  idType: IdType;
  idMasked: string;
  name: string;
  contactName: string | null;
  phoneMasked: string;
  verification: { status: VerificationStatus; reason: string | null; attempts: number; lastAttemptAt: string | null; verifiedAt: string | null };
  allowedActions: 'verify'[];
}

/** Machine-readable reasons the server gives per field (accounts/signup.ts). */
export const FIELD_REASONS = ['required', 'format', 'checksum', 'birth_date', 'prefix', 'division_code', 'too_short', 'too_long', 'already_registered', 'phone_registered'] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

export const accountsApi = {
  signup: (body: Record<string, string>) => request<HallIdentity & { username: string }>('POST', '/api/public/services/signup', body),
  me: () => request<HallIdentity>('GET', '/api/services/me/identity'),
  verify: () => request<HallIdentity>('POST', '/api/services/me/identity/verify'),
};

/**
 * The refused fields of an error answer: our own `{field, reason}` details, or zod's `{field: 'body.x'}`
 * (reason unknown → 'format').
 */
export function fieldReasons(e: unknown): Record<string, FieldReason> | null {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return null;
  const out: Record<string, FieldReason> = {};
  for (const d of e.details as { field?: unknown; reason?: unknown }[]) {
    if (typeof d.field !== 'string') continue;
    const field = d.field.replace(/^body\./, '');
    out[field] = (FIELD_REASONS as readonly unknown[]).includes(d.reason) ? (d.reason as FieldReason) : 'format';
  }
  return Object.keys(out).length ? out : null;
}
