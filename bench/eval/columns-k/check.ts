/**
 * Structural and value check of a columns-k set, without the scanner:
 *
 *   npx tsx bench/eval/columns-k/check.ts DIR [--all]
 *
 * - 12 files as truth.json lists them, 200–3,000 rows each, headers (or JSON paths) and their order
 *   as labelled, and each file's layout: GBK without BOM and CRLF, UTF-8 with BOM and CRLF, UTF-8 LF;
 *   the separator `sniffDelimiter` finds; an XLSX title row merged over every column above the header,
 *   two sheets, date cells and number cells in the named columns; Parquet BYTE_ARRAY/INT32/INT64/DOUBLE/
 *   BOOLEAN with a TIMESTAMP_MILLIS column and INT64 mobiles; a JSON array and NDJSON with nested and
 *   array paths;
 * - every typed column: at least 90 % of its non-blank cells valid for its type (checksums with real
 *   county codes where the type has one) and at least 50 non-blank cells;
 * - every decoy column: no cell, whole or any alphanumeric token or digit run of it, passes a checksum
 *   of any type (resident ID and permits with any plausible province prefix and a real date, legacy
 *   15-digit with a date, USCC, VIN, HKID, Taiwan ID, Luhn on 16–19 digits), no 11-digit run with a
 *   mobile prefix and no area code + local number inside it, and no cell matches the shape of a type
 *   unless the look-alike is intended and listed in LOOKALIKES (where it must reach the listed share);
 *   every NEAR_MISSES decoy is the near miss it claims (≥ 99 % of its cells); every decoy and free-text
 *   column has at least 50 non-blank cells;
 * - all 25 types occur.
 * Exit status 0 when everything holds, 1 otherwise. `--all` prints every column's figures.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decode, jsonColumns, parseDelimited, readParquet, readXlsxSheet, scalarText, sniffDelimiter, textLayout } from '../read-table.ts';
import {
  checksumHits,
  embeddedPhoneHits,
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
  isS10,
  isTwMobile,
  isTwNationalId,
  isUscc,
  isVin,
  looksLikeAddress,
  looksLikeGenetic,
  looksLikeMedical,
  looksLikeName,
  looksLikeSecret,
  luhnValid,
  PROVINCES,
  softName,
} from './values.ts';

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

const digitsOnly = (v: string): string => v.replace(/[\s-]/g, '');

/** Strict validators: a checksum or a fixed code must hold (real county codes for resident IDs). */
const STRICT: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => {
    const k = gb11643Kind(v);
    return k === 'cn' || k === 'legacy';
  },
  hk_residence_permit: (v) => gb11643Kind(v) === '810000',
  mo_residence_permit: (v) => gb11643Kind(v) === '820000',
  tw_residence_permit: (v) => gb11643Kind(v) === '830000',
  cn_uscc: (v) => isUscc(v),
  vin: (v) => isVin(v),
  hk_id: (v) => isHkid(v),
  tw_national_id: (v) => isTwNationalId(v),
  bank_card: (v) => /^\d{16,19}$/.test(digitsOnly(v)) && luhnValid(digitsOnly(v)),
};

/** Shape validators (no checksum exists, or the type is judged by its form). */
const SHAPE: Record<string, (v: string) => boolean> = {
  cn_mobile: (v) => isCnMobile(v),
  tw_mobile: (v) => isTwMobile(v),
  cn_landline: (v) => isCnLandline(v),
  tw_travel_permit: (v) => isMtp(v),
  hkmo_home_return_permit: (v) => isHomeReturnPermit(v),
  cn_passport: (v) => isCnPassport(v),
  email: (v) => isEmail(v),
  ip_address: (v) => isIp(v),
  mac_address: (v) => isMac(v),
  geo_coordinate: (v) => isGeo(v),
  cn_license_plate: (v) => isPlate(v),
  person_name: (v) => looksLikeName(v),
  address: (v) => looksLikeAddress(v),
  medical_record: (v) => looksLikeMedical(v),
  genetic_data: (v) => looksLikeGenetic(v),
  secret: (v) => looksLikeSecret(v),
};

/** What counts as a valid cell of a typed column. */
const VALID: Record<string, (v: string) => boolean> = {
  ...SHAPE,
  ...STRICT,
  // A UnionPay card may fail Luhn (customs.md §4): 16–19 digits of a 62 BIN count; the Luhn share is reported apart.
  bank_card: (v) => /^\d{16,19}$/.test(digitsOnly(v)) && (luhnValid(digitsOnly(v)) || digitsOnly(v).startsWith('62')),
};

/** Not a value: empty cells and the placeholders the generator writes. */
const BLANKS = new Set(['', '无', '無', '-', 'NULL', 'null', 'N/A', '不详', '未提供', '/', '否认']);

/** How each delimited file is written. */
const LAYOUT: Record<string, { enc: 'gbk' | 'bom' | 'utf8'; crlf: boolean; sep: string }> = {
  'fuzhou_shebao_daiyu_zige_renzheng_202407_gbk.csv': { enc: 'gbk', crlf: true, sep: ',' },
  'pingtan_yanglaoyuan_ruzhu_pinggu_2024.csv': { enc: 'bom', crlf: true, sep: ';' },
  'putian_tuiyi_junren_xinxi_caiji_2024.tsv': { enc: 'utf8', crlf: false, sep: '\t' },
  'liuxue_zhongjie_crm_students_20240620.csv': { enc: 'utf8', crlf: false, sep: ',' },
  'lvshi_shiwusuo_anjian_taizhang_2024.csv': { enc: 'utf8', crlf: false, sep: '|' },
  'taiwan_jianli_guohu_jilu_11306.csv': { enc: 'utf8', crlf: false, sep: ',' },
  'shenzhen_kuajing_xuetong_dengji_2024-25.csv': { enc: 'bom', crlf: true, sep: ',' },
};

/** XLSX files: columns that must hold date cells and number cells. */
const XLSX: Record<string, { dates: string[]; numbers: string[] }> = {
  'zhuhai_hengqin_gongzhengchu_dangshiren_taizhang_2024H1.xlsx': { dates: ['受理日期', '出生日期'], numbers: ['序号', '联系电话', '收费金额'] },
  'minqing_dibao_fuhe_taizhang_2024.xlsx': { dates: ['出生日期', '复核日期'], numbers: ['序号', '月保障金额', '联系电话'] },
};

/**
 * Intended look-alikes of decoy columns: `file|header` → type → the least share of non-blank cells
 * that must match (to prove the decoy is hard). Any match of a type not listed fails.
 */
const LOOKALIKES: Record<string, Record<string, number>> = {
  // Octopus card numbers: 8 digits, 40 % written without the bracketed check digit — 台胞证-shaped, beside a 回鄉證 column.
  'shenzhen_kuajing_xuetong_dengji_2024-25.csv|八達通卡號': { tw_travel_permit: 0.3 },
};

/** Soft name look-alikes (2–4-character words starting with a surname): measured where listed, never failing. */
const SOFT: string[] = [
  'minqing_dibao_fuhe_taizhang_2024.xlsx|乡镇',
  'minqing_dibao_fuhe_taizhang_2024.xlsx|村（社区）',
  'minqing_dibao_fuhe_taizhang_2024.xlsx|与户主关系',
  'shenzhen_kuajing_xuetong_dengji_2024-25.csv|過境口岸',
];

/** Hardness of decoys that match no type by design: shapes of a type with its check or data wrong. */
const NEAR_MISSES: Record<string, [string, (v: string) => boolean, number]> = {
  'xinyongka_zhangdan_fenqi_202406.parquet|apply_no': ['FQ + 16 digits (card length) failing Luhn', (v) => /^FQ\d{16}$/.test(v) && !luhnValid(v.slice(2)), 0.99],
  'xinyongka_zhangdan_fenqi_202406.parquet|merchant_id': ['15 digits (legacy-ID length) under prefix 898, no province', (v) => /^898\d{12}$/.test(v) && gb11643Kind(v, true) === null, 0.99],
  'xinyongka_zhangdan_fenqi_202406.parquet|card_masked': ['masked card', (v) => /^\d{4} \*{4} \*{4} \d{4}$|^\d{6}\*{6}\d{4}$/.test(v), 0.99],
  'fujian_jingqu_fenshi_yuyue_202407.ndjson|orderId': ['SY + 18 digits (ID length) failing Luhn and MOD 11-2', (v) => /^SY\d{18}$/.test(v) && !luhnValid(v.slice(2)) && gb11643Kind(v.slice(2), true) === null, 0.99],
  'liuxue_zhongjie_crm_students_20240620.csv|ieltsTrf': ['18-character IELTS TRF numbers failing GB 32100', (v) => v.length === 18 && /^\d{2}CN\d{6}[A-Z]{4}\d{3}A$/.test(v) && !isUscc(v), 0.99],
  'liuxue_zhongjie_crm_students_20240620.csv|Unnamed: 24': ['UCAS personal ids 123-456-7890 (10 digits)', (v) => /^\d{3}-\d{3}-\d{4}$/.test(v), 0.99],
  'hulianwang_yiyuan_fuzhen_xufang_2024Q2.json|doctor.practiceCertNo': ['15 digits under a plausible province prefix, no date', (v) => /^\d{15}$/.test(v) && PROVINCES.has(v.slice(0, 2)) && gb11643Kind(v, true) === null, 0.99],
  'hulianwang_yiyuan_fuzhen_xufang_2024Q2.json|delivery.expressNo': ['UPU S10 numbers E?12345678 + check + CN (valid S10 check)', (v) => /^E[A-Z]\d{9}CN$/.test(v) && isS10(v), 0.99],
  'fuzhou_shebao_daiyu_zige_renzheng_202407_gbk.csv|sqdm': ['12-digit community codes starting with a real county code', (v) => /^3501\d{8}$/.test(v), 0.99],
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

async function readXlsx(path: string, file: string, entries: TruthEntry[]): Promise<Columns> {
  const { workbook: wb, sheet: ws, table, headerAt, dateColumns, numberColumns } = await readXlsxSheet(path, entries[0]?.header);
  const n = entries.length;
  if (headerAt !== 1) fail(`${file}: header is not on row 2 (found at ${headerAt + 1})`);
  const first = ws.getCell(1, 1);
  const last = ws.getCell(1, n);
  if (!first.isMerged || !last.isMerged || last.master.address !== 'A1') fail(`${file}: the title row is not merged over all ${n} columns`);
  if (wb.worksheets.length !== 2) fail(`${file}: expected two sheets, found ${wb.worksheets.length}`);
  const want = XLSX[file];
  if (want === undefined) fail(`${file}: no XLSX layout listed`);
  for (const h of want?.dates ?? []) {
    const i = entries.findIndex((e) => e.header === h);
    if (!dateColumns.has(i)) fail(`${file}: column ${h} holds no date cells`);
  }
  for (const h of want?.numbers ?? []) {
    const i = entries.findIndex((e) => e.header === h);
    if (!numberColumns.has(i)) fail(`${file}: column ${h} holds no number cells`);
  }
  const headers = table[headerAt] ?? [];
  const body = table.slice(headerAt + 1);
  return { headers, rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
}

async function read(dir: string, file: string, entries: TruthEntry[]): Promise<Columns> {
  const path = join(dir, file);
  const ext = extname(file);
  const buf = readFileSync(path);
  if (ext === '.json' || ext === '.ndjson') {
    const text = decode(buf);
    let records: unknown[];
    if (ext === '.json') {
      const doc = JSON.parse(text) as unknown;
      if (!Array.isArray(doc)) fail(`${file}: not a JSON array`);
      records = Array.isArray(doc) ? doc : [];
    } else {
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      records = lines.map((l) => JSON.parse(l) as unknown);
      if (text.trimStart().startsWith('[')) fail(`${file}: NDJSON starts with an array`);
    }
    const cols = jsonColumns(records);
    const headers = [...cols.keys()];
    if (!headers.some((h) => h.includes('[]'))) fail(`${file}: no array path`);
    if (!headers.some((h) => /^[^[\]]+\.[^[\]]+$/.test(h))) fail(`${file}: no nested object path`);
    return { headers, rows: records.length, values: (e) => cols.get(e.header) ?? [] };
  }
  if (ext === '.parquet') {
    const { columns, rows } = await readParquet(buf);
    const kinds = new Set(columns.map((c) => c.type));
    for (const k of ['BYTE_ARRAY', 'INT32', 'INT64', 'DOUBLE', 'BOOLEAN']) if (!kinds.has(k as never)) fail(`${file}: no ${k} column`);
    if (!columns.some((c) => c.type === 'INT64' && c.converted_type === 'TIMESTAMP_MILLIS')) fail(`${file}: no TIMESTAMP_MILLIS column`);
    const mobile = columns.find((c) => c.name === 'mobile');
    if (mobile?.type !== 'INT64' || mobile.converted_type !== undefined) fail(`${file}: mobile is not a plain INT64 column`);
    return { headers: columns.map((c) => c.name), rows: rows.length, values: (e) => rows.map((r) => scalarText(r[e.header])) };
  }
  if (ext === '.xlsx') return readXlsx(path, file, entries);
  const layout = LAYOUT[file];
  const { bom, utf8, crlf, bareLf, text } = textLayout(buf);
  if (layout === undefined) fail(`${file}: no layout listed`);
  else {
    if (layout.enc === 'gbk' && (utf8 || bom)) fail(`${file}: expected GBK without BOM`);
    if (layout.enc === 'bom' && !bom) fail(`${file}: expected UTF-8 with BOM`);
    if (layout.enc === 'utf8' && (!utf8 || bom)) fail(`${file}: expected UTF-8 without BOM`);
    if (layout.crlf && (!crlf || bareLf)) fail(`${file}: expected CRLF line ends only`);
    if (!layout.crlf && crlf) fail(`${file}: expected LF line ends`);
    const sniffed = sniffDelimiter(text);
    if (sniffed !== layout.sep) fail(`${file}: separator sniffed as ${JSON.stringify(sniffed)}, expected ${JSON.stringify(layout.sep)}`);
  }
  const table = parseDelimited(text, layout?.sep ?? sniffDelimiter(text));
  const body = table.slice(1);
  for (const [i, r] of body.entries()) if (r.length !== (table[0] ?? []).length) fail(`${file}: row ${i + 2} has ${r.length} cells`);
  return { headers: (table[0] ?? []).map((h) => h.replace(/^\uFEFF/, '')), rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

async function main(): Promise<number> {
  const dir = process.argv[2];
  const all = process.argv.includes('--all');
  if (dir === undefined || dir.startsWith('--')) {
    console.error('usage: npx tsx bench/eval/columns-k/check.ts DIR [--all]');
    return 2;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;
  if (Object.keys(truth).length !== 12) fail(`expected 12 files, found ${Object.keys(truth).length}`);
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
    const d = entries.filter((e) => e.truth === 'decoy').length;
    console.log(`${file}: ${cols.rows} rows, ${entries.length} columns (${t} typed, ${d} decoy, ${entries.length - t - d} free)`);
    for (const e of entries) {
      const key = `${file}|${e.header}`;
      const filled = cols.values(e).filter((v) => !BLANKS.has(v.trim()));
      if (e.truth === 'free_text') {
        freeCount++;
        if (filled.length < 50) fail(`${key}: free text has only ${filled.length} non-blank cells`);
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
        let extra = '';
        if (e.truth === 'bank_card') extra = `, Luhn-valid ${pct(filled.filter((v) => STRICT.bank_card?.(v) === true).length, filled.length)}`;
        const distinct = new Set(filled).size;
        if (all || share < 0.9 || filled.length < 50) console.log(`  typed  ${e.header} [${e.truth}]: ${filled.length} non-blank (${distinct} distinct), ${pct(filled.length - bad.length, filled.length)} valid${extra}${bad.length > 0 ? `; e.g. ${bad.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}` : ''}`);
        if (share < 0.9) fail(`${key}: only ${pct(filled.length - bad.length, filled.length)} of non-blank cells are valid ${e.truth}`);
        if (filled.length < 50) fail(`${key}: only ${filled.length} non-blank cells`);
        continue;
      }
      decoyCount++;
      if (filled.length < 50) fail(`${key}: decoy has only ${filled.length} non-blank cells`);
      const hits: string[] = [];
      const allowed = LOOKALIKES[key] ?? {};
      // Checksums on the cell, its tokens and digit runs; phone numbers inside it.
      const deep = new Map<string, number>();
      for (const v of filled) for (const h of [...checksumHits(v), ...embeddedPhoneHits(v)]) deep.set(h, (deep.get(h) ?? 0) + 1);
      for (const [type, n] of deep) {
        hits.push(`${type} inside ${pct(n, filled.length)}`);
        fail(`${key}: decoy has ${n} cells holding a valid ${type}, e.g. ${JSON.stringify(filled.find((v) => [...checksumHits(v), ...embeddedPhoneHits(v)].includes(type)))}`);
      }
      for (const [type, check] of Object.entries({ ...STRICT, ...SHAPE })) {
        if (type === 'secret') continue; // hashes, ids and tokens share the form of a secret; only the header tells
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
      if (SOFT.includes(key)) hits.push(`person_name~ ${pct(filled.filter((v) => softName(v)).length, filled.length)} (soft)`);
      const near = NEAR_MISSES[key];
      if (near !== undefined) {
        const n = filled.filter((v) => near[1](v)).length;
        hits.push(`${near[0]} ${pct(n, filled.length)}`);
        if (n / Math.max(1, filled.length) < near[2]) fail(`${key}: expected ${near[0]}, only ${pct(n, filled.length)}`);
      }
      const unexpected = hits.some((h) => !h.endsWith('(intended)') && !h.endsWith('(soft)') && !(near !== undefined && h.startsWith(near[0])));
      if (all || unexpected) console.log(`  decoy  ${e.header}: ${filled.length} non-blank${hits.length > 0 ? `; ${hits.join('; ')}` : ''}`);
    }
  }
  for (const k of [...Object.keys(LOOKALIKES), ...Object.keys(NEAR_MISSES), ...SOFT]) {
    const [file, header] = k.split('|') as [string, string];
    if (!(truth[file] ?? []).some((e) => e.header === header && e.truth === 'decoy')) fail(`${k}: listed look-alike is not a decoy column of the set`);
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
