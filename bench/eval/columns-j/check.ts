/**
 * Reads a columns-j set back (bench/eval/read-table.ts: exceljs, hyparquet, its own delimited reader) and
 * checks it without the scanner:
 *
 *   npx tsx bench/eval/columns-j/check.ts DIR [--all]
 *
 * - the twelve files of truth.json exist, have 200–3,000 rows, and their headers (or JSON paths) are the
 *   labelled ones in the labelled order, indices 0…n−1;
 * - each file's layout is the one README.md gives (GBK without BOM + CRLF, UTF-8 BOM + CRLF, UTF-8 LF;
 *   comma/semicolon/pipe/tab as `sniffDelimiter` finds it; every row as wide as the header; XLSX title row
 *   merged over every column above the header, two sheets, date and number cells in the named columns;
 *   Parquet column types incl. INT64 mobiles and a TIMESTAMP; JSON array and NDJSON with nested and
 *   array paths);
 * - every typed column: ≥ 90 % of its non-blank cells valid for its type (checksums with real GB/T 2260
 *   county codes and real dates where the type has one) and ≥ 50 non-blank cells;
 * - every decoy cell: no checksum of any type passes on the cell or any alphanumeric token of it (resident
 *   ID and permits under any province prefix with a real date, the 15-digit form with a date, GB 32100,
 *   ISO 3779, HKID, Taiwan ID, Luhn on 16–19 digits), and no shape of a type matches the whole cell unless
 *   listed in LOOKALIKES (where it must reach the listed share); each NEAR_MISSES decoy is the near miss it
 *   claims; every decoy and free-text column has ≥ 50 non-blank cells;
 * - all 25 types occur.
 * Exit status 0 when everything holds, 1 otherwise. `--all` prints every column's figures.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decode, jsonColumns, parseDelimited, readParquet, readXlsxSheet, scalarText, sniffDelimiter, textLayout } from '../read-table.ts';
import {
  checksumHit,
  gb11643Kind,
  isCnLandline,
  isCnMobile,
  isCnPassport,
  isEmail,
  isGeo,
  isHkid,
  isHomeReturnPermit,
  isIp,
  isMac,
  isMtp,
  isPlate,
  isTwMobile,
  isTwNationalId,
  isUscc,
  isVin,
  legacyShapedValid,
  looksLikeAddress,
  looksLikeGenetic,
  looksLikeMedical,
  looksLikeName,
  looksLikeSecret,
  luhnValid,
} from './values.ts';

interface TruthEntry {
  index: number;
  header: string;
  truth: string;
}

const TYPES = [
  'cn_resident_id', 'hk_residence_permit', 'mo_residence_permit', 'tw_residence_permit', 'tw_travel_permit', 'hkmo_home_return_permit',
  'cn_passport', 'tw_national_id', 'hk_id', 'cn_uscc', 'cn_mobile', 'tw_mobile', 'cn_landline', 'email', 'ip_address', 'mac_address',
  'bank_card', 'cn_license_plate', 'vin', 'geo_coordinate', 'person_name', 'address', 'medical_record', 'genetic_data', 'secret',
];

const digitsOnly = (v: string): string => v.replace(/[\s-]/g, '');
const idKind = (v: string): string | null => gb11643Kind(v.trim());

/** Strict validators: a checksum or a fixed code must hold. */
const STRICT: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => {
    const k = idKind(v);
    if (k === 'cn' || k === 'legacy') return true;
    // 特种作业操作证号 = T + the ID number (an identifier that is the ID number)
    return /^T\d{17}[\dXx]$/.test(v.trim()) && idKind(v.trim().slice(1)) === 'cn';
  },
  hk_residence_permit: (v) => idKind(v) === '810000',
  mo_residence_permit: (v) => idKind(v) === '820000',
  tw_residence_permit: (v) => idKind(v) === '830000',
  cn_uscc: (v) => isUscc(v),
  vin: (v) => isVin(v),
  hk_id: (v) => isHkid(v),
  tw_national_id: (v) => isTwNationalId(v),
  bank_card: (v) => /^\d{16,19}$/.test(digitsOnly(v)) && luhnValid(digitsOnly(v)),
};

/** Shape validators (no checksum exists, or the type is judged by its form). */
const SHAPE: Record<string, (v: string) => boolean> = {
  cn_mobile: isCnMobile,
  tw_mobile: isTwMobile,
  cn_landline: isCnLandline,
  tw_travel_permit: isMtp,
  hkmo_home_return_permit: isHomeReturnPermit,
  cn_passport: isCnPassport,
  email: isEmail,
  ip_address: isIp,
  mac_address: isMac,
  geo_coordinate: isGeo,
  cn_license_plate: isPlate,
  person_name: looksLikeName,
  address: looksLikeAddress,
  medical_record: looksLikeMedical,
  genetic_data: looksLikeGenetic,
  secret: looksLikeSecret,
};

const VALID: Record<string, (v: string) => boolean> = {
  ...SHAPE,
  ...STRICT,
  // A UnionPay card may fail Luhn (customs.md §4): 16–19 digits of a 62 BIN count; the Luhn share is printed apart.
  bank_card: (v) => /^\d{16,19}$/.test(digitsOnly(v)) && (luhnValid(digitsOnly(v)) || digitsOnly(v).startsWith('62')),
};

/** Not a value: empty cells and the placeholders the generator writes. */
const BLANKS = new Set(['', '无', '無', '-', 'NULL', 'null', 'N/A', '不详', '未提供', '/', '否', '未取名', '未做', '待报告', '未办理']);

/** Decoys that are intended to look like a type: `file|header` → type → least share of non-blank cells. */
const LOOKALIKES: Record<string, Record<string, number>> = {
  'taibao_qingchuang_jidi_ruzhu_2024.csv|商標註冊號': { tw_travel_permit: 0.99 },
};

/** Decoys that are near misses of a type (the claim, the test, the least share). */
const NEAR_MISSES: Record<string, [string, (v: string) => boolean, number]> = {
  'gongdi_shimingzhi_kaoqin_202406.csv|project_code': ['16 digits under a county code, Luhn wrong', (v) => /^35\d{14}$/.test(v) && !luhnValid(v), 0.99],
  'ncre_kaoshi_baoming_202409.ndjson|exam.ticketNo': ['15 digits under province 35, positions 9–10 = 24 (no date)', (v) => /^35\d{6}24\d{5}$/.test(v) && !legacyShapedValid(v), 0.99],
  'diandongche_shangpai_dengji_202406.csv|3C证书编号': ['16 digits, Luhn wrong', (v) => /^\d{16}$/.test(v) && !luhnValid(v), 0.99],
  'diandongche_shangpai_dengji_202406.csv|电机编号': ['17 characters of the VIN alphabet, ISO 3779 wrong', (v) => /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && !isVin(v), 0.99],
  'diandongche_shangpai_dengji_202406.csv|号牌号码': ['e-bike plate: city name + letter + 5 digits', (v) => /^福州[A-Z]\d{5}$/.test(v), 0.99],
  'yuezi_zhongxin_ruzhu_dengji_2024.csv|丈夫身份证(脱敏)': ['masked resident ID', (v) => /^\d{6}\*{8}\d{3}[\dX]$/.test(v), 0.99],
  'ncre_kaoshi_baoming_202409.ndjson|client.userAgent': ['user agent with an IPv4-shaped version token (Chrome/126.0.0.0)', (v) => /Chrome\/1\d\d\.0\.0\.0/.test(v), 0.5],
  'pingtan_malasong_baoming_2024.ndjson|runner.nameEn': ['Latin-script name', (v) => /^[A-Z]+( [A-Z]+)*(-[A-Z]+)?$/.test(v), 0.99],
  'taibao_qingchuang_jidi_ruzhu_2024.csv|健保卡號': ['12 digits starting 0000', (v) => /^0000\d{8}$/.test(v), 0.99],
  'wangba_shangwang_dengji_20240620.tsv|场所编码': ['14 digits under a county code', (v) => /^3501\d{10}$/.test(v), 0.99],
  'binyiguan_fuwu_dengji_2024_gbk.csv|swzmbh': ['A + county code + 2-digit year + 5 digits (13 digits after the letter)', (v) => /^A35\d{11}$/.test(v), 0.99],
};

type Layout =
  | { kind: 'text'; encoding: 'gbk' | 'bom' | 'utf8'; crlf: boolean; delimiter: string }
  | { kind: 'xlsx'; dates: string[]; numbers: string[] }
  | { kind: 'parquet'; types: Record<string, string> }
  | { kind: 'json' | 'ndjson'; arrays: boolean; depth: number };

const LAYOUT: Record<string, Layout> = {
  'jiapei_xueyuan_dangan_2024H1.xlsx': { kind: 'xlsx', dates: ['出生日期', '报名日期'], numbers: ['序号', '联系电话', '科目一成绩', '培训费(元)'] },
  'binyiguan_fuwu_dengji_2024_gbk.csv': { kind: 'text', encoding: 'gbk', crlf: true, delimiter: ',' },
  'diandongche_shangpai_dengji_202406.csv': { kind: 'text', encoding: 'bom', crlf: true, delimiter: ';' },
  'ncre_kaoshi_baoming_202409.ndjson': { kind: 'ndjson', arrays: false, depth: 3 },
  'gongzufang_peizu_mingdan_2024.json': { kind: 'json', arrays: true, depth: 2 },
  'taibao_qingchuang_jidi_ruzhu_2024.csv': { kind: 'text', encoding: 'utf8', crlf: false, delimiter: '|' },
  'wangba_shangwang_dengji_20240620.tsv': { kind: 'text', encoding: 'utf8', crlf: false, delimiter: '\t' },
  'kouqiang_zhensuo_jiuzhen_2024H1.parquet': {
    kind: 'parquet',
    types: { mobile: 'INT64', visit_time: 'INT64/TIMESTAMP', age: 'INT32', fee: 'DOUBLE', insurance_paid: 'DOUBLE', first_visit: 'BOOLEAN', id_card: 'BYTE_ARRAY', patient_name: 'BYTE_ARRAY' },
  },
  'gongdi_shimingzhi_kaoqin_202406.csv': { kind: 'text', encoding: 'utf8', crlf: false, delimiter: ',' },
  'wurenji_shiming_dengji_2024H1.xlsx': { kind: 'xlsx', dates: ['登记日期'], numbers: ['序号', '手机', '空机重量(g)', '最大起飞重量(kg)'] },
  'pingtan_malasong_baoming_2024.ndjson': { kind: 'ndjson', arrays: false, depth: 2 },
  'yuezi_zhongxin_ruzhu_dengji_2024.csv': { kind: 'text', encoding: 'utf8', crlf: false, delimiter: ',' },
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
  const ext = extname(file);
  const layout = LAYOUT[file];
  if (layout === undefined) {
    fail(`${file}: not a file of this set`);
    return { headers: [], rows: 0, values: () => [] };
  }
  const buf = readFileSync(path);
  if (layout.kind === 'json' || layout.kind === 'ndjson') {
    const t = decode(buf);
    const records = layout.kind === 'json' ? (JSON.parse(t) as unknown[]) : t.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
    if (layout.kind === 'json' && !t.trimStart().startsWith('[')) fail(`${file}: not a JSON array`);
    if (layout.kind === 'ndjson' && t.trimStart().startsWith('[')) fail(`${file}: not NDJSON`);
    const cols = jsonColumns(records);
    const paths = [...cols.keys()];
    if (!paths.some((p) => p.split('.').length >= layout.depth)) fail(`${file}: no path ${layout.depth} levels deep`);
    if (layout.arrays && !paths.some((p) => p.includes('[]'))) fail(`${file}: no array path`);
    return { headers: paths, rows: records.length, values: (e) => cols.get(e.header) ?? [] };
  }
  if (layout.kind === 'parquet') {
    const { columns, rows } = await readParquet(buf);
    for (const [name, want] of Object.entries(layout.types)) {
      const c = columns.find((x) => x.name === name);
      const got = c === undefined ? 'missing' : c.type === 'INT64' && (c.converted_type === 'TIMESTAMP_MILLIS' || c.logical_type?.type === 'TIMESTAMP') ? 'INT64/TIMESTAMP' : String(c.type);
      if (got !== want) fail(`${file}: column ${name} is ${got}, expected ${want}`);
    }
    return { headers: columns.map((c) => c.name), rows: rows.length, values: (e) => rows.map((r) => scalarText(r[e.header])) };
  }
  if (layout.kind === 'xlsx') {
    const { workbook, sheet, table, headerAt, dateColumns, numberColumns } = await readXlsxSheet(path, entries[0]?.header);
    const n = entries.length;
    if (headerAt !== 1 || !sheet.getCell(1, 1).isMerged || !sheet.getCell(1, n).isMerged) fail(`${file}: expected a title row merged over all ${n} columns above the header`);
    if (workbook.worksheets.length !== 2) fail(`${file}: expected two sheets, found ${workbook.worksheets.length}`);
    const headers = table[headerAt] ?? [];
    for (const h of layout.dates) if (!dateColumns.has(headers.indexOf(h))) fail(`${file}: ${h} holds no date cells`);
    for (const h of layout.numbers) if (!numberColumns.has(headers.indexOf(h))) fail(`${file}: ${h} holds no number cells`);
    const body = table.slice(headerAt + 1);
    return { headers: headers.slice(0, n), rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
  }
  if (layout.kind !== 'text') throw new Error('unreachable');
  const { bom, utf8, crlf, bareLf, text } = textLayout(buf);
  if (layout.encoding === 'gbk' && (utf8 || bom)) fail(`${file}: expected GBK without BOM`);
  if (layout.encoding === 'bom' && !bom) fail(`${file}: expected a UTF-8 BOM`);
  if (layout.encoding === 'utf8' && (!utf8 || bom)) fail(`${file}: expected UTF-8 without BOM`);
  if (layout.crlf && (!crlf || bareLf)) fail(`${file}: expected CRLF line ends only`);
  if (!layout.crlf && crlf) fail(`${file}: expected LF line ends`);
  if (sniffDelimiter(text) !== layout.delimiter) fail(`${file}: delimiter sniffed as ${JSON.stringify(sniffDelimiter(text))}, expected ${JSON.stringify(layout.delimiter)}`);
  if ((ext === '.tsv') !== (layout.delimiter === '\t')) fail(`${file}: extension and delimiter disagree`);
  const table = parseDelimited(text, layout.delimiter);
  const body = table.slice(1);
  for (const [i, r] of body.entries()) if (r.length !== (table[0] ?? []).length) fail(`${file}: row ${i + 2} has ${r.length} cells`);
  return { headers: table[0] ?? [], rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

async function main(): Promise<number> {
  const dir = process.argv[2];
  const all = process.argv.includes('--all');
  if (dir === undefined || dir.startsWith('--')) {
    console.error('usage: npx tsx bench/eval/columns-j/check.ts DIR [--all]');
    return 2;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;
  if (Object.keys(truth).length !== 12) fail(`expected 12 files, truth.json lists ${Object.keys(truth).length}`);
  for (const f of Object.keys(LAYOUT)) if (truth[f] === undefined) fail(`${f}: missing from truth.json`);
  const seenTypes = new Set<string>();
  let typedCount = 0;
  let decoyCount = 0;
  let freeCount = 0;
  for (const [file, entries] of Object.entries(truth)) {
    const cols = await read(dir, file, entries);
    if (cols.rows < 200 || cols.rows > 3000) fail(`${file}: ${cols.rows} rows, outside 200–3,000`);
    const labelled = entries.map((e) => e.header);
    if (cols.headers.length !== labelled.length || cols.headers.some((h, i) => h.replace(/^\uFEFF/, '') !== labelled[i])) fail(`${file}: headers differ from the labels: ${cols.headers.join(',')} vs ${labelled.join(',')}`);
    entries.forEach((e, i) => {
      if (e.index !== i) fail(`${file}: entry ${e.header} has index ${e.index}, expected ${i}`);
    });
    const t = entries.filter((e) => e.truth !== 'decoy' && e.truth !== 'free_text').length;
    const d = entries.filter((e) => e.truth === 'decoy').length;
    console.log(`${file}: ${cols.rows} rows, ${entries.length} columns (${t} typed, ${d} decoy, ${entries.length - t - d} free)`);
    for (const e of entries) {
      const key = `${file}|${e.header}`;
      const filled = cols.values(e).filter((v) => !BLANKS.has(v.trim()));
      if (e.truth === 'free_text') {
        freeCount++;
        if (filled.length < 50) fail(`${key}: free text with only ${filled.length} non-blank cells`);
        if (all) console.log(`  free   ${e.header}: ${filled.length} non-blank`);
        continue;
      }
      if (e.truth !== 'decoy') {
        typedCount++;
        seenTypes.add(e.truth);
        const valid = VALID[e.truth];
        if (valid === undefined) {
          fail(`${key}: unknown type ${e.truth}`);
          continue;
        }
        const bad = filled.filter((v) => !valid(v));
        const share = filled.length === 0 ? 0 : (filled.length - bad.length) / filled.length;
        const distinct = new Set(filled).size;
        let extra = '';
        if (e.truth === 'bank_card') extra = `, Luhn-valid ${pct(filled.filter((v) => STRICT.bank_card?.(v) === true).length, filled.length)}`;
        if (all || share < 0.9 || filled.length < 50) console.log(`  typed  ${e.header} [${e.truth}]: ${filled.length} non-blank (${distinct} distinct), ${pct(filled.length - bad.length, filled.length)} valid${extra}${bad.length > 0 ? `; e.g. ${bad.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}` : ''}`);
        if (share < 0.9) fail(`${key}: only ${pct(filled.length - bad.length, filled.length)} of non-blank cells are valid ${e.truth}`);
        if (filled.length < 50) fail(`${key}: only ${filled.length} non-blank cells`);
        continue;
      }
      decoyCount++;
      if (filled.length < 50) fail(`${key}: decoy with only ${filled.length} non-blank cells`);
      const hits: string[] = [];
      const sums = filled.map((v) => [v, checksumHit(v)] as const).filter(([, h]) => h !== null);
      if (sums.length > 0) {
        hits.push(`checksum ${pct(sums.length, filled.length)}`);
        fail(`${key}: ${sums.length} decoy cells pass a checksum, e.g. ${JSON.stringify(sums[0]?.[0])} as ${sums[0]?.[1]}`);
      }
      const allowed = LOOKALIKES[key] ?? {};
      for (const [type, check] of Object.entries(SHAPE)) {
        if (type === 'secret') continue; // hashes, ids and tokens share the form of a secret; only the header tells
        const n = filled.filter((v) => check(v)).length;
        const min = allowed[type];
        if (min !== undefined) {
          hits.push(`${type} ${pct(n, filled.length)} (intended)`);
          if (n / Math.max(1, filled.length) < min) fail(`${key}: intended look-alike of ${type} matches only ${pct(n, filled.length)}`);
        } else if (n > 0) {
          hits.push(`${type} ${pct(n, filled.length)}`);
          fail(`${key}: decoy has ${n} cells shaped as ${type}, e.g. ${JSON.stringify(filled.find((v) => check(v)))}`);
        }
      }
      const near = NEAR_MISSES[key];
      if (near !== undefined) {
        const n = filled.filter((v) => near[1](v)).length;
        hits.push(`near miss: ${near[0]} ${pct(n, filled.length)}`);
        if (n / Math.max(1, filled.length) < near[2]) fail(`${key}: expected ${near[0]}, only ${pct(n, filled.length)}`);
      }
      if (all || hits.some((h) => !h.endsWith('(intended)') && !h.startsWith('near miss'))) console.log(`  decoy  ${e.header}: ${filled.length} non-blank${hits.length > 0 ? `; ${hits.join('; ')}` : ''}`);
    }
  }
  for (const k of [...Object.keys(LOOKALIKES), ...Object.keys(NEAR_MISSES)]) {
    const [file, header] = k.split('|') as [string, string];
    if (!(truth[file] ?? []).some((e) => e.header === header && e.truth === 'decoy')) fail(`${k}: listed look-alike is not a decoy column of the set`);
  }
  const missing = TYPES.filter((t) => !seenTypes.has(t));
  if (missing.length > 0) fail(`types never labelled: ${missing.join(', ')}`);
  console.log(`\n${Object.keys(truth).length} files, ${typedCount + decoyCount + freeCount} columns: ${typedCount} typed, ${decoyCount} decoy, ${freeCount} free-text; ${seenTypes.size}/25 types`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`- ${p}`);
    return 1;
  }
  console.log('all checks hold');
  return 0;
}

process.exitCode = await main();
