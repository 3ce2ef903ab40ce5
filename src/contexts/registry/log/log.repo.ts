import { CompiledQuery, sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dialectOf, preparedOnPostgres, type Executor } from '../../../db/database.ts';
import type { RegistryLogCheckpointRow, RegistryLogLeafRow, RegistryLogNodeRow, RegistryLogTables } from './log.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<RegistryLogTables>;

/**
 * `appendIfHead` on PostgreSQL: $1–$3 the new head, $4–$5 the expected one, $6–$8 the leaves, $9–$10
 * the subtrees. `cur` locks the head row; under READ COMMITTED `FOR UPDATE` waits for the holder's
 * commit and returns the row as committed, so the comparison is with the latest head, not with the
 * statement's snapshot. The inserts read the update's output, so they write nothing when it matched
 * nothing. Prepared once per connection: planning it took as long as running it.
 */
const APPEND_IF_HEAD_PG = preparedOnPostgres(`with cur as (
  select tree_size, frontier from registry_log_head where id = 1 for update
), head as (
  update registry_log_head h set tree_size = $1, frontier = $2, updated_at = $3
  from cur where h.id = 1 and cur.tree_size = $4 and cur.frontier = $5
  returning h.id
), leaves as (
  insert into registry_log_leaves (idx, leaf_hash, entry, appended_at)
  select l.idx, l.leaf_hash, l.entry, $3::text from head, unnest($6::bigint[], $7::bytea[], $8::text[]) as l (idx, leaf_hash, entry)
), nodes as (
  insert into registry_log_nodes (pos, hash)
  select n.pos, n.hash from head, unnest($9::bigint[], $10::bytea[]) as n (pos, hash)
)
select cur.tree_size, cur.frontier from cur where not exists (select 1 from head)`);

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

  /**
   * Savepoints of the sequencer (`TransparencyLog.transact`), one name reused: each work of a batch
   * runs between `SAVEPOINT work` and its release. On PostgreSQL the release of one work and the
   * savepoint of the next go in one round trip (the simple query protocol takes several statements
   * when there are no parameters); SQLite runs in process, statement by statement.
   */
  async savepoint(tx: Executor, releasePrevious: boolean): Promise<void> {
    if (!releasePrevious) await sql`savepoint work`.execute(tx);
    else if (dialectOf(tx) === 'postgres') await sql.raw('release savepoint work; savepoint work').execute(tx);
    else {
      await sql`release savepoint work`.execute(tx);
      await sql`savepoint work`.execute(tx);
    }
  }

  /** Undoes everything since the latest `savepoint` (the savepoint itself stays, to be released). */
  async rollbackToSavepoint(tx: Executor): Promise<void> {
    await sql`rollback to savepoint work`.execute(tx);
  }

  async head(db: Executor): Promise<LogHead> {
    const row = await q(db).selectFrom('registry_log_head').select(['tree_size', 'frontier']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { treeSize: row.tree_size, frontier: row.frontier };
  }

  /**
   * Locks the head row (waiting for the transaction that holds it) and, if the head is `expected`,
   * moves it to `next` and writes `leaves` (all stamped `at`) with the subtrees they complete. Size
   * and frontier together fix the whole tree, so a match means the caller computed the subtrees on the
   * right tree. Returns null when it wrote, else the head it found — still locked by this transaction
   * either way, so a second call with that head cannot miss.
   *
   * One statement on PostgreSQL (data-modifying CTEs, a fixed text: arrays, not a row per value).
   * SQLite serialises writers (the UPDATE takes the database's write lock), so plain statements do.
   */
  async appendIfHead(tx: Executor, expected: LogHead, next: LogHead, leaves: Omit<RegistryLogLeafRow, 'appended_at'>[], nodes: RegistryLogNodeRow[], at: string): Promise<LogHead | null> {
    if (dialectOf(tx) === 'postgres') {
      const params = [
        next.treeSize, next.frontier, at, expected.treeSize, expected.frontier,
        leaves.map((l) => l.idx), leaves.map((l) => l.leaf_hash), leaves.map((l) => l.entry),
        nodes.map((n) => n.pos), nodes.map((n) => n.hash),
      ];
      const { rows } = await tx.executeQuery(CompiledQuery.raw(APPEND_IF_HEAD_PG, params));
      const seen = rows[0] as { tree_size: number; frontier: string } | undefined;
      return seen ? { treeSize: Number(seen.tree_size), frontier: seen.frontier } : null;
    }
    const moved = await q(tx)
      .updateTable('registry_log_head')
      .set({ tree_size: next.treeSize, frontier: next.frontier, updated_at: at })
      .where('id', '=', 1)
      .where('tree_size', '=', expected.treeSize)
      .where('frontier', '=', expected.frontier)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return this.head(tx);
    for (let i = 0; i < leaves.length; i += 500) await q(tx).insertInto('registry_log_leaves').values(leaves.slice(i, i + 500).map((l) => ({ ...l, appended_at: at }))).execute();
    for (let i = 0; i < nodes.length; i += 1000) await q(tx).insertInto('registry_log_nodes').values(nodes.slice(i, i + 1000)).execute();
    return null;
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
