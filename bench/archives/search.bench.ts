/**
 * Archive search at catalog scale: N records (default 3.5 million) written straight into
 * archives_records / archives_versions / archives_search and the full-text index (FTS5 on SQLite,
 * tsvector + GIN on PostgreSQL), then a mixed query set through ArchiveSearch.search — the same call
 * the route makes: common and rare words, filters, date ranges, deep pages (cursor), a department's
 * view (own records + loans), 档号 path browsing. Prints p50/p95/p99 per kind and overall, with the
 * load average and this process's CPU time.
 *
 *   npx tsx bench/archives/search.bench.ts --dialect sqlite|postgres [--n 3500000] [--samples 400]
 *       [--db FILE|NAME --keep]   (reuse / keep a generated catalog: the SQLite file or PostgreSQL database name)
 *
 * Titles, names, companies and projects are realistic Chinese strings from the 10 categories of the
 * shipped schedule; their tokens come from the same jieba search-mode cut the service uses (each
 * distinct title part segmented once, so generation is fast). No bag files: catalog-only records.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ArchiveSearch, archivalPath, filterTokens, pairTokens, searchTokens, shippedSchedule, type SearchQuery } from '../../src/contexts/archives/index.ts';
import { scopesOf } from '../../src/contexts/identity/index.ts';
import { LocalBlobStore } from '../../src/kernel/blob/local-blob-store.ts';
import type { Principal } from '../../src/kernel/principal.ts';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    n: { type: 'string', default: '3500000' },
    samples: { type: 'string', default: '400' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '9' },
  },
});
const N = Number(values.n);
const SAMPLES = Number(values.samples);
const PG_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';

// ---- deterministic random -------------------------------------------------------------------------
let rs = Number(values.seed) >>> 0 || 1;
const rnd = () => {
  rs ^= rs << 13;
  rs >>>= 0;
  rs ^= rs >>> 17;
  rs ^= rs << 5;
  rs >>>= 0;
  return rs / 4294967296;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

// ---- vocabulary -----------------------------------------------------------------------------------
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣怡佳琪晨阳雪梅海峰建国志强春生永福金水文德荣发明辉淑珍丽华秋月'.split('');
const PLACES = ['平潭', '潭城', '苏澳', '流水', '澳前', '北厝', '金井', '君山', '白青', '敖东', '芦洋', '中楼', '屿头', '大练', '南海', '东庠', '海坛', '龙凤头', '坛南湾', '将军山'];
const TRADES = ['科技', '贸易', '建设', '物流', '旅游', '水产', '海洋', '新能源', '电子商务', '文化传媒', '食品', '医药', '置业', '船舶', '数据服务'];
const WORDS = ['恒信', '海峡', '蓝海', '鑫源', '岚岛', '闽台', '润泽', '瑞丰', '嘉禾', '万通', '华晟', '融达', '中联', '海天', '金帆', '宏图', '兴业', '博远', '启航', '星辰'];
const WORKS = ['海上风电场', '污水处理厂', '道路改造工程', '安置房', '客运码头', '度假酒店', '九年一贯制学校', '综合管廊', '环岛路景观提升', '冷链物流园', '游艇码头', '海水淡化厂'];

const names = Array.from({ length: 20_000 }, () => pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.7 ? pick(GIVEN) : ''));
const companies = Array.from({ length: 20_000 }, () => `平潭${pick(WORDS)}${pick(PLACES.slice(1))}${pick(TRADES)}有限公司`);
const projects = Array.from({ length: 3_000 }, () => `${pick(PLACES)}${pick(WORKS)}${rnd() < 0.5 ? `${1 + Math.floor(rnd() * 9)}期` : ''}`);

interface CategoryGen {
  abbr: string;
  responsible: string;
  title: () => string[];
  types: string[];
}
const schedule = shippedSchedule();
const GEN: Record<string, CategoryGen> = {
  XM: { abbr: '岚发改', responsible: '平潭综合实验区行政审批局', title: () => [pick(companies), pick(projects), '项目', pick(['备案证明', '核准批复', '可行性研究报告审批意见'])], types: ['批复', '核准', '备案', '补正通知', '其他'] },
  QY: { abbr: '岚市监', responsible: '平潭综合实验区行政审批局', title: () => [pick(companies), pick(['设立登记', '变更登记', '注销登记', '股权出质登记']), pick(['申请书', '核准通知书', '材料'])], types: ['设立登记', '变更登记', '注销登记', '补正通知'] },
  GJ: { abbr: '岚公积金', responsible: '平潭综合实验区财政金融局', title: () => [pick(names), '住房公积金', pick(['贷款', '提取', '缴存', '转移接续']), pick(['审批表', '申请表', '凭证'])], types: ['贷款', '提取', '缴存'] },
  HY: { abbr: '岚婚', responsible: '平潭综合实验区社会事业局', title: () => [pick(names), pick(names), pick(['结婚登记', '离婚登记', '补领结婚证', '撤销婚姻登记']), pick(['审查处理表', '申请书', '证明材料'])], types: ['其他'] },
  JY: { abbr: '岚交易', responsible: '平潭综合实验区公共资源交易中心', title: () => [pick(projects), pick(['工程施工', '货物采购', '服务采购', '监理服务']), pick(['招标公告', '中标通知书', '合同备案', '投诉处理决定'])], types: ['中标通知', '合同', '投诉处理', '公告'] },
  JS: { abbr: '岚建', responsible: '平潭综合实验区自然资源与规划局', title: () => [pick(companies), pick(projects), pick(['施工许可', '竣工验收备案', '建设工程规划许可'])], types: ['施工许可', '竣工验收', '其他'] },
  SB: { abbr: '岚人社', responsible: '平潭综合实验区社会事业局', title: () => [pick(names), pick(['参保登记', '养老保险待遇核定', '社会保障卡申领', '失业保险金申领'])], types: ['待遇核定', '参保登记', '其他'] },
  TB: { abbr: '岚台', responsible: '平潭综合实验区台湾事务局', title: () => [pick(names), pick(['台湾居民居住证', '台胞就业资格认定', '台资企业认定']), pick(['申请表', '审批表'])], types: ['居住证', '资格认定'] },
  SJ: { abbr: '岚数据', responsible: '平潭综合实验区大数据局', title: () => [pick(companies), pick(['数据资源', '数据产品', '公共数据集']), '产权登记证书'], types: ['其他'] },
  CJ: { abbr: '岚数出', responsible: '平潭综合实验区大数据局', title: () => [pick(companies), pick(['个人信息', '重要数据']), '出境', pick(['安全评估申报', '标准合同备案', '通关记录'])], types: ['出境通关', '退回', '其他'] },
};
const CATS = Object.keys(GEN);
const WEIGHTS = [0.08, 0.14, 0.16, 0.12, 0.06, 0.06, 0.18, 0.06, 0.06, 0.08];
const DEPT: Record<string, number> = { XM: 2, QY: 2, GJ: 5, HY: 8, JY: 6, JS: 7, SB: 8, TB: 9, SJ: 10, CJ: 10 };
const pickCat = () => {
  let x = rnd();
  for (let i = 0; i < CATS.length; i++) if ((x -= WEIGHTS[i]!) < 0) return CATS[i]!;
  return CATS[CATS.length - 1]!;
};

const tokenCache = new Map<string, string[]>();
const tok = (s: string) => {
  let t = tokenCache.get(s);
  if (!t) tokenCache.set(s, (t = searchTokens(s)));
  return t;
};

interface Gen {
  rec: Record<string, unknown>;
  ver: Record<string, unknown>;
  search: Record<string, unknown>;
  tokens: string;
}

const START = Date.parse('2015-01-05T00:00:00Z');
const END = Date.parse('2026-11-20T00:00:00Z');
const series = new Map<string, number>();

function generate(id: number): Gen {
  const cat = pickCat();
  const g = GEN[cat]!;
  const category = schedule.categories.find((c) => c.code === cat)!;
  const date = new Date(START + ((END - START) * (id - 1)) / N).toISOString().slice(0, 10);
  const year = Number(date.slice(0, 4));
  const type = pick(g.types);
  const retention = (category.retention as Record<string, string>)[type] ?? category.retention['default']!;
  const org = category.org;
  const key = `PT01-${cat}·${year}-${retention}-${org}`;
  const item = (series.get(key) ?? 0) + 1;
  series.set(key, item);
  const code = `${key}-${String(item).padStart(4, '0')}`;
  const parts = g.title();
  const title = parts.join('');
  const docNoHead = `${g.abbr}字〔${year}〕`;
  const documentNo = `${docNoHead}${item}号`;
  const owner = rnd() < 0.95 ? DEPT[cat]! : 2 + Math.floor(rnd() * 9);
  const at = `${date}T02:00:00.000Z`;
  const text = [title, g.responsible, documentNo, code].join('\n');
  const tokens = new Set<string>();
  for (const p of parts) for (const t of tok(p)) tokens.add(t);
  for (const t of tok(g.responsible)) tokens.add(t);
  for (const t of tok(docNoHead)) tokens.add(t);
  tokens.add(String(item));
  tokens.add('号');
  for (const t of ['pt01', cat.toLowerCase(), String(year), retention.toLowerCase(), org.toLowerCase(), String(item).padStart(4, '0')]) tokens.add(t);
  for (const t of filterTokens({ fonds: 'PT01', category: cat, year, retention, org, ownerOrgId: owner, date })) tokens.add(t);
  return {
    rec: { id, archival_code: code, series_key: key, fonds: 'PT01', category: cat, year, retention, org_code: org, item_no: item, source: 'api', source_ref: `bench-${id}`, owner_org_id: owner, current_version: 1, created_at: at, path: archivalPath({ fonds: 'PT01', category: cat, year, retention, org, itemNo: item }) },
    ver: { id, record_id: id, version: 1, bag_key: `archives/bags/${cat}/${year}/bench-${id}`, title, responsible: g.responsible, doc_date: date, document_no: documentNo, case_ref: null, metadata: '{}', file_count: 0, payload_bytes: 0, tag_files: '{}', check_result: 'pass', check_report: '{}', reason: null, created_by: 'bench', created_at: at, fixity_checked_at: at, fixity_status: 'ok' },
    search: { record_id: id, version_id: id, doc_date: date, text, indexed_at: at },
    tokens: [...tokens].join(' '),
  };
}

const REC_COLS = ['id', 'archival_code', 'series_key', 'fonds', 'category', 'year', 'retention', 'org_code', 'item_no', 'source', 'source_ref', 'owner_org_id', 'current_version', 'created_at', 'path'];
const REC_TYPES = ['bigint', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'int', 'text', 'text', 'int', 'int', 'text', 'text'];
const VER_COLS = ['id', 'record_id', 'version', 'bag_key', 'title', 'responsible', 'doc_date', 'document_no', 'case_ref', 'metadata', 'file_count', 'payload_bytes', 'tag_files', 'check_result', 'check_report', 'reason', 'created_by', 'created_at', 'fixity_checked_at', 'fixity_status'];
const VER_TYPES = ['bigint', 'bigint', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];
const SEARCH_COLS = ['record_id', 'version_id', 'doc_date', 'text', 'indexed_at'];

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function openBench(): Promise<{ database: Database; fresh: boolean; sqliteFile?: string; pgUrl?: string; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const file = values.db ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'landao-search-bench-')), 'landao.db');
    const fresh = !fs.existsSync(file);
    const database = openSqlite(file);
    return {
      database,
      fresh,
      sqliteFile: file,
      cleanup: async () => {
        await database.close();
        console.log(`database file: ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`);
        if (!values.keep) fs.rmSync(path.dirname(file), { recursive: true, force: true });
      },
    };
  }
  const name = values.db ?? `landao_search_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  const database = openPostgres(u.toString(), 4);
  return {
    database,
    fresh: !exists,
    pgUrl: u.toString(),
    cleanup: async () => {
      await database.close();
      const { rows } = await admin.query<{ size: string }>('SELECT pg_database_size($1)::text AS size', [name]);
      console.log(`database size: ${(Number(rows[0]!.size) / 2 ** 20).toFixed(0)} MiB`);
      if (!values.keep) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function loadCatalog(b: Awaited<ReturnType<typeof openBench>>): Promise<void> {
  const CHUNK = 20_000;
  const t0 = performance.now();
  const c0 = cpu();
  if (b.sqliteFile) {
    await b.database.close();
    const native = new SQLite(b.sqliteFile);
    native.pragma('synchronous = OFF');
    native.pragma('cache_size = -262144');
    const indexes = native.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('archives_records', 'archives_versions')`).all() as { name: string; sql: string }[];
    for (const i of indexes) native.exec(`DROP INDEX ${i.name}`);
    const ins = (table: string, cols: string[]) => native.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`);
    const insRec = ins('archives_records', REC_COLS);
    const insVer = ins('archives_versions', VER_COLS);
    const insSearch = ins('archives_search', SEARCH_COLS);
    const insFts = native.prepare('INSERT INTO archives_search_fts (rowid, tokens) VALUES (?, ?)');
    const tx = native.transaction((gs: Gen[]) => {
      for (const g of gs) {
        insRec.run(g.rec);
        insVer.run(g.ver);
        insSearch.run(g.search);
        // rowid = −record id, as search.repo.ts writes it (newest first in FTS5's forward order).
        insFts.run(-(g.rec['id'] as number), g.tokens);
      }
    });
    for (let id = 1; id <= N; id += CHUNK) {
      const gs: Gen[] = [];
      for (let i = id; i < Math.min(id + CHUNK, N + 1); i++) gs.push(generate(i));
      tx(gs);
      if ((id - 1) % 500_000 === 0) console.log(`  ${id - 1} records, ${secs(performance.now() - t0)}`);
    }
    const ts = performance.now();
    for (const i of indexes) native.exec(i.sql);
    const insSeries = native.prepare('INSERT INTO archives_series (series_key, last_item) VALUES (?, ?)');
    native.transaction(() => {
      for (const [k, v] of series) insSeries.run(k, v);
    })();
    console.log(`  indexes rebuilt in ${secs(performance.now() - ts)}`);
    const to = performance.now();
    native.exec(`INSERT INTO archives_search_fts (archives_search_fts) VALUES ('optimize')`);
    console.log(`  FTS5 optimize (segments merged) in ${secs(performance.now() - to)}`);
    native.exec('ANALYZE');
    native.close();
    b.database = openSqlite(b.sqliteFile);
  } else {
    const client = new pg.Client({ connectionString: b.pgUrl });
    await client.connect();
    await client.query('SET synchronous_commit = off');
    await client.query(`SET maintenance_work_mem = '512MB'`);
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('archives_records', 'archives_versions', 'archives_search') AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    );
    for (const i of indexes) await client.query(`DROP INDEX ${i.indexname}`);
    const insert = async (table: string, cols: string[], types: string[], rows: Record<string, unknown>[]) => {
      await client.query(`INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(', ')})`, cols.map((c) => rows.map((r) => r[c] ?? null)));
    };
    for (let id = 1; id <= N; id += CHUNK) {
      const gs: Gen[] = [];
      for (let i = id; i < Math.min(id + CHUNK, N + 1); i++) gs.push(generate(i));
      await client.query('BEGIN');
      await insert('archives_records', REC_COLS, REC_TYPES, gs.map((g) => g.rec));
      await insert('archives_versions', VER_COLS, VER_TYPES, gs.map((g) => g.ver));
      // The filter columns and pair tokens of migration 0023, as SearchRepo.insertMany writes them.
      const col = (c: string) => gs.map((g) => g.rec[c]);
      const pairs = gs.map((g) => pairTokens({ category: g.rec['category'] as string, year: g.rec['year'] as number, retention: g.rec['retention'] as string, ownerOrgId: g.rec['owner_org_id'] as number }));
      await client.query(
        `INSERT INTO archives_search (record_id, version_id, doc_date, text, indexed_at, tokens, fonds, category, year, retention, org_code, owner_org_id)
         SELECT r, r, d, t, a, array_to_tsvector(string_to_array(k, ' ')), f, c, y, rt, o, w
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::bigint[]) AS u(r, d, t, a, k, f, c, y, rt, o, w)`,
        [col('id'), gs.map((g) => g.search['doc_date']), gs.map((g) => g.search['text']), gs.map((g) => g.search['indexed_at']), gs.map((g, i) => [g.tokens, ...pairs[i]!].join(' ')), col('fonds'), col('category'), col('year'), col('retention'), col('org_code'), col('owner_org_id')],
      );
      await client.query('COMMIT');
      if ((id - 1) % 500_000 === 0) console.log(`  ${id - 1} records, ${secs(performance.now() - t0)}`);
    }
    const ts = performance.now();
    for (const i of indexes) await client.query(i.indexdef);
    await insert('archives_series', ['series_key', 'last_item'], ['text', 'int'], [...series].map(([k, v]) => ({ series_key: k, last_item: v })));
    for (const t of ['archives_records', 'archives_versions']) await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
    await client.query('VACUUM ANALYZE archives_records');
    await client.query('VACUUM ANALYZE archives_versions');
    await client.query('VACUUM ANALYZE archives_search');
    console.log(`  indexes rebuilt + VACUUM ANALYZE in ${secs(performance.now() - ts)}`);
    await client.end();
  }
  console.log(`catalog of ${N} records written in ${secs(performance.now() - t0)} (this process CPU ${secs(cpu() - c0)}), load ${load()}`);
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const b = await openBench();
try {
  console.log(`machine: ${os.cpus().length} cores, load average ${load()}, node ${process.version}, dialect ${dialect}`);
  if (b.fresh) {
    await migrateToLatest(b.database.db);
    await loadCatalog(b);
  } else console.log('reusing the catalog in', values.db);
  const db = b.database.db;
  const count = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM archives_search`.execute(db)).rows[0]!.n);
  console.log(`indexed records: ${count}`);

  // A department (社会事业局, id 8) with approved loans of 20 other departments' records covering today.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const lent = (await sql<{ id: number }>`SELECT id FROM archives_records WHERE owner_org_id <> 8 AND id % 97 = 0 ORDER BY id DESC LIMIT 20`.execute(db)).rows.map((r) => Number(r.id));
  await sql`DELETE FROM archives_loans WHERE requested_by = 'bench'`.execute(db);
  for (const id of lent) await sql`INSERT INTO archives_loans (record_id, requester_org_id, requested_by, purpose, valid_from, valid_until, state, created_at) VALUES (${id}, 8, 'bench', 'bench', ${today}, ${today}, 'approved', ${today})`.execute(db);

  const search = new ArchiveSearch({ db, blobs: new LocalBlobStore(path.join(os.tmpdir(), 'landao-search-bench-blobs')), fonds: 'PT01', now: () => new Date() });
  const bureau: Principal = { kind: 'user', id: 1, name: 'bench', orgId: 1, orgKind: 'department', roles: ['bureau-officer'], scopes: scopesOf(['bureau-officer']), locale: 'zh-CN', ip: null };
  const dept: Principal = { ...bureau, orgId: 8, roles: ['dept-officer'], scopes: scopesOf(['dept-officer']) };
  const mid = `i${Math.floor(N * 0.3)}`;
  const kinds: Record<string, () => [Principal, SearchQuery]> = {
    common: () => [bureau, { q: pick(['登记', '申请书', '有限公司', '审批表', '住房公积金', '项目', '平潭']) }],
    rare: () => [bureau, { q: pick([pick(names), pick(companies), pick(projects), `${pick(names)} 结婚登记`]) }],
    filtered: () => [bureau, pick<SearchQuery>([{ q: '登记', category: pick(CATS), year: 2015 + Math.floor(rnd() * 12) }, { q: pick(['申请表', '证书', '通知书']), retention: pick(['Y', 'D30', 'D10']), department: pick(Object.values(DEPT)) }, { category: pick(CATS), year: 2015 + Math.floor(rnd() * 12) }, { q: '有限公司', dateFrom: '2021-03-01', dateTo: '2021-05-31' }, { q: '结婚登记', category: 'XM' }])],
    deep: () => [bureau, { q: pick(['登记', '有限公司', '申请书']), cursor: mid }],
    department: () => [dept, pick<SearchQuery>([{ q: '登记' }, { q: pick(names) }, { q: '住房公积金' }, { category: 'HY', year: 2020 }, {}])],
    browse: () => [bureau, pick<SearchQuery>([{ path: `PT01/${pick(CATS)}/${2015 + Math.floor(rnd() * 12)}` }, { path: 'PT01/QY/2019/D30/XZSP', cursor: 'pPT01/QY/2019/D30/XZSP/004000' }])],
  };
  const names_ = Object.keys(kinds);
  for (let i = 0; i < 30; i++) {
    const [p, q] = kinds[pick(names_)]!();
    await search.search(p, q);
  }
  const times: Record<string, number[]> = Object.fromEntries(names_.map((k) => [k, []]));
  const all: number[] = [];
  const loadBefore = load();
  const c0 = cpu();
  const w0 = performance.now();
  let results = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const kind = names_[i % names_.length]!;
    const [p, q] = kinds[kind]!();
    const t = performance.now();
    const page = await search.search(p, q);
    const ms = performance.now() - t;
    results += page.items.length;
    times[kind]!.push(ms);
    all.push(ms);
  }
  const wall = performance.now() - w0;
  const row = (k: string, xs: number[]) => `| ${k} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${pct(xs, 99).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;
  console.log(`\n${SAMPLES} searches in ${secs(wall)} (this process CPU ${secs(cpu() - c0)}), ${results} result lines; load before ${loadBefore}, after ${load()}`);
  console.log('| kind | n | p50 ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const k of names_) console.log(row(k, times[k]!));
  console.log(row('all', all));
} finally {
  await b.cleanup();
}
