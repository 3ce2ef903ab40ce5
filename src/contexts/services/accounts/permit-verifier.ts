/**
 * The port to the national identity verification interface (居住证/台胞证/身份证 and, for companies,
 * the business register). Adapters: `HttpPermitVerifier` (production) and `SimulatedPermitVerifier`
 * (development and tests). An outage is an exception, never an outcome: the caller keeps the account
 * `pending` and tries again later, so an unreachable interface never passes anyone.
 */
export type IdType = 'residence_permit' | 'mtp' | 'resident_id' | 'uscc';

export interface VerifyRequest {
  idType: IdType;
  /** The normalised number (validator `normalized`). */
  idNumber: string;
  /** The name as on the document: a person's name (Simplified) or the company's registered name. */
  name: string;
}

export type VerifyOutcome = 'verified' | 'mismatch' | 'not_found';

export interface VerifyResult {
  outcome: VerifyOutcome;
  /** The interface's reference for this check (kept with the account for later enquiries). */
  reference: string;
}

export interface PermitVerifier {
  verify(req: VerifyRequest): Promise<VerifyResult>;
}

export type UnavailableReason = 'timeout' | 'network' | 'server_error' | 'refused' | 'bad_response' | 'simulated_outage';

/** The interface could not give an answer (outage, timeout, refused request, unreadable answer). */
export class VerifierUnavailable extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'VerifierUnavailable';
  }
}
