/**
 * Throughput of the CSV reader of the scanner: MB/s and peak RSS on a generated UTF-8 CSV and a
 * GBK (GB18030) CSV of the given size, plus the same table in pinyin (ASCII only: the upper bound,
 * no cell needs decoding).
 *
 *   npx tsx bench/readers.bench.ts [--mb 200] [--regen] [--rounds 2]
 *
 * The files (a personal-data table: names, ID numbers, phones, addresses, some quoted fields with
 * commas and newlines) are written once to .tmp/readers-bench/ and reused. Each read runs in a
 * child process so that its peak RSS is its own; the file is in the page cache after generation,
 * so the figures measure parsing, not the disk. Reported: wall MB/s (best of the rounds), CPU
 * MB/s (bytes per CPU-second of the child: less sensitive to other load on the machine) and peak
 * RSS. Numbers depend on the machine and its load: compare versions, do not treat them as a
 * contract (no timings in tests).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCsvReader } from '../src/contexts/detection/readers/csv-reader.ts';
import { encodeGb18030 } from '../src/contexts/detection/readers/gb18030.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

// ---------------------------------------------------------------------------------------------
// Child: read one file and print JSON.

if (args[0] === '--child') {
  const file = args[1]!;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const reader = await openCsvReader(file);
  let rows = 0;
  let cells = 0;
  let chars = 0;
  for await (const b of reader.batches()) {
    rows += b.rows.length;
    for (const r of b.rows) {
      cells += r.length;
      chars += r[2]!.length; // touch a cell, as a detector would
    }
  }
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  process.stdout.write(
    JSON.stringify({
      bytes: reader.bytesRead(),
      rows,
      cells,
      chars,
      encoding: reader.encoding,
      wall,
      cpu: (cu.user + cu.system) / 1e6,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent: generate, then run the children.

const MB = Number(flag('--mb') ?? 200);
const ROUNDS = Number(flag('--rounds') ?? 2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.tmp', 'readers-bench');
fs.mkdirSync(dir, { recursive: true });

let seed = 0x5eed1234;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕小红晓明文博思远子涵'];
const PLACES = ['福建省平潭县潭城镇', '福建省福州市鼓楼区', '北京市朝阳区建国路', '上海市浦东新区世纪大道', '广东省深圳市南山区科技园', '浙江省杭州市西湖区文三路'];
const NOTES = ['无', '已核实', '待补充材料', 'VIP', '', '', '', '复诊', '电话回访'];

function row(i: number): string {
  const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
  const id = `3501${String(int(100)).padStart(2, '0')}19${String(50 + int(50))}${String(1 + int(12)).padStart(2, '0')}${String(1 + int(28)).padStart(2, '0')}${String(int(1000)).padStart(3, '0')}${int(10)}`;
  const phone = `1${pick(['38', '39', '58', '86', '99', '77'])}${String(int(1e8)).padStart(8, '0')}`;
  const addr = `${pick(PLACES)}${1 + int(300)}号`;
  const email = `user${i}@example.com`;
  const amount = (int(1e7) / 100).toFixed(2);
  const r = rand();
  const note = r < 0.03 ? `"多行备注\n第二行, 含逗号 ""引号"""` : r < 0.08 ? `"${pick(NOTES)}, 已登记"` : pick(NOTES);
  return `${i},${name},${id},${phone},${addr},${email},${amount},${note}\n`;
}
const HEADER = 'seq,姓名,身份证号,手机号,地址,邮箱,金额,备注\n';

const PINYIN = ['Wang Wei', 'Li Na', 'Zhang Min', 'Liu Yang', 'Chen Jie', 'Lin Xiaoping', 'Huang Lei'];
const PLACES_ASCII = ['Pingtan County, Fujian', 'Gulou District, Fuzhou', 'Chaoyang, Beijing', 'Pudong, Shanghai'];
function asciiRow(i: number): string {
  const r = row(i).split(',');
  r[1] = pick(PINYIN);
  r[4] = `No. ${1 + int(300)} ${pick(PLACES_ASCII).replace(',', '')}`;
  const ascii = (c: string): string => Array.from(c, (ch) => (ch.charCodeAt(0) < 0x80 ? ch : 'x')).join('');
  return r.map(ascii).join(',');
}

/** GB18030 bytes of text made of ASCII and the characters above (cached per character). */
const gbCache = new Map<string, Buffer>();
function encodeGbFast(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length * 4);
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[j++] = c;
      continue;
    }
    const ch = text[i]!;
    let b = gbCache.get(ch);
    if (!b) gbCache.set(ch, (b = encodeGb18030(ch)));
    for (const x of b) out[j++] = x;
  }
  return out.subarray(0, j);
}

function generate(file: string, encode: (s: string) => Buffer, make: (i: number) => string): void {
  if (fs.existsSync(file) && !args.includes('--regen') && Math.abs(fs.statSync(file).size / 1e6 - MB) < MB * 0.05 + 1) return;
  const fd = fs.openSync(file, 'w');
  let size = 0;
  let i = 1;
  fs.writeSync(fd, encode(HEADER));
  while (size < MB * 1e6) {
    let chunk = '';
    for (let k = 0; k < 5000; k++) chunk += make(i++);
    const b = encode(chunk);
    fs.writeSync(fd, b);
    size += b.length;
  }
  fs.closeSync(fd);
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
const files = [
  { label: 'UTF-8', file: path.join(dir, `utf8-${MB}mb.csv`), encode: utf8, make: row },
  { label: 'GBK', file: path.join(dir, `gbk-${MB}mb.csv`), encode: encodeGbFast, make: row },
  { label: 'ASCII', file: path.join(dir, `ascii-${MB}mb.csv`), encode: utf8, make: asciiRow },
];

console.log(`Generating ${MB} MB files in ${path.relative(root, dir)}/ (reused when present)…`);
for (const f of files) generate(f.file, f.encode, f.make);

interface Result {
  bytes: number;
  rows: number;
  encoding: string;
  wall: number;
  cpu: number;
  maxRssMb: number;
}
const self = fileURLToPath(import.meta.url);
console.log(`node ${process.version}, ${ROUNDS} round(s) per file, best wall time reported\n`);
console.log('file    encoding  size MB    rows        wall MB/s  CPU MB/s  peak RSS MB');
for (const f of files) {
  let best: Result | null = null;
  let maxRss = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const p = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', f.file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (p.status !== 0) {
      console.error(p.stderr);
      process.exit(1);
    }
    const res = JSON.parse(p.stdout) as Result;
    maxRss = Math.max(maxRss, res.maxRssMb);
    if (!best || res.wall < best.wall) best = res;
  }
  const b = best!;
  const mb = b.bytes / 1e6;
  console.log(
    `${f.label.padEnd(8)}${b.encoding.padEnd(10)}${mb.toFixed(0).padStart(7)}  ${String(b.rows).padStart(10)}  ${(mb / b.wall).toFixed(0).padStart(11)}  ${(mb / b.cpu).toFixed(0).padStart(8)}  ${maxRss.toFixed(0).padStart(11)}`,
  );
}
