import { sql, type Kysely } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.ts';
import { toChinaDate } from '../../../kernel/calendar/calendar.ts';
import type { ClearanceRow, DeclarationActionRow, DeclarationRow, DeclarationTables } from './declarations.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<DeclarationTables>;

export interface NewDeclaration {
  no: string;
  exporter_org_id: number;
  created_by: string;
  year: number;
  form: string;
  source_kind: string;
  state: string;
  created_at: string;
}

export interface DeclarationFilter {
  orgId?: number | undefined;
  state?: string | undefined;
  /** Matches the number or the recipient/description text of the form. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

export interface StatRow {
  month: string;
  industry: string;
  outcome: string | null;
  state: string;
  n: number;
}

export class DeclarationsRepo {
  async insert(tx: Executor, d: NewDeclaration): Promise<number> {
    const row = await q(tx)
      .insertInto('customs_declarations')
      .values({ ...d, updated_at: d.created_at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** Next number in a year's sequence (CD-2026-000001). Runs inside the inserting transaction. */
  async countInYear(tx: Executor, year: number): Promise<number> {
    const r = await q(tx).selectFrom('customs_declarations').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', year).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async get(e: Executor, id: number): Promise<DeclarationRow | undefined> {
    return q(e).selectFrom('customs_declarations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Reads the row for update: PostgreSQL locks it until the transaction ends; SQLite serialises writers. */
  async lock(tx: Executor, id: number): Promise<DeclarationRow | undefined> {
    let query = q(tx).selectFrom('customs_declarations').selectAll().where('id', '=', id);
    if (dialectOf(tx) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async update(tx: Executor, id: number, patch: Partial<Omit<DeclarationRow, 'id' | 'no' | 'exporter_org_id' | 'created_by' | 'created_at'>>): Promise<void> {
    await q(tx).updateTable('customs_declarations').set(patch).where('id', '=', id).execute();
  }

  async list(e: Executor, f: DeclarationFilter): Promise<{ rows: DeclarationRow[]; total: number }> {
    let base = q(e).selectFrom('customs_declarations');
    if (f.orgId !== undefined) base = base.where('exporter_org_id', '=', f.orgId);
    if (f.state) base = base.where('state', '=', f.state);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) => eb.or([eb('no', 'like', like), sql<boolean>`form LIKE ${like} ESCAPE '\\'`]));
    }
    const rows = await base.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows, total: Number(total.n) };
  }

  async appendAction(tx: Executor, a: Omit<DeclarationActionRow, 'id' | 'seq'>): Promise<number> {
    const last = await q(tx)
      .selectFrom('customs_declaration_actions')
      .select((eb) => eb.fn.max<number>('seq').as('seq'))
      .where('declaration_id', '=', a.declaration_id)
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    await q(tx).insertInto('customs_declaration_actions').values({ ...a, seq }).execute();
    return seq;
  }

  async actions(e: Executor, declarationId: number): Promise<DeclarationActionRow[]> {
    return q(e).selectFrom('customs_declaration_actions').selectAll().where('declaration_id', '=', declarationId).orderBy('seq').execute();
  }

  async insertClearance(tx: Executor, c: Omit<ClearanceRow, 'id' | 'revoked_at' | 'revoked_reason'>): Promise<void> {
    await q(tx).insertInto('customs_clearances').values({ ...c, revoked_at: null, revoked_reason: null }).execute();
  }

  async clearanceByNo(e: Executor, no: string): Promise<ClearanceRow | undefined> {
    return q(e).selectFrom('customs_clearances').selectAll().where('no', '=', no).executeTakeFirst();
  }

  /** Clearances issued after (at, id), oldest first (the archive's collector). */
  async clearancesIssuedAfter(e: Executor, after: { at: string; id: number }, limit: number): Promise<{ id: number; no: string; issued_at: string }[]> {
    const rows = await q(e)
      .selectFrom('customs_clearances')
      .select(['id', 'no', 'issued_at'])
      .where((eb) => eb.or([eb('issued_at', '>', after.at), eb.and([eb('issued_at', '=', after.at), eb('id', '>', after.id)])]))
      .orderBy('issued_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async clearanceOf(e: Executor, declarationId: number): Promise<ClearanceRow | undefined> {
    return q(e).selectFrom('customs_clearances').selectAll().where('declaration_id', '=', declarationId).executeTakeFirst();
  }

  async revokeClearance(tx: Executor, declarationId: number, at: string, reason: string): Promise<void> {
    await q(tx).updateTable('customs_clearances').set({ revoked_at: at, revoked_reason: reason }).where('declaration_id', '=', declarationId).execute();
  }

  /** Declarations per creation month, industry, proposed outcome and state (the bureau's statistics). */
  async statistics(e: Executor, f: { orgId?: number | undefined; from: string; to: string }): Promise<StatRow[]> {
    let query = q(e)
      .selectFrom('customs_declarations')
      .select(['created_at', 'form', 'decision', 'state'])
      .where('created_at', '>=', f.from)
      .where('created_at', '<', f.to);
    if (f.orgId !== undefined) query = query.where('exporter_org_id', '=', f.orgId);
    // Grouped in the service: industry and outcome live in JSON text, which the two dialects query differently.
    const rows = await query.execute();
    const counts = new Map<string, StatRow>();
    for (const r of rows) {
      const industry = (JSON.parse(r.form) as { industry?: string }).industry ?? 'other';
      const outcome = r.decision ? ((JSON.parse(r.decision) as { outcome?: string }).outcome ?? null) : null;
      const month = toChinaDate(new Date(r.created_at)).slice(0, 7);
      const key = `${month}|${industry}|${outcome}|${r.state}`;
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { month, industry, outcome, state: r.state, n: 1 });
    }
    return [...counts.values()];
  }
}
