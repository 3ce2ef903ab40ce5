import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Executor } from '../../../db/database.ts';

export interface ItemVersionTable {
  id: Generated<number>;
  version: number;
  document: string;
  sm3: string;
  item_count: number;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface ItemIndexTable {
  code: string;
  version: number;
  position: number;
  level: string;
  parent_code: string | null;
  area: string;
  type: string;
  department_code: string;
  taiwan: number;
  promised_days: number | null;
  statutory_days: number | null;
  visits: number | null;
  name_zh_cn: string;
  name_zh_tw: string;
  name_en: string;
  search_text: string;
}

interface Tables {
  services_item_versions: ItemVersionTable;
  services_item_index: ItemIndexTable;
}

export type ItemVersionRow = Selectable<ItemVersionTable>;
export type ItemIndexRow = Selectable<ItemIndexTable>;

export interface IndexQuery {
  /** Lower-cased Simplified search terms, each of which must occur in the search text. */
  terms: string[];
  area?: string | undefined;
  department?: string | undefined;
  level?: string | undefined;
  offset: number;
  limit: number;
}

const q = (e: Executor) => e as unknown as Kysely<Tables>;

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class ItemsRepo {
  async latestVersion(e: Executor): Promise<number | null> {
    const r = await q(e).selectFrom('services_item_versions').select((eb) => eb.fn.max<number>('version').as('v')).executeTakeFirst();
    return r?.v == null ? null : Number(r.v);
  }

  async byVersion(e: Executor, version: number): Promise<ItemVersionRow | undefined> {
    return q(e).selectFrom('services_item_versions').selectAll().where('version', '=', version).executeTakeFirst();
  }

  async history(e: Executor): Promise<Omit<ItemVersionRow, 'document'>[]> {
    return q(e)
      .selectFrom('services_item_versions')
      .select(['id', 'version', 'sm3', 'item_count', 'note', 'created_by', 'created_at'])
      .orderBy('version', 'desc')
      .execute();
  }

  async insertVersion(tx: Executor, row: Omit<ItemVersionRow, 'id'>): Promise<number> {
    const r = await q(tx).insertInto('services_item_versions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /** Replaces the search index with the rows of one version. */
  async replaceIndex(tx: Executor, rows: ItemIndexRow[]): Promise<void> {
    await q(tx).deleteFrom('services_item_index').execute();
    for (let i = 0; i < rows.length; i += 200) await q(tx).insertInto('services_item_index').values(rows.slice(i, i + 200)).execute();
  }

  async search(e: Executor, query: IndexQuery): Promise<{ rows: ItemIndexRow[]; total: number }> {
    let base = q(e).selectFrom('services_item_index');
    for (const t of query.terms) base = base.where(sql<boolean>`search_text like ${likePattern(t)} escape '\\'`);
    if (query.area) base = base.where('area', '=', query.area);
    if (query.department) base = base.where('department_code', '=', query.department);
    if (query.level) base = base.where('level', '=', query.level);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('position').limit(query.limit).offset(query.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async areaCounts(e: Executor, level: string): Promise<{ area: string; count: number }[]> {
    const rows = await q(e)
      .selectFrom('services_item_index')
      .select(['area', (eb) => eb.fn.countAll<number>().as('n')])
      .where('level', '=', level)
      .groupBy('area')
      .execute();
    return rows.map((r) => ({ area: r.area, count: Number(r.n) }));
  }
}
