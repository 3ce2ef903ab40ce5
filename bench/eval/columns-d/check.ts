/**
 * Reads a columns-d set back without the scanner and checks it against its labels:
 *
 *   npx tsx bench/eval/columns-d/check.ts DIR [--all]
 *
 * - every file of truth.json exists, has 300–1,500 rows, and its headers (or JSON paths) are the
 *   labelled ones in the labelled order; the formats are what the README says (GBK without BOM and
 *   with CRLF, BOM with CRLF, TSV, a title row, two sheets, date cells, Parquet column types);
 * - every typed column: at least 90 % of its non-blank cells validate as its type (checksums where the
 *   type has one: GB 11643 with address code and date, 81/82/83 permits, GB 32100, ISO 3779, HKID,
 *   Taiwan ID; shapes otherwise), and at least 50 non-blank cells;
 * - every decoy column: no cell passes a checksum validator of a type (resident ID and permits, USCC,
 *   VIN, HKID, Taiwan ID, a 16–19-digit Luhn-valid number), and no cell matches a shape validator
 *   (mobile, landline, Taiwan mobile, 台胞证, 回乡证, passport, e-mail, IP, MAC, coordinates, plate,
 *   name, address, medical term, genetic notation) unless the look-alike is intended and listed in
 *   LOOKALIKES below; and every listed look-alike really does look alike (the decoy is hard);
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

const strip = (v: string): string => v.trim().replace(/^'/, '');
const digitsOnly = (v: string): string => v.replace(/[\s-]/g, '');

/** Strict validators: a checksum or a fixed code must hold. */
const STRICT: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => { const k = gb11643Kind(strip(v)); return k === 'cn' || k === 'legacy'; },
  hk_residence_permit: (v) => gb11643Kind(strip(v)) === '810000',
  mo_residence_permit: (v) => gb11643Kind(strip(v)) === '820000',
  tw_residence_permit: (v) => gb11643Kind(strip(v)) === '830000',
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
  // A UnionPay card may fail Luhn (customs.md §4): 16–19 digits of a 62 BIN count, the Luhn share is reported apart.
  bank_card: (v) => /^\d{16,19}$/.test(digitsOnly(v)) && (luhnValid(digitsOnly(v)) || digitsOnly(v).startsWith('62')),
};

/** Not a value: empty cells and the placeholders the generator writes. */
const BLANKS = new Set(['', '无', '無', '-', 'NULL', 'null', 'N/A', '不详', '未提供', '/']);

/**
 * Intended look-alikes of decoy columns: `file|header` → type → the least share of non-blank cells
 * that must match (to prove the decoy is hard). Any match of a type not listed fails.
 */
const LOOKALIKES: Record<string, Record<string, number>> = {
  'gaokao_luqu_pingtan_2024.xlsx|录取专业': { person_name: 0.01 },
  'zhuyuan_jiesuan_202404_gbk.csv|病案号': { tw_travel_permit: 0.99 },
  'yaofang_huiyuan_export.tsv|会员卡号': { hkmo_home_return_permit: 0.99 },
  'yaofang_huiyuan_export.tsv|旧卡号': { cn_mobile: 0.99 },
  'yaofang_huiyuan_export.tsv|会员等级': { person_name: 0.05 },
  'yaofang_huiyuan_export.tsv|货位编码': { medical_record: 0.99 },
  'yaofang_huiyuan_export.tsv|偏好标签': { person_name: 0.5 },
  'zuche_hetong_2024H1.xlsx|车身颜色': { person_name: 0.2 },
  'hotel_pms_guests_202405.csv|confirmation_no': { tw_travel_permit: 0.99 },
  'pingtan_taiwan_ferry_manifest_202405.xlsx|訂位代號': { tw_travel_permit: 0.99 },
  'taizi_qiye_registry.json|twBan': { tw_travel_permit: 0.99 },
  'hengqin_zhangzhe_zhucan_202405.parquet|长者服务卡号': { cn_mobile: 0.99 },
  'app_login_logs_20240520.ndjson|user.uid': { cn_mobile: 0.99 },
  'app_login_logs_20240520.ndjson|client.appVersion': { ip_address: 0.05 },
};

/** Hardness of decoys that match no type by design: shapes of a type with its check or data wrong. */
const NEAR_MISSES: Record<string, [string, (v: string) => boolean, number]> = {
  'zhuyuan_jiesuan_202404_gbk.csv|结算流水号': ['18 characters, real address code and date, MOD 11-2 wrong', (v) => /^\d{17}[\dX]$/.test(v) && !passesMod112(v), 0.99],
  'yaofang_huiyuan_export.tsv|交易流水号': ['19 digits failing Luhn', (v) => /^\d{19}$/.test(v) && !luhnValid(v), 0.99],
  'zuche_hetong_2024H1.xlsx|预授权流水号': ['16 digits failing Luhn', (v) => /^\d{16}$/.test(v) && !luhnValid(v), 0.99],
  'hotel_pms_guests_202405.csv|folio_no': ['16 digits failing Luhn', (v) => /^\d{16}$/.test(v) && !luhnValid(v), 0.99],
  'yaofang_huiyuan_export.tsv|短信号码(脱敏)': ['masked mobile', (v) => /^1\d{2}\*{4,5}\d{3,4}$/.test(v), 0.99],
  'wangge_renkou_czw_dengji.csv|fzsfzh': ['masked resident ID', (v) => /^\d{3,6}\*{8,11}\d{3}[\dX]$/.test(v), 0.99],
  'hengqin_zhangzhe_zhucan_202405.parquet|澳门电话': ['+853 phone', (v) => /^\+853 6\d{3} \d{4}$/.test(v), 0.99],
  'qianhai_jiyin_yangben_manifest.csv|hk_phone': ['+852 phone', (v) => /^(\+852 |852-)[569]\d{3} ?\d{4}$/.test(v), 0.99],
  'app_login_logs_20240520.ndjson|client.imei': ['15-digit Luhn-valid IMEI', (v) => /^\d{15}$/.test(v) && luhnValid(v), 0.99],
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
  const { workbook: wb, sheet: ws, table, headerAt, dateColumns: dateCols } = await readXlsxSheet(path, entries[0]?.header);
  if (file.startsWith('gaokao')) {
    if (headerAt !== 1 || !ws.getCell(1, 1).isMerged) fail(`${file}: expected a merged title row above the header`);
  } else if (headerAt !== 0) fail(`${file}: header is not on row 1`);
  if (file.startsWith('zuche') && wb.worksheets.length !== 2) fail(`${file}: expected two sheets, found ${wb.worksheets.length}`);
  if ((file.startsWith('zuche') || file.startsWith('pingtan_taiwan')) && dateCols.size < 2) fail(`${file}: expected date cells in at least two columns, found ${dateCols.size}`);
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
    const records = ext === '.json' ? (JSON.parse(text) as unknown[]) : text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
    const cols = jsonColumns(records);
    return { headers: [...cols.keys()], rows: records.length, values: (e) => cols.get(e.header) ?? [] };
  }
  if (ext === '.parquet') {
    const { columns, rows } = await readParquet(buf);
    const kinds = new Set(columns.map((c) => c.type));
    for (const k of ['BYTE_ARRAY', 'INT32', 'INT64', 'DOUBLE', 'BOOLEAN']) if (!kinds.has(k as never)) fail(`${file}: no ${k} column`);
    return { headers: columns.map((c) => c.name), rows: rows.length, values: (e) => rows.map((r) => scalarText(r[e.header])) };
  }
  if (ext === '.xlsx') return readXlsx(path, file, entries);
  const { bom: hasBom, utf8, crlf, text } = textLayout(buf);
  if (file.includes('_gbk')) {
    if (utf8 || hasBom || !crlf) fail(`${file}: expected GBK without BOM, CRLF`);
  } else if (file.startsWith('hotel')) {
    if (!hasBom || !crlf) fail(`${file}: expected UTF-8 with BOM, CRLF`);
  } else if (!utf8 || hasBom || crlf) fail(`${file}: expected UTF-8 without BOM, LF`);
  const delimiter = ext === '.tsv' ? '\t' : sniffDelimiter(text);
  if (ext === '.tsv' && sniffDelimiter(text) !== '\t') fail(`${file}: not tab-separated`);
  const table = parseDelimited(text, delimiter);
  const body = table.slice(1);
  for (const [i, r] of body.entries()) if (r.length !== (table[0] ?? []).length) fail(`${file}: row ${i + 2} has ${r.length} cells`);
  return { headers: table[0] ?? [], rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

async function main(): Promise<number> {
  const dir = process.argv[2];
  const all = process.argv.includes('--all');
  if (dir === undefined || dir.startsWith('--')) {
    console.error('usage: npx tsx bench/eval/columns-d/check.ts DIR [--all]');
    return 2;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;
  const seenTypes = new Set<string>();
  const usedLookalikes = new Set<string>();
  let typedCount = 0;
  let decoyCount = 0;
  let freeCount = 0;
  for (const [file, entries] of Object.entries(truth)) {
    const cols = await read(dir, file, entries);
    if (cols.rows < 300 || cols.rows > 1500) fail(`${file}: ${cols.rows} rows, outside 300–1,500`);
    const labelled = entries.map((e) => e.header);
    if (cols.headers.length !== labelled.length || cols.headers.some((h, i) => h !== labelled[i])) fail(`${file}: headers differ from the labels: ${cols.headers.join(',')} vs ${labelled.join(',')}`);
    entries.forEach((e, i) => {
      if (e.index !== i) fail(`${file}: entry ${e.header} has index ${e.index}, expected ${i}`);
    });
    console.log(`${file}: ${cols.rows} rows, ${entries.length} columns`);
    for (const e of entries) {
      const key = `${file}|${e.header}`;
      const values = cols.values(e).map((v) => v.trim() === '' ? '' : v);
      const filled = values.filter((v) => !BLANKS.has(v.trim()));
      if (e.truth === 'free_text') {
        freeCount++;
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
        if (all || share < 0.9 || filled.length < 50) console.log(`  typed  ${e.header} [${e.truth}]: ${filled.length} non-blank, ${pct(filled.length - bad.length, filled.length)} valid${extra}${bad.length > 0 ? `; e.g. ${bad.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}` : ''}`);
        if (share < 0.9) fail(`${key}: only ${pct(filled.length - bad.length, filled.length)} of non-blank cells are valid ${e.truth}`);
        if (filled.length < 50) fail(`${key}: only ${filled.length} non-blank cells`);
        continue;
      }
      decoyCount++;
      const hits: string[] = [];
      const allowed = LOOKALIKES[key] ?? {};
      for (const [type, check] of Object.entries({ ...STRICT, ...SHAPE })) {
        if (type === 'secret') continue; // hashes, UUIDs and tokens share the form of a secret; only the header tells
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
      if (all || hits.some((h) => !h.endsWith('(intended)') && !(near !== undefined && h.startsWith(near[0])))) console.log(`  decoy  ${e.header}: ${filled.length} non-blank${hits.length > 0 ? `; ${hits.join('; ')}` : ''}`);
    }
  }
  for (const k of [...Object.keys(LOOKALIKES), ...Object.keys(NEAR_MISSES)]) {
    const [file, header] = k.split('|') as [string, string];
    if (!(truth[file] ?? []).some((e) => e.header === header && e.truth === 'decoy')) fail(`${k}: listed look-alike is not a decoy column of the set`);
  }
  const missing = TYPES.filter((t) => !seenTypes.has(t));
  if (missing.length > 0) fail(`types never labelled: ${missing.join(', ')}`);
  console.log(`\n${Object.keys(truth).length} files, ${typedCount + decoyCount + freeCount} columns: ${typedCount} typed, ${decoyCount} decoy, ${freeCount} free-text; ${seenTypes.size}/25 types; ${usedLookalikes.size} decoys with intended look-alikes`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`- ${p}`);
    return 1;
  }
  console.log('all checks hold');
  return 0;
}

process.exitCode = await main();
