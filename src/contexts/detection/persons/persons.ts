import { hmacSm3 } from '../../../kernel/crypto/sm.ts';
import type { DetectorTypeId } from '../validators/index.ts';
import { hash64Concat, KeySet } from './key-set.ts';

/**
 * Identifiers that name one natural person, strongest first. When a row carries several, the first
 * present is the person's key, so the same person with an ID number and a passport counts once.
 */
export const PERSON_KEY_TYPES: readonly DetectorTypeId[] = [
  'cn_resident_id',
  'tw_residence_permit',
  'hk_residence_permit',
  'mo_residence_permit',
  'tw_national_id',
  'hk_id',
  'cn_passport',
  'tw_travel_permit',
  'hkmo_home_return_permit',
];

/**
 * Which detected types make a person's data sensitive personal information (敏感个人信息), as the
 * issue and the classification catalog (customs, PI.SENSITIVE.*) define it: GB/T 35273-2020 Annex B
 * and PIPL art. 28 — identity documents, financial accounts, medical and health, biometric/genetic,
 * whereabouts (precise location) and authentication credentials. GB/T 45574-2025 no longer counts a
 * bare ID number as "specific identity"; the bureau may relax this through the catalog, which wins in
 * the customs flow.
 */
export const DEFAULT_SENSITIVE_TYPES: ReadonlySet<DetectorTypeId> = new Set<DetectorTypeId>([
  ...PERSON_KEY_TYPES,
  'bank_card',
  'medical_record',
  'genetic_data',
  'geo_coordinate',
  'secret',
]);

/** Identity numbers of different document types live in one namespace per document family. */
function family(type: DetectorTypeId): string {
  // A 港澳台居民居住证 shares the GB 11643 number space with the resident ID.
  return type === 'cn_resident_id' || type.endsWith('_residence_permit') ? 'gb11643' : type;
}

const FAMILY_PREFIX = new Map<DetectorTypeId, string>();

/** `${family(type)}:` (the namespace of a person key), built once per type. */
function familyPrefix(type: DetectorTypeId): string {
  let p = FAMILY_PREFIX.get(type);
  if (p === undefined) {
    p = `${family(type)}:`;
    FAMILY_PREFIX.set(type, p);
  }
  return p;
}

export interface PersonCounts {
  /** Distinct persons seen at all. */
  persons: number;
  /** Distinct persons with any sensitive personal information. */
  sensitiveSubjects: number;
  /** Distinct persons with personal information but none of it sensitive (the customs "personalSubjects"). */
  personalSubjects: number;
}

/**
 * Counts distinct natural persons by their strongest identifier. Holds only 64-bit hashes in memory;
 * `personHash` gives the keyed SM3 HMAC under which persons are persisted (the customs ledger), so no
 * raw identifier is ever stored.
 */
export class PersonCounter {
  /** Every person, flagged when they have sensitive personal information (one table: ~9 bytes a slot). */
  private readonly all = new KeySet(4096, true);

  /** Adds one occurrence of a person (identified by `type` + validator-normalised value). */
  add(type: DetectorTypeId, normalized: string, withSensitive: boolean): void {
    const key = this.key;
    hash64Concat(familyPrefix(type), normalized, key);
    this.all.add(key[0] as number, key[1] as number, withSensitive);
  }

  private readonly key = new Uint32Array(2);

  counts(): PersonCounts {
    const persons = this.all.size;
    const sensitiveSubjects = this.all.flaggedSize;
    return { persons, sensitiveSubjects, personalSubjects: persons - sensitiveSubjects };
  }

  toPacked(): { all: Uint32Array; sensitive: Uint32Array } {
    return { all: this.all.toPacked(), sensitive: this.all.toPacked(true) };
  }

  /** Merges another counter's members (from a worker thread); the result is exact. */
  mergePacked(p: { all: Uint32Array; sensitive: Uint32Array }): void {
    this.all.addPacked(p.all);
    this.all.addPacked(p.sensitive, true, { members: 'present' }); // a subset of p.all
  }
}

/** The text `personHash` authenticates: the person key in its document family's namespace. */
export function personKeyText(type: DetectorTypeId, normalized: string): string {
  return familyPrefix(type) + normalized;
}

/** The keyed hash under which a person is persisted (ledger, evidence). */
export function personHash(key: string, type: DetectorTypeId, normalized: string): string {
  return hmacSm3(key, `${family(type)}:${normalized}`);
}
