/**
 * Shared types of the identifier validators.
 *
 * The type ids follow `shared/contracts/detector-types.md` exactly: they are stable and used by
 * reports, APIs, rules and the classification catalog. Add new ids at the end, never rename one.
 */

/** Every detector type id of the contract, in contract order. */
export const DETECTOR_TYPE_IDS = [
  'cn_resident_id',
  'hk_residence_permit',
  'mo_residence_permit',
  'tw_residence_permit',
  'tw_travel_permit',
  'hkmo_home_return_permit',
  'cn_passport',
  'tw_national_id',
  'hk_id',
  'cn_uscc',
  'cn_mobile',
  'tw_mobile',
  'cn_landline',
  'email',
  'ip_address',
  'mac_address',
  'bank_card',
  'cn_license_plate',
  'vin',
  'geo_coordinate',
  'person_name',
  'address',
  'medical_record',
  'genetic_data',
  'secret',
] as const;

export type DetectorTypeId = (typeof DETECTOR_TYPE_IDS)[number];

/**
 * Types recognised by context, dictionaries or models rather than by a strict format check.
 * They have no validator here on purpose.
 */
export const UNVALIDATED_TYPE_IDS = ['person_name', 'address', 'medical_record', 'genetic_data', 'secret'] as const;

export type UnvalidatedTypeId = (typeof UNVALIDATED_TYPE_IDS)[number];

/** Types with a strict validator in this folder. */
export type ValidatedTypeId = Exclude<DetectorTypeId, UnvalidatedTypeId>;

/**
 * How much the check alone proves that the value is what the type says:
 * - `strong`: a check that random or look-alike values almost never pass (check digit plus
 *   structure, e.g. MOD 11-2 + birth date + known address code);
 * - `medium`: a specific structure or a weaker check (prefix tables, Luhn, a well-formed e-mail);
 * - `weak`: a plausible format only; needs column-name or nearby-text context to count.
 */
export type Strength = 'strong' | 'medium' | 'weak';

/**
 * Machine codes for why a value failed, or (on a valid result) why it is weaker than usual.
 * Recognisers may switch on them; add new codes freely.
 */
export type ReasonCode =
  | 'length'
  | 'format'
  | 'checksum'
  | 'date'
  | 'address_code'
  | 'prefix'
  | 'range'
  | 'precision'
  | 'reserved'
  /** Only decimal digits where other values use letters too (a MAC of six decimal pairs). */
  | 'digits';

export interface ValidationResult {
  valid: boolean;
  /** On failure: what failed. On success: why the strength is lower than the type's best. */
  reason?: ReasonCode;
  /**
   * Canonical form for counting and de-duplication (upper case, separators removed). Where the
   * format allows it, this is the stable key of the subject: a 15-digit ID number is upgraded to
   * its 18-digit form, a 回乡证 or 台胞证 number drops the renewal count.
   */
  normalized?: string;
  /** Only on valid results. */
  strength?: Strength;
}

export interface Validator {
  validate(value: string): ValidationResult;
}
