/**
 * Service hall cases (issue 7): inbox, citizen case list, workflow transitions and the overdue scan
 * with a million cases.
 *
 *   npx tsx bench/services/cases.bench.ts --n 1000000 --dialect sqlite|postgres
 *       [--applicants 20000] [--stall 0.2] [--transitions 2000] [--samples 300] [--no-http] [--seed 7]
 *
 * 1. The whole platform (`createPlatform`, demo data, the shipped catalog of 108 items, the process
 *    definitions) on a fresh database. Then n cases are written straight into the tables the service
 *    writes (services_cases, services_case_actions, services_case_tasks): for each case a log of legal
 *    actions is generated (submit, then accept / correction / resubmit / approve / reject / the "one
 *    thing" branches, picked from `allowedActions`, a few days apart), folded with the engine, and the
 *    projection written exactly as `CaseService.append` writes it. Items, departments and officers are
 *    the real ones; submissions spread over 300 days up to now; a share of cases (`--stall`) stops
 *    half-way, which leaves open cases with deadlines months in the past. Timer processes
 *    (court-auction) are left out: their pending timers would need job rows. Audit events of the bulk
 *    cases are not written (the audit log is its own chain; the measured actions do write theirs).
 *    A sample of cases is then replayed through `CaseService.replay`: stored projection = fold(log).
 * 2. Through the real service (the platform's CaseService, with the notification subscriber that
 *    `landao serve` wires): an officer's inbox of the busiest department (first page, following the
 *    keyset cursor deep, random deep cursors, overdue filter), citizens' case lists, accept/approve
 *    transitions on open cases at concurrency 1 and 4, and the overdue list and deadline scan over all
 *    open cases. Then the same reads once more over HTTP (Fastify inject, signed-in sessions).
 * 3. EXPLAIN (QUERY PLAN) of the repository's queries.
 *
 * SQLite in a temporary directory; PostgreSQL (LANDAO_BENCH_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) in a database created for the run and dropped after.
 * Prints load averages with every section: the machine is shared.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { toChinaDate } from '../../src/kernel/calendar/calendar.ts';
import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';
import type { Principal } from '../../src/kernel/principal.ts';
import { scopesOf } from '../../src/contexts/identity/index.ts';
import { ServiceItemCatalog, allowedProcessActions, foldProcess, readShippedCatalog, type ItemForCase, type ProcessDefinition, type ProcessState } from '../../src/contexts/services/index.ts';
import { createPlatform } from '../../src/main.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    dialect: { type: 'string', default: 'sqlite' },
    applicants: { type: 'string', default: '20000' },
    stall: { type: 'string', default: '0.2' },
    transitions: { type: 'string', default: '2000' },
    samples: { type: 'string', default: '300' },
    'no-http': { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
  },
});
const N = Number(values.n);
const DIALECT = values.dialect;
const APPLICANTS = Number(values.applicants);
const STALL = Number(values.stall);
const TRANSITIONS = Number(values.transitions);
const SAMPLES = Number(values.samples);
if (!Number.isInteger(N) || N <= 0 || (DIALECT !== 'sqlite' && DIALECT !== 'postgres') || !(APPLICANTS >= 1) || !(STALL >= 0 && STALL < 1)) {
  console.error('usage: cases.bench.ts --n <cases> --dialect sqlite|postgres [--applicants k] [--stall share] [--transitions t] [--samples s] [--no-http]');
  process.exit(2);
}
const PG_URL = process.env.LANDAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// ---- helpers ------------------------------------------------------------------------------------

let seedState = Number(values.seed) >>> 0 || 7;
/** mulberry32: the same cases for the same seed. */
function rnd(): number {
  seedState = (seedState + 0x6d2b79f5) >>> 0;
  let t = seedState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const results: { what: string; n: number; p50: number; p95: number; p99: number; extra: string; load: string }[] = [];

function report(what: string, times: number[], extra = ''): void {
  const s = [...times].sort((a, b) => a - b);
  const r = { what, n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), extra, load: load() };
  results.push(r);
  console.log(`${what.padEnd(58)} n=${String(r.n).padStart(5)}  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  ${extra}  [load ${r.load}]`);
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

// ---- the database --------------------------------------------------------------------------------

async function open(): Promise<{ database: Database; dataDir: string; sqliteFile?: string; pgUrl?: string; cleanup: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-cases-bench-'));
  if (DIALECT === 'sqlite') {
    const file = path.join(dataDir, 'landao.db');
    const database = openSqlite(file);
    return {
      database,
      dataDir,
      sqliteFile: file,
      cleanup: async () => {
        console.log(`database file: ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `landao_cases_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  const database = openPostgres(u.toString(), 10);
  return {
    database,
    dataDir,
    pgUrl: u.toString(),
    cleanup: async () => {
      const { rows } = await admin.query<{ size: string }>(`SELECT pg_database_size($1)::text AS size`, [name]);
      console.log(`database size: ${(Number(rows[0]!.size) / 2 ** 20).toFixed(0)} MiB`);
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---- generated cases -----------------------------------------------------------------------------

const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '许', '郑', '谢', '郭', '洪', '曾', '邱', '廖', '赖', '周'];
const GIVEN = ['志明', '美玲', '俊杰', '雅婷', '家豪', '怡君', '宗翰', '淑芬', '建宏', '佩珊', '冠宇', '诗涵', '承恩', '欣怡', '宏伟', '玉兰'];
const ADDRESSES = ['平潭综合实验区潭城镇西航路88号', '平潭综合实验区金井湾片区台湾创业园3号楼', '平潭综合实验区苏澳镇海峡路12号', '平潭综合实验区流水镇环岛路6号'];

interface Applicant {
  userId: number;
  name: string;
  kind: string;
  permit: string;
  phone: string;
}
interface Officer {
  userId: number;
  name: string;
  orgId: number;
}
interface Gen {
  caseRow: Record<string, unknown>;
  actions: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
}

// ---- main ----------------------------------------------------------------------------------------

const t0 = performance.now();
console.log(`services cases bench: n=${N} dialect=${DIALECT} applicants=${APPLICANTS} stall=${STALL} node ${process.version} cores ${os.cpus().length}  [load ${load()}]`);
const { database, dataDir, sqliteFile, pgUrl, cleanup } = await open();
const config = loadConfig({ NODE_ENV: 'test', LANDAO_DATA_DIR: dataDir, LANDAO_LOG_LEVEL: 'silent', LANDAO_JOB_WORKERS: '0' });
const platform = await createPlatform(config, { database, signer: LocalKeySigner.generate() });
try {
  await platform.http.ready();
  const cases = platform.cases;
  const db = database.db;
  console.log(`platform with demo data: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Real users as principals (as main.ts builds them for the demo).
  const reader: Principal = { kind: 'token', id: 0, name: 'bench', orgId: null, orgKind: null, roles: [], scopes: new Set(['identity.users:read:all']), locale: 'zh-CN', ip: null };
  const principal = async (username: string): Promise<Principal> => {
    const u = (await platform.identity.listUsers(reader, { q: username, page: 1, pageSize: 20 })).items.find((x) => x.username === username)!;
    return { kind: 'user', id: u.id, name: u.displayName, orgId: u.org?.id ?? null, orgKind: u.org?.kind ?? null, roles: u.roles, scopes: scopesOf(u.roles), locale: u.locale, ip: null };
  };
  const officers = new Map<string, Officer>();
  for (const username of ['shenpi', 'shuiwu', 'minzheng', 'budongchan', 'fayuan', 'shichang']) {
    const p = await principal(username);
    const org = await platform.identity.orgById(p.orgId!);
    officers.set(org!.code, { userId: p.id, name: p.name, orgId: p.orgId! });
  }
  const officerPrincipal = async (code: string): Promise<Principal> => {
    const o = officers.get(code);
    if (o) return { kind: 'user', id: o.userId, name: o.name, orgId: o.orgId, orgKind: 'department', roles: ['dept-officer'], scopes: scopesOf(['dept-officer']), locale: 'zh-CN', ip: null };
    const org = (await platform.identity.orgByCode(code))!;
    return { kind: 'user', id: 900_000 + org.id, name: `${code} 经办人`, orgId: org.id, orgKind: 'department', roles: ['dept-officer'], scopes: scopesOf(['dept-officer']), locale: 'zh-CN', ip: null };
  };
  const taibao = await principal('taibao');
  const bureau = await principal('bureau');

  // The shipped items (业务办理项) as cases see them, and their processes.
  const catalog = new ServiceItemCatalog({ db, audit: platform.audit, departments: (code) => platform.identity.orgByCode(code) });
  const shipped = readShippedCatalog() as { items: { code: string; level: string }[] };
  const items: ItemForCase[] = [];
  for (const i of shipped.items) if (i.level === 'handling') items.push((await catalog.itemForCase(i.code))!);
  const defs = new Map<string, { version: number; definition: ProcessDefinition }>();
  for (const key of new Set(items.map((i) => i.processKey))) defs.set(key, await cases.currentProcess(key));
  const hasTimer = (d: ProcessDefinition) => Object.values(d.nodes).some((n) => n.type === 'timer');
  const usable = items.filter((i) => !hasTimer(defs.get(i.processKey)!.definition));
  const orgIdOf = new Map<string, number>();
  const deptCodes = new Set<string>();
  for (const i of usable) deptCodes.add(i.departmentCode);
  for (const d of defs.values()) for (const n of Object.values(d.definition.nodes)) if (n.type === 'task' && n.department !== '$item') deptCodes.add(n.department);
  for (const code of deptCodes) orgIdOf.set(code, (await platform.identity.orgByCode(code))!.id);
  // A busy hall: 行政审批局 (PT-XZSP) gets a share several times its items' share.
  const weights = usable.map((i) => (i.departmentCode === 'PT-XZSP' ? 4 : 1) * (defs.get(i.processKey)!.definition.key === 'standard' ? 1 : 0.5));
  const cumulative: number[] = [];
  weights.reduce((acc, w) => (cumulative.push(acc + w), acc + w), 0);
  const pickItem = () => {
    const x = rnd() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return usable[lo]!;
  };
  console.log(`items: ${usable.length} usable of ${items.length} (processes ${[...new Set(usable.map((i) => i.processKey))].join(', ')}), departments ${[...deptCodes].join(', ')}`);

  // Applicants: taibao (a real account, so the HTTP run can sign in as an applicant) and synthetic ids.
  const applicants: Applicant[] = [{ userId: taibao.id, name: '李志明', kind: 'taiwan_resident', permit: '830000199001010012', phone: '13905910000' }];
  for (let k = 1; k < APPLICANTS; k++) {
    const tw = rnd() < 0.8;
    applicants.push({
      userId: 10_000_000 + k,
      name: pick(SURNAMES) + pick(GIVEN),
      kind: tw ? 'taiwan_resident' : 'mainland_resident',
      permit: tw ? `830000${1960 + Math.floor(rnd() * 45)}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}${String(Math.floor(rnd() * 10000)).padStart(4, '0')}` : `3501281990${String(k).padStart(8, '0')}`,
      phone: `139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
    });
  }

  const deadlineMemo = new Map<string, string>();
  const deadlineOf = (acceptedAt: string | null, days: number): string | null => {
    if (!acceptedAt) return null;
    const day = toChinaDate(new Date(acceptedAt));
    const k = `${day}/${days}`;
    let d = deadlineMemo.get(k);
    if (d === undefined) deadlineMemo.set(k, (d = platform.calendar.addWorkingDays(day, days)));
    return d;
  };
  const chinaDate = (iso: string) => toChinaDate(new Date(iso));
  const actorJson = (kind: string, id: number, orgId: number | null) => canonicalJson({ kind, id: String(id), orgId, ip: null });

  const nowMs = Date.now();
  const SPAN = 300 * 86400_000;
  const HOUR = 3600_000;
  /** One case: a legal log picked from the allowed actions, its fold, and the rows the service would have written. */
  function generate(id: number, number: string, i: number): Gen {
    const item = pickItem();
    const { version, definition: def } = defs.get(item.processKey)!;
    const applicant = i % 50 === 0 ? applicants[0]! : applicants[Math.floor(rnd() * applicants.length)]!;
    const submittedMs = nowMs - SPAN + Math.floor((i / N) * SPAN) + Math.floor(rnd() * 60_000);
    const form: Record<string, unknown> = { name: applicant.name, permit: applicant.permit, phone: applicant.phone, address: pick(ADDRESSES) };
    const stall = rnd() < STALL;
    const records: { seq: number; action: string; taskId: string | null; at: string; detail: Record<string, unknown> }[] = [];
    const actors: [string, string][] = [];
    const submittedAt = new Date(submittedMs).toISOString();
    records.push({ seq: 1, action: 'submit', taskId: null, at: submittedAt, detail: { form, itemDepartment: item.departmentCode, itemCode: item.code, itemVersion: item.version } });
    actors.push([actorJson('user', applicant.userId, null), applicant.name]);
    let state: ProcessState = foldProcess(def, records);
    let t = submittedMs;
    let latestForm = form;
    for (;;) {
      const allowed = allowedProcessActions(def, state).filter((a) => a.action !== 'hand_over' && a.action !== 'withdraw');
      if (allowed.length === 0) break;
      if (stall && rnd() < 0.35) break;
      const forward = allowed.filter((a) => a.action !== 'reject' && a.action !== 'request_correction');
      let a = forward.length > 0 ? pick(forward) : pick(allowed);
      const r = rnd();
      const reject = allowed.find((x) => x.action === 'reject');
      const correction = allowed.find((x) => x.action === 'request_correction');
      if (correction && r < 0.1) a = correction;
      else if (reject && r > 0.95) a = reject;
      t += a.action === 'resubmit' ? 24 * HOUR + Math.floor(rnd() * 96 * HOUR) : HOUR + Math.floor(rnd() * 40 * HOUR);
      if (t > nowMs - 60_000) break;
      const detail: Record<string, unknown> = {};
      if (a.action === 'reject') detail.reason = '申请材料与办理条件不符';
      if (a.action === 'request_correction') detail.missing = ['台湾居民来往大陆通行证扫描件（正反面）', '近期免冠照片'];
      if (a.action === 'resubmit') detail.form = latestForm = { ...form, note: '已按一次性告知补齐材料' };
      records.push({ seq: records.length + 1, action: a.action, taskId: a.taskId, at: new Date(t).toISOString(), detail });
      if (a.by === 'applicant') actors.push([actorJson('user', applicant.userId, null), applicant.name]);
      else {
        const o = officers.get(a.by);
        const orgId = orgIdOf.get(a.by)!;
        actors.push(o ? [actorJson('user', o.userId, orgId), o.name] : [actorJson('user', 900_000 + orgId, orgId), `${a.by} 经办人`]);
      }
      state = foldProcess(def, records);
    }
    const last = records[records.length - 1]!;
    const deadline = deadlineOf(state.acceptedAt, item.promisedDays);
    const caseRow = {
      id,
      number,
      item_code: item.code,
      item_version: item.version,
      item_name: canonicalJson(item.name),
      department_org_id: orgIdOf.get(item.departmentCode)!,
      process_key: item.processKey,
      process_version: version,
      applicant_user_id: applicant.userId,
      applicant_org_id: null,
      applicant_name: applicant.name,
      applicant_kind: applicant.kind,
      form: canonicalJson(latestForm),
      prefill: canonicalJson({}),
      promised_days: item.promisedDays,
      state: state.status,
      outcome: state.outcome,
      submitted_at: submittedAt,
      submitted_on: chinaDate(submittedAt),
      accepted_at: state.acceptedAt,
      closed_at: state.closedAt,
      closed_on: state.closedAt ? chinaDate(state.closedAt) : null,
      deadline,
      last_seq: last.seq,
      updated_at: last.at,
    };
    const actions = records.map((r, k) => ({ case_id: id, seq: r.seq, action: r.action, task_node: r.taskId, actor: actors[k]![0], actor_name: actors[k]![1], detail: canonicalJson(r.detail), at: r.at }));
    const tasks = Object.values(state.tasks).map((tk) => ({
      case_id: id,
      case_number: number,
      node: tk.id,
      department_org_id: orgIdOf.get(tk.department)!,
      assignee_user_id: tk.assigneeUserId,
      status: tk.status,
      escalated: tk.escalated ? 1 : 0,
      opened_at: tk.openedAt,
      closed_at: tk.closedAt,
      due_date: deadline,
    }));
    return { caseRow, actions, tasks };
  }

  // ---- bulk load ---------------------------------------------------------------------------------
  const CASE_COLS = ['id', 'number', 'item_code', 'item_version', 'item_name', 'department_org_id', 'process_key', 'process_version', 'applicant_user_id', 'applicant_org_id', 'applicant_name', 'applicant_kind', 'form', 'prefill', 'promised_days', 'state', 'outcome', 'submitted_at', 'submitted_on', 'accepted_at', 'closed_at', 'closed_on', 'deadline', 'last_seq', 'updated_at'];
  const CASE_TYPES = ['bigint', 'text', 'text', 'int', 'text', 'bigint', 'text', 'int', 'bigint', 'bigint', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text'];
  const ACTION_COLS = ['case_id', 'seq', 'action', 'task_node', 'actor', 'actor_name', 'detail', 'at'];
  const ACTION_TYPES = ['bigint', 'int', 'text', 'text', 'text', 'text', 'text', 'text'];
  const TASK_COLS = ['case_id', 'case_number', 'node', 'department_org_id', 'assignee_user_id', 'status', 'escalated', 'opened_at', 'closed_at', 'due_date'];
  const TASK_TYPES = ['bigint', 'text', 'text', 'bigint', 'bigint', 'text', 'int', 'text', 'text', 'text'];

  const firstId = Number((await sql<{ m: number | null }>`select max(id) as m from services_cases`.execute(db)).rows[0]?.m ?? 0) + 1;
  const year = toChinaDate(new Date()).slice(0, 4);
  const seqRow = await sql<{ value: number }>`select value from services_case_sequences where name = ${`case:${year}`}`.execute(db);
  const firstSeq = Number(seqRow.rows[0]?.value ?? 0) + 1;

  let writeChunk: (cs: Gen[]) => Promise<void>;
  let finishLoad: () => Promise<void>;
  if (sqliteFile) {
    const native = new SQLite(sqliteFile);
    native.pragma('busy_timeout = 10000');
    native.pragma('synchronous = OFF');
    const ins = (table: string, cols: string[]) => native.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => '@' + c).join(', ')})`);
    const insCase = ins('services_cases', CASE_COLS);
    const insAction = ins('services_case_actions', ACTION_COLS);
    const insTask = ins('services_case_tasks', TASK_COLS);
    const tx = native.transaction((cs: Gen[]) => {
      for (const g of cs) {
        insCase.run(g.caseRow);
        for (const a of g.actions) insAction.run(a);
        for (const tk of g.tasks) insTask.run(tk);
      }
    });
    writeChunk = async (cs) => {
      tx(cs);
    };
    finishLoad = async () => {
      native.close();
    };
  } else {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const insert = async (table: string, cols: string[], types: string[], rows: Record<string, unknown>[]) => {
      const arrays = cols.map((c) => rows.map((r) => r[c] ?? null));
      await client.query(`insert into ${table} (${cols.join(', ')}) select * from unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(', ')})`, arrays);
    };
    writeChunk = async (cs) => {
      await client.query('begin');
      await insert('services_cases', CASE_COLS, CASE_TYPES, cs.map((g) => g.caseRow));
      await insert('services_case_actions', ACTION_COLS, ACTION_TYPES, cs.flatMap((g) => g.actions));
      await insert('services_case_tasks', TASK_COLS, TASK_TYPES, cs.flatMap((g) => g.tasks));
      await client.query('commit');
    };
    finishLoad = async () => {
      for (const tbl of ['services_cases', 'services_case_actions', 'services_case_tasks']) await client.query(`select setval(pg_get_serial_sequence('${tbl}', 'id'), (select max(id) from ${tbl}))`);
      await client.end();
    };
  }
  const b0 = performance.now();
  let chunk: Gen[] = [];
  let genMs = 0;
  for (let i = 0; i < N; i++) {
    const g0 = performance.now();
    chunk.push(generate(firstId + i, `TW${year}${String(firstSeq + i).padStart(7, '0')}`, i));
    genMs += performance.now() - g0;
    if (chunk.length === 5000 || i === N - 1) {
      await writeChunk(chunk);
      chunk = [];
      if ((i + 1) % 100_000 === 0) console.log(`  ${i + 1} cases  ${((performance.now() - b0) / 1000).toFixed(0)} s  [load ${load()}]`);
    }
  }
  await finishLoad();
  await sql`insert into services_case_sequences (name, value) values (${`case:${year}`}, ${firstSeq + N - 1}) on conflict (name) do update set value = excluded.value`.execute(db);
  const loadS = (performance.now() - b0) / 1000;
  if (database.dialect === 'postgres') {
    const a0 = performance.now();
    for (const tbl of ['services_cases', 'services_case_actions', 'services_case_tasks']) await sql.raw(`vacuum analyze ${tbl}`).execute(db);
    console.log(`vacuum analyze: ${((performance.now() - a0) / 1000).toFixed(1)} s`);
  }
  const count = async (q: string) => Number((await sql.raw<{ n: number }>(q).execute(db)).rows[0]!.n);
  const totals = {
    cases: await count('select count(*) as n from services_cases'),
    actions: await count('select count(*) as n from services_case_actions'),
    tasks: await count('select count(*) as n from services_case_tasks'),
    open: await count('select count(*) as n from services_cases where closed_at is null'),
  };
  const today = cases.today();
  const overdueTotal = await count(`select count(*) as n from services_cases where closed_at is null and deadline < '${today}'`);
  console.log(`bulk load: ${N} cases in ${loadS.toFixed(1)} s (generation ${(genMs / 1000).toFixed(1)} s): ${JSON.stringify(totals)}, overdue ${overdueTotal}  [load ${load()}]`);
  const byState = (await sql<{ state: string; n: number }>`select state, count(*) as n from services_cases group by state order by state`.execute(db)).rows;
  console.log(`states: ${byState.map((r) => `${r.state} ${r.n}`).join(', ')}`);
  const byDept = (await sql<{ d: number; n: number }>`select department_org_id as d, count(*) as n from services_case_tasks where status = 'open' group by department_org_id order by 2 desc`.execute(db)).rows;
  console.log(`open tasks per department: ${byDept.map((r) => `${r.d}:${r.n}`).join(', ')}`);

  // ---- the projection must equal fold(log) ------------------------------------------------------
  let checked = 0;
  for (let k = 0; k < 300; k++) {
    const id = firstId + Math.floor(rnd() * N);
    const { stored, folded } = await cases.replay(id);
    if (canonicalJson(stored) !== canonicalJson(folded)) throw new Error(`case ${id}: stored projection differs from fold(log)\n${canonicalJson(stored)}\n${canonicalJson(folded)}`);
    checked++;
  }
  console.log(`replay: ${checked} random cases, stored projection = fold(log) for every one`);

  // ---- reads through the service ----------------------------------------------------------------
  const busyOrg = Number(byDept[0]!.d);
  const busyCode = (await platform.identity.orgById(busyOrg))!.code;
  const officer = await officerPrincipal(busyCode);
  const openTasks = Number(byDept[0]!.n);
  console.log(`\nbusiest department ${busyCode} (${openTasks} open tasks)  [load ${load()}]`);

  for (let k = 0; k < 20; k++) await cases.inbox(officer, {}); // warm-up
  const first: number[] = [];
  for (let k = 0; k < SAMPLES; k++) first.push((await timed(() => cases.inbox(officer, {})))[0]);
  report(`inbox first page (${busyCode}, open, 20)`, first);

  const follow: number[] = [];
  let cursor: string | null | undefined;
  let pages = 0;
  for (; pages < Math.min(SAMPLES, 500); pages++) {
    const [ms, page] = await timed(() => cases.inbox(officer, { cursor: cursor ?? undefined }));
    follow.push(ms);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  report(`inbox following nextCursor (pages 1..${pages})`, follow);

  const range = (await sql<{ lo: number; hi: number }>`select min(id) as lo, max(id) as hi from services_case_tasks where department_org_id = ${busyOrg} and status = 'open'`.execute(db)).rows[0]!;
  const deep: number[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const c = String(Math.floor(Number(range.lo) + rnd() * (Number(range.hi) - Number(range.lo))));
    deep.push((await timed(() => cases.inbox(officer, { cursor: c })))[0]);
  }
  report('inbox deep page (random keyset cursor)', deep);

  const ovd: number[] = [];
  for (let k = 0; k < Math.min(SAMPLES, 100); k++) ovd.push((await timed(() => cases.inbox(officer, { overdue: true })))[0]);
  report('inbox overdue=true first page', ovd);

  const other: number[] = [];
  for (let k = 0; k < Math.min(SAMPLES, 100); k++) other.push((await timed(() => cases.inbox(officer, { state: k % 2 ? 'awaiting_applicant' : 'done' })))[0]);
  report('inbox state=done / awaiting_applicant first page', other);

  const citizen = (a: Applicant): Principal => ({ kind: 'user', id: a.userId, name: a.name, orgId: null, orgKind: null, roles: ['citizen'], scopes: scopesOf(['citizen']), locale: 'zh-TW', ip: null });
  const mine: number[] = [];
  const mine2: number[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const p = citizen(applicants[1 + Math.floor(rnd() * (applicants.length - 1))]!);
    const [ms, page] = await timed(() => cases.myCases(p, {}));
    mine.push(ms);
    if (page.nextCursor) mine2.push((await timed(() => cases.myCases(p, { cursor: page.nextCursor! })))[0]);
  }
  const perApplicant = Math.round(N / APPLICANTS);
  report(`citizen case list first page (~${perApplicant} cases each)`, mine);
  if (mine2.length) report('citizen case list second page', mine2);
  const heavy: number[] = [];
  const taibaoCount = await count(`select count(*) as n from services_cases where applicant_user_id = ${taibao.id}`);
  for (let k = 0; k < Math.min(SAMPLES, 100); k++) heavy.push((await timed(() => cases.myCases(taibao, {})))[0]);
  report(`citizen case list, heaviest applicant (${taibaoCount} cases)`, heavy);

  // ---- transitions --------------------------------------------------------------------------------
  // Open standard-process cases at acceptance (accept) or review (approve), of departments with an officer.
  const candidates = (
    await sql<{ case_id: number; node: string; department_org_id: number }>`
      select t.case_id, t.node, t.department_org_id from services_case_tasks t join services_cases c on c.id = t.case_id
      where t.status = 'open' and c.process_key = 'standard' and t.node in ('acceptance', 'review') order by t.id desc limit ${TRANSITIONS * 3}`.execute(db)
  ).rows;
  const principals = new Map<number, Principal>();
  for (const o of officers.values()) principals.set(o.orgId, await officerPrincipal((await platform.identity.orgById(o.orgId))!.code));
  const work = candidates.filter((c) => principals.has(Number(c.department_org_id)));
  console.log(`\ntransitions: ${work.length} candidate tasks  [load ${load()}]`);
  let next = 0;
  for (const concurrency of [1, 4]) {
    const lat: number[] = [];
    const take = work.slice(next, next + TRANSITIONS);
    next += TRANSITIONS;
    let idx = 0;
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (;;) {
          const c = take[idx++];
          if (!c) return;
          const p = principals.get(Number(c.department_org_id))!;
          lat.push((await timed(() => cases.act(p, Number(c.case_id), { action: c.node === 'acceptance' ? 'accept' : 'approve', taskId: c.node })))[0]);
        }
      }),
    );
    const secs = (performance.now() - w0) / 1000;
    const cpu = process.cpuUsage(c0);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    // Node's own CPU per transition (the database server's is not in it on PostgreSQL): what one free core would do.
    report(
      `transitions accept/approve, concurrency ${concurrency}`,
      lat,
      `**${(take.length / secs).toFixed(0)} transitions/s** (${take.length} in ${secs.toFixed(2)} s); node CPU ${((cpuS / take.length) * 1000).toFixed(2)} ms each = ${(take.length / cpuS).toFixed(0)}/s per CPU-s`,
    );
  }
  for (let k = 0; k < 20; k++) {
    const c = work[Math.floor(rnd() * Math.min(next, work.length))]!;
    const { stored, folded } = await cases.replay(Number(c.case_id));
    if (canonicalJson(stored) !== canonicalJson(folded)) throw new Error(`case ${c.case_id}: projection differs after the measured transitions`);
  }

  // ---- overdue ----------------------------------------------------------------------------------
  console.log(`\noverdue: ${overdueTotal} open cases past their deadline of ${totals.open} open  [load ${load()}]`);
  const api: number[] = [];
  for (let k = 0; k < 10; k++) api.push((await timed(() => cases.overdue(bureau, { limit: 50 })))[0]);
  report('overdue list first page + total (bureau, all departments)', api);
  const deptOvd: number[] = [];
  for (let k = 0; k < 10; k++) deptOvd.push((await timed(() => cases.overdue(officer, { limit: 50 })))[0]);
  report(`overdue list first page (${busyCode} officer)`, deptOvd);
  const walk: number[] = [];
  let walked = 0;
  for (let k = 0; k < 3; k++) {
    const [ms] = await timed(async () => {
      let c: string | undefined;
      walked = 0;
      for (;;) {
        const page = await cases.overdue(bureau, { cursor: c, limit: 500 });
        walked += page.items.length;
        if (!page.nextCursor) break;
        c = page.nextCursor;
      }
    });
    walk.push(ms);
  }
  report(`overdue list walked to the end (${walked} cases, pages of 500)`, walk);
  const scan: number[] = [];
  let scanned = { overdue: 0, dueSoon: 0 };
  for (let k = 0; k < 3; k++) {
    // The job's own loop with a listener that only counts (the real one enqueues notifications).
    const [ms, r] = await timed(() => {
      const s = cases as unknown as { deps: { onDeadline?: unknown } };
      const saved = s.deps.onDeadline;
      s.deps.onDeadline = async () => undefined;
      return cases.deadlineScan().finally(() => {
        s.deps.onDeadline = saved;
      });
    });
    scan.push(ms);
    scanned = r;
  }
  report(`deadline scan job over all open cases (${scanned.overdue} overdue, ${scanned.dueSoon} due soon)`, scan);

  // ---- HTTP -----------------------------------------------------------------------------------------
  if (!values['no-http']) {
    const login = async (username: string) => {
      const res = await platform.http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Demo@2026' } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const raw = res.headers['set-cookie'];
      const cookie = (Array.isArray(raw) ? raw[0]! : raw!).split(';')[0]!;
      return { cookie, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
    };
    const officerUser = [...officers.entries()].find(([code]) => code === busyCode);
    const username = { 'PT-XZSP': 'shenpi', 'PT-SW': 'shuiwu', 'PT-SHSY': 'minzheng', 'PT-BDC': 'budongchan', 'PT-FY': 'fayuan', 'PT-SCJG': 'shichang' }[busyCode] ?? 'shenpi';
    if (!officerUser) console.log(`(no demo officer for ${busyCode}; HTTP inbox as shenpi)`);
    const oh = await login(username);
    const th = await login('taibao');
    const bh = await login('bureau');
    const get = async (url: string, headers: Record<string, string>) => {
      const [ms, res] = await timed(() => platform.http.inject({ method: 'GET', url, headers }));
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
      return ms;
    };
    console.log(`\nHTTP (inject)  [load ${load()}]`);
    const h1: number[] = [];
    for (let k = 0; k < SAMPLES; k++) h1.push(await get('/api/services/inbox?limit=20', oh));
    report(`HTTP GET /api/services/inbox (${username})`, h1);
    const h2: number[] = [];
    for (let k = 0; k < SAMPLES; k++) h2.push(await get('/api/services/my/cases?limit=20', th));
    report(`HTTP GET /api/services/my/cases (taibao, ${taibaoCount} cases)`, h2);
    const h3: number[] = [];
    for (let k = 0; k < 10; k++) h3.push(await get('/api/services/overdue?limit=50', bh));
    report('HTTP GET /api/services/overdue (bureau)', h3);
    const h4: number[] = [];
    const httpWork = work.slice(next, next + 200).filter((c) => Number(c.department_org_id) === orgIdOf.get(username === 'shenpi' ? 'PT-XZSP' : busyCode));
    const w0 = performance.now();
    for (const c of httpWork) {
      const [ms, res] = await timed(() =>
        platform.http.inject({ method: 'POST', url: `/api/services/cases/${c.case_id}/actions`, headers: oh, payload: { action: c.node === 'acceptance' ? 'accept' : 'approve', taskId: c.node } }),
      );
      if (res.statusCode !== 200) throw new Error(`POST action: ${res.statusCode} ${res.body}`);
      h4.push(ms);
    }
    if (h4.length) report('HTTP POST /api/services/cases/:id/actions (concurrency 1)', h4, `${(h4.length / ((performance.now() - w0) / 1000)).toFixed(0)} transitions/s`);
  }

  // ---- plans --------------------------------------------------------------------------------------
  const explain = async (title: string, q: string) => {
    const prefix = database.dialect === 'postgres' ? 'explain (analyze, buffers off, costs off, timing off, summary on) ' : 'explain query plan ';
    const rows = (await sql.raw<Record<string, unknown>>(prefix + q).execute(db)).rows;
    const text = database.dialect === 'postgres' ? rows.map((r) => String(r['QUERY PLAN'])).join('\n') : rows.map((r) => `${'  '.repeat(Number(r.parent) > 0 ? 1 : 0)}${String(r.detail)}`).join('\n');
    console.log(`\n-- ${title}\n${text}`);
  };
  const someUser = applicants[1]!.userId;
  await explain(
    'inbox first page',
    `select t.*, c.item_name, c.state as case_state, c.deadline, c.applicant_name, c.submitted_at, c.process_key, c.process_version from services_case_tasks t inner join services_cases c on c.id = t.case_id where t.department_org_id = ${busyOrg} and t.status in ('open') order by t.id desc limit 20`,
  );
  await explain(
    'inbox overdue filter',
    `select t.*, c.item_name from services_case_tasks t inner join services_cases c on c.id = t.case_id where t.department_org_id = ${busyOrg} and t.status in ('open') and t.due_date < '${today}' order by t.id desc limit 20`,
  );
  await explain('citizen case list', `select * from services_cases where applicant_user_id = ${someUser} order by id desc limit 20`);
  await explain('overdue page', `select * from services_cases where closed_at is null and deadline < '${today}' order by deadline, id limit 500`);
  await explain('overdue count', `select count(*) from services_cases where closed_at is null and deadline < '${today}'`);
  const mid = (await sql<{ deadline: string; id: number }>`select deadline, id from services_cases where closed_at is null and deadline < ${today} order by deadline, id limit 1 offset 20000`.execute(db)).rows[0];
  if (mid) {
    await explain(
      'overdue page after a keyset cursor (deadline scan, ids and deadlines only)',
      `select id, deadline from services_cases where closed_at is null and deadline < '${today}' and deadline >= '${mid.deadline}' and (deadline > '${mid.deadline}' or id > ${mid.id}) order by deadline, id limit 500`,
    );
  }
  await explain("one department's overdue page", `select * from services_cases where closed_at is null and deadline < '${today}' and department_org_id = ${busyOrg} order by deadline, id limit 50`);

  console.log('\n| measurement | n | p50 ms | p95 ms | p99 ms | notes | load avg (1/5/15 min) |\n|---|---:|---:|---:|---:|---|---|');
  for (const r of results) console.log(`| ${r.what} | ${r.n} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.extra} | ${r.load} |`);
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(0)} s`);
} finally {
  await platform.close();
  await database.close();
  await cleanup();
}
