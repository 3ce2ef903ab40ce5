import { sm3 } from '../../../kernel/crypto/sm.ts';
import persons from './simulated-persons.json' with { type: 'json' };
import { VerifierUnavailable, type PermitVerifier, type VerifyRequest, type VerifyResult } from './permit-verifier.ts';

/** One known document holder of the simulator (simulated-persons.json; synthetic numbers and names). */
export interface SimulatedPerson {
  idType: VerifyRequest['idType'];
  idNumber: string;
  name: string;
}

/**
 * A deterministic stand-in for the national interface: a number on the fixture list with the same name
 * is `verified`, with another name `mismatch`, a number not on the list `not_found`. `outage = true`
 * makes every call throw `VerifierUnavailable`, as an unreachable interface does.
 * Never used in production unless LANDAO_PERMIT_VERIFIER_ALLOW_SIMULATOR=1 (src/config.ts).
 */
export class SimulatedPermitVerifier implements PermitVerifier {
  outage = false;
  /** How many calls reached the simulator (including those that failed with an outage). */
  calls = 0;
  private readonly known: Map<string, string>;

  constructor(people: readonly SimulatedPerson[] = persons as SimulatedPerson[]) {
    this.known = new Map(people.map((p) => [`${p.idType}:${p.idNumber}`, p.name]));
  }

  async verify(req: VerifyRequest): Promise<VerifyResult> {
    this.calls++;
    if (this.outage) throw new VerifierUnavailable('simulated_outage', 'the simulated verification interface is switched to outage');
    const reference = `SIM-${sm3(`${req.idType}:${req.idNumber}:${req.name}`).slice(0, 16)}`;
    const name = this.known.get(`${req.idType}:${req.idNumber}`);
    if (name === undefined) return { outcome: 'not_found', reference };
    return { outcome: name === req.name.trim() ? 'verified' : 'mismatch', reference };
  }
}
