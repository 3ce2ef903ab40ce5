import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { dialectOf, nowIso, type Executor } from '../../../db/database.ts';
import { AppError } from '../../../kernel/errors.ts';
import { LedgerRepo, partitionOf, PERSON_HASH_BYTES, previewStaging, STAGING_PARTITIONS, type LedgerKey, type StoredTotals } from './ledger.repo.ts';

/** One person of a transfer: the keyed hash of their strongest identifier (`personHash`, 32 raw bytes). */
export interface LedgerPerson {
  hash: Buffer;
  /** Whether this transfer carries sensitive personal information (敏感个人信息) of the person. */
  sensitive: boolean;
}

export interface LedgerAddition {
  /** The exporting organisation (the personal-information processor). */
  exporterId: number;
  /** Calendar year of the transfer; each year is a ledger of its own (the count resets on 1 January). */
  year: number;
  declarationId: number;
  /** May repeat persons; streamed in chunks, never held in memory as a whole. */
  persons: Iterable<LedgerPerson> | AsyncIterable<LedgerPerson>;
}

/** Counted as the assessment rules count them (customs `Scenario`). */
export interface LedgerTotals {
  /** Persons with personal information, none of it sensitive. */
  personalSubjects: number;
  /** Persons with sensitive personal information. */
  sensitiveSubjects: number;
}

export interface LedgerResult {
  /** Persons not in this year's ledger before. */
  added: number;
  /**
   * Persons in the ledger before this addition with non-sensitive data only who now left with
   * sensitive data. (A person new this year counts in `added`, as sensitive if any of their records
   * in this transfer is.)
   */
  upgradedToSensitive: number;
  /** The ledger after this addition. */
  totals: LedgerTotals;
}

const DEFAULT_CHUNK = 100_000;
/**
 * Key ranges of a large addition or preview on SQLite: more and smaller than on PostgreSQL, so that
 * each statement (synchronous in better-sqlite3: the event loop waits for it) stays short.
 */
const SQLITE_PARTITIONS = 64;
const partitionsFor = (e: Executor) => (dialectOf(e) === 'sqlite' ? SQLITE_PARTITIONS : STAGING_PARTITIONS);
/** Slots of the previews running in this process (each stages into temporary tables of its own). */
const previewSlots = new Set<number>();
const PREVIEW_SAVEPOINT = 'customs_ledger_preview';

class PreviewRollback extends Error {}

function toTotals(t: StoredTotals): LedgerTotals {
  return { personalSubjects: t.persons - t.sensitive, sensitiveSubjects: t.sensitive };
}

function checkKey(key: LedgerKey): void {
  if (!Number.isSafeInteger(key.exporterId) || key.exporterId <= 0)
    throw new AppError('validation_failed', `exporterId must be a positive integer, got ${key.exporterId}`);
  if (!Number.isInteger(key.year) || key.year < 2000 || key.year > 9999)
    throw new AppError('validation_failed', `year must be a calendar year, got ${key.year}`);
}

/**
 * A partition's new persons are merged with the ledger's key range in one ordered pass when they are at
 * least 1/MERGE_RATIO of that range; fewer are looked up one by one in the primary key.
 */
const MERGE_RATIO = 8;

/** One chunk of the stream: per staging partition (of `partitions`), the sensitive and the other hashes. */
interface Chunk {
  partitions: number;
  sensitive: Buffer[][];
  other: Buffer[][];
}

const emptyChunk = (partitions: number): Chunk => ({
  partitions,
  sensitive: Array.from({ length: partitions }, () => []),
  other: Array.from({ length: partitions }, () => []),
});

/**
 * Groups the persons into chunks, by partition and kind (the database sorts them later). A stream that
 * ends within its first chunk is one partition; a longer one is cut into `partitions`.
 */
async function* chunks(persons: Iterable<LedgerPerson> | AsyncIterable<LedgerPerson>, size: number, partitions = STAGING_PARTITIONS): AsyncGenerator<Chunk> {
  let first: LedgerPerson[] | null = [];
  let chunk = emptyChunk(partitions);
  let inChunk = 0;
  let index = 0;
  const put = (p: LedgerPerson) => (p.sensitive ? chunk.sensitive : chunk.other)[partitionOf(p.hash, partitions)]!.push(p.hash);
  const take = (p: LedgerPerson): boolean => {
    if (!Buffer.isBuffer(p.hash) || p.hash.length !== PERSON_HASH_BYTES)
      throw new AppError('validation_failed', `persons[${index}].hash must be a ${PERSON_HASH_BYTES}-byte Buffer`);
    index++;
    if (first) {
      if (first.length < size) {
        first.push(p);
        return false;
      }
      // The stream is longer than one chunk: partition the first one.
      first.forEach(put);
      inChunk = first.length;
      first = null;
    }
    put(p);
    return ++inChunk >= size;
  };
  const flush = () => {
    const out = chunk;
    chunk = emptyChunk(partitions);
    inChunk = 0;
    return out;
  };
  if (Symbol.iterator in persons) {
    for (const p of persons) if (take(p)) yield flush();
  } else {
    for await (const p of persons) if (take(p)) yield flush();
  }
  if (first) {
    const whole = emptyChunk(1);
    for (const p of first) (p.sensitive ? whole.sensitive : whole.other)[0]!.push(p.hash);
    if (first.length > 0) yield whole;
  } else if (inChunk > 0) yield flush();
}

/**
 * The person ledger (出境个人信息累计台账): per exporter and calendar year, the distinct natural persons
 * whose personal information has left the country, across every declaration and channel (remote
 * access included), so a transfer cannot dodge a threshold by being split. A person counts once; a
 * person first sent with non-sensitive data and later with sensitive data moves to the sensitive count.
 *
 * This is a building block of the declaration flow, which checks scopes and writes the audit event in
 * the same transaction it passes here.
 */
export class LedgerService {
  constructor(
    private readonly repo = new LedgerRepo(),
    private readonly chunkSize = DEFAULT_CHUNK,
  ) {}

  /**
   * Adds the persons of one declaration. Inside a caller's transaction it joins it (a rollback there
   * undoes the addition and its totals); given the database it runs in a transaction of its own.
   */
  async add(executor: Executor, input: LedgerAddition): Promise<LedgerResult> {
    checkKey(input);
    if (executor.isTransaction) return this.addIn(executor, input);
    return executor.transaction().execute((tx) => this.addIn(tx, input));
  }

  /**
   * What `add` would report, without writing: how many of these persons are new this year and the
   * totals including this transfer ("already exported + this transfer"), for the decision before
   * approval. Exact for any stream, duplicates included. Inside a transaction, and on PostgreSQL, it
   * runs the addition and rolls it back. Given a SQLite database it only reads the ledger, statement
   * by statement without a transaction: SQLite has one connection, which a transaction would hold
   * (every other request waiting) for as long as a large transfer takes. The counts are then those
   * of the ledger as each key range was read; the approval adds for real and decides again.
   */
  async preview(executor: Executor, input: LedgerAddition): Promise<LedgerResult> {
    checkKey(input);
    if (!executor.isTransaction && dialectOf(executor) === 'sqlite') return this.previewReadOnly(executor, input);
    if (executor.isTransaction) {
      await this.repo.savepoint(executor, PREVIEW_SAVEPOINT);
      try {
        return await this.addIn(executor, input);
      } finally {
        await this.repo.rollbackToSavepoint(executor, PREVIEW_SAVEPOINT);
      }
    }
    let result: LedgerResult | undefined;
    try {
      await executor.transaction().execute(async (tx) => {
        result = await this.addIn(tx, input);
        throw new PreviewRollback();
      });
    } catch (e) {
      if (!(e instanceof PreviewRollback)) throw e;
    }
    return result!;
  }

  async totals(executor: Executor, exporterId: number, year: number): Promise<LedgerTotals> {
    checkKey({ exporterId, year });
    return toTotals(await this.repo.totals(executor, { exporterId, year }));
  }

  /** `preview` on a SQLite database: stages into temporary tables of its own, then counts per key range. */
  private async previewReadOnly(db: Executor, input: LedgerAddition): Promise<LedgerResult> {
    const key: LedgerKey = { exporterId: input.exporterId, year: input.year };
    let slot = 0;
    while (previewSlots.has(slot)) slot++;
    previewSlots.add(slot);
    const prefix = previewStaging(slot);
    const staged = new Set<number>();
    try {
      const before = await this.repo.totals(db, key);
      let partitions = 1;
      for await (const chunk of chunks(input.persons, this.chunkSize, SQLITE_PARTITIONS)) {
        partitions = chunk.partitions;
        for (let k = 0; k < partitions; k++) {
          const sensitive = chunk.sensitive[k]!;
          const other = chunk.other[k]!;
          if (sensitive.length + other.length === 0) continue;
          if (!staged.has(k)) await this.repo.createStaging(db, k, prefix);
          staged.add(k);
          await this.repo.stage(db, k, sensitive, true, prefix);
          await this.repo.stage(db, k, other, false, prefix);
        }
        await yieldToLoop();
      }
      let added = 0;
      let addedSensitive = 0;
      let upgradedToSensitive = 0;
      for (const k of [...staged].sort((a, b) => a - b)) {
        const c = await this.repo.countStaged(db, key, { k, n: partitions }, prefix);
        added += c.added;
        addedSensitive += c.addedSensitive;
        upgradedToSensitive += c.upgraded;
        await this.repo.dropStaging(db, k, prefix);
        staged.delete(k);
        await yieldToLoop();
      }
      const totals = toTotals({ persons: before.persons + added, sensitive: before.sensitive + addedSensitive + upgradedToSensitive });
      return { added, upgradedToSensitive, totals };
    } finally {
      for (const k of staged) await this.repo.dropStaging(db, k, prefix);
      previewSlots.delete(slot);
    }
  }

  /**
   * Stages the stream chunk by chunk (bounded memory), then updates the ledger from the staging tables
   * partition by partition, in key order: upgrades first (persons already there as non-sensitive),
   * then new sensitive persons, then new non-sensitive ones (a person with both kinds of record is thus
   * added once, as sensitive).
   */
  private async addIn(tx: Executor, input: LedgerAddition): Promise<LedgerResult> {
    const key: LedgerKey = { exporterId: input.exporterId, year: input.year };
    const at = nowIso();
    await this.repo.lockTotals(tx, key, at);
    const settings = await this.repo.beginLoad(tx);
    try {
      const before = await this.repo.totals(tx, key);
      const staged = new Map<number, number>();
      let partitions = 1;
      for await (const chunk of chunks(input.persons, this.chunkSize, partitionsFor(tx))) {
        partitions = chunk.partitions;
        for (let k = 0; k < partitions; k++) {
          const sensitive = chunk.sensitive[k]!;
          const other = chunk.other[k]!;
          if (sensitive.length + other.length === 0) continue;
          if (!staged.has(k)) await this.repo.createStaging(tx, k);
          staged.set(k, (staged.get(k) ?? 0) + sensitive.length + other.length);
          await this.repo.stage(tx, k, sensitive, true);
          await this.repo.stage(tx, k, other, false);
        }
        // Statements are synchronous on SQLite: let the event loop serve other requests in between.
        await yieldToLoop();
      }
      let upgradedToSensitive = 0;
      let addedSensitive = 0;
      let addedOther = 0;
      const row = { declarationId: input.declarationId, at };
      for (const [k, count] of [...staged].sort((a, b) => a[0] - b[0])) {
        await this.repo.analyzeStaging(tx, k);
        // Few persons against a large key range: look each one up; else one ordered merge over the range.
        const strategy = count * MERGE_RATIO < before.persons / partitions ? 'probe' : 'merge';
        // Only persons already in the ledger as non-sensitive can be upgraded: none in a ledger without them.
        if (before.persons > before.sensitive) upgradedToSensitive += await this.repo.upgradeStagedToSensitive(tx, key, { k, n: partitions });
        addedSensitive += await this.repo.insertStaged(tx, key, { k, n: partitions }, { ...row, sensitive: true, strategy });
        addedOther += await this.repo.insertStaged(tx, key, { k, n: partitions }, { ...row, sensitive: false, strategy });
        await this.repo.dropStaging(tx, k);
        await yieldToLoop();
      }
      const added = addedSensitive + addedOther;
      await this.repo.addToTotals(tx, key, { persons: added, sensitive: addedSensitive + upgradedToSensitive }, at);
      return { added, upgradedToSensitive, totals: toTotals(await this.repo.totals(tx, key)) };
    } finally {
      await this.repo.restoreSettings(tx, settings);
    }
  }
}
