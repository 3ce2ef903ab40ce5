/** One person (or company) a matching run found entitled, handed to the payouts part. */
export interface MatchedCandidate {
  runId: number;
  policyKey: string;            // e.g. 'tw-iit-subsidy'
  policyVersion: number;
  fundingOrgId: number;         // identity org id of the funding department (policy data names its org code)
  period: string;               // the entitlement period, e.g. '2024' (tax year); payout identity = (policyKey, subjectKey, period)
  subject: {
    kind: 'person' | 'company';
    key: string;                // person: detection personHash(personHashKey, detectorType, idNumber) — the SAME keyed hash the
                                // service hall stores as services_accounts.id_hash, so "my benefits" = payouts whose subject key equals
                                // my account's id_hash; company: personHash-style keyed hash of the USCC (use detection's cn_uscc type)
    displayName: string;        // name as in the source data
    maskedId: string;           // detection maskValue of the identifier
  };
  amountFen: number;            // > 0
  inputs: unknown;              // the exact source records used (with batch id + row no) — enough to recompute
  figures: unknown;             // calculator output with breakdown (policy formula result)
}

/** Implemented by the payouts part; the matching run calls it in chunks after computing candidates. */
export interface CandidateSink {
  /** Idempotent: an existing payout for (policyKey, subject.key, period) that is already confirmed or later is NOT changed
   *  (counted as kept); one still awaiting confirmation takes the new run's amount/figures (an action 'rematched');
   *  a new one is created awaiting confirmation. Runs in its own transaction(s). */
  offer(candidates: MatchedCandidate[]): Promise<{ created: number; rematched: number; kept: number }>;
}
