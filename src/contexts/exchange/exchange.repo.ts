import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dialectOf, precompiled, type Executor } from '../../db/database.ts';
import type { BatchRow, CredentialRow, EvidenceRow, ExchangeTables, GrantActionRow, GrantRow, UsageRow } from './exchange.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<ExchangeTables>;

export type Grant = Selectable<GrantRow>;
export type Batch = Selectable<BatchRow>;

export interface GrantFilter {
  /** Grants where this organisation is the consumer or the owner; undefined: every grant. */
  orgId?: number | undefined;
  side?: 'consumer' | 'owner' | undefined;
  state?: string | undefined;
  datasetId?: number | undefined;
  offset: number;
  limit: number;
}

export interface UsageDelta {
  consumerOrgId: number;
  datasetId: number;
  ownerOrgId: number;
  month: string;
  allowed: number;
  denied: number;
  notFound: number;
}

/** Rows per INSERT statement: 13 columns each, far below both dialects' parameter limits. */
const INSERT_CHUNK = 500;

// The statements of every evidence flush, compiled once (see `precompiled`); parameters in binding order.
/** The head (row 1), locked for the transaction on PostgreSQL. Parameters: the head's id. */
const lockHeadQuery = precompiled((db) => {
  const query = q(db).selectFrom('exchange_evidence_head').select(['last_seq', 'last_hash']).where('id', '=', 1);
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
});
/** Parameters: last seq, last hash, the head's id. */
const setHeadQuery = precompiled((db) => q(db).updateTable('exchange_evidence_head').set({ last_seq: 0, last_hash: '' }).where('id', '=', 1));
/** Parameters: consumer, dataset, month, owner, allowed, denied, not found, then allowed, denied, not found again (the increments). */
const addUsageQuery = precompiled((db) =>
  q(db)
    .insertInto('exchange_usage')
    .values({ consumer_org_id: 0, dataset_id: 0, month: '', owner_org_id: 0, allowed: 0, denied: 0, not_found: 0 })
    .onConflict((oc) =>
      oc.columns(['consumer_org_id', 'dataset_id', 'month']).doUpdateSet({
        allowed: sql`exchange_usage.allowed + ${0}`,
        denied: sql`exchange_usage.denied + ${0}`,
        not_found: sql`exchange_usage.not_found + ${0}`,
      }),
    ),
);

export class ExchangeRepo {
  // ---- grants ----------------------------------------------------------------------------------

  async insertGrant(tx: Executor, row: Insertable<GrantRow>): Promise<number> {
    const r = await q(tx).insertInto('exchange_grants').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async grantById(db: Executor, id: number): Promise<Grant | undefined> {
    return q(db).selectFrom('exchange_grants').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the grant row for the rest of the transaction (PostgreSQL; SQLite serialises writers). */
  async lockGrant(tx: Executor, id: number): Promise<Grant | undefined> {
    let query = q(tx).selectFrom('exchange_grants').selectAll().where('id', '=', id);
    if (dialectOf(tx) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async setGrantState(tx: Executor, id: number, state: string, at: string): Promise<void> {
    await q(tx).updateTable('exchange_grants').set({ state, updated_at: at }).where('id', '=', id).execute();
  }

  async listGrants(db: Executor, f: GrantFilter): Promise<{ rows: Grant[]; total: number }> {
    let query = q(db).selectFrom('exchange_grants');
    if (f.orgId !== undefined) {
      const org = f.orgId;
      if (f.side === 'consumer') query = query.where('consumer_org_id', '=', org);
      else if (f.side === 'owner') query = query.where('owner_org_id', '=', org);
      else query = query.where((eb) => eb.or([eb('consumer_org_id', '=', org), eb('owner_org_id', '=', org)]));
    }
    if (f.state) query = query.where('state', '=', f.state);
    if (f.datasetId !== undefined) query = query.where('dataset_id', '=', f.datasetId);
    const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('id', 'desc').offset(f.offset).limit(f.limit).execute();
    return { rows, total: Number(n) };
  }

  async insertAction(tx: Executor, row: Insertable<GrantActionRow>): Promise<void> {
    await q(tx).insertInto('exchange_grant_actions').values(row).execute();
  }

  async actionsOf(db: Executor, grantId: number): Promise<Selectable<GrantActionRow>[]> {
    return q(db).selectFrom('exchange_grant_actions').selectAll().where('grant_id', '=', grantId).orderBy('id').execute();
  }

  // ---- credentials -----------------------------------------------------------------------------

  async insertCredential(tx: Executor, row: Insertable<CredentialRow>): Promise<number> {
    const r = await q(tx).insertInto('exchange_credentials').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async credentialById(db: Executor, id: number): Promise<Selectable<CredentialRow> | undefined> {
    return q(db).selectFrom('exchange_credentials').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async revokeCredentials(tx: Executor, grantId: number, at: string): Promise<number[]> {
    const rows = await q(tx).updateTable('exchange_credentials').set({ revoked_at: at }).where('grant_id', '=', grantId).where('revoked_at', 'is', null).returning('id').execute();
    return rows.map((r) => Number(r.id));
  }

  async credentialsOf(db: Executor, grantId: number): Promise<Selectable<CredentialRow>[]> {
    return q(db).selectFrom('exchange_credentials').selectAll().where('grant_id', '=', grantId).orderBy('id').execute();
  }

  // ---- evidence chain --------------------------------------------------------------------------

  /**
   * Locks the evidence head for the rest of the transaction and returns it: a row lock on PostgreSQL,
   * so flushes of several processes queue here and form one chain; SQLite serialises writers anyway.
   */
  async lockHead(tx: Executor): Promise<{ lastSeq: number; lastHash: string }> {
    const row = (await lockHeadQuery(tx, [1])).rows[0]; // created by migration 0009
    if (!row) throw new Error('exchange_evidence_head has no row: run the migrations');
    return { lastSeq: Number(row.last_seq), lastHash: row.last_hash };
  }

  async head(db: Executor): Promise<{ lastSeq: number; lastHash: string }> {
    const row = await q(db).selectFrom('exchange_evidence_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { lastSeq: Number(row.last_seq), lastHash: row.last_hash };
  }

  async setHead(tx: Executor, lastSeq: number, lastHash: string): Promise<void> {
    await setHeadQuery(tx, [lastSeq, lastHash, 1]);
  }

  async insertRecords(tx: Executor, rows: EvidenceRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await q(tx).insertInto('exchange_evidence').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }

  async recordByTxId(db: Executor, txId: string): Promise<EvidenceRow | undefined> {
    return q(db).selectFrom('exchange_evidence').selectAll().where('tx_id', '=', txId).executeTakeFirst();
  }

  async recordHashes(db: Executor, firstSeq: number, lastSeq: number): Promise<{ seq: number; hash: string }[]> {
    const rows = await q(db).selectFrom('exchange_evidence').select(['seq', 'hash']).where('seq', '>=', firstSeq).where('seq', '<=', lastSeq).orderBy('seq').execute();
    return rows.map((r) => ({ seq: Number(r.seq), hash: r.hash }));
  }

  /** Records in chain order, in pages, for the audit. */
  async *scanRecords(db: Executor, pageSize = 5000): AsyncGenerator<EvidenceRow> {
    let after = 0;
    for (;;) {
      const rows = await q(db).selectFrom('exchange_evidence').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
      for (const r of rows) yield { ...r, seq: Number(r.seq) };
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  async countRecords(db: Executor): Promise<number> {
    const { n } = await q(db).selectFrom('exchange_evidence').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  // ---- batches ---------------------------------------------------------------------------------

  async lastBatch(db: Executor): Promise<Batch | undefined> {
    return q(db).selectFrom('exchange_batches').selectAll().orderBy('first_seq', 'desc').limit(1).executeTakeFirst();
  }

  async batchContaining(db: Executor, seq: number): Promise<Batch | undefined> {
    return q(db).selectFrom('exchange_batches').selectAll().where('first_seq', '<=', seq).where('last_seq', '>=', seq).executeTakeFirst();
  }

  async batches(db: Executor): Promise<Batch[]> {
    return q(db).selectFrom('exchange_batches').selectAll().orderBy('first_seq').execute();
  }

  /** The new batch's id, or undefined when another process sealed a run from the same record first. */
  async insertBatch(db: Executor, row: Insertable<BatchRow>): Promise<number | undefined> {
    const r = await q(db).insertInto('exchange_batches').values(row).onConflict((oc) => oc.column('first_seq').doNothing()).returning('id').executeTakeFirst();
    return r === undefined ? undefined : Number(r.id);
  }

  // ---- usage -----------------------------------------------------------------------------------

  async addUsage(tx: Executor, deltas: UsageDelta[]): Promise<void> {
    for (const d of deltas) await addUsageQuery(tx, [d.consumerOrgId, d.datasetId, d.month, d.ownerOrgId, d.allowed, d.denied, d.notFound, d.allowed, d.denied, d.notFound]);
  }

  async usage(db: Executor, f: { orgId?: number | undefined; month?: string | undefined; datasetId?: number | undefined }): Promise<Selectable<UsageRow>[]> {
    let query = q(db).selectFrom('exchange_usage').selectAll();
    if (f.orgId !== undefined) {
      const org = f.orgId;
      query = query.where((eb) => eb.or([eb('consumer_org_id', '=', org), eb('owner_org_id', '=', org)]));
    }
    if (f.month) query = query.where('month', '=', f.month);
    if (f.datasetId !== undefined) query = query.where('dataset_id', '=', f.datasetId);
    return query.orderBy('month', 'desc').orderBy('consumer_org_id').orderBy('dataset_id').limit(1000).execute();
  }
}
