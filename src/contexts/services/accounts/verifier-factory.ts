import { HttpPermitVerifier } from './http-permit-verifier.ts';
import type { PermitVerifier } from './permit-verifier.ts';
import { SimulatedPermitVerifier } from './simulated-permit-verifier.ts';

/** `Config.permitVerifier` (src/config.ts), repeated here so the context does not import the config. */
export type PermitVerifierConfig =
  | { kind: 'simulator' }
  | { kind: 'http'; url: string; appKey: string; secret: string; timeoutMs: number; retries: number };

export function createPermitVerifier(c: PermitVerifierConfig): PermitVerifier {
  return c.kind === 'http' ? new HttpPermitVerifier({ url: c.url, appKey: c.appKey, secret: c.secret, timeoutMs: c.timeoutMs, retries: c.retries }) : new SimulatedPermitVerifier();
}
