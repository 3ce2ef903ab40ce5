import type { Generated, Kysely, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.ts';

export interface ReferenceVersionTable {
  id: Generated<number>;
  kind: string;
  version: string;
  document: string;
  sm3: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

interface Tables {
  customs_reference_versions: ReferenceVersionTable;
}

export type ReferenceVersionRow = Selectable<ReferenceVersionTable>;

const q = (e: Executor) => e as unknown as Kysely<Tables>;

export class ReferenceRepo {
  async latestId(e: Executor, kind: string): Promise<number | null> {
    const r = await q(e).selectFrom('customs_reference_versions').select((eb) => eb.fn.max<number>('id').as('id')).where('kind', '=', kind).executeTakeFirst();
    return r?.id == null ? null : Number(r.id);
  }

  async get(e: Executor, id: number): Promise<ReferenceVersionRow | undefined> {
    return q(e).selectFrom('customs_reference_versions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byVersion(e: Executor, kind: string, version: string): Promise<ReferenceVersionRow | undefined> {
    return q(e).selectFrom('customs_reference_versions').selectAll().where('kind', '=', kind).where('version', '=', version).executeTakeFirst();
  }

  async history(e: Executor, kind: string): Promise<Omit<ReferenceVersionRow, 'document'>[]> {
    return q(e)
      .selectFrom('customs_reference_versions')
      .select(['id', 'kind', 'version', 'sm3', 'note', 'created_by', 'created_at'])
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .execute();
  }

  async insert(tx: Executor, row: Omit<ReferenceVersionRow, 'id'>): Promise<number> {
    const r = await q(tx).insertInto('customs_reference_versions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }
}
