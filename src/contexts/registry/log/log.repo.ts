import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.ts';
import type { RegistryLogCheckpointRow, RegistryLogLeafRow, RegistryLogNodeRow, RegistryLogTables } from './log.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<RegistryLogTables>;

export interface LogHead {
  treeSize: number;
  frontier: string;
}

/**
 * The transparency log's storage. Append-only by construction: there is no method that updates or
 * deletes a leaf, a node or a checkpoint; the head row is the only row that changes.
 */
export class RegistryLogRepo {
  /** Locks the head for the rest of the transaction (row lock on PostgreSQL; SQLite serialises writers). */
  async lockHead(tx: Executor): Promise<LogHead> {
    let query = q(tx).selectFrom('registry_log_head').select(['tree_size', 'frontier']).where('id', '=', 1);
    if (dialectOf(tx) === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirstOrThrow(); // created by migration 0005
    return { treeSize: row.tree_size, frontier: row.frontier };
  }

  async head(db: Executor): Promise<LogHead> {
    const row = await q(db).selectFrom('registry_log_head').select(['tree_size', 'frontier']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { treeSize: row.tree_size, frontier: row.frontier };
  }

  async setHead(tx: Executor, head: LogHead, at: string): Promise<void> {
    await q(tx).updateTable('registry_log_head').set({ tree_size: head.treeSize, frontier: head.frontier, updated_at: at }).where('id', '=', 1).execute();
  }

  /**
   * Writes one appended leaf, the subtrees it completes and the new head. On PostgreSQL one statement
   * (data-modifying CTEs), because the head lock is held until commit and every round trip under it
   * costs throughput; SQLite runs in-process, so three plain statements cost nothing extra.
   */
  async appendLeaf(tx: Executor, leaf: RegistryLogLeafRow, nodes: RegistryLogNodeRow[], head: LogHead): Promise<void> {
    if (dialectOf(tx) === 'postgres') {
      let query = q(tx).with('leaf', (db) => db.insertInto('registry_log_leaves').values(leaf).returning('idx'));
      if (nodes.length > 0) query = query.with('nodes', (db) => db.insertInto('registry_log_nodes').values(nodes).returning('pos')) as unknown as typeof query;
      await query.updateTable('registry_log_head').set({ tree_size: head.treeSize, frontier: head.frontier, updated_at: leaf.appended_at }).where('id', '=', 1).execute();
      return;
    }
    await q(tx).insertInto('registry_log_leaves').values(leaf).execute();
    if (nodes.length > 0) await q(tx).insertInto('registry_log_nodes').values(nodes).execute();
    await this.setHead(tx, head, leaf.appended_at);
  }

  async leaf(db: Executor, idx: number): Promise<Selectable<RegistryLogLeafRow> | undefined> {
    return q(db).selectFrom('registry_log_leaves').selectAll().where('idx', '=', idx).executeTakeFirst();
  }

  async leafHashes(db: Executor, idxs: number[]): Promise<Map<number, Buffer>> {
    const out = new Map<number, Buffer>();
    if (idxs.length === 0) return out;
    const rows = await q(db).selectFrom('registry_log_leaves').select(['idx', 'leaf_hash']).where('idx', 'in', idxs).execute();
    for (const r of rows) out.set(r.idx, Buffer.from(r.leaf_hash));
    return out;
  }

  async nodeHashes(db: Executor, positions: number[]): Promise<Map<number, Buffer>> {
    const out = new Map<number, Buffer>();
    if (positions.length === 0) return out;
    const rows = await q(db).selectFrom('registry_log_nodes').select(['pos', 'hash']).where('pos', 'in', positions).execute();
    for (const r of rows) out.set(r.pos, Buffer.from(r.hash));
    return out;
  }

  /**
   * Leaf hashes by index and subtree hashes by position in one round trip (UNION ALL of two primary-key
   * lookups): a proof is one query.
   */
  async subtreeHashes(db: Executor, idxs: number[], positions: number[]): Promise<{ leaves: Map<number, Buffer>; nodes: Map<number, Buffer> }> {
    const leaves = new Map<number, Buffer>();
    const nodes = new Map<number, Buffer>();
    if (idxs.length === 0 && positions.length === 0) return { leaves, nodes };
    const leafQuery = q(db).selectFrom('registry_log_leaves').select([sql<number>`0`.as('kind'), 'idx as key', 'leaf_hash as hash']).where('idx', 'in', idxs.length ? idxs : [-1]);
    const nodeQuery = q(db).selectFrom('registry_log_nodes').select([sql<number>`1`.as('kind'), 'pos as key', 'hash']).where('pos', 'in', positions);
    const rows = await (positions.length ? leafQuery.unionAll(nodeQuery) : leafQuery).execute();
    for (const r of rows) (Number(r.kind) === 0 ? leaves : nodes).set(Number(r.key), Buffer.from(r.hash));
    return { leaves, nodes };
  }

  /** Leaves in index order, in pages, for verification. */
  async *scanLeaves(db: Executor, pageSize = 5000): AsyncGenerator<Selectable<RegistryLogLeafRow>> {
    let from = 0;
    for (;;) {
      const rows = await q(db).selectFrom('registry_log_leaves').selectAll().where('idx', '>=', from).orderBy('idx').limit(pageSize).execute();
      for (const r of rows) yield r;
      if (rows.length < pageSize) return;
      from = rows[rows.length - 1]!.idx + 1;
    }
  }

  /** Interior nodes in position order, in pages, for verification. */
  async *scanNodes(db: Executor, pageSize = 5000): AsyncGenerator<RegistryLogNodeRow> {
    let from = 0;
    for (;;) {
      const rows = await q(db).selectFrom('registry_log_nodes').selectAll().where('pos', '>=', from).orderBy('pos').limit(pageSize).execute();
      for (const r of rows) yield { pos: r.pos, hash: Buffer.from(r.hash) };
      if (rows.length < pageSize) return;
      from = rows[rows.length - 1]!.pos + 1;
    }
  }

  async insertCheckpoint(db: Executor, row: Insertable<RegistryLogCheckpointRow>): Promise<void> {
    await q(db).insertInto('registry_log_checkpoints').values(row).execute();
  }

  async latestCheckpoint(db: Executor): Promise<Selectable<RegistryLogCheckpointRow> | undefined> {
    return q(db).selectFrom('registry_log_checkpoints').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  }

  async checkpoints(db: Executor): Promise<Selectable<RegistryLogCheckpointRow>[]> {
    return q(db).selectFrom('registry_log_checkpoints').selectAll().orderBy('tree_size').orderBy('id').execute();
  }
}
