import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type {
  ActionRow,
  ApplicationRow,
  AttachmentRow,
  AuthDisclosureRow,
  AuthProductRow,
  AuthorisationRow,
  CertificateRow,
  ObjectionRow,
  PledgeRow,
  RegistrationRow,
  RegistryTables,
  TransactionRow,
} from './registry.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<RegistryTables>;

export type Application = Selectable<ApplicationRow>;
export type Registration = Selectable<RegistrationRow>;
export type Certificate = Selectable<CertificateRow>;
export type Pledge = Selectable<PledgeRow>;
export type Objection = Selectable<ObjectionRow>;
export type Attachment = Selectable<AttachmentRow>;
export type Transaction = Selectable<TransactionRow>;
export type Authorisation = Selectable<AuthorisationRow>;
export type AuthProduct = Selectable<AuthProductRow>;
export type AuthDisclosure = Selectable<AuthDisclosureRow>;
export type StoredAction = Selectable<ActionRow>;

/** `%…%` LIKE pattern with the wildcards of the search text escaped. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Case-insensitive substring match, the same on both dialects. */
const contains = (column: string, pattern: string) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

export class RegistryRepo {
  /** Next value of a named counter (registration sequence per year, certificate serial per month). */
  async nextSequence(tx: Executor, name: string): Promise<number> {
    const r = await q(tx)
      .insertInto('registry_sequences')
      .values({ name, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`registry_sequences.value + 1` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(r.value);
  }

  // ---- applications and their action log ------------------------------------------------------

  async insertApplication(tx: Executor, row: Insertable<ApplicationRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_applications').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /** The application; on PostgreSQL locked until the transaction ends, so actions on it run one at a time. */
  async application(e: Executor, id: number, opts: { lock?: boolean } = {}): Promise<Application | undefined> {
    let query = q(e).selectFrom('registry_applications').selectAll().where('id', '=', id);
    if (opts.lock && dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async updateApplication(tx: Executor, id: number, set: Updateable<ApplicationRow>): Promise<void> {
    await q(tx).updateTable('registry_applications').set(set).where('id', '=', id).execute();
  }

  async listApplications(
    e: Executor,
    f: { holderOrgId?: number | undefined; statuses?: string[] | undefined; type?: string | undefined; q?: string | undefined; offset: number; limit: number },
  ): Promise<{ items: Application[]; total: number }> {
    let query = q(e).selectFrom('registry_applications');
    if (f.holderOrgId !== undefined) query = query.where('holder_org_id', '=', f.holderOrgId);
    if (f.statuses?.length) query = query.where('status', 'in', f.statuses);
    if (f.type) query = query.where('type', '=', f.type);
    if (f.q) {
      const pat = likePattern(f.q);
      query = query.where((eb) => eb.or([contains('data_name', pat), contains('holder_name', pat)]));
    }
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await query.selectAll().orderBy('id', 'desc').offset(f.offset).limit(f.limit).execute();
    return { items, total: Number(total.n) };
  }

  /** Other applications and registrations naming the same data hash (withdrawn and rejected ones aside). */
  async sameDataHash(e: Executor, sm3: string, exceptApplicationId: number): Promise<{ applications: number[]; registrations: string[] }> {
    const apps = await q(e)
      .selectFrom('registry_applications')
      .select('id')
      .where('data_sm3', '=', sm3)
      .where('id', '!=', exceptApplicationId)
      .where('status', 'not in', ['withdrawn', 'rejected'])
      .orderBy('id')
      .execute();
    const regs = await q(e).selectFrom('registry_registrations').select('registration_no').where('data_sm3', '=', sm3).where('status', '!=', 'cancelled').execute();
    return { applications: apps.map((a) => Number(a.id)), registrations: regs.map((r) => r.registration_no) };
  }

  async openApplicationsOf(e: Executor, registrationId: number): Promise<Application[]> {
    return q(e)
      .selectFrom('registry_applications')
      .selectAll()
      .where('registration_id', '=', registrationId)
      .where('status', 'not in', ['approved', 'rejected', 'withdrawn', 'draft'])
      .execute();
  }

  async insertAction(tx: Executor, row: Insertable<ActionRow>): Promise<void> {
    await q(tx).insertInto('registry_actions').values(row).execute();
  }

  async actions(e: Executor, applicationId: number): Promise<StoredAction[]> {
    return q(e).selectFrom('registry_actions').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
  }

  // ---- attachments and objections ---------------------------------------------------------------

  async insertAttachment(tx: Executor, row: Insertable<AttachmentRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_attachments').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async attachments(e: Executor, applicationId: number): Promise<Attachment[]> {
    return q(e).selectFrom('registry_attachments').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  }

  async attachment(e: Executor, id: number): Promise<Attachment | undefined> {
    return q(e).selectFrom('registry_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertObjection(tx: Executor, row: Insertable<ObjectionRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_objections').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async objections(e: Executor, applicationId: number): Promise<Objection[]> {
    return q(e).selectFrom('registry_objections').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  }

  async resolveObjection(tx: Executor, id: number, set: { outcome: string; resolution: string; resolved_at: string }): Promise<void> {
    await q(tx).updateTable('registry_objections').set(set).where('id', '=', id).execute();
  }

  // ---- registrations, certificates ------------------------------------------------------------

  async insertRegistration(tx: Executor, row: Insertable<RegistrationRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_registrations').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async registration(e: Executor, id: number, opts: { lock?: boolean } = {}): Promise<Registration | undefined> {
    let query = q(e).selectFrom('registry_registrations').selectAll().where('id', '=', id);
    if (opts.lock && dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async registrationByNo(e: Executor, no: string): Promise<Registration | undefined> {
    return q(e).selectFrom('registry_registrations').selectAll().where('registration_no', '=', no).executeTakeFirst();
  }

  async updateRegistration(tx: Executor, id: number, set: Updateable<RegistrationRow>): Promise<void> {
    await q(tx).updateTable('registry_registrations').set(set).where('id', '=', id).execute();
  }

  async searchRegistrations(
    e: Executor,
    f: { q?: string | undefined; holderOrgId?: number | undefined; book?: string | undefined; authorisationId?: number | undefined; offset: number; limit: number },
  ): Promise<{ items: Registration[]; total: number }> {
    let query = q(e).selectFrom('registry_registrations');
    if (f.holderOrgId !== undefined) query = query.where('holder_org_id', '=', f.holderOrgId);
    if (f.book) query = query.where('book', '=', f.book);
    if (f.authorisationId !== undefined) query = query.where('authorisation_id', '=', f.authorisationId);
    if (f.q) {
      const pat = likePattern(f.q);
      query = query.where((eb) => eb.or([contains('data_name', pat), contains('holder_name', pat), eb('registration_no', '=', f.q!.trim().toUpperCase())]));
    }
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await query.selectAll().orderBy('id', 'desc').offset(f.offset).limit(f.limit).execute();
    return { items, total: Number(total.n) };
  }

  async allActiveRegistrations(e: Executor): Promise<Registration[]> {
    return q(e).selectFrom('registry_registrations').selectAll().where('status', '=', 'active').orderBy('id').execute();
  }

  async insertCertificate(tx: Executor, row: Insertable<CertificateRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_certificates').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async certificateByNo(e: Executor, no: string): Promise<Certificate | undefined> {
    return q(e).selectFrom('registry_certificates').selectAll().where('certificate_no', '=', no).executeTakeFirst();
  }

  /** Certificates issued after (at, id), oldest first (the archive's collector; few rows, no index needed). */
  async certificatesIssuedAfter(e: Executor, after: { at: string; id: number }, limit: number): Promise<{ id: number; certificate_no: string; issued_at: string }[]> {
    const rows = await q(e)
      .selectFrom('registry_certificates')
      .select(['id', 'certificate_no', 'issued_at'])
      .where((eb) => eb.or([eb('issued_at', '>', after.at), eb.and([eb('issued_at', '=', after.at), eb('id', '>', after.id)])]))
      .orderBy('issued_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /**
   * A certificate with its registration and the registration's current certificate number, in one
   * statement (the public status page is the registry's hottest read).
   */
  async certificateWithRegistration(e: Executor, no: string): Promise<{ certificate: Certificate; registration: Registration; currentNo: string | null } | undefined> {
    const row = await q(e)
      .selectFrom('registry_certificates as c')
      .innerJoin('registry_registrations as r', 'r.id', 'c.registration_id')
      .selectAll('r')
      .select([
        'c.id as c_id',
        'c.certificate_no',
        'c.application_id',
        'c.issued_at',
        'c.valid_from as c_valid_from',
        'c.valid_until as c_valid_until',
        'c.log_index',
        'c.superseded_at',
        'c.revoked_at',
        'c.revoked_reason',
        (eb) =>
          eb
            .selectFrom('registry_certificates as cur')
            .select('cur.certificate_no')
            .whereRef('cur.registration_id', '=', 'r.id')
            .where('cur.superseded_at', 'is', null)
            .orderBy('cur.id', 'desc')
            .limit(1)
            .as('current_no'),
      ])
      .where('c.certificate_no', '=', no)
      .executeTakeFirst();
    if (!row) return undefined;
    const { c_id, certificate_no, application_id, issued_at, c_valid_from, c_valid_until, log_index, superseded_at, revoked_at, revoked_reason, current_no, ...registration } = row;
    return {
      certificate: { id: c_id, certificate_no, registration_id: registration.id, application_id, issued_at, valid_from: c_valid_from, valid_until: c_valid_until, document: '', credential: '', log_index, superseded_at, revoked_at, revoked_reason },
      registration,
      currentNo: current_no ?? null,
    };
  }

  async certificatesOf(e: Executor, registrationId: number): Promise<Certificate[]> {
    return q(e).selectFrom('registry_certificates').selectAll().where('registration_id', '=', registrationId).orderBy('id').execute();
  }

  async supersedeCertificates(tx: Executor, registrationId: number, at: string): Promise<void> {
    await q(tx)
      .updateTable('registry_certificates')
      .set({ superseded_at: at })
      .where('registration_id', '=', registrationId)
      .where('superseded_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeCertificates(tx: Executor, registrationId: number, at: string, reason: string): Promise<void> {
    await q(tx)
      .updateTable('registry_certificates')
      .set({ revoked_at: at, revoked_reason: reason })
      .where('registration_id', '=', registrationId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  // ---- pledges and transactions ---------------------------------------------------------------

  async insertPledge(tx: Executor, row: Insertable<PledgeRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_pledges').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async pledge(e: Executor, id: number): Promise<Pledge | undefined> {
    return q(e).selectFrom('registry_pledges').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async pledgesOf(e: Executor, registrationId: number, opts: { activeOnly?: boolean } = {}): Promise<Pledge[]> {
    let query = q(e).selectFrom('registry_pledges').selectAll().where('registration_id', '=', registrationId);
    if (opts.activeOnly) query = query.where('status', '=', 'active');
    return query.orderBy('id').execute();
  }

  async pledgesHeldBy(e: Executor, pledgeeOrgId: number | undefined): Promise<Pledge[]> {
    let query = q(e).selectFrom('registry_pledges').selectAll();
    if (pledgeeOrgId !== undefined) query = query.where('pledgee_org_id', '=', pledgeeOrgId);
    return query.orderBy('id', 'desc').limit(500).execute();
  }

  async releasePledge(tx: Executor, id: number, at: string): Promise<void> {
    await q(tx).updateTable('registry_pledges').set({ status: 'released', released_at: at }).where('id', '=', id).execute();
  }

  async insertTransaction(tx: Executor, row: Insertable<TransactionRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_transactions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async transactionsOf(e: Executor, registrationId: number): Promise<Transaction[]> {
    return q(e).selectFrom('registry_transactions').selectAll().where('registration_id', '=', registrationId).orderBy('id').execute();
  }

  // ---- public data authorised operation -------------------------------------------------------

  async insertAuthorisation(tx: Executor, row: Insertable<AuthorisationRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_authorisations').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async authorisation(e: Executor, id: number): Promise<Authorisation | undefined> {
    return q(e).selectFrom('registry_authorisations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async authorisations(e: Executor): Promise<Authorisation[]> {
    return q(e).selectFrom('registry_authorisations').selectAll().orderBy('id', 'desc').execute();
  }

  async insertProduct(tx: Executor, row: Insertable<AuthProductRow>): Promise<number> {
    const r = await q(tx).insertInto('registry_auth_products').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async products(e: Executor, authorisationId: number): Promise<AuthProduct[]> {
    return q(e).selectFrom('registry_auth_products').selectAll().where('authorisation_id', '=', authorisationId).orderBy('id').execute();
  }

  /** Inserts the disclosure unless one for the year and party exists; returns whether it did. */
  async insertDisclosure(tx: Executor, row: Insertable<AuthDisclosureRow>): Promise<boolean> {
    const r = await q(tx)
      .insertInto('registry_auth_disclosures')
      .values(row)
      .onConflict((oc) => oc.columns(['authorisation_id', 'year', 'party']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async disclosures(e: Executor, authorisationId: number): Promise<AuthDisclosure[]> {
    return q(e).selectFrom('registry_auth_disclosures').selectAll().where('authorisation_id', '=', authorisationId).orderBy('year').orderBy('party').execute();
  }
}
