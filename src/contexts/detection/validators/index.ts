/**
 * Identifier validators of the sensitive-data detection engine.
 *
 * Pure, synchronous functions: `validate(value)` answers whether a candidate string is a
 * well-formed identifier of the type, how much that check alone proves (`strength`), and its
 * canonical form. Recognisers find candidates and add context; these functions never look at
 * context. Results may be shared frozen objects: do not mutate them.
 *
 * `VALIDATORS` covers every type of `detector-types.md` that has a strict format. The types
 * `person_name`, `address`, `medical_record`, `genetic_data` and `secret` are recognised by
 * dictionaries, context or models and deliberately have no entry (see `UNVALIDATED_TYPE_IDS`).
 */
import { validateBankCard } from './bank-card.ts';
import { validateCnResidentId } from './cn-id.ts';
import { validateGeoCoordinate } from './geo.ts';
import { validateEmail, validateIpAddress, validateMacAddress } from './network.ts';
import {
  validateCnPassport,
  validateHkmoHomeReturnPermit,
  validateHkResidencePermit,
  validateMoResidencePermit,
  validateTwResidencePermit,
  validateTwTravelPermit,
} from './permits.ts';
import { validateCnLandline, validateCnMobile, validateTwMobile } from './phone.ts';
import { validateHkId, validateTwNationalId } from './tw-hk.ts';
import type { DetectorTypeId, ValidatedTypeId, ValidationResult, Validator } from './types.ts';
import { UNVALIDATED_TYPE_IDS } from './types.ts';
import { validateCnUscc } from './uscc.ts';
import { validateCnLicensePlate, validateVin } from './vehicle.ts';

export * from './types.ts';
export { FAIL } from './internal.ts';
export { isCurrentDivisionCode, isKnownDivisionCode, isMainlandProvince, PERMIT_ADDRESS_CODES, provinceName } from './admin-divisions.ts';
export { classifyGb11643Number, IdKind, mod11_2CheckChar, validateCnResidentId, validateId15, validateId18 } from './cn-id.ts';
export {
  validateCnPassport,
  validateHkmoHomeReturnPermit,
  validateHkResidencePermit,
  validateMoResidencePermit,
  validateTwResidencePermit,
  validateTwTravelPermit,
} from './permits.ts';
export { validateHkId, validateTwNationalId } from './tw-hk.ts';
export { USCC_ALPHABET, usccCheckChar, validateCnUscc } from './uscc.ts';
export { isKnownAreaCode, mobileSegmentOf, validateCnLandline, validateCnMobile, validateTwMobile } from './phone.ts';
export { parseIPv4, validateEmail, validateIpAddress, validateMacAddress } from './network.ts';
export { luhnCheck, validateBankCard } from './bank-card.ts';
export { validateCnLicensePlate, validateVin, vinCheckChar } from './vehicle.ts';
export { MIN_LOCATING_DECIMALS, validateGeoCoordinate } from './geo.ts';
export type { CoordinateOrder } from './geo.ts';

function v(fn: (value: string) => ValidationResult): Validator {
  return Object.freeze({ validate: fn });
}

/** One validator per type that has a strict format check. */
export const VALIDATORS: Readonly<Record<ValidatedTypeId, Validator>> = Object.freeze({
  cn_resident_id: v(validateCnResidentId),
  hk_residence_permit: v(validateHkResidencePermit),
  mo_residence_permit: v(validateMoResidencePermit),
  tw_residence_permit: v(validateTwResidencePermit),
  tw_travel_permit: v(validateTwTravelPermit),
  hkmo_home_return_permit: v(validateHkmoHomeReturnPermit),
  cn_passport: v(validateCnPassport),
  tw_national_id: v(validateTwNationalId),
  hk_id: v(validateHkId),
  cn_uscc: v(validateCnUscc),
  cn_mobile: v(validateCnMobile),
  tw_mobile: v(validateTwMobile),
  cn_landline: v(validateCnLandline),
  email: v(validateEmail),
  ip_address: v(validateIpAddress),
  mac_address: v(validateMacAddress),
  bank_card: v(validateBankCard),
  cn_license_plate: v(validateCnLicensePlate),
  vin: v(validateVin),
  geo_coordinate: v((value) => validateGeoCoordinate(value, 'auto')),
});

const unvalidated = new Set<string>(UNVALIDATED_TYPE_IDS);

/** True when `type` has an entry in `VALIDATORS`. */
export function hasValidator(type: DetectorTypeId): type is ValidatedTypeId {
  return !unvalidated.has(type);
}
