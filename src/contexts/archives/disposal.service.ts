/**
 * 鉴定销毁: proposals to destroy records past their retention, the archive's decision (four eyes: never
 * the proposer), and the destruction itself. Destroying keeps each record as a tombstone (its rows, 档号
 * and 件号 stay; it is listed as destroyed), removes its bags from the blob store, and archives a
 * destruction record (销毁清册: who proposed and approved, when, the 档号s and the SM3 of every destroyed
 * bag's manifests) as a permanent record in the same transaction.
 */
import { renderPdf } from '../../kernel/documents/pdf.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { hasScope, type Principal } from '../../kernel/principal.ts';
import { actorOf, agentOf, chinaDate, type ArchiveService } from './archives.service.ts';
import { DisposalRepo, type StoredDisposal } from './disposal.repo.ts';
import { allowedDisposalActions, APPROVE_SCOPE, disposalProposalSchema, foldDisposal, nextDisposalState, PROPOSE_SCOPE, type DisposalDecision, type DisposalState } from './disposal.ts';
import { RETENTION_YEARS, type Retention } from './schedule.ts';

/** Source of the destruction records archived by a disposal. */
export const DISPOSAL_SOURCE = 'archives.disposal';
const keyOf = (p: Principal) => `${p.kind}:${p.id}`;
const PAST_TENSE: Record<DisposalDecision, string> = { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', destroy: 'destroyed' };

export interface DestroyedBag {
  version: number;
  fileCount: number;
  payloadBytes: number;
  /** SM3 of the bag's manifest files (manifest-sha512.txt, manifest-sm3.txt) as archived. */
  manifestSm3: Record<string, string>;
}

/** The destruction record's content (its JSON file; the PDF prints the same). */
export interface DestructionRecord {
  kind: 'landao.archives.destruction';
  disposalId: number;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  approvedBy: string;
  approvedAt: string;
  destroyedBy: string;
  destroyedAt: string;
  records: { archivalCode: string; title: string; category: string; year: number; retention: string; expiredOn: string; versions: DestroyedBag[] }[];
}

export class DisposalService {
  readonly repo = new DisposalRepo();

  constructor(private readonly archives: ArchiveService) {}

  private get db() {
    return this.archives.db;
  }

  /** The first day a record of `year` with `retention` may be destroyed (a period runs from 1 January after its year); null for 永久. */
  static expiresOn(year: number, retention: string): string | null {
    const years = RETENTION_YEARS[retention as Retention];
    return years === null || years === undefined ? null : `${year + years + 1}-01-01`;
  }

  /** Proposes the destruction of records past their retention; every record that may not be destroyed is named. */
  async propose(p: Principal, body: unknown) {
    if (!hasScope(p, PROPOSE_SCOPE)) throw new AppError('forbidden', `${PROPOSE_SCOPE} is needed to propose a disposal`);
    const parsed = disposalProposalSchema.safeParse(body);
    if (!parsed.success) throw new AppError('validation_failed', `disposal proposal: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })) });
    const ids = [...new Set(parsed.data.recordIds)];
    const today = chinaDate(this.archives.now());
    const at = this.archives.now().toISOString();
    return this.db.transaction().execute(async (tx) => {
      const problems: { recordId: number; archivalCode?: string; reason: string }[] = [];
      for (const id of ids) {
        const r = await this.archives.repo.recordById(tx, id);
        if (!r) {
          problems.push({ recordId: id, reason: 'not_found' });
          continue;
        }
        const expires = DisposalService.expiresOn(r.year, r.retention);
        if (r.destroyed_at !== null) problems.push({ recordId: id, archivalCode: r.archival_code, reason: 'already_destroyed' });
        else if (expires === null) problems.push({ recordId: id, archivalCode: r.archival_code, reason: 'permanent' });
        else if (expires > today) problems.push({ recordId: id, archivalCode: r.archival_code, reason: `retained_until_${expires}` });
      }
      for (const o of await this.repo.inOpenDisposal(tx, ids)) problems.push({ recordId: o.record_id, reason: `in_open_disposal_${o.disposal_id}` });
      if (problems.length > 0) throw new AppError('conflict', `disposal proposal refused: ${problems.map((x) => `${x.archivalCode ?? `record ${x.recordId}`} ${x.reason}`).join('; ')}`, { problems });
      const id = await this.repo.insertDisposal(tx, { reason: parsed.data.reason, proposed_by: agentOf(p), proposer_key: keyOf(p), state: 'proposed', record_count: ids.length, created_at: at, destroyed_at: null, destruction_record_id: null, purged_at: null }, ids);
      await this.repo.insertAction(tx, { disposal_id: id, action: 'propose', actor: agentOf(p), actor_key: keyOf(p), at, detail: JSON.stringify({ reason: parsed.data.reason }) });
      await this.archives.audit.record(tx, actorOf(p), { action: 'archives.disposal.proposed', entityType: 'archives.disposal', entityId: id, detail: { records: ids.length, reason: parsed.data.reason } });
      return id;
    }).then((id) => this.get(p, id));
  }

  /**
   * approve / reject (the archive, APPROVE_SCOPE, never the proposer), withdraw (the proposer) or destroy
   * (the archive, after approval). An action the state does not allow → 409 with the allowed actions.
   */
  async act(p: Principal, id: number, action: DisposalDecision, note?: string) {
    if (!hasScope(p, action === 'withdraw' ? PROPOSE_SCOPE : APPROVE_SCOPE)) throw new AppError('forbidden', `${action === 'withdraw' ? PROPOSE_SCOPE : APPROVE_SCOPE} is needed to ${action} a disposal`);
    const d = await this.repo.disposal(this.db, id);
    if (!d) throw notFound('disposal', id);
    if (action === 'withdraw' && keyOf(p) !== d.proposer_key) throw new AppError('forbidden', 'only the proposer withdraws a disposal proposal');
    if ((action === 'approve' || action === 'reject') && keyOf(p) === d.proposer_key) throw new AppError('forbidden', 'the proposer of a disposal cannot decide it (four eyes)');
    if (action === 'destroy') return this.destroy(p, d);
    await this.db.transaction().execute(async (tx) => {
      await this.repo.disposal(tx, id, { lock: true });
      const next = nextDisposalState(foldDisposal(await this.repo.actions(tx, id)), action);
      const at = this.archives.now().toISOString();
      await this.repo.insertAction(tx, { disposal_id: id, action, actor: agentOf(p), actor_key: keyOf(p), at, detail: JSON.stringify(note ? { note } : {}) });
      await this.repo.updateDisposal(tx, id, { state: next });
      await this.archives.audit.record(tx, actorOf(p), { action: `archives.disposal.${PAST_TENSE[action]}`, entityType: 'archives.disposal', entityId: id, detail: note ? { note } : {} });
    });
    return this.get(p, id);
  }

  private async destroy(p: Principal, d: StoredDisposal) {
    const recordIds = await this.repo.itemRecordIds(this.db, d.id);
    const log = await this.repo.actions(this.db, d.id);
    nextDisposalState(foldDisposal(log), 'destroy');
    const approval = log.find((a) => a.action === 'approve')!;
    const now = this.archives.now();
    const at = now.toISOString();
    const content: DestructionRecord = {
      kind: 'landao.archives.destruction',
      disposalId: d.id,
      reason: d.reason,
      proposedBy: d.proposed_by,
      proposedAt: d.created_at,
      approvedBy: approval.actor,
      approvedAt: approval.at,
      destroyedBy: agentOf(p),
      destroyedAt: at,
      records: [],
    };
    const bagKeys: string[] = [];
    for (const id of recordIds) {
      const r = (await this.archives.repo.recordById(this.db, id))!;
      const versions = await this.archives.repo.versionsOf(this.db, id);
      bagKeys.push(...versions.map((v) => v.bag_key));
      const current = versions.find((v) => v.version === r.current_version)!;
      content.records.push({
        archivalCode: r.archival_code,
        title: current.title,
        category: r.category,
        year: r.year,
        retention: r.retention,
        expiredOn: DisposalService.expiresOn(r.year, r.retention)!,
        versions: versions.map((v) => {
          const tags = JSON.parse(v.tag_files) as Record<string, { sm3: string }>;
          return { version: v.version, fileCount: v.file_count, payloadBytes: Number(v.payload_bytes), manifestSm3: Object.fromEntries(Object.entries(tags).filter(([n]) => n.startsWith('manifest-')).map(([n, t]) => [n, t.sm3])) };
        }),
      });
    }
    const json = Buffer.from(JSON.stringify(content, null, 2) + '\n');
    const pdf = await destructionPdf(content);
    const today = chinaDate(now);
    await this.db.transaction().execute(async (tx) => {
      await this.repo.disposal(tx, d.id, { lock: true });
      nextDisposalState(foldDisposal(await this.repo.actions(tx, d.id)), 'destroy');
      const archived = await this.archives.archive(tx, {
        source: DISPOSAL_SOURCE,
        sourceRef: `disposal-${d.id}`,
        category: 'WS',
        retention: 'Y',
        title: `档案销毁清册（第${d.id}号，${recordIds.length}件）`,
        responsible: '平潭综合实验区档案馆',
        date: today,
        documentNo: `岚档销〔${today.slice(0, 4)}〕${d.id}号`,
        documentType: '销毁清册',
        metadata: { 销毁原因: d.reason, 批准人: approval.actor, 批准时间: approval.at, 销毁档号: content.records.map((r) => r.archivalCode).join('；') },
        files: [
          { name: `销毁清册-${d.id}.json`, buffer: json },
          { name: `销毁清册-${d.id}.pdf`, buffer: pdf },
        ],
      });
      await this.repo.markDestroyed(tx, recordIds, d.id, at);
      // Out of the full-text index (the catalog listing still shows the tombstones).
      for (const rid of recordIds) await this.archives.search.unindex(tx, rid);
      await this.archives.repo.insertEvents(tx, recordIds.map((rid) => ({ record_id: rid, version_id: null, type: 'deletion', outcome: 'success', agent: agentOf(p), at, detail: JSON.stringify({ disposalId: d.id, destructionRecord: archived.archivalCode }) })));
      await this.repo.insertAction(tx, { disposal_id: d.id, action: 'destroy', actor: agentOf(p), actor_key: keyOf(p), at, detail: JSON.stringify({ destructionRecord: archived.archivalCode }) });
      await this.repo.updateDisposal(tx, d.id, { state: 'destroyed', destroyed_at: at, destruction_record_id: archived.recordId });
      await this.archives.audit.record(tx, actorOf(p), { action: 'archives.disposal.destroyed', entityType: 'archives.disposal', entityId: d.id, detail: { archivalCodes: content.records.map((r) => r.archivalCode), destructionRecord: archived.archivalCode } });
    });
    await this.purge(d.id, bagKeys);
    return this.get(p, d.id);
  }

  /** Removes the destroyed bags' blobs; a disposal whose process stopped before this is finished by purgePending(). */
  private async purge(disposalId: number, bagKeys: string[]): Promise<void> {
    for (const k of bagKeys) await this.archives.removeBag(k);
    await this.repo.updateDisposal(this.db, disposalId, { purged_at: this.archives.now().toISOString() });
  }

  /** Finishes destroyed disposals whose bags are still in the blob store (run by the collect job). */
  async purgePending(): Promise<number> {
    const pending = await this.repo.unpurged(this.db, 20);
    for (const d of pending) {
      const keys: string[] = [];
      for (const id of await this.repo.itemRecordIds(this.db, d.id)) keys.push(...(await this.archives.repo.versionsOf(this.db, id)).map((v) => v.bag_key));
      await this.purge(d.id, keys);
    }
    return pending.length;
  }

  private requireReader(p: Principal): void {
    if (!hasScope(p, PROPOSE_SCOPE) && !hasScope(p, APPROVE_SCOPE)) throw new AppError('forbidden', `${PROPOSE_SCOPE} or ${APPROVE_SCOPE} is needed to see disposals`);
  }

  async list(p: Principal, f: { state?: DisposalState | undefined } = {}) {
    this.requireReader(p);
    const rows = await this.repo.disposals(this.db, { state: f.state, limit: 200 });
    return rows.map((d) => ({ id: d.id, reason: d.reason, proposedBy: d.proposed_by, createdAt: d.created_at, state: d.state as DisposalState, records: d.record_count, destroyedAt: d.destroyed_at }));
  }

  /** A proposal with its records, its action log, the caller's allowed actions and, once destroyed, the destruction record. */
  async get(p: Principal, id: number) {
    this.requireReader(p);
    const d = await this.repo.disposal(this.db, id);
    if (!d) throw notFound('disposal', id);
    const actions = await this.repo.actions(this.db, id);
    const state = foldDisposal(actions);
    const records = [];
    for (const rid of await this.repo.itemRecordIds(this.db, id)) {
      const r = (await this.archives.repo.recordById(this.db, rid))!;
      const v = (await this.archives.repo.version(this.db, rid, r.current_version))!;
      records.push({ id: r.id, archivalCode: r.archival_code, title: v.title, retention: r.retention, year: r.year, expiredOn: DisposalService.expiresOn(r.year, r.retention), destroyedAt: r.destroyed_at });
    }
    const allowed = allowedDisposalActions(state).filter((a) => (a === 'withdraw' ? hasScope(p, PROPOSE_SCOPE) && keyOf(p) === d.proposer_key : hasScope(p, APPROVE_SCOPE) && (a === 'destroy' || keyOf(p) !== d.proposer_key)));
    let destructionRecord: { recordId: number; archivalCode: string; content: DestructionRecord } | null = null;
    if (d.destruction_record_id !== null) {
      const r = (await this.archives.repo.recordById(this.db, d.destruction_record_id))!;
      const v = (await this.archives.repo.version(this.db, r.id, r.current_version))!;
      const file = (await this.archives.repo.filesOf(this.db, v.id)).find((f) => f.path.endsWith('.json'))!;
      const chunks: Buffer[] = [];
      for await (const c of await this.archives.blobs.get(`${v.bag_key}/${file.path}`)) chunks.push(c as Buffer);
      destructionRecord = { recordId: r.id, archivalCode: r.archival_code, content: JSON.parse(Buffer.concat(chunks).toString('utf8')) as DestructionRecord };
    }
    return {
      id,
      reason: d.reason,
      proposedBy: d.proposed_by,
      createdAt: d.created_at,
      state,
      allowedActions: allowed,
      records,
      actions: actions.map((a) => ({ action: a.action, actor: a.actor, at: a.at, note: (JSON.parse(a.detail) as { note?: string }).note ?? null })),
      destroyedAt: d.destroyed_at,
      destructionRecord,
    };
  }
}

/** The printable 销毁清册. */
function destructionPdf(c: DestructionRecord): Promise<Buffer> {
  return renderPdf({
    title: '档案销毁清册',
    subtitle: `Destruction record no. ${c.disposalId}`,
    sections: [
      {
        rows: [
          ['销毁原因 Reason', c.reason],
          ['提出 Proposed', `${c.proposedBy} · ${c.proposedAt}`],
          ['批准 Approved', `${c.approvedBy} · ${c.approvedAt}`],
          ['执行 Destroyed', `${c.destroyedBy} · ${c.destroyedAt}`],
          ['件数 Records', String(c.records.length)],
        ],
      },
      {
        heading: '销毁档案 Destroyed records',
        rows: c.records.map((r) => [r.archivalCode, `${r.title}（${r.retention}，${r.expiredOn} 到期）\n${r.versions.map((v) => `v${v.version} manifest-sm3 SM3 ${v.manifestSm3['manifest-sm3.txt'] ?? '-'}`).join('\n')}`] as const),
      },
    ],
    footer: ['档号与件号保留，不再使用；每个被销毁档案包的清单摘要 (SM3) 见上。'],
  });
}
