/**
 * Reads a columns-i set back without the scanner and checks it against its labels:
 *
 *   npx tsx bench/eval/columns-i/check.ts DIR [--all]
 *
 * - 12 files, each 200–3,000 rows; headers (or JSON paths) are the labelled ones in the labelled order;
 *   the formats are what the README says (GBK without BOM and with CRLF, UTF-8 BOM with CRLF, UTF-8 LF,
 *   the separator `sniffDelimiter` finds, a merged title row over the header on row 2, two sheets, date
 *   and number cells in named columns, Parquet column types with a TIMESTAMP and an INT64 mobile column,
 *   JSON/NDJSON with nested and array paths);
 * - every typed column: ≥ 90 % of its non-blank cells valid for its type (checksums with real county
 *   codes where the type has one, shapes otherwise) and ≥ 50 non-blank cells;
 * - every decoy: no cell, whole or any alphanumeric token of it, passes a checksum of any type (resident
 *   ID and permits with any plausible province prefix, USCC, VIN, HKID, Taiwan ID, Luhn on 16–19 digits),
 *   no cell matches a shape of any type unless listed in LOOKALIKES (where it must reach the listed share),
 *   every NEAR_MISSES decoy is the near miss it claims (≥ 99 %), ≥ 50 non-blank cells;
 * - every free-text column ≥ 50 non-blank cells; all 25 types occur.
 * Exit status 0 when everything holds, 1 otherwise. `--all` prints every column's figures.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decode, jsonColumns, parseDelimited, readParquet, readXlsxSheet, scalarText, sniffDelimiter, textLayout } from '../read-table.ts';
import {
  checksumHits,
  gb11643Kind,
  idLikeAnyRegion,
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
  startsWithSurname,
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

/** Strict validators: a checksum or a fixed code must hold. */
const STRICT: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => { const k = gb11643Kind(v); return k === 'cn' || k === 'legacy'; },
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

/** Soft shapes, reported only where a decoy lists them as intended. */
const SOFT: Record<string, (v: string) => boolean> = {
  'person_name~': startsWithSurname,
};

const VALID: Record<string, (v: string) => boolean> = {
  ...SHAPE,
  ...STRICT,
  // A UnionPay card may fail Luhn (customs.md §4): 16–19 digits of a 62 BIN count; the Luhn share is printed apart.
  bank_card: (v) => /^\d{16,19}$/.test(digitsOnly(v)) && (luhnValid(digitsOnly(v)) || digitsOnly(v).startsWith('62')),
};

/** Not a value: empty cells and the placeholders the generator writes. */
const BLANKS = new Set(['', '无', '無', '-', 'NULL', 'null', 'N/A', '/', '未提供', '待检', '否认', '否']);

const F = {
  blood: 'fuzhou_xueye_zhongxin_xianxue_dengji_2024Q2.xlsx',
  typhoon: 'pingtan_fangtai_zhuanyi_mingce_202407_gbk.csv',
  gym: 'gym_membership_export_20240615.csv',
  dialysis: 'touxi_zhongxin_paiban_202406.tsv',
  optometry: 'yanjinghang_peijing_chufang_2024.csv',
  ride: 'wangyueche_xingcheng_rizhi_20240618.ndjson',
  election: 'minhou_cunweihui_xuanju_xuanmin_mingce_2024.xlsx',
  land: 'tudi_chengbao_jingyingquan_dengjibu.parquet',
  customs: 'haiguan_chakou_anjian_mingxi_2024H1.json',
  sim: 'sim_shiming_dengji_rizhi_202406.csv',
  dorm: 'gaoxiao_sushe_fenpei_2024qiu.csv',
  mediation: 'liangan_jiufen_tiaojie_anjian_2024.csv',
} as const;

/** Layout of each delimited file: encoding, BOM, line ends, separator. */
const TEXT: Record<string, { enc: 'gbk' | 'utf8'; bom: boolean; crlf: boolean; sep: string }> = {
  [F.typhoon]: { enc: 'gbk', bom: false, crlf: true, sep: ',' },
  [F.gym]: { enc: 'utf8', bom: false, crlf: false, sep: ',' },
  [F.dialysis]: { enc: 'utf8', bom: false, crlf: false, sep: '\t' },
  [F.optometry]: { enc: 'utf8', bom: false, crlf: false, sep: ';' },
  [F.sim]: { enc: 'utf8', bom: false, crlf: false, sep: '|' },
  [F.dorm]: { enc: 'utf8', bom: false, crlf: false, sep: ',' },
  [F.mediation]: { enc: 'utf8', bom: true, crlf: true, sep: ',' },
};

/** XLSX files: the columns that must hold date cells and number cells. */
const XLSX: Record<string, { dates: string[]; numbers: string[] }> = {
  [F.blood]: { dates: ['出生日期', '采血日期'], numbers: ['献血者编号', '联系电话', '献血量(ml)'] },
  [F.election]: { dates: ['出生日期', '投票时间'], numbers: ['序号', '选民证号', '联系电话', '登记日期'] },
};

/**
 * Intended look-alikes of decoy columns: `file|header` → type → the least share of non-blank cells that
 * must match (the decoy is hard on purpose). Any match of a type not listed fails.
 */
const LOOKALIKES: Record<string, Record<string, number>> = {
  [`${F.typhoon}|csrq`]: { tw_travel_permit: 0.99 },
  [`${F.typhoon}|yhzgx`]: { person_name: 0.05 },
  [`${F.typhoon}|xzz`]: { 'person_name~': 0.05 },
  [`${F.typhoon}|cun`]: { 'person_name~': 0.05 },
  [`${F.customs}|declarant.customsCode`]: { tw_travel_permit: 0.99 },
  [`${F.customs}|items[].hsCode`]: { tw_travel_permit: 0.5 },
  [`${F.customs}|items[].goodsName`]: { medical_record: 0.15 },
  [`${F.sim}|pool_number`]: { cn_mobile: 0.99 },
  [`${F.ride}|channel`]: { 'person_name~': 0.05 },
  [`${F.land}|dkmc`]: { 'person_name~': 0.3 },
};

/** Hardness of decoys that match no type by design: a type's shape with its check or data wrong. */
const NEAR_MISSES: Record<string, [string, (v: string) => boolean, number]> = {
  [`${F.ride}|tripId`]: ['18 digits, city code + trip date, MOD 11-2, Luhn and GB 32100 all wrong', (v) => /^35\d{16}$/.test(v) && !passesMod112(v) && !luhnValid(v) && !isUscc(v), 0.99],
  [`${F.land}|cbfbm`]: ['18 digits starting with county code 350121, no date at 7–14, Luhn wrong', (v) => /^350121\d{12}$/.test(v) && !idLikeAnyRegion(v) && !luhnValid(v), 0.99],
  [`${F.land}|dkbm`]: ['19 digits (card length) starting 350121, Luhn wrong', (v) => /^350121\d{13}$/.test(v) && !luhnValid(v), 0.99],
  [`${F.land}|zdbm`]: ['19-character 宗地代码: county code + 6 digits + J? + 5 digits', (v) => /^350121\d{6}J[A-C]\d{5}$/.test(v), 0.99],
  [`${F.land}|qzbh`]: ['J + 18 digits', (v) => /^J\d{18}$/.test(v), 0.99],
  [`${F.sim}|iccid`]: ['20-digit ICCID 8986…, Luhn-valid, one digit longer than any card', (v) => /^8986\d{16}$/.test(v) && luhnValid(v), 0.99],
  [`${F.sim}|imsi`]: ['15-digit IMSI 460…, province 46 but no date at 7–12', (v) => /^460\d{12}$/.test(v) && !idLikeAnyRegion(v), 0.99],
  [`${F.sim}|masked_cert`]: ['masked resident ID', (v) => /^\d{4}\*{10}\d{3}[\dX]$/.test(v), 0.99],
  [`${F.election}|公示身份号码`]: ['masked resident ID', (v) => /^\d{6}\*{8}\d{3}[\dX]$/.test(v), 0.99],
  [`${F.gym}|referrerMobileMasked`]: ['masked mobile', (v) => /^1\d{2}\*{4}\d{4}$/.test(v), 0.99],
  [`${F.ride}|passenger.mobileMasked`]: ['masked mobile', (v) => /^1\d{2}\*{4}\d{4}$/.test(v), 0.99],
  [`${F.ride}|pickup.grid`]: ['lng,lat with 2 decimals (a 1 km grid cell)', (v) => /^1\d{2}\.\d{2},\d{2}\.\d{2}$/.test(v), 0.99],
  [`${F.blood}|col_20`]: ['15 digits: city code 350100 + year + 5 digits (no date at 7–12)', (v) => /^3501002024\d{5}$/.test(v) && !idLikeAnyRegion(v), 0.99],
  [`${F.blood}|血袋条码`]: ['13 digits starting 0591 (an area code and 9 digits)', (v) => /^0591\d{9}$/.test(v) && !isCnLandline(v), 0.99],
  [`${F.mediation}|代理人執業證號`]: ['17 digits, the ISO 3779 check fails', (v) => /^\d{17}$/.test(v) && !isVin(v), 0.99],
  [`${F.dorm}|ksh`]: ['14-digit exam number with the county code at 3–8', (v) => /^24\d{12}$/.test(v), 0.99],
  [`${F.dorm}|mjkh`]: ['8 hex characters, at least one a letter (never an 8-digit number)', (v) => /^[0-9A-F]{8}$/.test(v) && /[A-F]/.test(v), 0.99],
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
  if (headerAt !== 1) fail(`${file}: header is not on row 2 (found at ${headerAt + 1})`);
  const master = ws.getCell(1, 1);
  const last = ws.getCell(1, entries.length);
  if (!master.isMerged || !last.isMerged || last.master.address !== master.address) fail(`${file}: title row is not merged across all ${entries.length} columns`);
  if (wb.worksheets.length !== 2) fail(`${file}: expected two sheets, found ${wb.worksheets.length}`);
  const headers = table[headerAt] ?? [];
  const spec = XLSX[file];
  for (const h of spec?.dates ?? []) if (!dateColumns.has(headers.indexOf(h))) fail(`${file}: ${h} has no date cells`);
  for (const h of spec?.numbers ?? []) if (!numberColumns.has(headers.indexOf(h))) fail(`${file}: ${h} has no number cells`);
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
    if (ext === '.json' && !text.trimStart().startsWith('[')) fail(`${file}: not a JSON array`);
    const cols = jsonColumns(records);
    const headers = [...cols.keys()];
    if (!headers.some((h) => h.includes('[]'))) fail(`${file}: no array path`);
    if (!headers.some((h) => h.split('.').length >= 2)) fail(`${file}: no nested path`);
    return { headers, rows: records.length, values: (e) => cols.get(e.header) ?? [] };
  }
  if (ext === '.parquet') {
    const { columns, rows } = await readParquet(buf);
    const kinds = new Set(columns.map((c) => c.type));
    for (const k of ['BYTE_ARRAY', 'INT32', 'INT64', 'DOUBLE', 'BOOLEAN']) if (!kinds.has(k as never)) fail(`${file}: no ${k} column`);
    if (!columns.some((c) => c.type === 'INT64' && String(c.converted_type ?? '').startsWith('TIMESTAMP'))) fail(`${file}: no TIMESTAMP column`);
    if (columns.find((c) => c.name === 'cbflxdh')?.type !== 'INT64') fail(`${file}: cbflxdh (mobiles) is not INT64`);
    return { headers: columns.map((c) => c.name), rows: rows.length, values: (e) => rows.map((r) => scalarText(r[e.header])) };
  }
  if (ext === '.xlsx') return readXlsx(path, file, entries);
  const { bom, utf8, crlf, bareLf, text } = textLayout(buf);
  const want = TEXT[file];
  if (want === undefined) fail(`${file}: no layout listed`);
  else {
    if (want.enc === 'gbk' && utf8) fail(`${file}: expected GBK, reads as UTF-8`);
    if (want.enc === 'utf8' && !utf8) fail(`${file}: expected UTF-8`);
    if (want.bom !== bom) fail(`${file}: BOM ${bom}, expected ${want.bom}`);
    if (want.crlf && (!crlf || bareLf)) fail(`${file}: expected CRLF line ends only`);
    if (!want.crlf && crlf) fail(`${file}: expected LF line ends`);
    if (sniffDelimiter(text) !== want.sep) fail(`${file}: separator sniffed as ${JSON.stringify(sniffDelimiter(text))}, expected ${JSON.stringify(want.sep)}`);
  }
  const table = parseDelimited(text, want?.sep ?? sniffDelimiter(text));
  const body = table.slice(1);
  for (const [i, r] of body.entries()) if (r.length !== (table[0] ?? []).length) fail(`${file}: row ${i + 2} has ${r.length} cells`);
  return { headers: table[0] ?? [], rows: body.length, values: (e) => body.map((r) => r[e.index] ?? '') };
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

async function main(): Promise<number> {
  const dir = process.argv[2];
  const all = process.argv.includes('--all');
  if (dir === undefined || dir.startsWith('--')) {
    console.error('usage: npx tsx bench/eval/columns-i/check.ts DIR [--all]');
    return 2;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;
  if (Object.keys(truth).length !== 12) fail(`expected 12 files, truth.json lists ${Object.keys(truth).length}`);
  for (const f of Object.values(F)) if (truth[f] === undefined) fail(`${f}: missing from truth.json`);
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
        const distinct = new Set(filled).size;
        let extra = '';
        if (e.truth === 'bank_card') extra = `, Luhn-valid ${pct(filled.filter((v) => STRICT.bank_card?.(v) === true).length, filled.length)}`;
        if (all || share < 0.9 || filled.length < 50) console.log(`  typed  ${e.header} [${e.truth}]: ${filled.length} non-blank, ${distinct} distinct, ${pct(filled.length - bad.length, filled.length)} valid${extra}${bad.length > 0 ? `; e.g. ${bad.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}` : ''}`);
        if (share < 0.9) fail(`${key}: only ${pct(filled.length - bad.length, filled.length)} of non-blank cells are valid ${e.truth}`);
        if (filled.length < 50) fail(`${key}: only ${filled.length} non-blank cells`);
        continue;
      }
      decoyCount++;
      if (filled.length < 50) fail(`${key}: decoy has only ${filled.length} non-blank cells`);
      const hits: string[] = [];
      const allowed = LOOKALIKES[key] ?? {};
      const sums = filled.filter((v) => checksumHits(v).length > 0);
      if (sums.length > 0) {
        hits.push(`checksum ${pct(sums.length, filled.length)}`);
        fail(`${key}: ${sums.length} decoy cells pass a checksum (${checksumHits(sums[0] as string).join(', ')}), e.g. ${JSON.stringify(sums[0])}`);
      }
      for (const [type, check] of Object.entries({ ...STRICT, ...SHAPE, ...SOFT })) {
        if (type === 'secret') continue; // hashes, ids and tokens share the form of a secret; only the header tells
        const min = allowed[type];
        if (type in SOFT && min === undefined) continue;
        const n = filled.filter((v) => check(v)).length;
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
        if (n / Math.max(1, filled.length) < near[2]) fail(`${key}: expected ${near[0]}, only ${pct(n, filled.length)}; e.g. ${JSON.stringify(filled.find((v) => !near[1](v)))}`);
      }
      if (all || hits.some((h) => !h.endsWith('(intended)') && !(near !== undefined && h.startsWith(near[0])))) console.log(`  decoy  ${e.header}: ${filled.length} non-blank${hits.length > 0 ? `; ${hits.join('; ')}` : ''}`);
    }
  }
  for (const k of [...Object.keys(LOOKALIKES), ...Object.keys(NEAR_MISSES)]) {
    const i = k.indexOf('|');
    const file = k.slice(0, i);
    const header = k.slice(i + 1);
    if (!(truth[file] ?? []).some((e) => e.header === header && e.truth === 'decoy')) fail(`${k}: listed look-alike or near miss is not a decoy column of the set`);
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
