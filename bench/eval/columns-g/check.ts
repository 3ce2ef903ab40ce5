/**
 * Reads a columns-g set back without the scanner and checks it against its labels:
 *
 *   npx tsx bench/eval/columns-g/check.ts DIR [--all]
 *
 * - the 12 files of truth.json exist, have 200–3,000 rows, and their headers (or JSON paths) are the
 *   labelled ones in the labelled order; the formats are what the README says (GBK without BOM with
 *   CRLF, BOM with CRLF, UTF-8 LF, tab/semicolon/pipe separators, merged title rows over every column,
 *   two sheets, date and number cells, nested JSON with array paths, Parquet physical types);
 * - every typed column: ≥ 90 % of its non-blank cells validate as its type (checksums where the type
 *   has one) and ≥ 50 non-blank cells;
 * - every decoy column: no cell passes a checksum or matches a shape of any type unless the look-alike
 *   is intended and listed in LOOKALIKES (where it must reach the listed share); every NEAR_MISSES
 *   decoy really is the near miss it claims; ≥ 50 non-blank cells;
 * - every free-text column has ≥ 50 non-blank cells; all 25 types occur.
 * Exit status 0 when everything holds, 1 otherwise. `--all` prints every column's figures.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { jsonColumns, parseDelimited, readParquet, readXlsxSheet, scalarText, sniffDelimiter, textLayout } from '../read-table.ts';
import { TYPE_CHECKS, gb11643Kind, isUscc, luhnValid, passesMod112, validDate } from './values.ts';

interface TruthEntry {
  index: number;
  header: string;
  truth: string;
}

const TYPES = [
  'cn_resident_id', 'hk_residence_permit', 'mo_residence_permit', 'tw_residence_permit', 'tw_travel_permit',
  'hkmo_home_return_permit', 'cn_passport', 'tw_national_id', 'hk_id', 'cn_uscc', 'cn_mobile', 'tw_mobile', 'cn_landline',
  'email', 'ip_address', 'mac_address', 'bank_card', 'cn_license_plate', 'vin', 'geo_coordinate', 'person_name', 'address',
  'medical_record', 'genetic_data', 'secret',
];

const digitsOnly = (v: string): string => v.trim().replace(/[\s-]/g, '');

/** What counts as a valid cell of a typed column (a UnionPay card may fail Luhn: a 62 BIN counts). */
const VALID: Record<string, (v: string) => boolean> = {
  ...TYPE_CHECKS,
  cn_resident_id: (v) => gb11643Kind(v) === 'cn',
  bank_card: (v) => /^\d{16,19}$/.test(digitsOnly(v)) && (luhnValid(digitsOnly(v)) || digitsOnly(v).startsWith('62')),
};

/** Column-specific validity where the type has no general shape (secrets). */
const COLUMN_VALID: Record<string, (v: string) => boolean> = {
  'zhihui_yanglao_shouhuan_20240612.ndjson|credentials.deviceSecret': (v) => /^[0-9a-f]{32}$/.test(v),
  'zhihui_yanglao_shouhuan_20240612.ndjson|credentials.mqttPassword': (v) => /^[0-9A-F]{40}$/.test(v),
  'minsu_ruzhu_dengji_2024Q2.xlsx|门锁密码': (v) => /^[1-9]\d{5}$/.test(v),
};

/** Not a value: empty cells and the placeholders the generator writes. */
const BLANKS = new Set(['', '无', '-', 'NULL', 'null', 'N/A', '/', '未提供', '不详']);

/** Intended look-alikes of decoy columns: `file|header` → type → least share of non-blank cells that must match. */
const LOOKALIKES: Record<string, Record<string, number>> = {
  'chongdian_dingdan_jiesuan_202406.csv|meter_addr': { cn_mobile: 0.99 },
  'xiaoyou_juanzeng_mingxi_2024.csv|学号': { cn_mobile: 0.03, cn_landline: 0.05 },
  'xiaoyou_juanzeng_mingxi_2024.csv|职务': { person_name: 0.03 },
  'yuchuan_chugang_baobei_202406_gbk.csv|zylx': { person_name: 0.05 },
  'yuchuan_chugang_baobei_202406_gbk.csv|cgga': { person_name: 0.05 },
  'minsu_ruzhu_dengji_2024Q2.xlsx|民宿名称': { person_name: 0.3 },
  'minsu_ruzhu_dengji_2024Q2.xlsx|客源地': { person_name: 0.001 },
  'minsu_ruzhu_dengji_2024Q2.xlsx|所在村镇': { person_name: 0.03 },
  'kuajing_jinkou_qingdan_20240612.ndjson|goods[].country': { person_name: 0.05 },
  'zhihui_yanglao_shouhuan_20240612.ndjson|device.imei': { cn_resident_id: 0.005 },
};

const NEAR_MISSES: Record<string, [string, (v: string) => boolean, number]> = {
  'yinhang_guiyuan_liushui_20240612.parquet|jrnl_no': [
    '18 digits = county 350128 + a real date, MOD 11-2, Luhn and GB 32100 all wrong',
    (v) => /^350128\d{12}$/.test(v) && validDate(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14))) && !passesMod112(v) && !luhnValid(v) && !isUscc(v),
    0.99,
  ],
  'chongdian_dingdan_jiesuan_202406.csv|pile_id': ['16 digits failing Luhn', (v) => /^\d{16}$/.test(v) && !luhnValid(v), 0.99],
  'chongdian_dingdan_jiesuan_202406.csv|unionpay_qr_txn': ['20 digits starting 62 (a UnionPay BIN, one digit too long)', (v) => /^62\d{18}$/.test(v), 0.99],
  'chongdian_dingdan_jiesuan_202406.csv|pile_lat': ['a lone latitude with 6 decimals (no pair)', (v) => /^2[45]\.\d{6}$/.test(v), 0.99],
  'chongdian_dingdan_jiesuan_202406.csv|pile_lng': ['a lone longitude with 6 decimals (no pair)', (v) => /^119\.\d{6}$/.test(v), 0.99],
  'chongdian_dingdan_jiesuan_202406.csv|sim_iccid': ['20-digit ICCID 8986…, Luhn-valid', (v) => /^8986\d{16}$/.test(v) && luhnValid(v), 0.99],
  'xiehao_zhuanwang_rizhi_202406.parquet|new_iccid': ['20-digit ICCID 8986…, Luhn-valid', (v) => /^8986\d{16}$/.test(v) && luhnValid(v), 0.99],
  'zhihui_yanglao_shouhuan_20240612.ndjson|device.imei': ['15-digit IMEI, Luhn-valid', (v) => /^\d{15}$/.test(v) && luhnValid(v), 0.99],
  'zhihui_yanglao_shouhuan_20240612.ndjson|location.gridCenter': ['a lat,lng pair with 2 decimals (~1 km grid)', (v) => /^\d{2}\.\d{2},\d{3}\.\d{2}$/.test(v), 0.99],
  'yiyuan_menzhen_fayao_202406.xlsx|批准文号': ['国药准字 + H and 8 digits (a 回乡证 shape inside)', (v) => /^国药准字H\d{8}$/.test(v), 0.6],
  'yiyuan_menzhen_fayao_202406.xlsx|就诊卡号': ['12 digits led by 0128 (not an area code)', (v) => /^0128\d{8}$/.test(v), 0.99],
  'shebao_qianfei_mingdan_2024Q2.csv|社会保障卡号': ['a letter other than G/E/H/M + 8 digits', (v) => /^[ABCDFJKLST]\d{8}$/.test(v), 0.99],
  'yinhang_guiyuan_liushui_20240612.parquet|counter_acct': ['12 or 14-digit corporate account', (v) => /^(\d{12}|\d{14})$/.test(v), 0.99],
  'taibao_jiazhao_huanling_2024.tsv|档案编号': ['12 digits led by city code 3501', (v) => /^3501\d{8}$/.test(v), 0.99],
  'yuchuan_chugang_baobei_202406_gbk.csv|cmch': ['闽平渔 + 5 digits (province character, not a plate)', (v) => /^闽平渔\d{5}$/.test(v), 0.99],
  'yuchuan_chugang_baobei_202406_gbk.csv|MMSI': ['9-digit MMSI 412/413/414', (v) => /^41[234]\d{6}$/.test(v), 0.99],
};

/** Per file: the layout README.md promises. */
interface Layout {
  kind: 'csv' | 'xlsx' | 'json' | 'ndjson' | 'parquet';
  enc?: 'gbk' | 'bom' | 'utf8';
  crlf?: boolean;
  sep?: string;
  /** XLSX: headers whose cells must include numbers; count of date columns. */
  numberHeaders?: string[];
  dateColumns?: number;
  /** Parquet: column → physical type (and converted type). */
  parquet?: Record<string, string>;
  arrays?: number;
}

const LAYOUT: Record<string, Layout> = {
  'yiyuan_menzhen_fayao_202406.xlsx': { kind: 'xlsx', numberHeaders: ['联系电话', '数量', '金额'], dateColumns: 2 },
  'yuchuan_chugang_baobei_202406_gbk.csv': { kind: 'csv', enc: 'gbk', crlf: true, sep: ',' },
  'taibao_jiazhao_huanling_2024.tsv': { kind: 'csv', enc: 'utf8', crlf: false, sep: '\t' },
  'chongdian_dingdan_jiesuan_202406.csv': { kind: 'csv', enc: 'utf8', crlf: false, sep: ';' },
  'xiaoyou_juanzeng_mingxi_2024.csv': { kind: 'csv', enc: 'bom', crlf: true, sep: ',' },
  'fayuan_zhixing_anjian_2024.json': { kind: 'json', arrays: 6 },
  'xiehao_zhuanwang_rizhi_202406.parquet': { kind: 'parquet', parquet: { msisdn: 'INT64', apply_time: 'INT64/TIMESTAMP_MILLIS', arrears_amount: 'DOUBLE', contract_months: 'INT32', is_vip: 'BOOLEAN', cert_no: 'BYTE_ARRAY/UTF8' } },
  'kuajing_jinkou_qingdan_20240612.ndjson': { kind: 'ndjson', arrays: 3 },
  'minsu_ruzhu_dengji_2024Q2.xlsx': { kind: 'xlsx', numberHeaders: ['手机号', '房费'], dateColumns: 2 },
  'shebao_qianfei_mingdan_2024Q2.csv': { kind: 'csv', enc: 'utf8', crlf: false, sep: '|' },
  'zhihui_yanglao_shouhuan_20240612.ndjson': { kind: 'ndjson', arrays: 0 },
  'yinhang_guiyuan_liushui_20240612.parquet': { kind: 'parquet', parquet: { txn_time: 'INT64/TIMESTAMP_MILLIS', amount: 'DOUBLE', seq_in_day: 'INT32', is_reversal: 'BOOLEAN', jrnl_no: 'BYTE_ARRAY/UTF8' } },
};

interface Columns {
  values: (e: TruthEntry) => string[];
  headers: string[];
  rows: number;
}

const problems: string[] = [];
const fail = (msg: string): void => {
  problems.push(msg);
};

async function read(dir: string, file: string, entries: TruthEntry[]): Promise<Columns> {
  const path = join(dir, file);
  const lay = LAYOUT[file];
  if (lay === undefined) {
    fail(`${file}: not a file of this set`);
    return { headers: [], rows: 0, values: () => [] };
  }
  const ext = extname(file);
  if (lay.kind === 'json' || lay.kind === 'ndjson') {
    const buf = readFileSync(path);
    const { text, bom, utf8 } = textLayout(buf);
    if (bom || !utf8) fail(`${file}: expected UTF-8 without BOM`);
    let records: unknown[];
    if (lay.kind === 'json') {
      const doc = JSON.parse(text) as unknown;
      if (!Array.isArray(doc)) fail(`${file}: not a JSON array`);
      records = doc as unknown[];
    } else {
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      records = lines.map((l) => JSON.parse(l) as unknown);
      if (text.includes('\r')) fail(`${file}: NDJSON with CR`);
    }
    const cols = jsonColumns(records);
    const arrays = [...cols.keys()].filter((k) => k.includes('[]')).length;
    if ((lay.arrays ?? 0) > 0 && arrays < (lay.arrays ?? 0)) fail(`${file}: expected ≥ ${lay.arrays} array paths, found ${arrays}`);
    if (![...cols.keys()].some((k) => k.includes('.'))) fail(`${file}: no nested paths`);
    return { headers: [...cols.keys()], rows: records.length, values: (e) => cols.get(e.header) ?? [] };
  }
  if (lay.kind === 'parquet') {
    const { columns, rows } = await readParquet(readFileSync(path));
    for (const [name, want] of Object.entries(lay.parquet ?? {})) {
      const el = columns.find((c) => c.name === name);
      const got = el === undefined ? 'missing' : el.converted_type !== undefined ? `${el.type}/${el.converted_type}` : el.type;
      if (got !== want && !(want === 'INT64' && got === 'INT64')) fail(`${file}: column ${name} is ${got}, expected ${want}`);
    }
    return { headers: columns.map((c) => c.name), rows: rows.length, values: (e) => rows.map((r) => scalarText(r[e.header])) };
  }
  if (lay.kind === 'xlsx') {
    const { workbook, sheet, table, headerAt, dateColumns, numberColumns } = await readXlsxSheet(path, entries[0]?.header);
    if (headerAt !== 1) fail(`${file}: header expected on row 2 (under a title row), found at ${headerAt + 1}`);
    const n = entries.length;
    const first = sheet.getCell(1, 1);
    const last = sheet.getCell(1, n);
    if (!first.isMerged || !last.isMerged || last.master.address !== 'A1') fail(`${file}: title row is not merged over all ${n} columns`);
    if (workbook.worksheets.length !== 2) fail(`${file}: expected two sheets, found ${workbook.worksheets.length}`);
    if (dateColumns.size < (lay.dateColumns ?? 0)) fail(`${file}: expected ≥ ${lay.dateColumns} date columns, found ${dateColumns.size}`);
    const headers = table[headerAt] ?? [];
    for (const h of lay.numberHeaders ?? []) {
      const i = headers.indexOf(h);
      if (i < 0 || !numberColumns.has(i)) fail(`${file}: column ${h} has no number cells`);
    }
    const body = table.slice(headerAt + 1);
    return { headers, rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
  }
  const buf = readFileSync(path);
  const { bom, utf8, crlf, bareLf, text } = textLayout(buf);
  if (lay.enc === 'gbk' && (utf8 || bom)) fail(`${file}: expected GBK without BOM`);
  if (lay.enc === 'bom' && (!bom || !utf8)) fail(`${file}: expected UTF-8 with BOM`);
  if (lay.enc === 'utf8' && (bom || !utf8)) fail(`${file}: expected UTF-8 without BOM`);
  if (lay.crlf === true && (!crlf || bareLf)) fail(`${file}: expected CRLF line ends only`);
  if (lay.crlf === false && crlf) fail(`${file}: expected LF line ends`);
  const sep = sniffDelimiter(text);
  if (sep !== lay.sep) fail(`${file}: delimiter sniffed as ${JSON.stringify(sep)}, expected ${JSON.stringify(lay.sep)}`);
  if (ext === '.tsv' && sep !== '\t') fail(`${file}: .tsv not tab-separated`);
  const table = parseDelimited(text, lay.sep ?? sep);
  const body = table.slice(1);
  const width = (table[0] ?? []).length;
  const ragged = body.findIndex((r) => r.length !== width);
  if (ragged >= 0) fail(`${file}: row ${ragged + 2} has ${body[ragged]?.length} cells, header ${width}`);
  return { headers: table[0] ?? [], rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

async function main(): Promise<number> {
  const dir = process.argv[2];
  const all = process.argv.includes('--all');
  if (dir === undefined || dir.startsWith('--')) {
    console.error('usage: npx tsx bench/eval/columns-g/check.ts DIR [--all]');
    return 2;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;
  if (Object.keys(truth).length !== 12) fail(`expected 12 files, truth.json lists ${Object.keys(truth).length}`);
  for (const f of Object.keys(LAYOUT)) if (truth[f] === undefined) fail(`${f}: missing from truth.json`);
  const seenTypes = new Set<string>();
  const usedLookalikes = new Set<string>();
  let typedCount = 0;
  let decoyCount = 0;
  let freeCount = 0;
  for (const [file, entries] of Object.entries(truth)) {
    const cols = await read(dir, file, entries);
    if (cols.rows < 200 || cols.rows > 3000) fail(`${file}: ${cols.rows} rows, outside 200–3,000`);
    const labelled = entries.map((e) => e.header);
    if (cols.headers.length !== labelled.length || cols.headers.some((h, i) => h !== labelled[i])) fail(`${file}: headers differ from the labels: ${cols.headers.join(',')} vs ${labelled.join(',')}`);
    entries.forEach((e, i) => {
      if (e.index !== i) fail(`${file}: entry ${e.header} has index ${e.index}, expected ${i}`);
    });
    const t = entries.filter((e) => e.truth !== 'decoy' && e.truth !== 'free_text').length;
    console.log(`${file}: ${cols.rows} rows, ${entries.length} columns (${t} typed, ${entries.filter((e) => e.truth === 'decoy').length} decoy, ${entries.filter((e) => e.truth === 'free_text').length} free)`);
    for (const e of entries) {
      const key = `${file}|${e.header}`;
      const filled = cols.values(e).filter((v) => !BLANKS.has(v.trim()));
      if (filled.length < 50) fail(`${key}: only ${filled.length} non-blank cells`);
      if (e.truth === 'free_text') {
        freeCount++;
        if (all) console.log(`  free   ${e.header}: ${filled.length} non-blank`);
        continue;
      }
      if (e.truth !== 'decoy') {
        typedCount++;
        seenTypes.add(e.truth);
        const valid = COLUMN_VALID[key] ?? VALID[e.truth];
        if (valid === undefined) {
          fail(`${key}: no validator for ${e.truth}`);
          continue;
        }
        const bad = filled.filter((v) => !valid(v));
        const ok = filled.length - bad.length;
        let extra = '';
        if (e.truth === 'bank_card') extra = `, Luhn-valid ${pct(filled.filter((v) => luhnValid(digitsOnly(v))).length, filled.length)}`;
        if (all || ok / Math.max(1, filled.length) < 0.9) console.log(`  typed  ${e.header} [${e.truth}]: ${filled.length} non-blank, ${pct(ok, filled.length)} valid${extra}${bad.length > 0 ? `; e.g. ${bad.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}` : ''}`);
        if (ok / Math.max(1, filled.length) < 0.9) fail(`${key}: only ${pct(ok, filled.length)} of non-blank cells are valid ${e.truth}`);
        continue;
      }
      decoyCount++;
      const hits: string[] = [];
      const allowed = LOOKALIKES[key] ?? {};
      for (const [type, check] of Object.entries(TYPE_CHECKS)) {
        const n = filled.filter((v) => check(v)).length;
        const min = allowed[type];
        if (min !== undefined) {
          usedLookalikes.add(key);
          hits.push(`${type} ${pct(n, filled.length)} (intended)`);
          if (n / Math.max(1, filled.length) < min) fail(`${key}: intended look-alike of ${type} matches only ${pct(n, filled.length)}`);
        } else if (n > 0) {
          hits.push(`${type} ${pct(n, filled.length)}`);
          fail(`${key}: decoy has ${n} cells valid as ${type}, e.g. ${JSON.stringify(filled.find((v) => check(v)))}`);
        }
      }
      const near = NEAR_MISSES[key];
      if (near !== undefined) {
        const n = filled.filter((v) => near[1](v)).length;
        hits.push(`${near[0]}: ${pct(n, filled.length)}`);
        if (n / Math.max(1, filled.length) < near[2]) fail(`${key}: expected ${near[0]}, only ${pct(n, filled.length)}`);
      }
      if (all) console.log(`  decoy  ${e.header}: ${filled.length} non-blank${hits.length > 0 ? `; ${hits.join('; ')}` : ''}`);
    }
  }
  for (const k of [...Object.keys(LOOKALIKES), ...Object.keys(NEAR_MISSES), ...Object.keys(COLUMN_VALID)]) {
    const [file, header] = k.split('|') as [string, string];
    const want = k in COLUMN_VALID ? undefined : 'decoy';
    if (!(truth[file] ?? []).some((e) => e.header === header && (want === undefined ? e.truth !== 'decoy' : e.truth === want))) fail(`${k}: listed column is not in the set as expected`);
  }
  const missing = TYPES.filter((t) => !seenTypes.has(t));
  if (missing.length > 0) fail(`types never labelled: ${missing.join(', ')}`);
  console.log(`\n${Object.keys(truth).length} files, ${typedCount + decoyCount + freeCount} columns: ${typedCount} typed, ${decoyCount} decoy, ${freeCount} free-text; ${seenTypes.size}/25 types; ${usedLookalikes.size} decoys with intended look-alikes, ${Object.keys(NEAR_MISSES).length} near misses`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`- ${p}`);
    return 1;
  }
  console.log('all checks hold');
  return 0;
}

process.exitCode = await main();
