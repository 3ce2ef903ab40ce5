/**
 * Bad-input checks of `landao scan` (shared/contracts/scan-report.md: bad input → exit 2 with a
 * one-line reason on standard error).
 *
 *   npx tsx bench/eval/columns-b/bad-input.ts [--keep DIR] [--timeout SECONDS]
 *
 * Writes broken files to a temporary directory (or DIR with --keep) — a truncated XLSX, an XLSX
 * zip bomb (and the same bomb with its declared size falsified), invalid UTF-8 deep in a CSV, a ragged CSV, an unterminated quote, a gzip file named
 * .csv, broken JSON, an NDJSON line that is not JSON, an empty file — runs
 * `node bin/landao.js scan FILE --json` on each under `/usr/bin/time -f '%e %M'` and `timeout`,
 * and prints one table row per file:
 * - exit status (2 expected);
 * - whether standard error ends in one line that names the file, and the line or row when the
 *   fault has one;
 * - whether a report was printed on standard output anyway, and whether it claims to be complete
 *   (`complete` not false) — a partial report passed off as a whole one;
 * - wall time and peak RSS.
 * Exit status: 0 when every file gets exit 2 with a one-line reason naming it and no report
 * printed as complete, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { cnMobile, messyName, residentId, Rng } from './values.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Case {
  file: string;
  what: string;
  /** Numbers any one of which, in the reason, counts as naming where the fault is (line or row). */
  where?: number[];
  whereText?: string;
}

// ---------------------------------------------------------------------------------------------
// Making the broken files

function csvRows(r: Rng, n: number): string[] {
  const rows = ['序号,姓名,身份证号,手机号,备注'];
  for (let i = 1; i <= n; i++) rows.push(`${i},${messyName(r).trim()},${residentId(r)},${cnMobile(r)},正常`);
  return rows;
}

async function truncatedXlsx(r: Rng, dir: string): Promise<Case> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['姓名', '身份证号', '手机号']);
  for (let i = 0; i < 500; i++) ws.addRow([messyName(r), residentId(r), cnMobile(r)]);
  const full = Buffer.from(await wb.xlsx.writeBuffer());
  const file = join(dir, 'truncated.xlsx');
  writeFileSync(file, full.subarray(0, Math.floor(full.length * 0.55)));
  return { file, what: `XLSX cut at 55 % (${Math.floor(full.length * 0.55)} of ${full.length} bytes; no central directory)` };
}

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A well-formed XLSX whose only sheet inflates to `inflatedBytes` of identical rows. */
async function zipBomb(dir: string, inflatedBytes: number): Promise<Case> {
  const file = join(dir, 'bomb.xlsx');
  const zip = new yazl.ZipFile();
  const add = (name: string, text: string): void => zip.addBuffer(Buffer.from(text), name, { mtime: new Date(Date.UTC(2024, 0, 1)) });
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SHEET_NS}" xmlns:r="${DOC_REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  add('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>手机号</t></is></c></row>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const row = '<row><c t="inlineStr"><is><t>13800000000</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)));
  const chunks = Math.ceil((inflatedBytes - head.length - tail.length) / chunk.length);
  const size = head.length + tail.length + chunks * chunk.length;
  function* body(): Generator<Buffer> {
    yield head;
    for (let i = 0; i < chunks; i++) yield chunk;
    yield tail;
  }
  zip.addReadStream(Readable.from(body()), 'xl/worksheets/sheet1.xml', { size, compressionLevel: 9, mtime: new Date(Date.UTC(2024, 0, 1)) });
  zip.end();
  await new Promise<void>((ok, fail) => {
    const out = createWriteStream(file);
    out.on('close', () => ok());
    out.on('error', fail);
    zip.outputStream.pipe(out);
  });
  const bytes = statSync(file).size;
  return { file, what: `XLSX of ${(bytes / 1024).toFixed(0)} KiB whose sheet inflates to ${(size / 2 ** 30).toFixed(2)} GiB (${Math.round(size / bytes)}:1)` };
}

/**
 * The same bomb with its declared uncompressed size rewritten to the compressed size (central
 * directory, local header and data descriptor), so a ratio check that trusts the directory sees
 * 1:1 and only a limit on the bytes actually inflated can stop it.
 */
function lyingBomb(bomb: string, dir: string): Case {
  const buf = Buffer.from(readFileSync(bomb));
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let patched = false;
  for (let i = 0; i < entries; i++) {
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (name === 'xl/worksheets/sheet1.xml') {
      const compressed = buf.readUInt32LE(at + 20);
      const declared = buf.readUInt32LE(at + 24);
      buf.writeUInt32LE(compressed, at + 24);
      const local = buf.readUInt32LE(at + 42);
      if (buf.readUInt32LE(local + 22) === declared) buf.writeUInt32LE(compressed, local + 22);
      const dataEnd = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28) + compressed;
      const dd = buf.readUInt32LE(dataEnd) === 0x08074b50 ? dataEnd + 4 : dataEnd;
      if (buf.readUInt32LE(dd + 8) === declared) buf.writeUInt32LE(compressed, dd + 8);
      patched = true;
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  if (!patched) throw new Error('bomb: sheet entry not found');
  const file = join(dir, 'bomb-lying-size.xlsx');
  writeFileSync(file, buf);
  return { file, what: 'the same bomb, its declared uncompressed size rewritten to the compressed size (1:1) in the central directory, local header and data descriptor' };
}

function invalidUtf8(r: Rng, dir: string): Case {
  const lines = csvRows(r, 3000);
  const at = 2500; // 1-based line number of the damaged line
  const parts = lines.map((l) => Buffer.from(l + '\n', 'utf8'));
  const bad = Buffer.from(lines[at - 1] as string, 'utf8');
  // 0xFF and 0xFE never occur in UTF-8 and are not GB18030 lead bytes either.
  parts[at - 1] = Buffer.concat([bad.subarray(0, 8), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), bad.subarray(8), Buffer.from('\n')]);
  const file = join(dir, 'invalid-utf8.csv');
  writeFileSync(file, Buffer.concat(parts));
  return { file, what: `UTF-8 CSV of 3000 rows, bytes FF FE C3 28 on line ${at} (~${Math.round(parts.slice(0, at - 1).reduce((s, p) => s + p.length, 0) / 1024)} KiB in)`, where: [at, at - 1], whereText: `line ${at}` };
}

function ragged(r: Rng, dir: string): Case {
  const lines = csvRows(r, 100);
  lines[40] = `${lines[40] as string},多余1,多余2`; // line 41: 7 fields
  lines[41] = '41,张三,350128199001011234'; // line 42: 3 fields
  const file = join(dir, 'ragged.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, what: 'CSV with 5 header fields; line 41 has 7, line 42 has 3', where: [41, 42, 40], whereText: 'line 41' };
}

function unterminatedQuote(r: Rng, dir: string): Case {
  const lines = csvRows(r, 100);
  lines[29] = `29,"李四,350128199001011234,13800138000,正常`; // line 30 opens a quote never closed
  const file = join(dir, 'unterminated-quote.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, what: 'CSV whose line 30 opens a quoted field that is never closed', where: [30, 29], whereText: 'line 30' };
}

function binaryCsv(r: Rng, dir: string): Case {
  const file = join(dir, 'export.csv');
  writeFileSync(file, gzipSync(Buffer.from(csvRows(r, 2000).join('\n'))));
  return { file, what: 'a gzip archive of a CSV, named .csv' };
}

function brokenJson(r: Rng, dir: string): Case {
  const records = Array.from({ length: 50 }, () => ({ applicant: { name: messyName(r).trim(), idNo: residentId(r), phone: cnMobile(r) }, amount: r.int(100, 9999) }));
  const lines = JSON.stringify(records, null, 2).split('\n');
  // Drop the comma after the 20th record: "  }," → "  }".
  let seen = 0;
  let at = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '  },' && ++seen === 20) {
      lines[i] = '  }';
      at = i + 1;
      break;
    }
  }
  const file = join(dir, 'broken.json');
  writeFileSync(file, lines.join('\n'));
  return { file, what: `JSON array with the comma after record 20 missing (line ${at}; the parser sees it on line ${at + 1})`, where: [at, at + 1], whereText: `line ${at + 1}` };
}

function badNdjsonLine(r: Rng, dir: string): Case {
  const lines = Array.from({ length: 100 }, () => JSON.stringify({ xm: messyName(r).trim(), sfzh: residentId(r), lxdh: cnMobile(r) }));
  lines[56] = '{"xm":"王五","sfzh":"350128199001011234","lxdh":138'; // line 57: cut off
  const file = join(dir, 'bad-line.ndjson');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, what: 'NDJSON of 100 lines, line 57 cut off mid-object', where: [57], whereText: 'line 57' };
}

function emptyFile(dir: string): Case {
  const file = join(dir, 'empty.csv');
  writeFileSync(file, '');
  return { file, what: 'an empty file (0 bytes)' };
}

// ---------------------------------------------------------------------------------------------
// Running the scanner

interface Outcome {
  c: Case;
  exit: string;
  seconds: number;
  peakMiB: number;
  stderrLines: number;
  reason: string;
  namesFile: boolean;
  namesWhere: boolean | undefined;
  stdoutBytes: number;
  report: 'none' | 'complete' | 'partial' | 'unparsable';
}

function run(c: Case, timeoutSeconds: number): Outcome {
  const timeFile = join(dirname(c.file), `.${basename(c.file)}.time`);
  const res = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, 'timeout', '-k', '5', String(timeoutSeconds), process.execPath, join(repoRoot, 'bin/landao.js'), 'scan', c.file, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const [secs, kib] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
  const status = res.status ?? -1;
  const exit = status === 124 ? `timeout ${timeoutSeconds}s` : status > 128 ? `${status} (signal ${status - 128})` : res.signal !== null ? `signal ${res.signal}` : String(status);
  const errLines = (res.stderr ?? '').split('\n').filter((l) => l.trim() !== '');
  const reason = errLines[errLines.length - 1] ?? '';
  const stdout = res.stdout ?? '';
  let report: Outcome['report'] = 'none';
  if (stdout.trim() !== '') {
    try {
      const doc = JSON.parse(stdout) as { complete?: boolean; files?: { complete?: boolean }[] };
      const complete = doc.files !== undefined ? doc.files.every((f) => f.complete !== false) : doc.complete !== false;
      report = complete ? 'complete' : 'partial';
    } catch {
      report = 'unparsable';
    }
  }
  const name = basename(c.file);
  return {
    c,
    exit,
    seconds: Number(secs ?? NaN),
    peakMiB: Number(kib ?? NaN) / 1024,
    stderrLines: errLines.length,
    reason,
    namesFile: reason.includes(name),
    namesWhere: c.where === undefined ? undefined : c.where.some((n) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(reason)),
    stdoutBytes: Buffer.byteLength(stdout),
    report,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, k) => Math.max(...rows.map((r) => [...(r[k] ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)))) ?? [];
  const cell = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  return rows.map((r, i) => r.map((s, k) => cell(s, widths[k] ?? 0)).join(' | ') + (i === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('-|-')}` : '')).join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const keep = arg('--keep');
  const timeoutSeconds = Number(arg('--timeout') ?? '300');
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'landao-bad-input-'));
  mkdirSync(dir, { recursive: true });
  const r = new Rng(20240602);
  const bomb = await zipBomb(dir, 2 ** 30);
  const cases: Case[] = [
    await truncatedXlsx(r, dir),
    bomb,
    lyingBomb(bomb.file, dir),
    invalidUtf8(r, dir),
    ragged(r, dir),
    unterminatedQuote(r, dir),
    binaryCsv(r, dir),
    brokenJson(r, dir),
    badNdjsonLine(r, dir),
    emptyFile(dir),
  ];
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    console.error(`scanning ${basename(c.file)} …`);
    outcomes.push(run(c, timeoutSeconds));
  }
  const yn = (b: boolean | undefined): string => (b === undefined ? 'n/a' : b ? 'yes' : 'NO');
  const rows = [
    ['file', 'exit', 'one-line reason', 'names file', 'names line/row', 'report on stdout', 'time s', 'peak RSS MiB'],
    ...outcomes.map((o) => [
      basename(o.c.file),
      o.exit === '2' ? '2' : `${o.exit} ✗`,
      o.stderrLines === 1 ? 'yes' : o.stderrLines === 0 ? 'NO (silent)' : `NO (${o.stderrLines} lines)`,
      yn(o.namesFile),
      o.c.whereText === undefined ? 'n/a' : `${yn(o.namesWhere)} (${o.c.whereText})`,
      o.report === 'none' ? 'none' : o.report === 'complete' ? `COMPLETE ✗ (${o.stdoutBytes} B)` : `${o.report} (${o.stdoutBytes} B)`,
      o.seconds.toFixed(2),
      o.peakMiB.toFixed(0),
    ]),
  ];
  const out: string[] = [];
  out.push(`Bad-input checks of landao scan — files in ${dir}`);
  out.push('');
  out.push(table(rows));
  out.push('');
  out.push('== Files');
  for (const o of outcomes) out.push(`- ${basename(o.c.file)}: ${o.c.what}`);
  out.push('');
  out.push('== Reasons (last line of standard error)');
  for (const o of outcomes) out.push(`- ${basename(o.c.file)} [exit ${o.exit}]: ${o.reason === '' ? '(nothing on standard error)' : o.reason}`);
  const bad = outcomes.filter((o) => o.exit !== '2' || o.stderrLines !== 1 || !o.namesFile || o.namesWhere === false || o.report === 'complete');
  out.push('');
  out.push(`${outcomes.length - bad.length}/${outcomes.length} files meet the contract fully (exit 2, one line naming the file and the line where it applies, no report passed off as complete)`);
  console.log(out.join('\n'));
  if (keep === undefined) rmSync(dir, { recursive: true, force: true });
  return bad.length === 0 ? 0 : 1;
}

process.exitCode = await main();
