/**
 * Matching runs (比对): a job evaluating every subject of a policy's subjects' source for the period — streamed in
 * subject-key order, a page at a time, so memory stays bounded whatever the number of taxpayers — against the
 * policy version recorded on the run. Each page's results (eligible or not, amount in fen, each clause's outcome,
 * the records used with batch id + row no, the calculator's figures) commit in one transaction, and then the page's
 * eligible subjects go to the payouts part's `CandidateSink` (`sink.offer`, idempotent per policy × subject × period:
 * re-running never pays twice). The totals and the audit event commit with the run's completion.
 */
import type { Insertable } from 'kysely';
import { nowIso, type AnyDb } from '../../../db/database.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Principal } from '../../../kernel/principal.ts';
import { SYSTEM_ACTOR, type AuditService } from '../../audit/index.ts';
import { actorOf } from '../../identity/index.ts';
import type { JobContext, JobQueue } from '../../jobs/index.ts';
import type { CandidateSink, MatchedCandidate } from '../candidates.ts';
import type { RunResultRow } from '../engine.tables.ts';
import type { PoliciesService, PolicyVersionDto } from '../policies/policies.service.ts';
import { kindSpec } from '../sources/kinds.ts';
import { SourcesRepo, type KindRow, type MatchRecord } from '../sources/sources.repo.ts';
import { clausesJson, evaluateInputs, figuresSummary, inputRefsJson, inputsFromRefs, selectInputs, taxYearPeriod, type ClauseOutcome, type Inputs, type InputRefs, type SourceRecord } from './evaluate.ts';
import { MatchingRepo, type ResultFilter, type StoredRun, type StoredRunResult } from './matching.repo.ts';

export const MATCH_JOB = 'benefits.match';
export const RUN_SCOPES = { start: 'benefits.runs:start', read: 'benefits.runs:read' } as const;
/**
 * Subjects evaluated per page (one read per source kind, one write transaction). Small pages cost less: a page's
 * records, results and candidates (their inputs and figures, until offered) live until its write commits, and the
 * young-generation collections copy (and then promote) what is alive. SQLite: 100,000 taxpayers matched in about 10 %
 * less CPU at 500 than at 2,000. PostgreSQL, client and server on one core: 4.7–5.1 s at 500 against 5.3–5.5 s at
 * 2,000 with the candidates offered, the same (4.5–5.1 s) without (docs/benchmarks.md, session 7; session 6 had picked
 * 2,000 from the client's CPU without candidates).
 */
export const MATCH_PAGE = 500;
/** Candidates per `sink.offer` call. */
export const OFFER_CHUNK = 1_000;

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface RunDto {
  id: number;
  policyKey: string;
  policyVersion: number;
  period: string;
  fundingOrgId: number;
  status: RunStatus;
  jobId: number | null;
  startedBy: string;
  totals: { subjects: number; eligible: number; ineligible: number; amountFen: number };
  offered: { created: number; rematched: number; kept: number } | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RunResultDto {
  subjectKind: 'person' | 'company';
  subjectKey: string;
  displayName: string;
  maskedId: string;
  hasAccount: boolean;
  eligible: boolean;
  amountFen: number;
  clauses: ClauseOutcome[];
  /** Batch id + row no of each record used. */
  inputs: InputRefs;
  /** The amount and the calculators' figures without their breakdown (see `recompute`). */
  figures: unknown;
}

/** A result recomputed from the records it names, under the policy version the run recorded. */
export interface RecomputedResult {
  result: RunResultDto;
  inputs: Inputs;
  outcome: { eligible: boolean; amountFen: number; clauses: ClauseOutcome[]; figures: unknown };
  /** The recomputation gives the recorded eligibility, amount, clauses and figures. */
  identical: boolean;
}

export interface MatchingDeps {
  db: AnyDb;
  audit: AuditService;
  jobs?: JobQueue | undefined;
  policies: PoliciesService;
  /** The payouts part (wired at integration); without it the run stops at its results. */
  sink?: CandidateSink | undefined;
  /** Which keyed hashes have a platform account (services' AccountService.idHashesWithAccount). */
  accountsOf?: ((idHashes: string[]) => Promise<Set<string>>) | undefined;
  /** Subjects per page (default MATCH_PAGE; tests use small pages to cross page boundaries). */
  pageSize?: number | undefined;
}

function runDto(r: StoredRun): RunDto {
  return {
    id: r.id,
    policyKey: r.policy_key,
    policyVersion: r.policy_version,
    period: r.period,
    fundingOrgId: r.funding_org_id,
    status: r.status as RunStatus,
    jobId: r.job_id,
    startedBy: r.started_by,
    totals: { subjects: r.subjects, eligible: r.eligible, ineligible: r.ineligible, amountFen: Number(r.total_fen) },
    offered: r.offered ? (JSON.parse(r.offered) as RunDto['offered']) : null,
    error: r.error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

export function resultDto(r: StoredRunResult): RunResultDto {
  return {
    subjectKind: r.subject_kind as 'person' | 'company',
    subjectKey: r.subject_key,
    displayName: r.display_name,
    maskedId: r.masked_id,
    hasAccount: r.has_account === 1,
    eligible: r.eligible === 1,
    amountFen: Number(r.amount_fen),
    clauses: JSON.parse(r.clauses) as ClauseOutcome[],
    inputs: JSON.parse(r.inputs) as InputRefs,
    figures: r.figures === null ? null : (JSON.parse(r.figures) as unknown),
  };
}

function sourceRecord(kind: string, r: MatchRecord): SourceRecord {
  return { kind, batchId: r.batch_id, rowNo: r.row_no, orgId: r.org_id, year: r.year, maskedId: r.masked_id, name: r.name, data: JSON.parse(r.data) as Record<string, unknown> };
}

/** A record read by kind and year (`year`: the one asked for, null for dated records). */
function kindSourceRecord(kind: string, year: number | null, r: KindRow): SourceRecord {
  return { kind, batchId: r[1], rowNo: r[2], orgId: r[3], year, maskedId: r[4], name: r[5], data: typeof r[6] === 'string' ? (JSON.parse(r[6]) as Record<string, unknown>) : r[6] };
}

const NO_PROGRESS: Pick<JobContext, 'progress'> & { signal?: AbortSignal } = { progress: async () => undefined };

export class MatchingService {
  private readonly repo = new MatchingRepo();
  private readonly sources = new SourcesRepo();

  constructor(private readonly deps: MatchingDeps) {}

  /** The payouts part's sink (main.ts wires it once both parts exist). */
  setSink(sink: CandidateSink | undefined): void {
    this.deps.sink = sink;
  }

  registerJobs(jobs: JobQueue): void {
    jobs.register(MATCH_JOB, async (payload: { runId: number }, ctx) => runDto(await this.execute(payload.runId, ctx)), { maxAttempts: 3, timeoutMs: 60 * 60_000 });
  }

  /** Checks who may start a run of this policy for this period and records it (queued). */
  private async checkStart(p: Principal | null, policyKey: string, period: string): Promise<PolicyVersionDto> {
    if (p && !hasScope(p, RUN_SCOPES.start)) throw new AppError('forbidden', `missing scope ${RUN_SCOPES.start}`, { scope: RUN_SCOPES.start });
    if (!/^\d{4}$/.test(period)) throw new AppError('validation_failed', 'period: a tax year, e.g. 2024', [{ field: 'period', reason: 'format' }]);
    const policy = await this.deps.policies.version(policyKey).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'not_found' ? new AppError('validation_failed', `policyKey: no policy "${policyKey}"`, [{ field: 'policyKey', reason: 'unknown' }]) : e;
    });
    if (policy.fundingOrgId === null) throw new AppError('conflict', `policy ${policyKey}: its funding department ${policy.document.fundingOrgCode} does not exist`);
    if (p && !canActOnOrg(p, RUN_SCOPES.start, policy.fundingOrgId)) throw new AppError('forbidden', 'runs are started by the bureau or the funding department', { scope: RUN_SCOPES.start });
    const { from, to } = taxYearPeriod(Number(period));
    if (policy.document.validFrom > to || (policy.document.validTo !== null && policy.document.validTo < from)) {
      throw new AppError('validation_failed', `period: ${period} is outside the policy's validity ${policy.document.validFrom} … ${policy.document.validTo ?? '(open)'}`, [{ field: 'period', reason: 'outside_validity' }]);
    }
    return policy;
  }

  /** Starts a run as a job → 202 with the job id (the caller polls the run or GET /api/jobs/:id). */
  async start(p: Principal, input: { policyKey: string; period: string }): Promise<RunDto> {
    if (!this.deps.jobs) throw new Error('MatchingService.start needs the job queue');
    const policy = await this.checkStart(p, input.policyKey, input.period);
    const jobs = this.deps.jobs;
    const id = await this.deps.db.transaction().execute(async (tx) => {
      const runId = await this.repo.insertRun(tx, this.newRun(p, policy, input.period));
      const jobId = await jobs.enqueue(MATCH_JOB, { runId }, { orgId: policy.fundingOrgId, createdBy: `${p.kind}:${p.id}` }, tx);
      await this.repo.updateRun(tx, runId, { job_id: jobId });
      await this.deps.audit.record(tx, actorOf(p), { action: 'benefits.run.started', entityType: 'benefits_run', entityId: runId, detail: { policyKey: policy.key, policyVersion: policy.version, period: input.period, jobId } });
      return runId;
    });
    return runDto((await this.repo.runById(this.deps.db, id))!);
  }

  /** Runs a match at once, without the queue (demo seeding, benchmarks, tests). */
  async runNow(p: Principal | null, input: { policyKey: string; period: string }): Promise<RunDto> {
    const policy = await this.checkStart(p, input.policyKey, input.period);
    const id = await this.deps.db.transaction().execute(async (tx) => {
      const runId = await this.repo.insertRun(tx, this.newRun(p, policy, input.period));
      await this.deps.audit.record(tx, actorOf(p), { action: 'benefits.run.started', entityType: 'benefits_run', entityId: runId, detail: { policyKey: policy.key, policyVersion: policy.version, period: input.period, jobId: null } });
      return runId;
    });
    return runDto(await this.execute(id, NO_PROGRESS));
  }

  private newRun(p: Principal | null, policy: PolicyVersionDto, period: string) {
    return {
      policy_key: policy.key,
      policy_version: policy.version,
      period,
      funding_org_id: policy.fundingOrgId!,
      status: 'queued',
      job_id: null,
      started_by: p ? `${p.kind}:${p.id}` : 'system',
      subjects: 0,
      eligible: 0,
      ineligible: 0,
      total_fen: 0,
      offered: null,
      error: null,
      created_at: nowIso(),
      finished_at: null,
    };
  }

  /** The run itself (the job handler). A retry after a crash matches again from the start (the sink is idempotent). */
  async execute(runId: number, ctx: Pick<JobContext, 'progress'> & { signal?: AbortSignal }): Promise<StoredRun> {
    const run = await this.repo.runById(this.deps.db, runId);
    if (!run) throw notFound('run', runId);
    if (run.status === 'completed' || run.status === 'failed') return run;
    try {
      return await this.match(run, ctx);
    } catch (e) {
      if (ctx.signal?.aborted) throw e;
      const message = e instanceof Error ? e.message : String(e);
      await this.deps.db.transaction().execute(async (tx) => {
        await this.repo.updateRun(tx, runId, { status: 'failed', error: message.slice(0, 1000), finished_at: nowIso() });
        await this.deps.audit.record(tx, SYSTEM_ACTOR, { action: 'benefits.run.failed', entityType: 'benefits_run', entityId: runId, detail: { error: message.slice(0, 300) } });
      });
      return (await this.repo.runById(this.deps.db, runId))!;
    }
  }

  /**
   * Pages of subjects in key order: read their current records, evaluate, store the page's results (one
   * transaction), then offer the page's eligible subjects to the sink — each candidate only once its result is
   * stored. Memory holds one page.
   */
  private async match(run: StoredRun, ctx: Pick<JobContext, 'progress'> & { signal?: AbortSignal }): Promise<StoredRun> {
    const policy = await this.deps.policies.version(run.policy_key, run.policy_version);
    const doc = policy.document;
    const period = taxYearPeriod(Number(run.period));
    const primary = doc.sources[0]!;
    const sink = this.deps.sink;
    await this.deps.db.transaction().execute(async (tx) => {
      await this.repo.clearResults(tx, run.id);
      await this.repo.updateRun(tx, run.id, { status: 'running', error: null });
    });
    const total = await this.sources.countCurrent(this.deps.db, primary, period.year);
    const totals = { subjects: 0, eligible: 0, ineligible: 0, amountFen: 0 };
    const offered = { created: 0, rematched: 0, kept: 0 };
    const pageSize = this.deps.pageSize ?? MATCH_PAGE;
    // Each source kind is read in subject key order (its own index range: kind, year or none, current, key) and the
    // kinds are merged per subject: the subjects' kind gives a page, the others are read for the page's key range.
    const others = doc.sources.slice(1).map((kind) => ({ kind, year: kindSpec(kind)!.period ? period.year : null }));
    let after = '';
    for (;;) {
      ctx.signal?.throwIfAborted();
      let subjects = await this.sources.kindRecords(this.deps.db, primary, period.year, after, { limit: pageSize });
      if (subjects.length === 0) break;
      let last = subjects[subjects.length - 1]![0];
      if (subjects.length === pageSize) {
        // The last subject may have more records past the limit: it goes to the next page, unless it is the only one.
        let cut = subjects.length;
        while (cut > 0 && subjects[cut - 1]![0] === last) cut--;
        if (cut > 0) {
          subjects = subjects.slice(0, cut);
          last = subjects[cut - 1]![0];
        } else subjects = await this.sources.kindRecords(this.deps.db, primary, period.year, after, { last });
      }
      const keys: string[] = [];
      for (const r of subjects) if (keys.length === 0 || keys[keys.length - 1] !== r[0]) keys.push(r[0]);
      const streams = [{ kind: primary, year: period.year as number | null, records: subjects, at: 0 }];
      for (const o of others) streams.push({ kind: o.kind, year: o.year, records: await this.sources.kindRecords(this.deps.db, o.kind, o.year, after, { last }), at: 0 });
      const withAccount = this.deps.accountsOf ? await this.deps.accountsOf(keys) : new Set<string>();
      const rows: Insertable<RunResultRow>[] = [];
      const candidates: MatchedCandidate[] = [];
      for (const key of keys) {
        const mine: SourceRecord[] = [];
        for (const s of streams) {
          const records = s.records;
          let i = s.at;
          while (i < records.length && records[i]![0] < key) i++;
          while (i < records.length && records[i]![0] === key) mine.push(kindSourceRecord(s.kind, s.year, records[i++]!));
          s.at = i;
        }
        const inputs = selectInputs(doc, mine, period);
        const subjectRecord = inputs[primary] as SourceRecord;
        const hasAccount = withAccount.has(key);
        const outcome = evaluateInputs(doc, inputs, { kind: doc.subjectKind, hasAccount }, period);
        totals.subjects++;
        if (outcome.eligible) {
          totals.eligible++;
          totals.amountFen += outcome.amountFen;
        } else totals.ineligible++;
        rows.push({
          run_id: run.id,
          subject_kind: doc.subjectKind,
          subject_key: key,
          display_name: subjectRecord.name,
          masked_id: subjectRecord.maskedId,
          has_account: hasAccount ? 1 : 0,
          eligible: outcome.eligible ? 1 : 0,
          amount_fen: outcome.amountFen,
          clauses: clausesJson(outcome.clauses),
          inputs: inputRefsJson(inputs),
          figures: outcome.figures === null ? null : JSON.stringify(figuresSummary(outcome.figures)),
        });
        if (sink && outcome.eligible) {
          candidates.push({
            runId: run.id,
            policyKey: run.policy_key,
            policyVersion: run.policy_version,
            fundingOrgId: run.funding_org_id,
            period: run.period,
            subject: { kind: doc.subjectKind, key, displayName: subjectRecord.name, maskedId: subjectRecord.maskedId },
            amountFen: outcome.amountFen,
            inputs,
            figures: outcome.figures,
          });
        }
      }
      await this.deps.db.transaction().execute((tx) => this.repo.insertResults(tx, rows));
      for (let c = 0; c < candidates.length; c += OFFER_CHUNK) {
        const got = await sink!.offer(candidates.slice(c, c + OFFER_CHUNK));
        offered.created += got.created;
        offered.rematched += got.rematched;
        offered.kept += got.kept;
      }
      after = last;
      await ctx.progress(Math.min(0.99, totals.subjects / Math.max(1, total)), `${totals.subjects} / ${total}`);
    }
    await this.deps.db.transaction().execute(async (tx) => {
      await this.repo.updateRun(tx, run.id, {
        status: 'completed',
        subjects: totals.subjects,
        eligible: totals.eligible,
        ineligible: totals.ineligible,
        total_fen: totals.amountFen,
        offered: sink ? JSON.stringify(offered) : null,
        finished_at: nowIso(),
      });
      await this.deps.audit.record(tx, SYSTEM_ACTOR, {
        action: 'benefits.run.completed',
        entityType: 'benefits_run',
        entityId: run.id,
        detail: { policyKey: run.policy_key, policyVersion: run.policy_version, period: run.period, ...totals, offered: sink ? offered : null },
      });
    });
    return (await this.repo.runById(this.deps.db, run.id))!;
  }

  private readable(p: Principal, run: StoredRun | undefined, id: number): StoredRun {
    if (!hasScope(p, RUN_SCOPES.read)) throw new AppError('forbidden', `missing scope ${RUN_SCOPES.read}`, { scope: RUN_SCOPES.read });
    if (!run || !canActOnOrg(p, RUN_SCOPES.read, run.funding_org_id)) throw notFound('run', id);
    return run;
  }

  async list(p: Principal, f: { policyKey?: string | undefined; page: number; pageSize: number }): Promise<{ items: RunDto[]; total: number }> {
    if (!hasScope(p, RUN_SCOPES.read)) throw new AppError('forbidden', `missing scope ${RUN_SCOPES.read}`, { scope: RUN_SCOPES.read });
    const r = await this.repo.listRuns(this.deps.db, { orgId: orgFilterFor(p, RUN_SCOPES.read), policyKey: f.policyKey, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    return { items: r.items.map(runDto), total: r.total };
  }

  async get(p: Principal, id: number): Promise<RunDto> {
    return runDto(this.readable(p, await this.repo.runById(this.deps.db, id), id));
  }

  async results(p: Principal, id: number, f: ResultFilter & { page: number; pageSize: number }): Promise<{ items: RunResultDto[]; total: number }> {
    this.readable(p, await this.repo.runById(this.deps.db, id), id);
    const r = await this.repo.results(this.deps.db, id, f, f.pageSize, (f.page - 1) * f.pageSize);
    return { items: r.items.map(resultDto), total: r.total };
  }

  /** One result, recomputed from the records it names: every figure is reproducible from the recorded inputs. */
  async recompute(p: Principal, id: number, subjectKey: string): Promise<RecomputedResult> {
    const run = this.readable(p, await this.repo.runById(this.deps.db, id), id);
    const stored = await this.repo.result(this.deps.db, id, subjectKey);
    if (!stored) throw notFound('run result', `${id}/${subjectKey}`);
    const result = resultDto(stored);
    const refs = Object.values(result.inputs).flatMap((v) => (v === null ? [] : Array.isArray(v) ? v : [v]));
    const records = (await this.sources.recordsByRefs(this.deps.db, refs)).map((r) => sourceRecord(r.kind, r));
    const inputs = inputsFromRefs(result.inputs, records);
    const policy = await this.deps.policies.version(run.policy_key, run.policy_version);
    const outcome = evaluateInputs(policy.document, inputs, { kind: result.subjectKind, hasAccount: result.hasAccount }, taxYearPeriod(Number(run.period)));
    const identical =
      outcome.eligible === result.eligible &&
      outcome.amountFen === result.amountFen &&
      JSON.stringify(outcome.clauses) === JSON.stringify(result.clauses) &&
      JSON.stringify(figuresSummary(outcome.figures)) === JSON.stringify(result.figures);
    return { result, inputs, outcome, identical };
  }

  /** Every result of a run in key order, a page at a time (the CSV/XLSX export). */
  async *allResults(p: Principal, id: number, f: ResultFilter): AsyncIterable<RunResultDto[]> {
    this.readable(p, await this.repo.runById(this.deps.db, id), id);
    let page = 0;
    for (;;) {
      const r = await this.repo.results(this.deps.db, id, f, 2_000, page * 2_000);
      if (r.items.length === 0) return;
      yield r.items.map(resultDto);
      page++;
    }
  }
}
