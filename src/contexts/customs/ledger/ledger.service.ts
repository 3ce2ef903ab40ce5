import { nowIso, type Executor } from '../../../db/database.ts';
import { AppError } from '../../../kernel/errors.ts';
import { LedgerRepo, PERSON_HASH_BYTES, type LedgerKey, type StoredTotals } from './ledger.repo.ts';

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
   * Persons in the ledger with non-sensitive data only who now left with sensitive data (also those
   * that an earlier chunk of the same stream added as non-sensitive).
   */
  upgradedToSensitive: number;
  /** The ledger after this addition. */
  totals: LedgerTotals;
}

const DEFAULT_CHUNK = 50_000;
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

/** Groups the persons into chunks of sensitive and non-sensitive hashes, each sorted (B-tree locality). */
async function* chunks(
  persons: Iterable<LedgerPerson> | AsyncIterable<LedgerPerson>,
  size: number,
): AsyncGenerator<{ sensitive: Buffer[]; other: Buffer[] }> {
  let sensitive: Buffer[] = [];
  let other: Buffer[] = [];
  let index = 0;
  const take = (p: LedgerPerson): boolean => {
    if (!Buffer.isBuffer(p.hash) || p.hash.length !== PERSON_HASH_BYTES)
      throw new AppError('validation_failed', `persons[${index}].hash must be a ${PERSON_HASH_BYTES}-byte Buffer`);
    index++;
    (p.sensitive ? sensitive : other).push(p.hash);
    return sensitive.length + other.length >= size;
  };
  const flush = () => {
    const out = { sensitive: sensitive.sort(Buffer.compare), other: other.sort(Buffer.compare) };
    sensitive = [];
    other = [];
    return out;
  };
  if (Symbol.iterator in persons) {
    for (const p of persons) if (take(p)) yield flush();
  } else {
    for await (const p of persons) if (take(p)) yield flush();
  }
  if (sensitive.length + other.length > 0) yield flush();
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
   * approval. Runs the addition and rolls it back, so it is exact for any stream, duplicates included.
   */
  async preview(executor: Executor, input: LedgerAddition): Promise<LedgerResult> {
    checkKey(input);
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

  private async addIn(tx: Executor, input: LedgerAddition): Promise<LedgerResult> {
    const key: LedgerKey = { exporterId: input.exporterId, year: input.year };
    const at = nowIso();
    await this.repo.lockTotals(tx, key, at);
    let added = 0;
    let addedSensitive = 0;
    let upgradedToSensitive = 0;
    for await (const chunk of chunks(input.persons, this.chunkSize)) {
      // Sensitive first: a person in both lists of one chunk is then inserted once, as sensitive.
      const newSensitive = await this.repo.insertNew(tx, key, chunk.sensitive, { sensitive: true, declarationId: input.declarationId, at });
      const newOther = await this.repo.insertNew(tx, key, chunk.other, { sensitive: false, declarationId: input.declarationId, at });
      // Rows just inserted as sensitive are already 1, so only earlier non-sensitive persons move.
      upgradedToSensitive += await this.repo.upgradeToSensitive(tx, key, chunk.sensitive);
      added += newSensitive + newOther;
      addedSensitive += newSensitive;
    }
    await this.repo.addToTotals(tx, key, { persons: added, sensitive: addedSensitive + upgradedToSensitive }, at);
    return { added, upgradedToSensitive, totals: toTotals(await this.repo.totals(tx, key)) };
  }
}
