import type { Insertable, Kysely, Selectable } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.ts';
import type { ConsentTables, PrefillConsentRow, PrefillLookupRow } from './consent.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<ConsentTables>;

export type StoredConsent = Selectable<PrefillConsentRow> & { revoked_at: string | null; revoke_reason: string | null };
export type StoredLookup = Selectable<PrefillLookupRow>;

/** Prefill consents, their revocations and the lookups made under them: insert and read only. */
export class ConsentRepo {
  async insertConsent(tx: Executor, row: Insertable<PrefillConsentRow>): Promise<number> {
    const r = await q(tx).insertInto('services_prefill_consents').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  private consents(db: Executor) {
    return q(db)
      .selectFrom('services_prefill_consents as c')
      .leftJoin('services_prefill_consent_revocations as r', 'r.consent_id', 'c.id')
      .selectAll('c')
      .select(['r.revoked_at', 'r.reason as revoke_reason']);
  }

  async consentById(db: Executor, id: number): Promise<StoredConsent | undefined> {
    const r = await this.consents(db).where('c.id', '=', id).executeTakeFirst();
    return r && { ...r, id: Number(r.id) };
  }

  /**
   * Holds the consent row until the transaction ends (PostgreSQL; SQLite runs one write transaction at a time), so a
   * concurrent revoke waits here. A statement of its own: the read that follows sees what the other transaction
   * committed, where a locking read joined with the revocations would still return the revocation-less row it
   * started from.
   */
  async lockConsent(tx: Executor, id: number): Promise<void> {
    if (dialectOf(tx) === 'postgres') await q(tx).selectFrom('services_prefill_consents').select('id').where('id', '=', id).forUpdate().execute();
  }

  /**
   * The user's consents for an item that are neither revoked nor expired at `at`, newest first. A row without
   * expires_at (written before migration 0025) is live while it was granted after `legacyGrantedAfter`.
   */
  async activeConsents(db: Executor, userId: number, itemCode: string, at: string, legacyGrantedAfter: string): Promise<StoredConsent[]> {
    const rows = await this.consents(db)
      .where('c.user_id', '=', userId)
      .where('c.item_code', '=', itemCode)
      .where('r.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('c.expires_at', '>', at), eb.and([eb('c.expires_at', 'is', null), eb('c.granted_at', '>', legacyGrantedAfter)])]))
      .orderBy('c.id', 'desc')
      .limit(20)
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async consentsOf(db: Executor, userId: number, limit: number): Promise<StoredConsent[]> {
    const rows = await this.consents(db).where('c.user_id', '=', userId).orderBy('c.id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async insertRevocation(tx: Executor, consentId: number, at: string, reason: string | null): Promise<void> {
    await q(tx).insertInto('services_prefill_consent_revocations').values({ consent_id: consentId, revoked_at: at, reason }).execute();
  }

  async insertLookups(tx: Executor, rows: Insertable<PrefillLookupRow>[]): Promise<void> {
    if (rows.length > 0) await q(tx).insertInto('services_prefill_lookups').values(rows).execute();
  }

  async lookupsOf(db: Executor, consentIds: number[]): Promise<StoredLookup[]> {
    if (consentIds.length === 0) return [];
    return q(db).selectFrom('services_prefill_lookups').selectAll().where('consent_id', 'in', consentIds).orderBy('id').execute();
  }
}
