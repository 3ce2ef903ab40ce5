/**
 * Reads a columns-f set back without the scanner and checks it against its labels:
 *
 *   npx tsx bench/eval/columns-f/check.ts DIR [--all]
 *
 * - every file of truth.json exists, has 200–3,000 rows, and its headers (or JSON paths) are the
 *   labelled ones in the labelled order, with `index` 0, 1, 2 …; the formats are what the README says
 *   (GBK without BOM with CRLF, BOM with CRLF, UTF-8 LF, tab, semicolon and pipe separators, merged
 *   title rows, two sheets, date cells, numeric phone cells, Parquet physical types and TIMESTAMP,
 *   nested JSON with array paths);
 * - every typed column: at least 90 % of its non-blank cells validate as its type (checksums where the
 *   type has one: GB 11643 with address code and date, 81/82/83 permits, GB 32100, ISO 3779, HKID,
 *   Taiwan ID; shapes otherwise; the column rules in COLUMN_VALID where the value wraps the identifier
 *   or is base64), and at least 50 non-blank cells;
 * - every decoy column: no cell passes a checksum validator of a type (resident ID and permits, USCC,
 *   VIN, HKID, Taiwan ID, a 16–19-digit Luhn-valid number) and no cell matches a shape validator
 *   unless the look-alike is intended and listed in LOOKALIKES (where it must reach the listed
 *   share, to prove the decoy is hard); every NEAR_MISSES decoy really is the near miss it claims;
 * - free-text columns have at least 50 non-blank cells; all 25 types occur.
 * Exit status 0 when everything holds, 1 otherwise. `--all` prints every column's figures.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decode, jsonColumns, parseDelimited, readParquet, readXlsxSheet, scalarText, sniffDelimiter, textLayout } from '../read-table.ts';
import {
  ADDRESS_CODES,
  gb11643Kind,
  isCnLandline,
  isCnMobile,
  isContainerNo,
  isEmail,
  isGeo,
  isHkid,
  isIp,
  isMac,
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
  orgCodeCheck,
  passesMod112,
  validDate,
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

const strip = (v: string): string => v.trim();
const digitsOnly = (v: string): string => v.replace(/[\s-]/g, '');
const unb64 = (v: string): string => (/^[A-Za-z0-9+/]+=*$/.test(v.trim()) ? Buffer.from(v.trim(), 'base64').toString('utf8') : '');

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
  tw_travel_permit: (v) => /^\d{8}(\d{2}|\(\d{2}\))?$/.test(strip(v)),
  hkmo_home_return_permit: (v) => /^[HM]\d{8}(\d{2})?$/.test(strip(v)),
  cn_passport: (v) => /^(G\d{8}|E[A-HJ-NP-Z0-9]\d{7})$/.test(strip(v)),
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

/** Column rules where the value wraps the identifier (README: label decisions) or is base64. */
const COLUMN_VALID: Record<string, (v: string) => boolean> = {
  // 全国学籍号: G + the pupil's resident ID.
  'xueji_shengxue_pingtan_2024.xlsx|学籍号': (v) => /^G.{18}$/.test(v.trim()) && gb11643Kind(v.trim().slice(1)) === 'cn',
  // 第三代残疾人证号: resident ID + category digit (1–7) + grade digit (1–4).
  'canjiren_zheng_guanli_202406.csv|残疾人证号': (v) => /^.{18}[1-7][1-4]$/.test(v.trim()) && gb11643Kind(v.trim().slice(0, 18)) === 'cn',
  'k8s_secrets_dump_prod.json|data.DB_PASSWORD': (v) => looksLikeSecret(unb64(v)),
  'k8s_secrets_dump_prod.json|data.server_key': (v) => /^-----BEGIN [A-Z ]*PRIVATE KEY-----\n/.test(unb64(v)),
  'k8s_secrets_dump_prod.json|data.dockerconfigjson': (v) => {
    try {
      const j = JSON.parse(unb64(v)) as { auths?: Record<string, { password?: string; auth?: string }> };
      return Object.values(j.auths ?? {}).some((a) => typeof a.password === 'string' && typeof a.auth === 'string');
    } catch {
      return false;
    }
  },
};

/** Not a value: empty cells and the placeholders the generator writes. */
const BLANKS = new Set(['', '无', '-', 'NULL', 'N/A', '未提供', '/', '不详', '同户籍地']);

/**
 * Intended look-alikes of decoy columns: `file|header` → type → the least share of non-blank cells
 * that must match. Any match of a type not listed fails.
 */
const LOOKALIKES: Record<string, Record<string, number>> = {
  'xueji_shengxue_pingtan_2024.xlsx|毕业学校': { person_name: 0.03 },
  'xueji_shengxue_pingtan_2024.xlsx|学校标识码': { tw_travel_permit: 0.99 },
  'zhufang_zulin_beian_pingtan_202406.tsv|所在乡镇街道': { person_name: 0.05 },
  'zhufang_zulin_beian_pingtan_202406.tsv|小区名称': { person_name: 0.1 },
  'gongshang_rending_anjian_2024.json|accident.type': { person_name: 0.03, medical_record: 0.03 },
  'canjiren_zheng_guanli_202406.csv|补贴类型': { medical_record: 0.5 },
  'canjiren_zheng_guanli_202406.csv|所在社区': { person_name: 0.05 },
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|items[].approvalNo': { hkmo_home_return_permit: 0.5 },
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|invoice.code': { cn_landline: 0.2 },
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|invoice.number': { tw_travel_permit: 0.5 },
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|invoice.taxOffice': { cn_mobile: 0.99 },
  'wangyueche_dingdan_202406.csv|乘客昵称': { person_name: 0.05 },
  'wangyueche_dingdan_202406.csv|上车点': { person_name: 0.03 },
  'liangan_haiyun_jizhuangxiang_2024H1.xlsx|封志号': { cn_passport: 0.1 },
  'liangan_haiyun_jizhuangxiang_2024H1.xlsx|HS编码': { tw_travel_permit: 0.3, tw_mobile: 0.01 },
  'liangan_haiyun_jizhuangxiang_2024H1.xlsx|发货人统一编号': { tw_travel_permit: 0.99 },
  'liangan_haiyun_jizhuangxiang_2024H1.xlsx|品名': { person_name: 0.02 },
  'zhihui_shequ_ganzhi_20240612.ndjson|device.community': { person_name: 0.1 },
  'k8s_secrets_dump_prod.json|metadata.resourceVersion': { tw_travel_permit: 0.99 },
};

/** Hardness of decoys that match no type by design: shapes of a type with the check or data wrong. */
const NEAR_MISSES: Record<string, [string, (v: string) => boolean, number]> = {
  'gongjijin_jiaocun_tiqu_2024Q2_gbk.csv|业务流水号': ['20 digits: 350128 + a real date + 4 digits, the leading 18 failing MOD 11-2', (v) => /^350128\d{14}$/.test(v) && validDate(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14))) && !passesMod112(v.slice(0, 18)), 0.99],
  'zhufang_zulin_beian_pingtan_202406.tsv|房屋编码': ['18 digits from address code 350128, MOD 11-2 wrong, no birth date', (v) => /^35012810\d{10}$/.test(v) && !passesMod112(v), 0.99],
  'gongshang_rending_anjian_2024.json|worker.socialSecurityNo': ['12 digits starting with a county code (an ID prefix)', (v) => /^350128\d{6}$/.test(v), 0.99],
  'gongshang_rending_anjian_2024.json|employer.orgCode': ['GB 11714 organisation code with a valid check (the middle of the USCC)', (v) => /^\d{8}-[\dX]$/.test(v) && orgCodeCheck(v.slice(0, 8)) === v[9], 0.99],
  'gongshang_rending_anjian_2024.json|employer.taxRegNo': ['15 characters: county code + organisation code, never a legacy-ID date', (v) => /^\d{14}[\dX]$/.test(v) && ADDRESS_CODES[v.slice(0, 6)] !== undefined && orgCodeCheck(v.slice(6, 14)) === v[14] && gb11643Kind(v) === undefined, 0.99],
  'xianxue_zhe_dangan_2024.parquet|献血证号': ['15 digits, a legacy-ID shape whose month is 00', (v) => /^\d{8}00\d{5}$/.test(v), 0.99],
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|items[].traceCode': ['20-digit 药品追溯码 starting 8 (one digit longer than a card)', (v) => /^8\d{19}$/.test(v), 0.99],
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|items[].approvalNo': ['国药准字 letter + 8 digits', (v) => /^[HZSJ]\d{8}$/.test(v), 0.99],
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|store.licenseNo': ['province character + 2 letters + 7 digits (a plate prefix, too long)', (v) => /^闽[A-Z]{2}\d{7}$/.test(v) && !isPlate(v), 0.99],
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|invoice.taxOffice': ['税务机关代码 1 + county code + 0000', (v) => /^1\d{6}0000$/.test(v) && ADDRESS_CODES[v.slice(1, 7)] !== undefined, 0.99],
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson|payment.cardMasked': ['masked card 6 + ****** + 4', (v) => /^62\d{4}\*{6}\d{4}$/.test(v), 0.99],
  'wangyueche_dingdan_202406.csv|订单号': ['19-digit snowflake id failing Luhn', (v) => /^1[78]\d{17}$/.test(v) && !luhnValid(v), 0.99],
  'wangyueche_dingdan_202406.csv|终端序列号': ['17 characters of the VIN alphabet, check digit wrong', (v) => /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && !isVin(v), 0.99],
  'gangaotai_jiuye_dengji_2024.csv|澳门身份证号': ['Macao ID: 7 digits + (check digit), no letter', (v) => /^[157]\d{6}\(\d\)$/.test(v), 0.99],
  'gangaotai_jiuye_dengji_2024.csv|台湾市话': ['Taiwan fixed line (0x area code)', (v) => /^(\(0[2-8]\)|0[2-8]-)\d{3,4}-\d{4}$/.test(v) && !isCnLandline(v), 0.99],
  'gangaotai_jiuye_dengji_2024.csv|就业创业证号': ['18 digits from 350128, no birth date, MOD 11-2 wrong', (v) => /^35012824\d{10}$/.test(v) && !passesMod112(v), 0.99],
  'liangan_haiyun_jizhuangxiang_2024H1.xlsx|报关单号': ['18-digit customs declaration number, MOD 11-2 wrong, impossible date', (v) => /^35\d{2}2024[01]\d{9}$/.test(v) && !passesMod112(v), 0.99],
  'liangan_haiyun_jizhuangxiang_2024H1.xlsx|箱号': ['ISO 6346 container number with a valid check digit', (v) => isContainerNo(v), 0.99],
  'zhihui_shequ_ganzhi_20240612.ndjson|wifi.imsi': ['15-digit IMSI 460…, never a legacy-ID date', (v) => /^460\d{12}$/.test(v) && Number(v.slice(8, 10)) > 12, 0.99],
  'zhihui_shequ_ganzhi_20240612.ndjson|device.subnet': ['IPv4 CIDR network (an address with a prefix length)', (v) => /^\d+\.\d+\.\d+\.0\/\d{2}$/.test(v) && isIp(v.split('/')[0] as string), 0.99],
  'k8s_secrets_dump_prod.json|data.DB_USER': ['base64 of a user name (not a credential)', (v) => /^[a-z_]+$/.test(unb64(v)), 0.99],
  'k8s_secrets_dump_prod.json|data.server_crt': ['base64 of a PEM certificate (public)', (v) => unb64(v).startsWith('-----BEGIN CERTIFICATE-----'), 0.99],
  'k8s_secrets_dump_prod.json|metadata.annotations.publicKey': ['PEM public key', (v) => v.startsWith('-----BEGIN PUBLIC KEY-----'), 0.99],
  'k8s_secrets_dump_prod.json|metadata.annotations.jwks': ['JWKS public key set (RS256, n and e only)', (v) => { try { const j = JSON.parse(v) as { keys: { kty: string; n: string; d?: string }[] }; return j.keys.every((k) => k.kty === 'RSA' && k.n.length > 300 && k.d === undefined); } catch { return false; } }, 0.99],
};

interface FileFormat {
  kind: 'gbk' | 'bom' | 'utf8';
  delimiter?: string;
  title?: boolean;
  sheets?: number;
  dateCols?: number;
  numberCol?: string;
  arrays?: boolean;
}
const FORMATS: Record<string, FileFormat> = {
  'xueji_shengxue_pingtan_2024.xlsx': { kind: 'utf8', title: true, sheets: 2, dateCols: 1, numberCol: '监护人手机' },
  'gongjijin_jiaocun_tiqu_2024Q2_gbk.csv': { kind: 'gbk', delimiter: ',' },
  'zhufang_zulin_beian_pingtan_202406.tsv': { kind: 'utf8', delimiter: '\t' },
  'canjiren_zheng_guanli_202406.csv': { kind: 'bom', delimiter: ',' },
  'wangyueche_dingdan_202406.csv': { kind: 'utf8', delimiter: ';' },
  'gangaotai_jiuye_dengji_2024.csv': { kind: 'utf8', delimiter: '|' },
  'liangan_haiyun_jizhuangxiang_2024H1.xlsx': { kind: 'utf8', title: true, sheets: 2, dateCols: 1, numberCol: '报关员手机' },
  'gongshang_rending_anjian_2024.json': { kind: 'utf8', arrays: true },
  'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson': { kind: 'utf8', arrays: true },
  'k8s_secrets_dump_prod.json': { kind: 'utf8', arrays: true },
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
  const f = FORMATS[file] ?? { kind: 'utf8' };
  const { workbook: wb, sheet: ws, table, headerAt, dateColumns: dateCols, numberColumns: numberCols } = await readXlsxSheet(path, entries[0]?.header);
  if (f.title === true) {
    if (headerAt !== 1 || !ws.getCell(1, 1).isMerged || ws.getCell(1, entries.length).master.address !== 'A1') fail(`${file}: expected a merged title row over all columns above the header`);
  } else if (headerAt !== 0) fail(`${file}: header is not on row 1`);
  if (f.sheets !== undefined && wb.worksheets.length !== f.sheets) fail(`${file}: expected ${f.sheets} sheets, found ${wb.worksheets.length}`);
  if (f.dateCols !== undefined && dateCols.size < f.dateCols) fail(`${file}: expected date cells in ${f.dateCols} column(s), found ${dateCols.size}`);
  const headers = table[headerAt] ?? [];
  if (f.numberCol !== undefined && !numberCols.has(headers.indexOf(f.numberCol))) fail(`${file}: no numeric cells in ${f.numberCol}`);
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
    if (!Array.isArray(records)) fail(`${file}: not an array of records`);
    if (ext === '.ndjson' && text.trimStart().startsWith('[')) fail(`${file}: NDJSON starts with [`);
    const cols = jsonColumns(records);
    if (![...cols.keys()].some((k) => k.includes('.'))) fail(`${file}: no nested paths`);
    if (FORMATS[file]?.arrays === true && ![...cols.keys()].some((k) => k.includes('[]'))) fail(`${file}: no array paths`);
    return { headers: [...cols.keys()], rows: records.length, values: (e) => cols.get(e.header) ?? [] };
  }
  if (ext === '.parquet') {
    const { columns, rows } = await readParquet(buf);
    const kinds = new Set(columns.map((c) => c.type));
    for (const k of ['BYTE_ARRAY', 'INT32', 'INT64', 'DOUBLE', 'BOOLEAN']) if (!kinds.has(k as never)) fail(`${file}: no ${k} column`);
    if (!columns.some((c) => c.converted_type === 'TIMESTAMP_MILLIS')) fail(`${file}: no TIMESTAMP column`);
    const phone = columns.find((c) => c.name === '手机号码');
    if (phone?.type !== 'INT64') fail(`${file}: 手机号码 is not INT64`);
    return { headers: columns.map((c) => c.name), rows: rows.length, values: (e) => rows.map((r) => scalarText(r[e.header])) };
  }
  if (ext === '.xlsx') return readXlsx(path, file, entries);
  const f = FORMATS[file];
  if (f === undefined) throw new Error(`${file}: no expected format`);
  const { bom: hasBom, utf8, crlf, bareLf, text } = textLayout(buf);
  if (f.kind === 'gbk' && (utf8 || hasBom || !crlf || bareLf)) fail(`${file}: expected GBK without BOM, CRLF`);
  if (f.kind === 'bom' && (!hasBom || !crlf || bareLf)) fail(`${file}: expected UTF-8 with BOM, CRLF`);
  if (f.kind === 'utf8' && (!utf8 || hasBom || crlf)) fail(`${file}: expected UTF-8 without BOM, LF`);
  const delimiter = ext === '.tsv' ? '\t' : sniffDelimiter(text);
  if (delimiter !== f.delimiter || sniffDelimiter(text) !== f.delimiter) fail(`${file}: delimiter ${JSON.stringify(sniffDelimiter(text))}, expected ${JSON.stringify(f.delimiter)}`);
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
    console.error('usage: npx tsx bench/eval/columns-f/check.ts DIR [--all]');
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
    console.log(`${file}: ${cols.rows} rows, ${entries.length} columns`);
    for (const e of entries) {
      const key = `${file}|${e.header}`;
      const values = cols.values(e);
      const filled = values.filter((v) => !BLANKS.has(v.trim()));
      if (e.truth === 'free_text') {
        freeCount++;
        if (filled.length < 50) fail(`${key}: free text has only ${filled.length} non-blank cells`);
        if (all) console.log(`  free   ${e.header}: ${filled.length} non-blank`);
        continue;
      }
      if (e.truth !== 'decoy') {
        typedCount++;
        seenTypes.add(e.truth);
        const valid = COLUMN_VALID[key] ?? VALID[e.truth];
        if (valid === undefined || !TYPES.includes(e.truth)) {
          fail(`${key}: unknown type ${e.truth}`);
          continue;
        }
        const bad = filled.filter((v) => !valid(v));
        const share = filled.length === 0 ? 0 : (filled.length - bad.length) / filled.length;
        let extra = '';
        if (e.truth === 'bank_card') extra = `, Luhn-valid ${pct(filled.filter((v) => STRICT.bank_card?.(v) === true).length, filled.length)}`;
        if (all || share < 0.9 || filled.length < 50) console.log(`  typed  ${e.header} [${e.truth}]: ${filled.length} non-blank, ${pct(filled.length - bad.length, filled.length)} valid${extra}${bad.length > 0 ? `; e.g. ${bad.slice(0, 3).map((v) => JSON.stringify(v.slice(0, 80))).join(', ')}` : ''}`);
        if (share < 0.9) fail(`${key}: only ${pct(filled.length - bad.length, filled.length)} of non-blank cells are valid ${e.truth}`);
        if (filled.length < 50) fail(`${key}: only ${filled.length} non-blank cells`);
        continue;
      }
      if (e.truth !== 'decoy') fail(`${key}: unknown label ${e.truth}`);
      decoyCount++;
      const hits: string[] = [];
      const allowed = LOOKALIKES[key] ?? {};
      for (const [type, check] of Object.entries({ ...STRICT, ...SHAPE })) {
        if (type === 'secret') continue; // hashes, UUIDs and base64 share the form of a secret; only the header tells
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
        if (n / Math.max(1, filled.length) < near[2]) fail(`${key}: expected ${near[0]}, only ${pct(n, filled.length)}; e.g. ${JSON.stringify(filled.find((v) => !near[1](v)))}`);
      }
      if (filled.length === 0) fail(`${key}: decoy column is empty`);
      if (all || hits.some((h) => !h.endsWith('(intended)') && !(near !== undefined && h.startsWith(near[0])))) console.log(`  decoy  ${e.header}: ${filled.length} non-blank${hits.length > 0 ? `; ${hits.join('; ')}` : ''}`);
    }
  }
  for (const k of [...Object.keys(LOOKALIKES), ...Object.keys(NEAR_MISSES), ...Object.keys(COLUMN_VALID)]) {
    const [file, header] = k.split('|') as [string, string];
    const entry = (truth[file] ?? []).find((e) => e.header === header);
    if (entry === undefined) fail(`${k}: listed column is not in the set`);
    else if (k in COLUMN_VALID ? entry.truth === 'decoy' : entry.truth !== 'decoy') fail(`${k}: listed under the wrong kind of column (${entry.truth})`);
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
