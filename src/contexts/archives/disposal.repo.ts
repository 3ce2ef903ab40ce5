/** SQL of disposals (鉴定销毁), tombstones and the collectors' watermarks (migration 0019). */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type { ArchivesTables, CollectFailureRow, DisposalActionRow, DisposalRow } from './archives.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<ArchivesTables>;

export type StoredDisposal = Selectable<DisposalRow>;
export type StoredDisposalAction = Selectable<DisposalActionRow>;
export type StoredCollectFailure = Selectable<CollectFailureRow>;

export class DisposalRepo {
  async insertDisposal(tx: Executor, row: Insertable<DisposalRow>, recordIds: number[]): Promise<number> {
    const r = await q(tx).insertInto('archives_disposals').values(row).returning('id').executeTakeFirstOrThrow();
    const id = Number(r.id);
    for (let i = 0; i < recordIds.length; i += 200) await q(tx).insertInto('archives_disposal_items').values(recordIds.slice(i, i + 200).map((record_id) => ({ disposal_id: id, record_id }))).execute();
    return id;
  }

  async disposal(e: Executor, id: number, opts: { lock?: boolean } = {}): Promise<StoredDisposal | undefined> {
    let query = q(e).selectFrom('archives_disposals').selectAll().where('id', '=', id);
    if (opts.lock && dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async disposals(e: Executor, f: { state?: string | undefined; limit: number }): Promise<StoredDisposal[]> {
    let query = q(e).selectFrom('archives_disposals').selectAll();
    if (f.state) query = query.where('state', '=', f.state);
    return query.orderBy('id', 'desc').limit(f.limit).execute();
  }

  async itemRecordIds(e: Executor, disposalId: number): Promise<number[]> {
    return (await q(e).selectFrom('archives_disposal_items').select('record_id').where('disposal_id', '=', disposalId).orderBy('record_id').execute()).map((r) => Number(r.record_id));
  }

  /** Records among `recordIds` already in a proposal that is still open (proposed or approved). */
  async inOpenDisposal(e: Executor, recordIds: number[]): Promise<{ record_id: number; disposal_id: number }[]> {
    if (recordIds.length === 0) return [];
    const rows = await q(e)
      .selectFrom('archives_disposal_items as i')
      .innerJoin('archives_disposals as d', 'd.id', 'i.disposal_id')
      .select(['i.record_id', 'i.disposal_id'])
      .where('i.record_id', 'in', recordIds)
      .where('d.state', 'in', ['proposed', 'approved'])
      .execute();
    return rows.map((r) => ({ record_id: Number(r.record_id), disposal_id: Number(r.disposal_id) }));
  }

  async actions(e: Executor, disposalId: number): Promise<StoredDisposalAction[]> {
    return q(e).selectFrom('archives_disposal_actions').selectAll().where('disposal_id', '=', disposalId).orderBy('id').execute();
  }

  async insertAction(tx: Executor, row: Insertable<DisposalActionRow>): Promise<void> {
    await q(tx).insertInto('archives_disposal_actions').values(row).execute();
  }

  async updateDisposal(tx: Executor, id: number, set: Partial<Pick<DisposalRow, 'state' | 'destroyed_at' | 'destruction_record_id' | 'purged_at'>>): Promise<void> {
    await q(tx).updateTable('archives_disposals').set(set).where('id', '=', id).execute();
  }

  /** Destroyed disposals whose bags were not removed yet (a process stopped between commit and removal). */
  async unpurged(e: Executor, limit: number): Promise<StoredDisposal[]> {
    return q(e).selectFrom('archives_disposals').selectAll().where('state', '=', 'destroyed').where('purged_at', 'is', null).orderBy('id').limit(limit).execute();
  }

  /** Marks records destroyed (tombstones: rows, 档号 and 件号 stay) and takes their versions out of the fixity rotation. */
  async markDestroyed(tx: Executor, recordIds: number[], disposalId: number, at: string): Promise<void> {
    await q(tx).updateTable('archives_records').set({ destroyed_at: at, disposal_id: disposalId }).where('id', 'in', recordIds).execute();
    await q(tx).updateTable('archives_versions').set({ fixity_status: 'destroyed' }).where('record_id', 'in', recordIds).execute();
  }

  // ---- collectors ---------------------------------------------------------------------------------

  async cursor(e: Executor, source: string): Promise<{ at: string; ref: string } | undefined> {
    const r = await q(e).selectFrom('archives_collect_cursors').selectAll().where('source', '=', source).executeTakeFirst();
    return r && { at: r.cursor_at, ref: r.cursor_ref };
  }

  async setCursor(e: Executor, source: string, at: string, ref: string, now: string): Promise<void> {
    await q(e)
      .insertInto('archives_collect_cursors')
      .values({ source, cursor_at: at, cursor_ref: ref, updated_at: now })
      .onConflict((oc) => oc.column('source').doUpdateSet({ cursor_at: at, cursor_ref: ref, updated_at: now }))
      .execute();
  }

  async failures(e: Executor, source: string, maxAttempts: number, limit: number): Promise<StoredCollectFailure[]> {
    return q(e).selectFrom('archives_collect_failures').selectAll().where('source', '=', source).where('attempts', '<', maxAttempts).orderBy('at').limit(limit).execute();
  }

  async failure(e: Executor, source: string, ref: string): Promise<StoredCollectFailure | undefined> {
    return q(e).selectFrom('archives_collect_failures').selectAll().where('source', '=', source).where('source_ref', '=', ref).executeTakeFirst();
  }

  async allFailures(e: Executor, limit: number): Promise<StoredCollectFailure[]> {
    return q(e).selectFrom('archives_collect_failures').selectAll().orderBy('at', 'desc').limit(limit).execute();
  }

  async recordFailure(e: Executor, source: string, ref: string, error: string, at: string): Promise<void> {
    const prev = await q(e).selectFrom('archives_collect_failures').select('attempts').where('source', '=', source).where('source_ref', '=', ref).executeTakeFirst();
    if (prev) await q(e).updateTable('archives_collect_failures').set({ attempts: Number(prev.attempts) + 1, last_error: error, at }).where('source', '=', source).where('source_ref', '=', ref).execute();
    else await q(e).insertInto('archives_collect_failures').values({ source, source_ref: ref, attempts: 1, last_error: error, at }).execute();
  }

  async clearFailure(e: Executor, source: string, ref: string): Promise<void> {
    await q(e).deleteFrom('archives_collect_failures').where('source', '=', source).where('source_ref', '=', ref).execute();
  }
}
