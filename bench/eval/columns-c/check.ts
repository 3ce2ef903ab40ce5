/**
 * Reads a generated columns-c set back, format by format (exceljs, iconv-lite, hyparquet, JSON),
 * and checks it against truth.json: headers and their order, row counts, and for every column
 * the share of non-empty cells that pass each identifier check written in values.ts (so a typed
 * column shows ~100 % on its own type and a decoy shows which checks it resembles).
 * It does not touch the scanner.
 *
 *   npx tsx bench/eval/columns-c/check.ts DIR [--all]
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import iconv from 'iconv-lite';
import { jsonColumns, parseDelimited } from '../read-table.ts';
import { USCC_ALPHABET, hkidCheck, idCheck, luhnValid, twIdCheck, usccCheck, vinCheck } from './values.ts';

interface TruthEntry {
  index: number;
  header: string;
  truth: string;
}

type Table = { headers: string[]; columns: string[][]; note: string };

const PLACEHOLDERS = new Set(['', '无', '無', '-', 'NULL', 'N/A', '/', '不详', '未检测', '未辦理', '未办', '未签约', '下落不明', '停机']);

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in (v as object)) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(v);
};

async function readTable(path: string): Promise<Table> {
  const ext = extname(path);
  if (ext === '.xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0];
    if (ws === undefined) throw new Error('no sheet');
    const all: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const vals: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) vals.push(cellText(row.getCell(c).value));
      all.push(vals);
    });
    const merged = ws.getCell(1, 2).isMerged;
    const headerRow = merged ? 1 : 0;
    const headers = all[headerRow] as string[];
    const body = all.slice(headerRow + 1);
    return { headers, columns: headers.map((_, i) => body.map((r) => r[i] ?? '')), note: `${wb.worksheets.length} sheet(s) [${wb.worksheets.map((w) => w.name).join(', ')}], title row ${merged ? `merged: "${all[0]?.[0] ?? ''}"` : 'none'}` };
  }
  if (ext === '.csv' || ext === '.tsv') {
    const buf = readFileSync(path);
    let text = buf.toString('utf8');
    let enc = 'utf-8';
    if (text.includes('\uFFFD')) {
      text = iconv.decode(buf, 'gbk');
      enc = 'gbk';
    }
    if (text.startsWith('\uFEFF')) {
      text = text.slice(1);
      enc += '+bom';
    }
    const firstLine = text.slice(0, text.search(/\r?\n/));
    const delim = firstLine.includes('\t') ? '\t' : ',';
    const rows = parseDelimited(text, delim);
    const headers = rows[0] as string[];
    const body = rows.slice(1);
    const crlf = text.includes('\r\n');
    return { headers, columns: headers.map((_, i) => body.map((r) => r[i] ?? '')), note: `${enc}, ${delim === '\t' ? 'tab' : 'comma'}, ${crlf ? 'CRLF' : 'LF'}` };
  }
  if (ext === '.json' || ext === '.ndjson') {
    const text = readFileSync(path, 'utf8');
    const records = ext === '.json' ? (JSON.parse(text) as unknown[]) : text.split(/\r?\n/).filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
    const cols = jsonColumns(records);
    return { headers: [...cols.keys()], columns: [...cols.values()], note: `${records.length} records` };
  }
  if (ext === '.parquet') {
    const b = readFileSync(path);
    const file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    const headers = Object.keys(rows[0] ?? {});
    return { headers, columns: headers.map((h) => rows.map((r) => cellText(r[h]))), note: `parquet, ${rows.length} rows` };
  }
  throw new Error(`unknown format ${ext}`);
}

const norm = (s: string): string => s.trim().replace(/[\s\-·]/g, '').toUpperCase();

const CHECKS: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => {
    const s = norm(v);
    if (/^\d{15}$/.test(s)) return true;
    return /^\d{17}[\dX]$/.test(s) && !/^8[123]/.test(s) && idCheck(s.slice(0, 17)) === s[17];
  },
  hk_residence_permit: (v) => /^810000\d{11}[\dX]$/.test(norm(v)) && idCheck(norm(v).slice(0, 17)) === norm(v)[17],
  mo_residence_permit: (v) => /^820000\d{11}[\dX]$/.test(norm(v)) && idCheck(norm(v).slice(0, 17)) === norm(v)[17],
  tw_residence_permit: (v) => /^830000\d{11}[\dX]$/.test(norm(v)) && idCheck(norm(v).slice(0, 17)) === norm(v)[17],
  tw_travel_permit: (v) => /^\d{8}(\(?\d{2}\)?)?(\([A-Z]\))?$/.test(norm(v)),
  hkmo_home_return_permit: (v) => /^[HM]\d{8}(\d{2})?$/.test(norm(v)),
  cn_passport: (v) => /^(G\d{8}|E[A-HJ-NP-Z0-9]\d{7})$/.test(norm(v)),
  tw_national_id: (v) => {
    const s = norm(v);
    return /^[A-Z][12]\d{8}$/.test(s) && twIdCheck(s[0] as string, s.slice(1, 9)) === s[9];
  },
  hk_id: (v) => {
    const m = /^([A-Z]{1,2})(\d{6})[(（]?([0-9A])[)）]?$/.exec(norm(v));
    return m !== null && hkidCheck(m[1] as string, m[2] as string) === m[3];
  },
  cn_uscc: (v) => {
    const s = norm(v);
    return s.length === 18 && [...s].every((c) => USCC_ALPHABET.includes(c)) && usccCheck(s.slice(0, 17)) === s[17];
  },
  cn_mobile: (v) => /^(\(?\+?86\)?|0086)?1[3-9]\d{9}$/.test(norm(v).replace(/^86(?=1)/, '')),
  tw_mobile: (v) => /^(\+886|0)9\d{8}$/.test(norm(v)),
  cn_landline: (v) => /^[(（]?0\d{2,3}[)）]?\d{7,8}((转|EXT\.|-)?\d{3,4})?$/.test(norm(v)),
  email: (v) => /^[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v.trim()),
  ip_address: (v) => /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/.test(v.trim()) || (/^[0-9a-f:]+$/i.test(v.trim()) && v.includes(':') && v.split(':').length >= 3 && !/^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/i.test(v.trim())),
  mac_address: (v) => /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(v.trim()),
  bank_card: (v) => {
    const s = v.trim().replace(/^'/, '').replace(/[\s-]/g, '');
    return /^\d{16,19}$/.test(s) && luhnValid(s);
  },
  bank_card_len: (v) => /^\d{16,19}$/.test(v.trim().replace(/^'/, '').replace(/[\s-]/g, '')),
  cn_license_plate: (v) => /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·\s]?([A-HJ-NP-Z0-9]{5}|[DFABG][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/.test(v.trim()),
  vin: (v) => {
    const s = norm(v);
    return /^[A-HJ-NPR-Z0-9]{17}$/.test(s) && vinCheck(s) === s[8];
  },
  geo_coordinate: (v) => {
    const m = /^N?(-?\d{1,3}\.\d{4,})[,\s]+E?(-?\d{1,3}\.\d{4,})$/.exec(v.trim());
    if (m === null) return false;
    const a = Number(m[1]);
    const b = Number(m[2]);
    return (Math.abs(a) <= 90 && Math.abs(b) <= 180) || (Math.abs(b) <= 90 && Math.abs(a) <= 180);
  },
};

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (dir === undefined) {
    console.error('usage: npx tsx bench/eval/columns-c/check.ts DIR [--all]');
    process.exitCode = 2;
    return;
  }
  const showAll = process.argv.includes('--all');
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;
  let problems = 0;
  for (const [file, entries] of Object.entries(truth)) {
    const t = await readTable(join(dir, file));
    const rows = Math.max(...t.columns.map((c) => c.length));
    console.log(`\n== ${file}: ${t.note}; ${t.headers.length} columns, ${rows} rows`);
    if (t.headers.length !== entries.length) {
      console.log(`  !! ${t.headers.length} headers read, ${entries.length} in truth`);
      problems++;
    }
    for (const e of entries) {
      const header = t.headers[e.index];
      if (header !== e.header) {
        console.log(`  !! column ${e.index}: read "${String(header)}", truth "${e.header}"`);
        problems++;
        continue;
      }
      const values = (t.columns[e.index] ?? []).filter((v) => !PLACEHOLDERS.has(v.trim()));
      const blank = 1 - values.length / Math.max(1, (t.columns[e.index] ?? []).length);
      const rates = Object.entries(CHECKS)
        .map(([type, f]) => [type, values.filter(f).length / Math.max(1, values.length)] as const)
        .filter(([, x]) => x > 0);
      const own = CHECKS[e.truth];
      const ownRate = own === undefined ? undefined : values.filter(own).length / Math.max(1, values.length);
      const others = rates.filter(([type]) => type !== e.truth && !(e.truth === 'bank_card' && type === 'bank_card_len')).map(([type, x]) => `${type} ${(x * 100).toFixed(1)}%`);
      const flag = ownRate !== undefined && ownRate < 0.95 ? ' !!' : '';
      if (flag !== '') problems++;
      if (showAll || flag !== '' || (e.truth === 'decoy' && others.length > 0)) {
        console.log(
          `  [${e.index}] ${e.header} (${e.truth}) blank ${(blank * 100).toFixed(1)}%${ownRate !== undefined ? `, own check ${(ownRate * 100).toFixed(1)}%` : ''}${others.length > 0 ? `; also ${others.join(', ')}` : ''}${flag}  e.g. ${values.slice(0, 3).map((v) => JSON.stringify(v)).join(' ')}`,
        );
      }
    }
  }
  console.log(problems === 0 ? '\nall files read back; headers match truth.json' : `\n${problems} problem(s)`);
  process.exitCode = problems === 0 ? 0 : 1;
}

await main();
