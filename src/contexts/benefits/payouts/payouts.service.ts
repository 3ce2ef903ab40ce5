/**
 * Benefits payouts (免申即享, issue 8): what a matching run found becomes one payout per (policy,
 * subject, period); the funding department confirms it (二次确认) or excludes it with a reason; the person
 * is notified, authorises the payment and gives a bank account (免申即享授权); the department gathers
 * authorised payouts into a payment batch file for the finance bureau and imports the results.
 *
 * The state of a payout is the fold of its append-only action log (workflow.ts); every action appends
 * one row, moves the projection on the payout row and writes its audit event in one transaction. Reads
 * through other contexts' ports (accounts) happen before a transaction opens: on SQLite one connection
 * serves the platform, so a query beside an open transaction would wait on it.
 */
import fs from 'node:fs';
import { nowIso, type AnyDb, type Executor } from '../../../db/database.ts';
import { toChinaDate } from '../../../kernel/calendar/calendar.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm3, sm4Open, sm4Seal } from '../../../kernel/crypto/sm.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Locale, type Principal } from '../../../kernel/principal.ts';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../../audit/index.ts';
import type { NotifyInput } from '../../services/index.ts';
import type { CandidateSink, MatchedCandidate } from '../candidates.ts';
import { batchCsv, batchXlsx, controlHash, normaliseStatus, readResults, totals, yuan, type BatchFileContent } from './batch-file.ts';
import type { Insertable } from 'kysely';
import { PayoutsRepo, type PaymentBatch, type Payout, type PayoutActionRecord } from './payouts.repo.ts';
import type { PayoutActionRow } from './payouts.tables.ts';
import { ACTION_PARTY, PAYOUT_STATES, VISIBLE_TO_SUBJECT, allowedActions, transition, type PayoutAction, type PayoutParty, type PayoutState } from './workflow.ts';

export const PAYOUT_SCOPES = {
  confirm: 'benefits.payouts:confirm',
  read: 'benefits.payouts:read',
  payments: 'benefits.payments:manage',
  own: 'benefits:own',
} as const;

/** Notifies people whose payout was confirmed before they had an account (main.ts schedules it). */
export const NOTIFY_PENDING_JOB = 'benefits.payouts.notify-pending';
export const NOTIFY_PENDING_INTERVAL_MS = 10 * 60_000;

/** The version of the 免申即享 authorisation text the portal shows; an authorisation records it. */
export const CONSENT_VERSION = 'mssx-authorisation-2026-01';

export type LocalizedName = Record<Locale, string>;

/** Names of the shipped policies (the engine's policies/*.json), when no policy directory is wired. */
const KNOWN_POLICIES: Record<string, LocalizedName> = Object.fromEntries(
  fs
    .readdirSync(new URL('../policies/', import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(new URL(`../policies/${f}`, import.meta.url), 'utf8')) as { key?: string; names?: LocalizedName })
    .filter((d): d is { key: string; names: LocalizedName } => typeof d.key === 'string' && d.names !== undefined)
    .map((d) => [d.key, d.names]),
);

/**
 * The service hall's accounts. Only a `verified` account stands for the subject: a sign-up with someone else's
 * document number stays pending or rejected, and sees, hears about and authorises nothing.
 */
export interface AccountPort {
  accountByIdHash(idHash: string): Promise<{ userId: number; name: string; subjectKind: string; verification: string } | undefined>;
  subjectOf(userId: number): Promise<{ idHash: string; name: string; subjectKind: string; verification: string } | undefined>;
}

export interface PayoutDeps {
  db: AnyDb;
  audit: AuditService;
  notifications: { notify(tx: Executor | undefined, input: NotifyInput): Promise<{ id: number }> };
  accounts: AccountPort;
  /** 32 bytes sealing bank account numbers (SM4 + HMAC-SM3). */
  accountKey: Buffer;
  /** Policy names by key (ENGINE's policies); the shipped names otherwise. */
  policyName?: (key: string) => Promise<LocalizedName | undefined>;
  /** Compares a name in the source data with the account holder's name (Traditional input normalised). */
  normaliseName?: (name: string) => string;
  now?: () => Date;
}

export interface TimelineEntry {
  seq: number;
  action: PayoutAction;
  actor: PayoutParty;
  at: string;
  detail: Record<string, unknown>;
}

export interface PayoutDto {
  id: number;
  policyKey: string;
  policyName: LocalizedName;
  policyVersion: number;
  fundingOrgId: number;
  period: string;
  subject: { kind: string; displayName: string; maskedId: string };
  amountFen: number;
  runId: number;
  state: PayoutState;
  figures: unknown;
  confirmedAt: string | null;
  notifiedAt: string | null;
  authorisation: { bankName: string; accountMasked: string; accountName: string; consentVersion: string; authorisedAt: string } | null;
  batchId: number | null;
  paidAt: string | null;
  bankReference: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PayoutDetail extends PayoutDto {
  /** The source records used (officers only; the person sees the figures). */
  inputs?: unknown;
  allowedActions: PayoutAction[];
  timeline: TimelineEntry[];
  payments: { batchId: number; batchNo: string; lineNo: number; status: string; bankReference: string | null; reason: string | null }[];
}

export interface AuthoriseInput {
  bankName: string;
  accountNo: string;
  accountName: string;
  consentVersion: string;
  agree: true;
}

export interface BatchDto {
  id: number;
  batchNo: string;
  policyKey: string;
  fundingOrgId: number;
  state: string;
  lineCount: number;
  totalFen: number;
  sm3: string;
  createdAt: string;
  settledAt: string | null;
}

export interface BatchLineDto {
  lineNo: number;
  payoutId: number;
  payeeName: string;
  bankName: string | null;
  accountMasked: string | null;
  amountFen: number;
  status: string;
  bankReference: string | null;
  reason: string | null;
}

export interface ImportReport {
  rows: number;
  paid: number;
  failed: number;
  /** Rows that repeat a result already recorded (an idempotent re-import). */
  unchanged: number;
  errors: { line: number; message: string }[];
  batch: BatchDto;
}

type Notice = Omit<NotifyInput, 'userId'> & { userId: number };

const MAX_CHUNK = 500;

function party(p: Principal | null): PayoutParty {
  return p === null ? 'system' : hasScope(p, PAYOUT_SCOPES.own) && !hasScope(p, PAYOUT_SCOPES.read) ? 'citizen' : 'department';
}

function actorFor(p: Principal | null): Actor {
  return p ? { kind: p.kind, id: String(p.id), orgId: p.orgId, ip: p.ip } : SYSTEM_ACTOR;
}

function maskAccount(accountNo: string): string {
  return `${accountNo.slice(0, 4)}${'*'.repeat(Math.max(accountNo.length - 8, 4))}${accountNo.slice(-4)}`;
}

function forbidden(scope: string): AppError {
  return new AppError('forbidden', `missing scope ${scope}`, { scope });
}

export class PayoutService implements CandidateSink {
  private readonly repo = new PayoutsRepo();
  private readonly now: () => Date;

  constructor(private readonly deps: PayoutDeps) {
    if (deps.accountKey.length !== 32) throw new Error('PayoutService needs a 32-byte accountKey');
    this.now = deps.now ?? (() => new Date());
  }

  registerJobs(jobs: { register(name: string, handler: () => Promise<unknown>, opts: { maxAttempts: number; timeoutMs: number }): void }): void {
    jobs.register(NOTIFY_PENDING_JOB, async () => this.notifyPending(), { maxAttempts: 3, timeoutMs: 10 * 60_000 });
  }

  // ---- offers (the CandidateSink) ------------------------------------------------------------

  /**
   * Idempotent: a new (policy, subject, period) becomes a payout awaiting confirmation; one still awaiting
   * confirmation takes the new run's amount and figures (action `rematch`); anything confirmed, excluded or
   * later is kept as it is — so re-running a match never pays anyone twice. One transaction per chunk.
   */
  async offer(candidates: MatchedCandidate[]): Promise<{ created: number; rematched: number; kept: number }> {
    candidates.forEach((c, i) => this.checkCandidate(c, i));
    const out = { created: 0, rematched: 0, kept: 0 };
    // Chunks group one policy and period so the existing payouts are one query.
    const groups = new Map<string, MatchedCandidate[]>();
    for (const c of candidates) {
      const k = JSON.stringify([c.policyKey, c.period]);
      const g = groups.get(k);
      if (g) g.push(c);
      else groups.set(k, [c]);
    }
    for (const group of groups.values())
      for (let i = 0; i < group.length; i += MAX_CHUNK) {
        const r = await this.offerChunk(group.slice(i, i + MAX_CHUNK));
        out.created += r.created;
        out.rematched += r.rematched;
        out.kept += r.kept;
      }
    return out;
  }

  private checkCandidate(c: MatchedCandidate, i: number): void {
    const bad = (field: string, why: string) => new AppError('validation_failed', `candidates[${i}].${field}: ${why}`, { field: `candidates[${i}].${field}` });
    if (!Number.isSafeInteger(c.amountFen) || c.amountFen <= 0) throw bad('amountFen', 'must be a positive integer (fen)');
    if (!c.policyKey) throw bad('policyKey', 'required');
    if (!c.period) throw bad('period', 'required');
    if (!c.subject?.key) throw bad('subject.key', 'required');
    if (c.subject.kind !== 'person' && c.subject.kind !== 'company') throw bad('subject.kind', 'must be person or company');
    if (!Number.isSafeInteger(c.fundingOrgId)) throw bad('fundingOrgId', 'must be an organisation id');
    if (!Number.isSafeInteger(c.runId)) throw bad('runId', 'must be a run id');
  }

  private async offerChunk(chunk: MatchedCandidate[]): Promise<{ created: number; rematched: number; kept: number }> {
    const { policyKey, period } = chunk[0]!;
    return this.deps.db.transaction().execute(async (tx) => {
      const at = nowIso();
      const existing = new Map((await this.repo.byIdentity(tx, policyKey, period, [...new Set(chunk.map((c) => c.subject.key))])).map((p) => [p.subject_key, p]));
      const rematched: number[] = [];
      const rematchActions: Insertable<PayoutActionRow>[] = [];
      let kept = 0;
      const fresh = new Map<string, MatchedCandidate>();
      for (const c of chunk) {
        const current = existing.get(c.subject.key);
        if (!current) {
          // The same subject twice in one offer: the first one stands.
          if (fresh.has(c.subject.key)) kept++;
          else fresh.set(c.subject.key, c);
        } else if (current.state === 'offered' && current.run_id !== c.runId) {
          const seq = current.seq + 1;
          rematchActions.push({
            payout_id: current.id,
            seq,
            action: 'rematch',
            actor: 'system',
            actor_user_id: null,
            detail: JSON.stringify({ runId: c.runId, policyVersion: c.policyVersion, amountFen: c.amountFen, previousAmountFen: current.amount_fen, previousRunId: current.run_id }),
            at,
          });
          await this.repo.update(tx, current.id, {
            seq,
            run_id: c.runId,
            policy_version: c.policyVersion,
            funding_org_id: c.fundingOrgId,
            subject_name: c.subject.displayName,
            subject_masked: c.subject.maskedId,
            amount_fen: c.amountFen,
            inputs: JSON.stringify(c.inputs ?? null),
            figures: JSON.stringify(c.figures ?? null),
            updated_at: at,
          });
          existing.set(c.subject.key, { ...current, seq, run_id: c.runId });
          rematched.push(current.id);
        } else kept++;
      }
      // New payouts in one statement; one a concurrent offer inserted meanwhile is skipped (and counted kept).
      const inserted = await this.repo.insertManyIfNew(
        tx,
        [...fresh.values()].map((c) => ({
          policy_key: c.policyKey,
          policy_version: c.policyVersion,
          funding_org_id: c.fundingOrgId,
          period: c.period,
          subject_kind: c.subject.kind,
          subject_key: c.subject.key,
          subject_name: c.subject.displayName,
          subject_masked: c.subject.maskedId,
          amount_fen: c.amountFen,
          inputs: JSON.stringify(c.inputs ?? null),
          figures: JSON.stringify(c.figures ?? null),
          run_id: c.runId,
          state: 'offered',
          seq: 1,
          created_at: at,
          updated_at: at,
        })),
      );
      kept += fresh.size - inserted.length;
      await this.repo.insertActions(tx, rematchActions);
      await this.repo.insertActions(
        tx,
        inserted.map((r) => {
          const c = fresh.get(r.subject_key)!;
          return { payout_id: r.id, seq: 1, action: 'offer', actor: 'system', actor_user_id: null, detail: JSON.stringify({ runId: c.runId, policyVersion: c.policyVersion, amountFen: c.amountFen }), at };
        }),
      );
      const created = inserted.map((r) => r.id).sort((a, b) => a - b);
      if (created.length + rematched.length > 0)
        await this.deps.audit.record(tx, SYSTEM_ACTOR, {
          action: 'benefits.payout.offered',
          entityType: 'benefits_run',
          entityId: chunk[0]!.runId,
          detail: { policyKey, period, created, rematched, kept },
        });
      return { created: created.length, rematched: rematched.length, kept };
    });
  }

  // ---- the department: confirm, exclude --------------------------------------------------------

  async confirm(p: Principal, id: number): Promise<PayoutDetail> {
    const payout = await this.visibleToDepartment(p, id, PAYOUT_SCOPES.confirm);
    const holder = await this.verifiedHolder(payout.subject_key);
    const names = await this.namesFor([payout.policy_key]);
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await this.locked(tx, id);
      await this.confirmOne(tx, p, current, holder, names);
    });
    return this.get(p, id);
  }

  /**
   * Confirms every payout of a run still awaiting confirmation in the caller's department, all or none.
   * The client sends what it showed the officer: a different count or total (another run, a rematch) → 409.
   */
  async confirmRun(p: Principal, input: { runId: number; expectedCount: number; expectedTotalFen: number }): Promise<{ confirmed: number; totalFen: number; notified: number }> {
    if (!hasScope(p, PAYOUT_SCOPES.confirm)) throw forbidden(PAYOUT_SCOPES.confirm);
    const orgId = orgFilterFor(p, PAYOUT_SCOPES.confirm);
    const before = await this.repo.ofRun(this.deps.db, input.runId, 'offered', orgId);
    const holders = new Map<string, { userId: number } | undefined>();
    for (const r of before) holders.set(r.subject_key, await this.verifiedHolder(r.subject_key));
    const names = await this.namesFor([...new Set(before.map((r) => r.policy_key))]);
    return this.deps.db.transaction().execute(async (tx) => {
      const rows = await this.repo.ofRun(tx, input.runId, 'offered', orgId, { lock: true });
      const totalFen = rows.reduce((s, r) => s + r.amount_fen, 0);
      if (rows.length !== input.expectedCount || totalFen !== input.expectedTotalFen)
        throw new AppError('conflict', `run ${input.runId} has ${rows.length} payouts awaiting confirmation totalling ${totalFen} fen, not ${input.expectedCount} totalling ${input.expectedTotalFen}`, {
          runId: input.runId,
          count: rows.length,
          totalFen,
          expectedCount: input.expectedCount,
          expectedTotalFen: input.expectedTotalFen,
        });
      if (rows.length === 0) throw new AppError('conflict', `run ${input.runId} has no payouts awaiting confirmation`, { runId: input.runId, count: 0, totalFen: 0 });
      // One statement moves them all, one action row each, one audit event for the confirmation of the run.
      const at = nowIso();
      const ids = rows.map((r) => r.id);
      if ((await this.repo.moveState(tx, ids, 'offered', { state: 'confirmed', confirmed_at: at, updated_at: at })) !== rows.length)
        throw new AppError('conflict', `payouts of run ${input.runId} changed meanwhile; look again`, { runId: input.runId });
      await this.repo.insertActions(
        tx,
        rows.map((r) => ({ payout_id: r.id, seq: r.seq + 1, action: 'confirm', actor: 'department', actor_user_id: p.kind === 'user' ? p.id : null, detail: JSON.stringify({ ...this.frozen(r), runId: input.runId }), at })),
      );
      await this.deps.audit.record(tx, actorFor(p), {
        action: 'benefits.payout.confirm_run',
        entityType: 'benefits_run',
        entityId: input.runId,
        detail: { count: rows.length, totalFen, payoutIds: ids },
      });
      let notified = 0;
      for (const r of rows) {
        const holder = holders.get(r.subject_key);
        if (!holder) continue;
        await this.notifyOffered(tx, { ...r, state: 'confirmed', seq: r.seq + 1 }, holder.userId, names);
        notified++;
      }
      return { confirmed: rows.length, totalFen, notified };
    });
  }

  async exclude(p: Principal, id: number, reason: string): Promise<PayoutDetail> {
    const text = reason.trim();
    if (text.length < 2) throw new AppError('validation_failed', 'reason: an exclusion needs a reason', { field: 'reason' });
    await this.visibleToDepartment(p, id, PAYOUT_SCOPES.confirm);
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await this.locked(tx, id);
      await this.act(tx, p, current, 'exclude', { reason: text }, { reason: text });
    });
    return this.get(p, id);
  }

  /** Confirms one locked payout and, when its person has an account, notifies them (same transaction). */
  private async confirmOne(tx: Executor, p: Principal, row: Payout, holder: { userId: number } | undefined, names: Map<string, LocalizedName>): Promise<boolean> {
    const at = nowIso();
    // The confirmation freezes what is paid: later runs no longer touch this payout.
    await this.act(tx, p, row, 'confirm', this.frozen(row), { confirmed_at: at });
    if (!holder) return false;
    await this.notifyOffered(tx, { ...row, state: 'confirmed', seq: row.seq + 1 }, holder.userId, names);
    return true;
  }

  /** What a confirmation freezes: the policy version, the amount and the SM3 of the inputs and figures. */
  private frozen(row: Payout): { policyVersion: number; amountFen: number; frozenSm3: string } {
    return { policyVersion: row.policy_version, amountFen: row.amount_fen, frozenSm3: sm3(canonicalJson({ inputs: JSON.parse(row.inputs) as unknown, figures: JSON.parse(row.figures) as unknown })) };
  }

  private async notifyOffered(tx: Executor, row: Payout, userId: number, names: Map<string, LocalizedName>): Promise<void> {
    await this.act(tx, null, row, 'notify', { template: 'benefit.offered' }, { notified_at: nowIso() });
    await this.deps.notifications.notify(tx, this.notice(row, userId, 'benefit.offered', names));
  }

  /**
   * The periodic job: confirmed payouts whose person has signed up since are notified now (and so appear
   * in "my benefits" — which looks payouts up by the account's id hash — with a message).
   */
  async notifyPending(limit = 200): Promise<{ checked: number; notified: number }> {
    let afterId = 0;
    let checked = 0;
    let notified = 0;
    for (;;) {
      const rows = await this.repo.confirmedUnnotified(this.deps.db, afterId, limit);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.id;
      const names = await this.namesFor([...new Set(rows.map((r) => r.policy_key))]);
      for (const r of rows) {
        checked++;
        const holder = await this.verifiedHolder(r.subject_key);
        if (!holder) continue;
        const done = await this.deps.db.transaction().execute(async (tx) => {
          const current = await this.locked(tx, r.id);
          if (current.state !== 'confirmed') return false;
          await this.notifyOffered(tx, current, holder.userId, names);
          return true;
        });
        if (done) notified++;
      }
    }
    return { checked, notified };
  }

  // ---- the person: my benefits, authorise, decline ---------------------------------------------

  async my(p: Principal): Promise<{ items: PayoutDto[]; consentVersion: string; hasIdentity: boolean; verification: string | null }> {
    const subject = await this.subjectOf(p);
    if (!subject) return { items: [], consentVersion: CONSENT_VERSION, hasIdentity: false, verification: null };
    if (subject.verification !== 'verified') return { items: [], consentVersion: CONSENT_VERSION, hasIdentity: true, verification: subject.verification };
    const rows = await this.repo.bySubject(this.deps.db, subject.idHash, VISIBLE_TO_SUBJECT);
    const names = await this.namesFor([...new Set(rows.map((r) => r.policy_key))]);
    return { items: rows.map((r) => this.dto(r, names)), consentVersion: CONSENT_VERSION, hasIdentity: true, verification: subject.verification };
  }

  async myOne(p: Principal, id: number): Promise<PayoutDetail> {
    const row = await this.ownPayout(p, id);
    return this.detail(row, 'citizen', false);
  }

  async authorise(p: Principal, id: number, input: AuthoriseInput): Promise<PayoutDetail> {
    const row = await this.ownPayout(p, id);
    const accountNo = input.accountNo.replace(/[\s-]/g, '');
    const errors: { field: string; reason: string; message: string }[] = [];
    if (input.agree !== true) errors.push({ field: 'agree', reason: 'required', message: 'agree: the authorisation must be agreed to' });
    if (input.consentVersion !== CONSENT_VERSION) errors.push({ field: 'consentVersion', reason: 'outdated', message: `consentVersion: the authorisation text is now ${CONSENT_VERSION}; reload and read it again` });
    if (!/^\d{12,30}$/.test(accountNo)) errors.push({ field: 'accountNo', reason: 'format', message: 'accountNo: 12 to 30 digits' });
    const bankName = input.bankName.trim();
    if (bankName.length < 2 || bankName.length > 100) errors.push({ field: 'bankName', reason: 'format', message: 'bankName: 2 to 100 characters' });
    const norm = this.deps.normaliseName ?? ((s: string) => s);
    const clean = (s: string) => norm(s.replace(/\s+/g, '').replace(/[（(].*[)）]$/, ''));
    if (clean(input.accountName) !== clean(row.subject_name))
      errors.push({ field: 'accountName', reason: 'name_mismatch', message: 'accountName: the account must be in the name of the person (or company) entitled' });
    if (errors.length > 0) throw new AppError('validation_failed', errors.map((e) => e.message).join('; '), errors);
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await this.locked(tx, id);
      const masked = maskAccount(accountNo);
      await this.act(tx, p, current, 'authorise', { bankName, accountMasked: masked, consentVersion: CONSENT_VERSION }, {
        bank_name: bankName,
        account_sealed: sm4Seal(this.deps.accountKey, accountNo).toString('base64'),
        account_masked: masked,
        account_name: input.accountName.trim(),
        consent_version: CONSENT_VERSION,
        authorised_at: nowIso(),
        reason: null,
      });
    });
    return this.myOne(p, id);
  }

  async decline(p: Principal, id: number, reason: string | null): Promise<PayoutDetail> {
    await this.ownPayout(p, id);
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await this.locked(tx, id);
      await this.act(tx, p, current, 'decline', { reason }, { reason });
    });
    return this.myOne(p, id);
  }

  // ---- officers' reading -------------------------------------------------------------------------

  async list(p: Principal, f: { policyKey?: string | undefined; runId?: number | undefined; state?: string | undefined; q?: string | undefined; cursor?: string | undefined; limit?: number | undefined }): Promise<{ items: PayoutDto[]; nextCursor: string | null }> {
    if (!hasScope(p, PAYOUT_SCOPES.read)) throw forbidden(PAYOUT_SCOPES.read);
    if (f.state !== undefined && !(PAYOUT_STATES as readonly string[]).includes(f.state)) throw new AppError('validation_failed', `state: one of ${PAYOUT_STATES.join(', ')}`, { field: 'state' });
    const limit = Math.max(1, Math.min(f.limit ?? 50, 200));
    let beforeId: number | undefined;
    if (f.cursor !== undefined) {
      beforeId = Number(f.cursor);
      if (!Number.isSafeInteger(beforeId) || beforeId < 1) throw new AppError('validation_failed', 'cursor must be the nextCursor of a previous page', { field: 'cursor' });
    }
    const rows = await this.repo.list(this.deps.db, { orgId: orgFilterFor(p, PAYOUT_SCOPES.read), policyKey: f.policyKey, runId: f.runId, state: f.state, q: f.q, beforeId, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const names = await this.namesFor([...new Set(page.map((r) => r.policy_key))]);
    return { items: page.map((r) => this.dto(r, names)), nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
  }

  /** Count and total of the payouts matching a filter (what a bulk confirmation will confirm). */
  async summary(p: Principal, f: { policyKey?: string | undefined; runId?: number | undefined; state?: string | undefined }): Promise<{ count: number; totalFen: number }> {
    if (!hasScope(p, PAYOUT_SCOPES.read)) throw forbidden(PAYOUT_SCOPES.read);
    return this.repo.count(this.deps.db, { orgId: orgFilterFor(p, PAYOUT_SCOPES.read), ...f });
  }

  async get(p: Principal, id: number): Promise<PayoutDetail> {
    const row = await this.visibleToDepartment(p, id, PAYOUT_SCOPES.read);
    return this.detail(row, 'department', canActOnOrg(p, PAYOUT_SCOPES.confirm, row.funding_org_id));
  }

  // ---- payment batches ---------------------------------------------------------------------------

  /** Gathers every authorised payout of a policy funded by the caller's department into a new batch. */
  async createBatch(p: Principal, input: { policyKey: string; fundingOrgId?: number | undefined }): Promise<BatchDto & { lines: BatchLineDto[] }> {
    if (!hasScope(p, PAYOUT_SCOPES.payments)) throw forbidden(PAYOUT_SCOPES.payments);
    const orgId = input.fundingOrgId ?? p.orgId;
    if (orgId === null || orgId === undefined) throw new AppError('validation_failed', 'fundingOrgId: required for a principal outside a department', { field: 'fundingOrgId' });
    if (!canActOnOrg(p, PAYOUT_SCOPES.payments, orgId)) throw new AppError('forbidden', 'payment batches are built by the funding department', { scope: PAYOUT_SCOPES.payments });
    const names = await this.namesFor([input.policyKey]);
    const id = await this.deps.db.transaction().execute(async (tx) => {
      const rows = await this.repo.authorisedFor(tx, input.policyKey, orgId);
      if (rows.length === 0) throw new AppError('conflict', `no authorised payouts of ${input.policyKey} to pay`, { policyKey: input.policyKey, count: 0 });
      const at = nowIso();
      const day = toChinaDate(this.now()).replaceAll('-', '');
      const batchId = await this.repo.insertBatch(tx, { batch_no: `tmp-${at}-${Math.random()}`, policy_key: input.policyKey, funding_org_id: orgId, state: 'open', line_count: 0, total_fen: 0, sm3: '', created_by: p.kind === 'user' ? p.id : null, created_at: at, settled_at: null });
      const batchNo = `PB${day}${String(batchId).padStart(6, '0')}`;
      const policy = names.get(input.policyKey)!['zh-CN'];
      const content: BatchFileContent = {
        batchNo,
        lines: rows.map((r, i) => ({
          lineNo: i + 1,
          payeeName: r.account_name ?? r.subject_name,
          bankName: r.bank_name ?? '',
          accountNo: sm4Open(this.deps.accountKey, Buffer.from(r.account_sealed!, 'base64')).toString('utf8'),
          amountFen: r.amount_fen,
          policy,
          period: r.period,
          payoutId: r.id,
        })),
      };
      const moved = await this.repo.moveIntoBatch(tx, rows.map((r) => r.id), batchId, at);
      if (moved !== rows.length) throw new AppError('conflict', 'another batch took some of these payouts; try again', { policyKey: input.policyKey });
      for (const [i, r] of rows.entries()) {
        await this.repo.insertAction(tx, { payout_id: r.id, seq: r.seq + 1, action: 'batch', actor: 'department', actor_user_id: p.kind === 'user' ? p.id : null, detail: JSON.stringify({ batchId, batchNo, lineNo: i + 1 }), at });
      }
      await this.repo.insertLines(
        tx,
        rows.map((r, i) => ({
          batch_id: batchId,
          line_no: i + 1,
          payout_id: r.id,
          payee_name: content.lines[i]!.payeeName,
          bank_name: content.lines[i]!.bankName,
          account_sealed: r.account_sealed!,
          account_masked: r.account_masked!,
          amount_fen: r.amount_fen,
          status: 'pending',
          bank_reference: null,
          reason: null,
          updated_at: at,
        })),
      );
      const t = totals(content);
      const hash = controlHash(content);
      await this.repo.updateBatch(tx, batchId, { batch_no: batchNo, line_count: t.lineCount, total_fen: t.totalFen, sm3: hash });
      await this.deps.audit.record(tx, actorFor(p), {
        action: 'benefits.batch.created',
        entityType: 'benefits_payment_batch',
        entityId: batchId,
        detail: { batchNo, policyKey: input.policyKey, lineCount: t.lineCount, totalFen: t.totalFen, sm3: hash, payoutIds: rows.map((r) => r.id) },
      });
      return batchId;
    });
    return this.getBatch(p, id);
  }

  async listBatches(p: Principal, f: { cursor?: string | undefined; limit?: number | undefined }): Promise<{ items: BatchDto[]; nextCursor: string | null }> {
    if (!hasScope(p, PAYOUT_SCOPES.payments) && !hasScope(p, PAYOUT_SCOPES.read)) throw forbidden(PAYOUT_SCOPES.payments);
    const limit = Math.max(1, Math.min(f.limit ?? 50, 200));
    const beforeId = f.cursor === undefined ? undefined : Number(f.cursor);
    if (beforeId !== undefined && (!Number.isSafeInteger(beforeId) || beforeId < 1)) throw new AppError('validation_failed', 'cursor must be the nextCursor of a previous page', { field: 'cursor' });
    const orgId = hasScope(p, PAYOUT_SCOPES.payments) ? orgFilterFor(p, PAYOUT_SCOPES.payments) : orgFilterFor(p, PAYOUT_SCOPES.read);
    const rows = await this.repo.listBatches(this.deps.db, { orgId, beforeId, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return { items: page.map(batchDto), nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
  }

  async getBatch(p: Principal, id: number): Promise<BatchDto & { lines: BatchLineDto[] }> {
    const batch = await this.visibleBatch(p, id);
    const lines = await this.repo.lines(this.deps.db, id);
    return {
      ...batchDto(batch),
      lines: lines.map((l) => ({ lineNo: l.line_no, payoutId: l.payout_id, payeeName: l.payee_name, bankName: l.bank_name, accountMasked: l.account_masked, amountFen: l.amount_fen, status: l.status, bankReference: l.bank_reference, reason: l.reason })),
    };
  }

  /** The file for the finance bureau, account numbers in clear; each download is an audit event. */
  async batchFile(p: Principal, id: number, format: 'csv' | 'xlsx'): Promise<{ filename: string; data: Buffer; sm3: string }> {
    const batch = await this.visibleBatch(p, id, { manage: true });
    const lines = await this.repo.lines(this.deps.db, id);
    const names = await this.namesFor([batch.policy_key]);
    // Accounts as authorised when the batch was built: a later correction belongs to a later batch.
    const content: BatchFileContent = {
      batchNo: batch.batch_no,
      lines: lines.map((l) => ({
        lineNo: l.line_no,
        payeeName: l.payee_name,
        bankName: l.bank_name,
        accountNo: sm4Open(this.deps.accountKey, Buffer.from(l.account_sealed, 'base64')).toString('utf8'),
        amountFen: l.amount_fen,
        policy: names.get(batch.policy_key)?.['zh-CN'] ?? batch.policy_key,
        period: l.period,
        payoutId: l.payout_id,
      })),
    };
    const hash = controlHash(content);
    const data = format === 'csv' ? batchCsv(content) : await batchXlsx(content);
    await this.deps.db.transaction().execute(async (tx) => {
      await this.deps.audit.record(tx, actorFor(p), { action: 'benefits.batch.downloaded', entityType: 'benefits_payment_batch', entityId: id, detail: { batchNo: batch.batch_no, format, sm3: hash, matchesCreated: hash === batch.sm3 } });
    });
    return { filename: `${batch.batch_no}.${format}`, data, sm3: hash };
  }

  /**
   * The finance bureau's results: each row its own transaction, so a bad row is reported and the others
   * still count. A line already paid stays paid (a re-import changes nothing; "failed" for it is an error).
   */
  async importResults(p: Principal, id: number, file: { filename: string; data: Buffer }): Promise<ImportReport> {
    const batch = await this.visibleBatch(p, id, { manage: true });
    const rows = await readResults(file);
    const names = await this.namesFor([batch.policy_key]);
    const report = { rows: rows.length, paid: 0, failed: 0, unchanged: 0, errors: [] as { line: number; message: string }[] };
    const seen = new Set<number>();
    for (const row of rows) {
      const fail = (message: string) => report.errors.push({ line: row.line, message: `line ${row.line}: ${message}` });
      if (Number.isNaN(row.payoutId) || Number.isNaN(row.lineNo)) {
        fail('payoutId and lineNo must be whole numbers');
        continue;
      }
      const status = normaliseStatus(row.status);
      if (!status) {
        fail(`status "${row.status}" is not paid or failed`);
        continue;
      }
      if (status === 'failed' && !row.reason) {
        fail('a failed payment needs a reason');
        continue;
      }
      const line = row.lineNo !== null ? await this.repo.line(this.deps.db, id, row.lineNo) : await this.repo.lineOfPayout(this.deps.db, id, row.payoutId!);
      if (!line || (row.payoutId !== null && line.payout_id !== row.payoutId)) {
        fail(row.lineNo !== null && row.payoutId !== null ? `line ${row.lineNo} of batch ${batch.batch_no} is not payout ${row.payoutId}` : `not a line of batch ${batch.batch_no}`);
        continue;
      }
      if (seen.has(line.line_no)) {
        fail(`line ${line.line_no} appears twice in this file`);
        continue;
      }
      seen.add(line.line_no);
      if (line.status === status) {
        report.unchanged++;
        continue;
      }
      if (line.status !== 'pending') {
        fail(`line ${line.line_no} is already ${line.status}; a recorded result is not changed`);
        continue;
      }
      const payout = await this.repo.byId(this.deps.db, line.payout_id);
      const holder = payout ? await this.verifiedHolder(payout.subject_key) : undefined;
      try {
        await this.deps.db.transaction().execute(async (tx) => {
          const current = await this.locked(tx, line.payout_id);
          const at = nowIso();
          if (status === 'paid') {
            const seq = await this.act(tx, p, current, 'pay', { batchId: id, batchNo: batch.batch_no, lineNo: line.line_no, bankReference: row.bankReference }, { paid_at: at, paid_month: toChinaDate(this.now()).slice(0, 7), bank_reference: row.bankReference, reason: null });
            await this.repo.updateLine(tx, id, line.line_no, { status: 'paid', bank_reference: row.bankReference, reason: null, updated_at: at });
            if (holder) await this.deps.notifications.notify(tx, this.notice({ ...current, seq }, holder.userId, 'benefit.paid', names, { account: line.account_masked }));
          } else {
            const seq = await this.act(tx, p, current, 'fail', { batchId: id, batchNo: batch.batch_no, lineNo: line.line_no, reason: row.reason }, { reason: row.reason, bank_reference: row.bankReference, batch_id: null });
            await this.repo.updateLine(tx, id, line.line_no, { status: 'failed', bank_reference: row.bankReference, reason: row.reason, updated_at: at });
            if (holder) await this.deps.notifications.notify(tx, this.notice({ ...current, seq }, holder.userId, 'benefit.failed', names, { reason: { officerText: row.reason! } }));
          }
        });
        report[status]++;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        fail(e.message);
      }
    }
    await this.deps.db.transaction().execute(async (tx) => {
      const pending = await this.repo.pendingLines(tx, id);
      const patch = pending === 0 && batch.state === 'open' ? { state: 'settled', settled_at: nowIso() } : undefined;
      if (patch) await this.repo.updateBatch(tx, id, patch);
      await this.deps.audit.record(tx, actorFor(p), {
        action: 'benefits.batch.results_imported',
        entityType: 'benefits_payment_batch',
        entityId: id,
        detail: { batchNo: batch.batch_no, file: file.filename, rows: report.rows, paid: report.paid, failed: report.failed, unchanged: report.unchanged, errors: report.errors.length, settled: patch !== undefined },
      });
    });
    const { lines: _lines, ...after } = await this.getBatch(p, id);
    return { ...report, batch: after };
  }

  // ---- statistics --------------------------------------------------------------------------------

  async statistics(p: Principal, f: { policyKey?: string | undefined }) {
    if (!hasScope(p, PAYOUT_SCOPES.read)) throw forbidden(PAYOUT_SCOPES.read);
    const filter = { orgId: orgFilterFor(p, PAYOUT_SCOPES.read), policyKey: f.policyKey };
    const [byState, byMonth, byPolicy] = [await this.repo.byState(this.deps.db, filter), await this.repo.paidByMonth(this.deps.db, filter), await this.repo.byPolicy(this.deps.db, filter)];
    const names = await this.namesFor([...new Set([...byMonth.map((r) => r.policyKey), ...byPolicy.map((r) => r.policyKey)])]);
    const name = (k: string) => names.get(k) ?? { 'zh-CN': k, 'zh-TW': k, en: k };
    return {
      byState,
      byMonth: byMonth.map((r) => ({ ...r, policyName: name(r.policyKey) })),
      byPolicy: byPolicy.map((r) => ({ ...r, policyName: name(r.policyKey) })),
    };
  }

  /** The statistics as CSV (UTF-8 with BOM): one section per table. */
  async statisticsCsv(p: Principal, f: { policyKey?: string | undefined }): Promise<Buffer> {
    const s = await this.statistics(p, f);
    const lines = [
      'section,policy,month,state,people,payments,amountYuan,paidPeople,paidYuan',
      ...s.byPolicy.map((r) => ['policy', r.policyKey, '', '', r.people, r.payouts, yuan(r.amountFen), r.paidPeople, yuan(r.paidFen)].join(',')),
      ...s.byMonth.map((r) => ['month', r.policyKey, r.month, 'paid', r.people, r.payments, yuan(r.amountFen), '', ''].join(',')),
      ...s.byState.map((r) => ['state', '', '', r.state, '', r.count, yuan(r.amountFen), '', ''].join(',')),
    ];
    return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
  }

  // ---- internals ---------------------------------------------------------------------------------

  /**
   * Appends one action to a locked payout (its state checked against the workflow), moves the projection
   * and writes the audit event; answers the new seq.
   */
  private async act(tx: Executor, p: Principal | null, row: Payout, action: PayoutAction, detail: Record<string, unknown>, patch: Record<string, unknown>): Promise<number> {
    const by = ACTION_PARTY[action];
    const next = transition(row.state as PayoutState, action, p === null ? undefined : party(p));
    const seq = row.seq + 1;
    const at = nowIso();
    const clean = Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined));
    await this.repo.insertAction(tx, { payout_id: row.id, seq, action, actor: by, actor_user_id: p?.kind === 'user' ? p.id : null, detail: JSON.stringify(clean), at });
    await this.repo.update(tx, row.id, { ...patch, state: next, seq, updated_at: at });
    await this.deps.audit.record(tx, actorFor(p), { action: `benefits.payout.${action}`, entityType: 'benefits_payout', entityId: row.id, detail: { from: row.state, to: next, ...clean } });
    return seq;
  }

  private async locked(tx: Executor, id: number): Promise<Payout> {
    const row = await this.repo.byId(tx, id, { lock: true });
    if (!row) throw notFound('payout', id);
    return row;
  }

  private async visibleToDepartment(p: Principal, id: number, scope: string): Promise<Payout> {
    if (!hasScope(p, scope)) throw forbidden(scope);
    const row = await this.repo.byId(this.deps.db, id);
    if (!row) throw notFound('payout', id);
    if (!canActOnOrg(p, scope, row.funding_org_id)) {
      // Seen but not one's own department's: a read scope that cannot see it answers 404, a write scope 403.
      if (canActOnOrg(p, PAYOUT_SCOPES.read, row.funding_org_id)) throw new AppError('forbidden', 'only the funding department confirms or excludes its payouts', { scope });
      throw notFound('payout', id);
    }
    return row;
  }

  private async visibleBatch(p: Principal, id: number, opts: { manage?: boolean } = {}): Promise<PaymentBatch> {
    const scope = opts.manage || !hasScope(p, PAYOUT_SCOPES.read) ? PAYOUT_SCOPES.payments : PAYOUT_SCOPES.read;
    if (!hasScope(p, scope)) throw forbidden(scope);
    const batch = await this.repo.batchById(this.deps.db, id);
    if (!batch || !canActOnOrg(p, scope, batch.funding_org_id)) throw notFound('payment batch', id);
    return batch;
  }

  private async subjectOf(p: Principal): Promise<{ idHash: string; name: string; verification: string } | undefined> {
    if (!hasScope(p, PAYOUT_SCOPES.own)) throw forbidden(PAYOUT_SCOPES.own);
    if (p.kind !== 'user') throw new AppError('forbidden', 'my benefits belong to signed-in users');
    return this.deps.accounts.subjectOf(p.id);
  }

  private async ownPayout(p: Principal, id: number): Promise<Payout> {
    const subject = await this.subjectOf(p);
    const row = await this.repo.byId(this.deps.db, id);
    if (!row || !subject || subject.verification !== 'verified' || row.subject_key !== subject.idHash || !(VISIBLE_TO_SUBJECT as readonly string[]).includes(row.state)) throw notFound('payout', id);
    return row;
  }

  private async verifiedHolder(subjectKey: string): Promise<{ userId: number } | undefined> {
    const a = await this.deps.accounts.accountByIdHash(subjectKey);
    return a?.verification === 'verified' ? a : undefined;
  }

  private async namesFor(keys: string[]): Promise<Map<string, LocalizedName>> {
    const out = new Map<string, LocalizedName>();
    for (const k of keys) out.set(k, (await this.deps.policyName?.(k)) ?? KNOWN_POLICIES[k] ?? { 'zh-CN': k, 'zh-TW': k, en: k });
    return out;
  }

  private notice(row: Payout, userId: number, template: 'benefit.offered' | 'benefit.paid' | 'benefit.failed', names: Map<string, LocalizedName>, extra: Notice['params'] = {}): Notice {
    return {
      userId,
      template,
      params: { policy: names.get(row.policy_key) ?? row.policy_key, period: row.period, amount: yuan(row.amount_fen), ...extra },
      link: `/portal/benefits?payout=${row.id}`,
    };
  }

  private dto(r: Payout, names: Map<string, LocalizedName>): PayoutDto {
    return {
      id: r.id,
      policyKey: r.policy_key,
      policyName: names.get(r.policy_key) ?? { 'zh-CN': r.policy_key, 'zh-TW': r.policy_key, en: r.policy_key },
      policyVersion: r.policy_version,
      fundingOrgId: r.funding_org_id,
      period: r.period,
      subject: { kind: r.subject_kind, displayName: r.subject_name, maskedId: r.subject_masked },
      amountFen: r.amount_fen,
      runId: r.run_id,
      state: r.state as PayoutState,
      figures: JSON.parse(r.figures) as unknown,
      confirmedAt: r.confirmed_at,
      notifiedAt: r.notified_at,
      authorisation:
        r.authorised_at && r.bank_name && r.account_masked
          ? { bankName: r.bank_name, accountMasked: r.account_masked, accountName: r.account_name ?? '', consentVersion: r.consent_version ?? '', authorisedAt: r.authorised_at }
          : null,
      batchId: r.batch_id,
      paidAt: r.paid_at,
      bankReference: r.bank_reference,
      reason: r.reason,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  private async detail(r: Payout, as: PayoutParty, mayAct: boolean): Promise<PayoutDetail> {
    const names = await this.namesFor([r.policy_key]);
    const actions = await this.repo.actions(this.deps.db, r.id);
    const payments = await this.repo.linesOfPayout(this.deps.db, r.id);
    const allowed = mayAct || as === 'citizen' ? allowedActions(r.state as PayoutState, as).filter((a) => a !== 'batch' && a !== 'pay' && a !== 'fail') : [];
    return {
      ...this.dto(r, names),
      ...(as === 'department' ? { inputs: JSON.parse(r.inputs) as unknown } : {}),
      allowedActions: allowed,
      timeline: actions.map((a: PayoutActionRecord) => ({ seq: a.seq, action: a.action as PayoutAction, actor: a.actor as PayoutParty, at: a.at, detail: JSON.parse(a.detail) as Record<string, unknown> })),
      payments: payments.map((l) => ({ batchId: l.batch_id, batchNo: l.batch_no, lineNo: l.line_no, status: l.status, bankReference: l.bank_reference, reason: l.reason })),
    };
  }
}

function batchDto(b: PaymentBatch): BatchDto {
  return { id: b.id, batchNo: b.batch_no, policyKey: b.policy_key, fundingOrgId: b.funding_org_id, state: b.state, lineCount: b.line_count, totalFen: b.total_fen, sm3: b.sm3, createdAt: b.created_at, settledAt: b.settled_at };
}
