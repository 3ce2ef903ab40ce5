/**
 * Service-hall accounts (issue 7): sign-up of Taiwan residents (居住证 or 台胞证), mainland residents
 * (居民身份证) and companies (统一社会信用代码), and the verification of the document through the
 * `PermitVerifier` port. The account is created first, `pending`; the verifier's answer makes it
 * `verified` or `rejected` (mismatch, not_found). An unreachable verifier leaves it `pending`, and the
 * `services.accounts.reverify` job or the user asks again later — never a crash, never a silent pass.
 *
 * The username is the normalised mobile number. The document number is stored as a keyed hash
 * (HMAC-SM3 under the person-hash key, detection `personHash`; one person one account), a masked form
 * for display and an SM4-sealed copy that only `identityOf` opens (prefill inside the server).
 */
import type { AnyDb } from '../../../db/database.ts';
import { sm4Open, sm4Seal } from '../../../kernel/crypto/sm.ts';
import { AppError, illegalTransition, isAppError } from '../../../kernel/errors.ts';
import { hasScope, type Principal } from '../../../kernel/principal.ts';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../../audit/index.ts';
import { maskValue, personHash } from '../../detection/index.ts';
import type { IdentityService } from '../../identity/index.ts';
import type { JobQueue } from '../../jobs/index.ts';
import { AccountsRepo, type Account } from './accounts.repo.ts';
import { VerifierUnavailable, type IdType, type PermitVerifier, type VerifyOutcome } from './permit-verifier.ts';
import { fieldError, validateSignup, type SignupInput, type SubjectKind, type ValidSignup } from './signup.ts';
import { toSimplified } from '../chinese.ts';

export const REVERIFY_JOB = 'services.accounts.reverify';
/** How often the reverify job runs (main.ts schedules it). */
export const REVERIFY_INTERVAL_MS = 5 * 60_000;
/** A user may ask again at most this often. */
export const RETRY_MIN_INTERVAL_MS = 60_000;

export const ACCOUNT_SCOPES = { read: 'services.identity:read' } as const;

export type Verification = 'pending' | 'verified' | 'rejected';

/** What `identityOf` answers: the cases part's ApplicantIdentity (cases/ports.ts, services-shared.md). */
export interface ApplicantIdentity {
  userId: number;
  subjectKind: SubjectKind;
  idType: IdType;
  /** In clear, only for prefill/lookup inside the server, never logged or returned in lists. */
  idNumber: string;
  name: string;
  verification: Verification;
}

export interface IdentityDto {
  userId: number;
  subjectKind: SubjectKind;
  idType: IdType;
  idMasked: string;
  name: string;
  contactName: string | null;
  phoneMasked: string;
  verification: {
    status: Verification;
    /** Why it is rejected (`mismatch`, `not_found`) or still pending (`unavailable`); null otherwise. */
    reason: string | null;
    attempts: number;
    lastAttemptAt: string | null;
    verifiedAt: string | null;
  };
  /** `verify` while the account is pending or rejected. */
  allowedActions: 'verify'[];
}

export interface AccountDeps {
  db: AnyDb;
  audit: AuditService;
  identity: IdentityService;
  verifier: PermitVerifier;
  /** The platform's person-hash key (LANDAO_PERSON_HASH_KEY). */
  personHashKey: string;
  /** 32 bytes sealing the document numbers (SM4 + HMAC-SM3). */
  idKey: Buffer;
  now?: () => Date;
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
}

type CheckTrigger = 'signup' | 'job' | 'user';

export class AccountService {
  private readonly repo = new AccountsRepo();
  private readonly now: () => Date;

  constructor(private readonly deps: AccountDeps) {
    if (deps.idKey.length !== 32) throw new Error('AccountService needs a 32-byte idKey');
    this.now = deps.now ?? (() => new Date());
  }

  registerJobs(jobs: JobQueue): void {
    jobs.register(REVERIFY_JOB, async () => this.reverifyPending(), { maxAttempts: 1, timeoutMs: 10 * 60_000 });
  }

  // ---- sign-up -------------------------------------------------------------------------------

  /** Public sign-up: creates the user and the account in one transaction, then asks the verifier. */
  async signup(input: SignupInput, meta: { ip: string | null }): Promise<IdentityDto & { username: string }> {
    const { value, errors } = validateSignup(input);
    if (!value) throw new AppError('validation_failed', errors.map((e) => e.message).join('; '), errors);
    const account = await this.create({ kind: 'system', id: 'services.signup', orgId: null, ip: meta.ip }, value);
    return { ...this.dto(await this.check(account, 'signup')), username: value.phone };
  }

  /**
   * Creates the account (and, for a company, its organisation) for a validated sign-up, `pending`.
   * With `existingUserId` the document is attached to a user that already exists (demo seeding);
   * with `verifiedReference` it is recorded as verified without asking the verifier (demo data only).
   */
  async create(actor: Actor, v: ValidSignup, opts: { existingUserId?: number; verifiedReference?: string } = {}): Promise<Account> {
    const idHash = personHash(this.deps.personHashKey, v.detectorType, v.idNumber);
    const numberField = v.kind === 'company' ? 'uscc' : 'idNumber';
    const duplicate = () => new AppError('duplicate', `${numberField} is already registered`, [fieldError(numberField, 'already_registered')]);
    if (await this.repo.byIdHash(this.deps.db, idHash)) throw duplicate();
    // Hashed before the transaction opens: scrypt inside it would hold the connection for its whole run.
    const password = opts.existingUserId === undefined ? await this.deps.identity.preparePassword(v.password) : null;
    try {
      return await this.deps.db.transaction().execute(async (tx) => {
        if (await this.repo.byIdHash(tx, idHash)) throw duplicate();
        let orgId: number | null = null;
        if (v.kind === 'company') {
          const org = await this.deps.identity.createOrg(actor, { code: `ENT-${v.idNumber}`, name: v.name, kind: 'enterprise', uscc: v.idNumber }, tx).catch((e: unknown) => {
            throw isAppError(e) && e.code === 'duplicate' ? duplicate() : e;
          });
          orgId = org.id;
        }
        const userId =
          opts.existingUserId ??
          (
            await this.deps.identity
              .createUser(
                actor,
                null,
                {
                  orgId,
                  username: v.phone,
                  displayName: v.kind === 'company' ? v.contactName! : v.name,
                  kind: v.kind === 'company' ? 'enterprise' : 'citizen',
                  password: password!,
                  locale: v.locale,
                  roles: [v.kind === 'company' ? 'enterprise-user' : 'citizen'],
                  phone: v.phone,
                },
                tx,
              )
              .catch((e: unknown) => {
                throw isAppError(e) && e.code === 'duplicate' ? new AppError('duplicate', 'phone is already the sign-in name of another account', [fieldError('phone', 'phone_registered')]) : e;
              })
          ).id;
        const at = this.now().toISOString();
        const verified = opts.verifiedReference !== undefined;
        const row = {
          user_id: userId,
          subject_kind: v.kind,
          id_type: v.idType,
          id_hash: idHash,
          id_masked: maskValue(v.detectorType, v.idNumber),
          id_sealed: sm4Seal(this.deps.idKey, v.idNumber).toString('base64'),
          name: v.name,
          contact_name: v.contactName,
          phone: v.phone,
          org_id: orgId,
          verification: verified ? 'verified' : 'pending',
          verification_reason: null,
          verification_reference: opts.verifiedReference ?? null,
          attempts: 0,
          last_attempt_at: null,
          verified_at: verified ? at : null,
          created_at: at,
          updated_at: at,
        };
        const id = await this.repo.insert(tx, row);
        await this.deps.audit.record(tx, actor, {
          action: 'services.account.created',
          entityType: 'services_account',
          entityId: id,
          detail: { userId, orgId, subjectKind: v.kind, idType: v.idType, idMasked: row.id_masked, verification: row.verification },
        });
        return { id, ...row };
      });
    } catch (e) {
      // Two sign-ups of one number at the same moment: the unique index refuses the second.
      if (!isAppError(e) && (await this.repo.byIdHash(this.deps.db, idHash))) throw duplicate();
      throw e;
    }
  }

  // ---- verification --------------------------------------------------------------------------

  /** Asks the verifier about one account and records the answer (or the outage) with its audit event. */
  private async check(account: Account, trigger: CheckTrigger): Promise<Account> {
    let outcome: VerifyOutcome | 'unavailable';
    let reference: string | null = null;
    let detail: string | null = null;
    try {
      const r = await this.deps.verifier.verify({ idType: account.id_type as IdType, idNumber: this.openId(account), name: toSimplified(account.name) });
      outcome = r.outcome;
      reference = r.reference;
    } catch (e) {
      outcome = 'unavailable';
      detail = e instanceof VerifierUnavailable ? e.reason : 'error';
      this.deps.logger?.warn({ accountId: account.id, trigger, reason: detail, err: (e as Error).message }, 'identity verification unavailable; the account stays pending');
    }
    const at = this.now().toISOString();
    return this.deps.db.transaction().execute(async (tx) => {
      const current = (await this.repo.byId(tx, account.id))!;
      const status: Verification = current.verification === 'verified' || outcome === 'verified' ? 'verified' : outcome === 'unavailable' ? 'pending' : 'rejected';
      const patch = {
        verification: status,
        verification_reason: status === 'verified' ? null : outcome,
        verification_reference: reference ?? current.verification_reference,
        attempts: current.attempts + 1,
        last_attempt_at: at,
        verified_at: current.verified_at ?? (status === 'verified' ? at : null),
        updated_at: at,
      };
      await this.repo.update(tx, account.id, patch);
      await this.repo.insertCheck(tx, { account_id: account.id, at, trigger, outcome, reference, detail });
      await this.deps.audit.record(tx, SYSTEM_ACTOR, {
        action: 'services.account.checked',
        entityType: 'services_account',
        entityId: account.id,
        detail: { trigger, outcome, status, reference, ...(detail ? { unavailable: detail } : {}) },
      });
      return { ...current, ...patch };
    });
  }

  /**
   * The job: asks again about pending accounts, longest-waiting first. Stops at the first outage (the
   * interface is down; the next run tries again) so an outage costs one call per run, not one per account.
   */
  async reverifyPending(limit = 100): Promise<{ checked: number; verified: number; rejected: number; pending: number }> {
    const counts = { checked: 0, verified: 0, rejected: 0, pending: 0 };
    for (const account of await this.repo.pending(this.deps.db, limit)) {
      const after = await this.check(account, 'job');
      counts.checked++;
      counts[after.verification as Verification]++;
      if (after.verification === 'pending') break;
    }
    return counts;
  }

  /** The user asks for another check of a pending or rejected account. */
  async retryVerification(p: Principal): Promise<IdentityDto> {
    const account = await this.own(p);
    if (account.verification === 'verified') throw illegalTransition('verify', 'verified', []);
    const last = account.last_attempt_at ? Date.parse(account.last_attempt_at) : -Infinity;
    const wait = last + RETRY_MIN_INTERVAL_MS - this.now().getTime();
    if (wait > 0) throw new AppError('too_many_requests', 'verification was asked for a moment ago; try again shortly', { retryAfterS: Math.ceil(wait / 1000) });
    return this.dto(await this.check(account, 'user'));
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The signed-in citizen's or company user's own identity: status and masked number. */
  async me(p: Principal): Promise<IdentityDto> {
    return this.dto(await this.own(p));
  }

  /** Which of these keyed document hashes have an account (benefits marks its subjects in bulk). */
  async idHashesWithAccount(idHashes: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < idHashes.length; i += 500) for (const h of await this.repo.idHashesPresent(this.deps.db, idHashes.slice(i, i + 500))) out.add(h);
    return out;
  }

  /** The applicant behind a user, number in clear (the cases part's `IdentitySource`). */
  async identityOf(userId: number): Promise<ApplicantIdentity | undefined> {
    const a = await this.repo.byUserId(this.deps.db, userId);
    if (!a) return undefined;
    return { userId, subjectKind: a.subject_kind as SubjectKind, idType: a.id_type as IdType, idNumber: this.openId(a), name: a.name, verification: a.verification as Verification };
  }

  /** The holder of a document by its keyed hash (benefits: who a payout's subject is on the platform), if signed up. */
  async accountByIdHash(idHash: string): Promise<{ userId: number; name: string; subjectKind: SubjectKind; verification: Verification } | undefined> {
    const a = await this.repo.byIdHash(this.deps.db, idHash);
    return a && { userId: a.user_id, name: a.name, subjectKind: a.subject_kind as SubjectKind, verification: a.verification as Verification };
  }

  /** A user's document as its keyed hash and name (benefits: "my benefits" are the payouts with this subject key). */
  async subjectOf(userId: number): Promise<{ idHash: string; name: string; subjectKind: SubjectKind; verification: Verification } | undefined> {
    const a = await this.repo.byUserId(this.deps.db, userId);
    return a && { idHash: a.id_hash, name: a.name, subjectKind: a.subject_kind as SubjectKind, verification: a.verification as Verification };
  }

  private async own(p: Principal): Promise<Account> {
    if (!hasScope(p, ACCOUNT_SCOPES.read)) throw new AppError('forbidden', `missing scope ${ACCOUNT_SCOPES.read}`, { scope: ACCOUNT_SCOPES.read });
    const a = p.kind === 'user' ? await this.repo.byUserId(this.deps.db, p.id) : undefined;
    if (!a) throw new AppError('not_found', 'this account has no service-hall identity', { what: 'services_account' });
    return a;
  }

  private openId(a: Pick<Account, 'id_sealed'>): string {
    return sm4Open(this.deps.idKey, Buffer.from(a.id_sealed, 'base64')).toString('utf8');
  }

  private dto(a: Account): IdentityDto {
    const status = a.verification as Verification;
    return {
      userId: a.user_id,
      subjectKind: a.subject_kind as SubjectKind,
      idType: a.id_type as IdType,
      idMasked: a.id_masked,
      name: a.name,
      contactName: a.contact_name,
      phoneMasked: maskValue(a.phone.startsWith('09') ? 'tw_mobile' : 'cn_mobile', a.phone),
      verification: { status, reason: a.verification_reason, attempts: a.attempts, lastAttemptAt: a.last_attempt_at, verifiedAt: a.verified_at },
      allowedActions: status === 'verified' ? [] : ['verify'],
    };
  }
}
