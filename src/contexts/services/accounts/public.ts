/**
 * The accounts part's public face (re-exported by services/index.ts). `AccountService.identityOf`
 * returns the cases part's `ApplicantIdentity` shape (cases/ports.ts defines and exports those port
 * types, so they are not exported again here).
 */
export { AccountService, ACCOUNT_SCOPES, REVERIFY_INTERVAL_MS, REVERIFY_JOB, RETRY_MIN_INTERVAL_MS } from './accounts.service.ts';
export type { AccountDeps, IdentityDto as AccountIdentityDto, Verification as AccountVerification } from './accounts.service.ts';
export { registerAccountRoutes } from './accounts.routes.ts';
export { VerifierUnavailable } from './permit-verifier.ts';
export type {
  IdType as PermitIdType,
  PermitVerifier,
  UnavailableReason as VerifierUnavailableReason,
  VerifyOutcome as PermitVerifyOutcome,
  VerifyRequest as PermitVerifyRequest,
  VerifyResult as PermitVerifyResult,
} from './permit-verifier.ts';
export { HttpPermitVerifier } from './http-permit-verifier.ts';
export type { HttpPermitVerifierOptions } from './http-permit-verifier.ts';
export { SimulatedPermitVerifier } from './simulated-permit-verifier.ts';
export { createPermitVerifier, type PermitVerifierConfig } from './verifier-factory.ts';
export { seedAccountsDemo, DEMO_RESIDENCE_PERMIT } from './accounts.demo.ts';
export type { SignupInput } from './signup.ts';
