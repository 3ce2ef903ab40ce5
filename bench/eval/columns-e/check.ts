/**
 * Reads a columns-e set back without the scanner and checks it against its labels:
 *
 *   npx tsx bench/eval/columns-e/check.ts DIR [--all]
 *
 * - every file of truth.json exists, has 200–3,000 rows, and its headers (or JSON paths) are the
 *   labelled ones in the labelled order, indexes 0…n−1; the formats are what the README says (GBK
 *   without BOM with CRLF, BOM with CRLF, UTF-8 LF, TSV, merged title rows, two sheets, date cells,
 *   numeric phone cells, Parquet physical types, JSON arrays and NDJSON lines);
 * - every typed column: at least 90 % of its non-blank cells validate as its type (checksums where the
 *   type has one: GB 11643 with a valid date, the 81/82/83 permits, GB 32100, ISO 3779, HKID, Taiwan
 *   ID; shapes otherwise) and at least 50 non-blank cells;
 * - every decoy column: no cell passes a checksum validator of a type (ID family, USCC, VIN, HKID,
 *   Taiwan ID, a 16–19-digit Luhn-valid number) or matches a shape validator (mobile, landline, Taiwan
 *   mobile, 台胞证, 回乡证, passport, e-mail, IP, MAC, coordinates, plate, name, address, medical term,
 *   genetic notation) unless the look-alike is intended and listed in LOOKALIKES, where it must really
 *   match that share (the decoy is hard); NEAR_MISSES must hold (the shape of a type with its check or
 *   prefix wrong);
 * - all 25 types occur.
 * Exit status 0 when everything holds, 1 otherwise. `--all` prints every column's figures.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decode, jsonColumns, parseDelimited, readParquet, readXlsxSheet, scalarText, sniffDelimiter, textLayout } from '../read-table.ts';
import {
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
  looksLikeAddress,
  looksLikeGenetic,
  looksLikeMedical,
  looksLikeName,
  looksLikeSecret,
  luhnValid,
  passesMod112,
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

/** Checksum validators. */
const STRICT: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => {
    const k = gb11643Kind(v);
    return k === 'cn' || k === 'legacy';
  },
  hk_residence_permit: (v) => gb11643Kind(v) === '810000',
  mo_residence_permit: (v) => gb11643Kind(v) === '820000',
  tw_residence_permit: (v) => gb11643Kind(v) === '830000',
  cn_uscc: isUscc,
  vin: isVin,
  hk_id: isHkid,
  tw_national_id: isTwNationalId,
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
  genetic_data: (v) => v.split(/[;；]/).every((p) => looksLikeGenetic(p)),
  secret: looksLikeSecret,
};

const VALID: Record<string, (v: string) => boolean> = {
  ...SHAPE,
  ...STRICT,
  // A UnionPay card may fail Luhn (customs.md §4): 16–19 digits of a 62 BIN count; the Luhn share is printed apart.
  bank_card: (v) => /^\d{16,19}$/.test(digitsOnly(v)) && (luhnValid(digitsOnly(v)) || digitsOnly(v).startsWith('62')),
};

/** Not a value: empty cells and the placeholders the generator writes. */
const BLANKS = new Set(['', '无', '無', '-', 'NULL', 'null', 'N/A', '未提供', '/']);

/**
 * Intended look-alikes of decoy columns: `file|header` → type → the least share of non-blank cells
 * that must match it. Any match of a type not listed fails.
 */
const LOOKALIKES: Record<string, Record<string, number>> = {
  'budongchan_diya_dengji_2024H1.xlsx|不动产权证号': { address: 0.99 },
  'budongchan_diya_dengji_2024H1.xlsx|小区名称': { person_name: 0.05 },
  'budongchan_diya_dengji_2024H1.xlsx|所在道路': { person_name: 0.05 },
  'yuchuan_chuanyuan_zhengshu.csv|作业类型': { person_name: 0.1 },
  'taibao_jiuye_butie_gongzi_2024Q2.xlsx|工号': { tw_travel_permit: 0.99 },
  'taibao_jiuye_butie_gongzi_2024Q2.xlsx|在台户籍地': { person_name: 0.05 },
  'taibao_jiuye_butie_gongzi_2024Q2.xlsx|行业代码': { medical_record: 0.4 },
  'kuajing_dianshang_tuihuo_miandan_202406.csv|商品名称': { medical_record: 0.05 },
  'tingchechang_jinchu_jilu_202406.parquet|车牌颜色': { person_name: 0.03 },
  'tingchechang_jinchu_jilu_202406.parquet|会员ID': { cn_mobile: 0.99 },
  'hunyin_dengji_pingtan_2023.xlsx|预约号': { cn_mobile: 0.99 },
  'api_gateway_access_20240611.ndjson|server.build': { ip_address: 0.15 },
  'api_gateway_access_20240611.ndjson|user.nickname': { person_name: 0.02 },
};

const realDate = (ymd: string): boolean => {
  const d = new Date(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replace(/-/g, '') === ymd;
};

/** Decoys that have the shape of a type with its check or prefix wrong: they must all be near misses. */
const NEAR_MISSES: Record<string, [string, (v: string) => boolean, number]> = {
  'budongchan_diya_dengji_2024H1.xlsx|业务受理号': ['18 digits, address code 350128 and a real date, MOD 11-2 wrong', (v) => /^350128\d{12}$/.test(v) && !passesMod112(v) && realDate(v.slice(6, 14)), 0.99],
  'falv_yuanzhu_anjian_2024_gbk.csv|低保证号': ['15 digits with address code 350128, month not a month', (v) => /^350128\d{9}$/.test(v) && gb11643Kind(v) === null, 0.99],
  'falv_yuanzhu_anjian_2024_gbk.csv|律师执业证号': ['17 digits, VIN check and Luhn wrong', (v) => /^\d{17}$/.test(v) && !isVin(v) && !luhnValid(v), 0.99],
  'shequ_jiaozheng_renyuan_202406.tsv|定位手机IMEI': ['15-digit Luhn-valid IMEI', (v) => /^86\d{13}$/.test(v) && luhnValid(v), 0.99],
  'shequ_jiaozheng_renyuan_202406.tsv|定位终端ICCID': ['20-digit Luhn-valid ICCID', (v) => /^8986\d{16}$/.test(v) && luhnValid(v), 0.99],
  'churujing_zhengjian_shouli_202406.json|acceptNo': ['19 digits from an address code and a date, Luhn wrong', (v) => /^350128\d{13}$/.test(v) && !luhnValid(v), 0.99],
  'churujing_zhengjian_shouli_202406.json|applicant.hkmoPassNo': ['往来港澳通行证 C + 8 digits (no contract type)', (v) => /^C\d{8}$/.test(v), 0.99],
  'churujing_zhengjian_shouli_202406.json|applicant.twPassNo': ['往来台湾通行证 L + 8 digits (no contract type)', (v) => /^L\d{8}$/.test(v), 0.99],
  'churujing_zhengjian_shouli_202406.json|payment.txnId': ['16 digits failing Luhn', (v) => /^\d{16}$/.test(v) && !luhnValid(v), 0.99],
  'yibao_yidi_beian_mtb_2024.parquet|机构编码': ['H + 11 digits (回乡证 is H + 8 or 10)', (v) => /^H\d{11}$/.test(v), 0.99],
  'kuajing_dianshang_tuihuo_miandan_202406.csv|原订单号': ['19 digits failing Luhn', (v) => /^\d{19}$/.test(v) && !luhnValid(v), 0.99],
  'api_gateway_access_20240611.ndjson|user.id': ['11 digits starting 10/11/12 (not a mobile prefix)', (v) => /^1[0-2]\d{9}$/.test(v), 0.99],
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

/** Which XLSX files carry a title row, two sheets, date cells, numeric phone cells. */
const XLSX_SHAPE: Record<string, { title: boolean; sheets: number; dateCols: number; numericCol?: string }> = {
  'budongchan_diya_dengji_2024H1.xlsx': { title: true, sheets: 1, dateCols: 2, numericCol: '抵押人电话' },
  'hunyin_dengji_pingtan_2023.xlsx': { title: false, sheets: 2, dateCols: 3, numericCol: '男方手机' },
  'taibao_jiuye_butie_gongzi_2024Q2.xlsx': { title: true, sheets: 1, dateCols: 2 },
};

async function readXlsx(path: string, file: string, entries: TruthEntry[]): Promise<Columns> {
  const { workbook: wb, sheet: ws, table, headerAt, dateColumns: dateCols, numberColumns: numberCols } = await readXlsxSheet(path, entries[0]?.header);
  const shape = XLSX_SHAPE[file];
  if (shape === undefined) fail(`${file}: no expected shape listed`);
  else {
    if (shape.title && (headerAt !== 1 || !ws.getCell(1, 1).isMerged)) fail(`${file}: expected a merged title row above the header`);
    if (!shape.title && headerAt !== 0) fail(`${file}: header is not on row 1`);
    if (wb.worksheets.length !== shape.sheets) fail(`${file}: expected ${shape.sheets} sheet(s), found ${wb.worksheets.length}`);
    if (dateCols.size < shape.dateCols) fail(`${file}: expected date cells in ≥ ${shape.dateCols} columns, found ${dateCols.size}`);
    if (shape.numericCol !== undefined) {
      const i = entries.findIndex((e) => e.header === shape.numericCol);
      if (!numberCols.has(i)) fail(`${file}: expected numeric cells in ${shape.numericCol}`);
    }
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
      if (!Array.isArray(doc)) throw new Error(`${file}: not a JSON array`);
      records = doc;
    } else {
      if (text.includes('\r')) fail(`${file}: NDJSON with CR`);
      records = text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
    }
    const cols = jsonColumns(records);
    if (![...cols.keys()].some((k) => k.includes('.'))) fail(`${file}: no nested object`);
    if (ext === '.json' && ![...cols.keys()].some((k) => k.includes('[]'))) fail(`${file}: no array path`);
    return { headers: [...cols.keys()], rows: records.length, values: (e) => cols.get(e.header) ?? [] };
  }
  if (ext === '.parquet') {
    const { columns, rows } = await readParquet(buf);
    const kinds = new Set(columns.map((c) => c.type));
    for (const k of ['BYTE_ARRAY', 'INT32', 'INT64', 'DOUBLE', 'BOOLEAN']) if (!kinds.has(k as never)) fail(`${file}: no ${k} column`);
    if (!rows.some((row) => Object.values(row).some((v) => v instanceof Date))) fail(`${file}: no TIMESTAMP values`);
    return { headers: columns.map((c) => c.name), rows: rows.length, values: (e) => rows.map((row) => scalarText(row[e.header])) };
  }
  if (ext === '.xlsx') return readXlsx(path, file, entries);
  const { bom: hasBom, utf8, crlf, bareLf, text } = textLayout(buf);
  if (file.includes('_gbk')) {
    if (utf8 || hasBom || !crlf || bareLf) fail(`${file}: expected GBK without BOM, CRLF`);
  } else if (file.startsWith('yuchuan')) {
    if (!hasBom || !crlf || bareLf) fail(`${file}: expected UTF-8 with BOM, CRLF`);
  } else if (!utf8 || hasBom || crlf) fail(`${file}: expected UTF-8 without BOM, LF`);
  const delimiter = ext === '.tsv' ? '\t' : sniffDelimiter(text);
  if (ext === '.tsv' && sniffDelimiter(text) !== '\t') fail(`${file}: not tab-separated`);
  const table = parseDelimited(text, delimiter);
  const body = table.slice(1);
  for (const [i, row] of body.entries()) if (row.length !== (table[0] ?? []).length) fail(`${file}: row ${i + 2} has ${row.length} cells`);
  return { headers: table[0] ?? [], rows: body.length, values: (e) => body.map((row) => row[e.index] ?? '') };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

async function main(): Promise<number> {
  const dir = process.argv[2];
  const all = process.argv.includes('--all');
  if (dir === undefined || dir.startsWith('--')) {
    console.error('usage: npx tsx bench/eval/columns-e/check.ts DIR [--all]');
    return 2;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;
  const seenTypes = new Set<string>();
  const usedLookalikes = new Set<string>();
  const counts = { typed: 0, decoy: 0, free: 0 };
  for (const [file, entries] of Object.entries(truth)) {
    let cols: Columns;
    try {
      cols = await read(dir, file, entries);
    } catch (e) {
      fail(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (cols.rows < 200 || cols.rows > 3000) fail(`${file}: ${cols.rows} rows, outside 200–3,000`);
    const labelled = entries.map((e) => e.header);
    if (cols.headers.length !== labelled.length || cols.headers.some((h, i) => h !== labelled[i])) fail(`${file}: headers differ from the labels: ${cols.headers.join(',')} vs ${labelled.join(',')}`);
    entries.forEach((e, i) => {
      if (e.index !== i) fail(`${file}: entry ${e.header} has index ${e.index}, expected ${i}`);
      if (e.truth !== 'decoy' && e.truth !== 'free_text' && !TYPES.includes(e.truth)) fail(`${file}: ${e.header} has unknown label ${e.truth}`);
    });
    console.log(`${file}: ${cols.rows} rows, ${entries.length} columns`);
    for (const e of entries) {
      const key = `${file}|${e.header}`;
      const filled = cols.values(e).filter((v) => !BLANKS.has(v.trim()));
      if (e.truth === 'free_text') {
        counts.free++;
        if (filled.length < 50) fail(`${key}: free text with only ${filled.length} non-blank cells`);
        if (all) console.log(`  free   ${e.header}: ${filled.length} non-blank`);
        continue;
      }
      if (e.truth !== 'decoy') {
        counts.typed++;
        seenTypes.add(e.truth);
        const valid = VALID[e.truth];
        if (valid === undefined) continue;
        const bad = filled.filter((v) => !valid(v));
        const share = filled.length === 0 ? 0 : (filled.length - bad.length) / filled.length;
        const extra = e.truth === 'bank_card' ? `, Luhn-valid ${pct(filled.filter((v) => STRICT.bank_card?.(v) === true).length, filled.length)}` : '';
        if (all || share < 0.9 || filled.length < 50) console.log(`  typed  ${e.header} [${e.truth}]: ${filled.length} non-blank, ${pct(filled.length - bad.length, filled.length)} valid${extra}${bad.length > 0 ? `; e.g. ${bad.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}` : ''}`);
        if (share < 0.9) fail(`${key}: only ${pct(filled.length - bad.length, filled.length)} of non-blank cells are valid ${e.truth}`);
        if (filled.length < 50) fail(`${key}: only ${filled.length} non-blank cells`);
        continue;
      }
      counts.decoy++;
      const hits: string[] = [];
      const allowed = LOOKALIKES[key] ?? {};
      for (const [type, check] of Object.entries({ ...STRICT, ...SHAPE })) {
        if (type === 'secret') continue; // hashes, UUIDs and blobs share the form of a secret; only the header tells
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
        hits.push(`${near[0]} ${pct(n, filled.length)}`);
        if (n / Math.max(1, filled.length) < near[2]) fail(`${key}: expected ${near[0]}, only ${pct(n, filled.length)}`);
      }
      if (filled.length < 50) fail(`${key}: decoy with only ${filled.length} non-blank cells`);
      if (all || hits.some((h) => !h.endsWith('(intended)') && !(near !== undefined && h.startsWith(near[0])))) console.log(`  decoy  ${e.header}: ${filled.length} non-blank${hits.length > 0 ? `; ${hits.join('; ')}` : ''}`);
    }
  }
  for (const k of [...Object.keys(LOOKALIKES), ...Object.keys(NEAR_MISSES)]) {
    const [file, header] = k.split('|') as [string, string];
    if (!(truth[file] ?? []).some((e) => e.header === header && e.truth === 'decoy')) fail(`${k}: listed look-alike is not a decoy column of the set`);
  }
  const missing = TYPES.filter((t) => !seenTypes.has(t));
  if (missing.length > 0) fail(`types never labelled: ${missing.join(', ')}`);
  console.log(`\n${Object.keys(truth).length} files, ${counts.typed + counts.decoy + counts.free} columns: ${counts.typed} typed, ${counts.decoy} decoy, ${counts.free} free-text; ${seenTypes.size}/25 types; ${usedLookalikes.size} decoys with intended look-alikes, ${Object.keys(NEAR_MISSES).length} near misses`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`- ${p}`);
    return 1;
  }
  console.log('all checks hold');
  return 0;
}

process.exitCode = await main();
