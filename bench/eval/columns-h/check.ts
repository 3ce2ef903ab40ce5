/**
 * Reads a columns-h set back without the scanner and checks it against its labels:
 *
 *   npx tsx bench/eval/columns-h/check.ts DIR [--all]
 *
 * - 12 files; every file of truth.json exists, has 200–3,000 rows, and its headers (or JSON paths) are the
 *   labelled ones in the labelled order; the formats are what the README says (GBK without BOM with CRLF,
 *   UTF-8 BOM with CRLF, UTF-8 LF, tab/semicolon/pipe separators as sniffed, merged title rows spanning every
 *   column, two sheets, date and number cells, Parquet physical types and a TIMESTAMP column, NDJSON/JSON with
 *   nested and array paths);
 * - every typed column: at least 90 % of its non-blank cells validate as its type (checksums where the type
 *   has one: GB 11643 with a real county code and date, 81/82/83 permits, GB 32100, ISO 3779, HKID, Taiwan ID;
 *   shapes otherwise), and at least 50 non-blank cells;
 * - every decoy column: no cell, and no alphanumeric token of a cell, passes a checksum of a type (resident ID
 *   and permits with any plausible region prefix, USCC, VIN, HKID, Taiwan ID, a 16–19-digit Luhn-valid number),
 *   and no cell matches a shape of a type unless the look-alike is intended and listed in LOOKALIKES, where it
 *   must reach the listed share; every NEAR_MISSES decoy really is the near miss it claims (≥ 99 % of cells);
 * - every free-text column has at least 50 non-blank cells; all 25 types occur.
 * `secret` is not screened on decoys (hashes, UUIDs and app ids share its form). Exit status 0 when
 * everything holds, 1 otherwise. `--all` prints every column's figures.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decode, jsonColumns, parseDelimited, readParquet, readXlsxSheet, scalarText, sniffDelimiter, textLayout } from '../read-table.ts';
import {
  BLANKS,
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
  mod1110Check,
  passesMod112,
  COUNTY_CODES,
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

const compact = (v: string): string => v.trim().replace(/[\s-]/g, '');

/** Strict validators of typed cells: a checksum or a fixed code must hold (real county codes). */
const STRICT: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => { const k = gb11643Kind(v.trim()); return k === 'cn' || k === 'legacy'; },
  hk_residence_permit: (v) => gb11643Kind(v.trim()) === '810000',
  mo_residence_permit: (v) => gb11643Kind(v.trim()) === '820000',
  tw_residence_permit: (v) => gb11643Kind(v.trim()) === '830000',
  cn_uscc: (v) => isUscc(v),
  vin: (v) => isVin(v),
  hk_id: (v) => isHkid(v),
  tw_national_id: (v) => isTwNationalId(v),
  bank_card: (v) => /^\d{16,19}$/.test(compact(v)) && luhnValid(compact(v)),
};

/** The checksum screen of decoy cells: any plausible region prefix counts, and every token of the cell is tried. */
const STRICT_SCREEN: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => { const k = gb11643Kind(v, true); return k === 'cn' || k === 'legacy'; },
  hk_residence_permit: (v) => gb11643Kind(v, true) === '810000',
  mo_residence_permit: (v) => gb11643Kind(v, true) === '820000',
  tw_residence_permit: (v) => gb11643Kind(v, true) === '830000',
  cn_uscc: (v) => isUscc(v),
  vin: (v) => isVin(v),
  hk_id: (v) => isHkid(v),
  tw_national_id: (v) => isTwNationalId(v),
  bank_card: (v) => /^\d{16,19}$/.test(v) && luhnValid(v),
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

/** What counts as a valid cell of a typed column. */
const VALID: Record<string, (v: string) => boolean> = {
  ...SHAPE,
  ...STRICT,
  // A UnionPay card may fail Luhn (customs.md §4): 16–19 digits of a 62 BIN count; the Luhn share is reported apart.
  bank_card: (v) => /^\d{16,19}$/.test(compact(v)) && (luhnValid(compact(v)) || compact(v).startsWith('62')),
};

/**
 * Intended look-alikes of decoy columns: `file|header` → type → the least share of non-blank cells that must
 * match (to prove the decoy is hard). A match of a type not listed fails.
 */
const LOOKALIKES: Record<string, Record<string, number>> = {
  // 8-digit numbers: dates written as numbers, a lottery outlet code — the shape of a 台胞证 number
  'taiwan_jumin_geshui_tuishui_2023niandu.csv|申請日期': { tw_travel_permit: 0.99 },
  'renshi_gongzi_shebao_202405.parquet|发薪日期': { tw_travel_permit: 0.99 },
  'caipiao_dajiang_duijiang_mingxi_202406.csv|销售站点编号': { tw_travel_permit: 0.99 },
  // 10-digit 户号: the older 10-character 台胞证 form
  'dianli_yongdian_kehu_202405_gbk.csv|户号': { tw_travel_permit: 0.99 },
  // place names that start with a surname (高雄市, 金門縣, 連江縣)
  'taiwan_jumin_geshui_tuishui_2023niandu.csv|戶籍地(臺灣)': { person_name: 0.05 },
  // transformer-area names with a road and a number + 号
  'dianli_yongdian_kehu_202405_gbk.csv|台区名称': { address: 0.1 },
  // pets named 陈皮, 王子, 黄豆, 白雪, 汤圆, 年糕, 毛毛
  'chongwu_yiyuan_jiuzhen_2024H1.tsv|宠物名': { person_name: 0.2 },
  // a pet's diagnoses, drugs, lab tests and gene test: health and genetic words about an animal
  'chongwu_yiyuan_jiuzhen_2024H1.tsv|诊断': { medical_record: 0.2 },
  'chongwu_yiyuan_jiuzhen_2024H1.tsv|处方': { medical_record: 0.3 },
  'chongwu_yiyuan_jiuzhen_2024H1.tsv|化验结果': { medical_record: 0.1 },
  'chongwu_yiyuan_jiuzhen_2024H1.tsv|MDR1基因检测': { genetic_data: 0.4 },
  // 9-character social-security card numbers: the E-prefixed ones are passport-shaped
  'yiyuan_yuyue_guahao_haoyuan_202406.xlsx|社保卡号': { cn_passport: 0.1 },
  // registered capital in yuan: 13/15/16/18/19 billion is an 11-digit mobile shape
  // and 10–99 million is 8 digits, a 台胞证 shape
  'shichang_zhuti_dengji_gongkai_2024.ndjson|regCapital': { cn_mobile: 0.01, tw_travel_permit: 0.1 },
  // officers' titles that start with a surname (董事长)
  'shichang_zhuti_dengji_gongkai_2024.ndjson|keyPersons[].position': { person_name: 0.05 },
};

/** Decoys that are near misses by design: the shape of a type with its check or data wrong. */
const NEAR_MISSES: Record<string, [string, (v: string) => boolean, number]> = {
  'zhengwu_shuju_jiaohuan_api_20240612.ndjson|requestId': [
    '18 digits, county code + real date, MOD 11-2, Luhn and GB 32100 wrong',
    (v) => /^350128\d{12}$/.test(v) && !passesMod112(v) && !luhnValid(v) && !isUscc(v) && /^2024\d{4}$/.test(v.slice(6, 14)),
    0.99,
  ],
  'zhengwu_shuju_jiaohuan_api_20240612.ndjson|caller.appId': ['wx + 16 hex: 18 characters of the USCC alphabet when upper-cased, mod-31 check wrong', (v) => /^wx[0-9a-f]{16}$/.test(v) && [...v.toUpperCase()].every((c) => '0123456789ABCDEFGHJKLMNPQRTUWXY'.includes(c)) && !isUscc(v), 0.99],
  'zhengwu_shuju_jiaohuan_api_20240612.ndjson|response.data.sfzhMasked': ['masked resident ID', (v) => /^\d{4,6}\*{8,10}\d{3}[\dX]$/.test(v) && v.length === 18, 0.99],
  'zhengwu_shuju_jiaohuan_api_20240612.ndjson|response.data.lxdhMasked': ['masked mobile', (v) => /^1[3-9]\d\*{4}\d{4}$/.test(v), 0.99],
  'taiwan_jumin_geshui_tuishui_2023niandu.csv|居住證號碼(脫敏)': ['masked 830000 permit', (v) => /^830000\*{8}\d{3}[\dX]$/.test(v), 0.99],
  'dianli_yongdian_kehu_202405_gbk.csv|电能表表号': ['13 digits, ~40 % starting 1[3-9]', (v) => /^\d{13}$/.test(v), 0.99],
  'chongwu_yiyuan_jiuzhen_2024H1.tsv|芯片号': ['15-digit ISO 11784 chip number, no legacy-ID region and date', (v) => /^(156|900|985)\d{12}$/.test(v) && gb11643Kind(v, true) === null, 0.99],
  'zuche_hetong_export_2024Q2.json|payment.invoice.taxClassCode': ['19-digit tax classification code failing Luhn', (v) => /^\d{19}$/.test(v) && !luhnValid(v), 0.99],
  'zuche_hetong_export_2024Q2.json|renter.drivingLicense.fileNo': ['12-digit licence file number starting with a city code', (v) => /^3501\d{8}$/.test(v), 0.99],
  'caipiao_dajiang_duijiang_mingxi_202406.csv|公示电话': ['masked mobile', (v) => /^1[3-9]\d\*{4}\d{4}$/.test(v), 0.99],
  'caipiao_dajiang_duijiang_mingxi_202406.csv|彩票序列号': ['20 digits in groups of 4 (one more than a card)', (v) => /^\d{4}(-\d{4}){4}$/.test(v), 0.99],
  'renshi_gongzi_shebao_202405.parquet|社保个人编号': ['16 digits starting 3501, Luhn wrong', (v) => /^3501\d{12}$/.test(v) && !luhnValid(v), 0.99],
  'shichang_zhuti_dengji_gongkai_2024.ndjson|regNo': [
    '15-digit 工商注册号: real county code, MOD 11,10 valid, no possible YYMMDD',
    (v) => /^\d{15}$/.test(v) && COUNTY_CODES.has(v.slice(0, 6)) && mod1110Check(v.slice(0, 14)) === v[14] && gb11643Kind(v, true) === null,
    0.99,
  ],
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
  const { workbook, sheet, table, headerAt, dateColumns, numberColumns } = await readXlsxSheet(path, entries[0]?.header);
  if (headerAt !== 1) fail(`${file}: header expected on row 2 (under a title row), found at ${headerAt + 1}`);
  const master = sheet.getCell(1, entries.length);
  if (!sheet.getCell(1, 1).isMerged || !master.isMerged || master.master.address !== 'A1') fail(`${file}: the title row is not merged across every column`);
  if (workbook.worksheets.length !== 2) fail(`${file}: expected two sheets, found ${workbook.worksheets.length}`);
  const header = table[headerAt] ?? [];
  const col = (h: string): number => header.indexOf(h);
  const wantDates = file.startsWith('youeryuan') ? ['出生日期', '入园日期'] : ['就诊日期'];
  const wantNumbers = file.startsWith('youeryuan') ? ['序号', '监护人1手机', '监护人2手机', '预防接种证编号', '身高(cm)'] : ['年龄', '患者手机', '就诊卡号'];
  for (const h of wantDates) if (!dateColumns.has(col(h))) fail(`${file}: ${h} has no date cells`);
  for (const h of wantNumbers) if (!numberColumns.has(col(h))) fail(`${file}: ${h} has no number cells`);
  const body = table.slice(headerAt + 1);
  return { headers: header, rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
}

async function read(dir: string, file: string, entries: TruthEntry[]): Promise<Columns> {
  const path = join(dir, file);
  const ext = extname(file);
  const buf = readFileSync(path);
  if (ext === '.json' || ext === '.ndjson') {
    const text = decode(buf);
    if (text.includes('\r')) fail(`${file}: CR in a JSON file`);
    const records = ext === '.json' ? (JSON.parse(text) as unknown[]) : text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
    if (ext === '.json' && !text.trimStart().startsWith('[')) fail(`${file}: not a JSON array`);
    if (!entries.some((e) => e.header.includes('[]'))) fail(`${file}: no array path`);
    if (!entries.some((e) => e.header.includes('.'))) fail(`${file}: no nested path`);
    if (ext === '.json' && !entries.some((e) => e.header.split('.').length >= 3)) fail(`${file}: no path nested two levels`);
    const cols = jsonColumns(records);
    return { headers: [...cols.keys()], rows: records.length, values: (e) => cols.get(e.header) ?? [] };
  }
  if (ext === '.parquet') {
    const { columns, rows } = await readParquet(buf);
    const kinds = new Set(columns.map((c) => c.type));
    for (const k of ['BYTE_ARRAY', 'INT32', 'INT64', 'DOUBLE', 'BOOLEAN']) if (!kinds.has(k as never)) fail(`${file}: no ${k} column`);
    const ts = columns.find((c) => c.name === '入职日期');
    if (ts === undefined || ts.type !== 'INT64' || (ts.converted_type !== 'TIMESTAMP_MILLIS' && ts.logical_type?.type !== 'TIMESTAMP')) fail(`${file}: 入职日期 is not a TIMESTAMP column`);
    const mobile = columns.find((c) => c.name === '手机');
    if (mobile?.type !== 'INT64') fail(`${file}: 手机 is not INT64`);
    return { headers: columns.map((c) => c.name), rows: rows.length, values: (e) => rows.map((r) => scalarText(r[e.header])) };
  }
  if (ext === '.xlsx') return readXlsx(path, file, entries);
  const { bom, utf8, crlf, bareLf, text } = textLayout(buf);
  if (file.includes('_gbk')) {
    if (utf8 || bom || !crlf || bareLf) fail(`${file}: expected GBK without BOM, CRLF`);
  } else if (file.startsWith('taiwan_jumin')) {
    if (!bom || !crlf || bareLf) fail(`${file}: expected UTF-8 with BOM, CRLF`);
  } else if (!utf8 || bom || crlf) fail(`${file}: expected UTF-8 without BOM, LF`);
  const want = ext === '.tsv' ? '\t' : file.startsWith('pingtan_taizhong') ? ';' : file.startsWith('gangkou') ? '|' : ',';
  const delimiter = sniffDelimiter(text);
  if (delimiter !== want) fail(`${file}: delimiter sniffed as ${JSON.stringify(delimiter)}, expected ${JSON.stringify(want)}`);
  const table = parseDelimited(text, want);
  const body = table.slice(1);
  for (const [i, r] of body.entries()) if (r.length !== (table[0] ?? []).length) fail(`${file}: row ${i + 2} has ${r.length} cells`);
  return { headers: table[0] ?? [], rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

/** Does a decoy cell pass a checksum of `type`, whole (separators removed) or in one of its alphanumeric tokens? */
function screenStrict(type: string, v: string): boolean {
  const check = STRICT_SCREEN[type] as (x: string) => boolean;
  const candidates = new Set<string>([v.trim(), compact(v), ...v.split(/[^0-9A-Za-z]+/).filter((t) => t.length >= 8)]);
  for (const c of candidates) if (check(c) || check(c.toUpperCase())) return true;
  return false;
}

async function main(): Promise<number> {
  const dir = process.argv[2];
  const all = process.argv.includes('--all');
  if (dir === undefined || dir.startsWith('--')) {
    console.error('usage: npx tsx bench/eval/columns-h/check.ts DIR [--all]');
    return 2;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;
  if (Object.keys(truth).length !== 12) fail(`expected 12 files, truth.json lists ${Object.keys(truth).length}`);
  const seenTypes = new Set<string>();
  let typedCount = 0;
  let decoyCount = 0;
  let freeCount = 0;
  for (const [file, entries] of Object.entries(truth)) {
    const cols = await read(dir, file, entries);
    if (cols.rows < 200 || cols.rows > 3000) fail(`${file}: ${cols.rows} rows, outside 200–3,000`);
    const labelled = entries.map((e) => e.header);
    if (cols.headers.length !== labelled.length || cols.headers.some((h, i) => h !== labelled[i])) fail(`${file}: headers differ from the labels:\n  ${cols.headers.join(',')}\n  ${labelled.join(',')}`);
    entries.forEach((e, i) => {
      if (e.index !== i) fail(`${file}: entry ${e.header} has index ${e.index}, expected ${i}`);
    });
    console.log(`${file}: ${cols.rows} rows, ${entries.length} columns`);
    for (const e of entries) {
      const key = `${file}|${e.header}`;
      const filled = cols.values(e).filter((v) => !BLANKS.has(v.trim()));
      if (e.truth === 'free_text') {
        freeCount++;
        if (all) console.log(`  free   ${e.header}: ${filled.length} non-blank`);
        if (filled.length < 50) fail(`${key}: free text has only ${filled.length} non-blank cells`);
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
      for (const type of TYPES) {
        if (type === 'secret') continue; // hashes, UUIDs and app ids share the form of a secret; only the header tells
        const check = STRICT_SCREEN[type] !== undefined ? (v: string): boolean => screenStrict(type, v) : (SHAPE[type] as (v: string) => boolean);
        const matching = filled.filter((v) => check(v));
        const n = matching.length;
        const min = allowed[type];
        if (min !== undefined) {
          hits.push(`${type} ${pct(n, filled.length)} (intended)`);
          if (n / Math.max(1, filled.length) < min) fail(`${key}: intended look-alike of ${type} matches only ${pct(n, filled.length)}`);
        } else if (n > 0) {
          hits.push(`${type} ${pct(n, filled.length)}`);
          fail(`${key}: decoy has ${n} cells valid as ${type}, e.g. ${[...new Set(matching)].slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}`);
        }
      }
      const near = NEAR_MISSES[key];
      if (near !== undefined) {
        const n = filled.filter((v) => near[1](v)).length;
        hits.push(`${near[0]} ${pct(n, filled.length)}`);
        if (n / Math.max(1, filled.length) < near[2]) fail(`${key}: expected ${near[0]}, only ${pct(n, filled.length)}`);
      }
      if (all || hits.some((h) => !h.endsWith('(intended)') && !(near !== undefined && h.startsWith(near[0])))) console.log(`  decoy  ${e.header}: ${filled.length} non-blank${hits.length > 0 ? `; ${hits.join('; ')}` : ''}`);
    }
  }
  for (const k of [...Object.keys(LOOKALIKES), ...Object.keys(NEAR_MISSES)]) {
    const [file, header] = k.split('|') as [string, string];
    if (!(truth[file] ?? []).some((e) => e.header === header && e.truth === 'decoy')) fail(`${k}: listed look-alike or near miss is not a decoy column of the set`);
  }
  const missing = TYPES.filter((t) => !seenTypes.has(t));
  if (missing.length > 0) fail(`types never labelled: ${missing.join(', ')}`);
  console.log(`\n${Object.keys(truth).length} files, ${typedCount + decoyCount + freeCount} columns: ${typedCount} typed, ${decoyCount} decoy, ${freeCount} free-text; ${seenTypes.size}/25 types; ${Object.keys(LOOKALIKES).length} intended look-alikes, ${Object.keys(NEAR_MISSES).length} near misses`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`- ${p}`);
    return 1;
  }
  console.log('all checks hold');
  return 0;
}

process.exitCode = await main();
