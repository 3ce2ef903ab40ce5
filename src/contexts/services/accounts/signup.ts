/**
 * Sign-up input → the identity document it names, or every field's refusal with a machine-readable
 * reason. Pure: the number checks are detection's validators (GB 11643 MOD 11-2 with birth date and
 * address code, 台胞证 forms, GB 32100 USCC, mobile segments).
 */
import {
  validateCnMobile,
  validateCnResidentId,
  validateCnUscc,
  validateTwMobile,
  validateTwResidencePermit,
  validateTwTravelPermit,
  type DetectorTypeId,
  type ValidationResult,
} from '../../detection/index.ts';
import type { Locale } from '../../../kernel/principal.ts';
import type { IdType } from './permit-verifier.ts';

export type SubjectKind = 'taiwan_resident' | 'mainland_resident' | 'company';

export type SignupInput =
  | { kind: 'taiwan_resident'; idType: 'residence_permit' | 'mtp'; idNumber: string; name: string; phone: string; password: string; locale?: Locale | undefined }
  | { kind: 'mainland_resident'; idNumber: string; name: string; phone: string; password: string; locale?: Locale | undefined }
  | { kind: 'company'; uscc: string; companyName: string; contactName: string; phone: string; password: string; locale?: Locale | undefined };

/**
 * Why a field was refused. `prefix`: a number of another document (e.g. a 110105… resident ID offered
 * as a residence permit, which must start 830000); `division_code`: an address or registration code
 * that is not a mainland division; `birth_date`: no such date, or in the future.
 */
export type FieldReason = 'required' | 'format' | 'checksum' | 'birth_date' | 'prefix' | 'division_code' | 'too_short' | 'too_long' | 'already_registered' | 'phone_registered';

export interface FieldError {
  field: string;
  reason: FieldReason;
  message: string;
}

export interface ValidSignup {
  kind: SubjectKind;
  idType: IdType;
  /** Detection type of the number, for the keyed hash and the mask. */
  detectorType: DetectorTypeId;
  idNumber: string;
  /** Person's name or company name. */
  name: string;
  contactName: string | null;
  /** Normalised mobile number, also the username. */
  phone: string;
  password: string;
  locale: Locale;
}

export const PASSWORD_MIN = 8;
const NAME_MAX = { person: 50, company: 100 };

/** Full-width characters to ASCII, whitespace and hyphens out: `８３００ ００-…` → `8300 00…`. */
export function compactNumber(s: string): string {
  return s.normalize('NFKC').replace(/[\s\-–—]/g, '');
}

function cleanName(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

function numberReason(r: ValidationResult, addressCode: FieldReason): FieldReason | null {
  if (r.valid) return null;
  switch (r.reason) {
    case 'checksum':
      return 'checksum';
    case 'date':
      return 'birth_date';
    case 'prefix':
      return 'prefix';
    case 'address_code':
      return addressCode;
    default:
      return 'format';
  }
}

const MESSAGES: Record<FieldReason, string> = {
  required: 'is required',
  format: 'is not in the document’s format',
  checksum: 'fails its check character',
  birth_date: 'carries a birth date that does not exist or lies in the future',
  prefix: 'is a number of another kind of document',
  division_code: 'carries an unknown division code',
  too_short: `must have at least ${PASSWORD_MIN} characters`,
  too_long: 'is too long',
  already_registered: 'is already registered',
  phone_registered: 'is already the sign-in name of another account',
};

export function fieldError(field: string, reason: FieldReason): FieldError {
  return { field, reason, message: `${field} ${MESSAGES[reason]}` };
}

/** Validates a sign-up; `errors` lists every refused field (empty when `value` is set). */
export function validateSignup(input: SignupInput): { value?: ValidSignup; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const refuse = (field: string, reason: FieldReason) => errors.push(fieldError(field, reason));

  const numberField = input.kind === 'company' ? 'uscc' : 'idNumber';
  const raw = compactNumber(input.kind === 'company' ? input.uscc : input.idNumber);
  let idType: IdType;
  let detectorType: DetectorTypeId;
  let result: ValidationResult;
  if (input.kind === 'taiwan_resident' && input.idType === 'residence_permit') {
    idType = 'residence_permit';
    detectorType = 'tw_residence_permit';
    result = validateTwResidencePermit(raw);
    // 81/82/83 with another division code are still "not a Taiwan residence permit".
    if (!result.valid && result.reason === 'address_code') result = { valid: false, reason: 'prefix' };
  } else if (input.kind === 'taiwan_resident') {
    idType = 'mtp';
    detectorType = 'tw_travel_permit';
    result = validateTwTravelPermit(raw);
  } else if (input.kind === 'mainland_resident') {
    idType = 'resident_id';
    detectorType = 'cn_resident_id';
    // First-generation 15-digit cards have not been valid since 2013: only the 18-character number.
    result = raw.length === 18 ? validateCnResidentId(raw) : { valid: false, reason: 'length' };
    if (result.valid && result.strength !== 'strong') result = { valid: false, reason: 'address_code' };
  } else {
    idType = 'uscc';
    detectorType = 'cn_uscc';
    result = validateCnUscc(raw);
    if (result.valid && result.strength !== 'strong') result = { valid: false, reason: 'address_code' };
  }
  if (raw === '') refuse(numberField, 'required');
  else {
    const reason = numberReason(result, 'division_code');
    if (reason) refuse(numberField, reason);
  }

  const nameField = input.kind === 'company' ? 'companyName' : 'name';
  const name = cleanName(input.kind === 'company' ? input.companyName : input.name);
  if (name === '') refuse(nameField, 'required');
  else if (name.length > (input.kind === 'company' ? NAME_MAX.company : NAME_MAX.person)) refuse(nameField, 'too_long');

  let contactName: string | null = null;
  if (input.kind === 'company') {
    contactName = cleanName(input.contactName);
    if (contactName === '') refuse('contactName', 'required');
    else if (contactName.length > NAME_MAX.person) refuse('contactName', 'too_long');
  }

  // Mainland mobiles for everyone; Taiwan residents may also give a Taiwan mobile (09xxxxxxxx).
  const phoneRaw = input.phone.trim();
  const cn = validateCnMobile(phoneRaw);
  const tw: ValidationResult = input.kind === 'taiwan_resident' ? validateTwMobile(phoneRaw) : { valid: false };
  const phone = cn.valid ? cn.normalized! : tw.valid ? tw.normalized! : null;
  if (phoneRaw === '') refuse('phone', 'required');
  else if (phone === null) refuse('phone', 'format');

  if (input.password.length === 0) refuse('password', 'required');
  else if (input.password.length < PASSWORD_MIN) refuse('password', 'too_short');

  if (errors.length) return { errors };
  return {
    errors,
    value: {
      kind: input.kind,
      idType,
      detectorType,
      idNumber: result.normalized!,
      name,
      contactName,
      phone: phone!,
      password: input.password,
      locale: input.locale ?? (input.kind === 'taiwan_resident' ? 'zh-TW' : 'zh-CN'),
    },
  };
}
