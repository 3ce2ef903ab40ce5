/**
 * Traditional → Simplified normalisation for dictionary matching.
 *
 * OpenCC (opencc-js) converts phrases as well as characters, and a whole-string conversion does
 * NOT preserve length (verified on Node 20: converting U+3400–U+9FFF in one string gives 27,838
 * code units for 27,648 input units, because some phrase entries and Extension-A characters change
 * length). Offsets must stay valid, so the conversion is done once per character, in isolation
 * (phrase rules cannot fire), and kept only when a BMP character maps to exactly one BMP character.
 * The result is a 64 Ki table: `t2sTable()[c]` is the Simplified code unit for `c` (or `c`).
 * Both the Taiwan (tw→cn) and Hong Kong (hk→cn) variants are merged.
 *
 * Phrase-level differences (身分證 vs 身份证, 帳號 vs 账号) are covered by listing both forms in the
 * dictionaries.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let table: Uint16Array | null = null;
const requireHere = createRequire(import.meta.url);

type OpenCCModule = { Converter: (o: { from: string; to: string }) => (s: string) => string };

/**
 * Where the built table is kept between processes and threads: OpenCC's dictionaries cost each
 * thread that builds the table ~14 MB that stay allocated, a worker thread reading the 128 KiB file
 * costs nothing. `node_modules/.cache/landao/t2s-<opencc-js version>.bin`; null when OpenCC cannot
 * be found.
 */
function cachePath(): string | null {
  try {
    const entry = requireHere.resolve('opencc-js');
    const at = entry.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (at < 0) return null;
    const modules = entry.slice(0, at + '/node_modules'.length);
    const { version } = JSON.parse(readFileSync(path.join(modules, 'opencc-js', 'package.json'), 'utf8')) as { version: string };
    return path.join(modules, '.cache', 'landao', `t2s-${version}.bin`);
  } catch {
    return null;
  }
}

function loadCached(file: string | null): Uint16Array | null {
  if (file === null) return null;
  try {
    const b = readFileSync(file);
    if (b.length !== 65536 * 2) return null;
    const t = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) t[c] = b.readUInt16LE(c * 2);
    return t;
  } catch {
    return null;
  }
}

function saveCached(file: string | null, t: Uint16Array): void {
  if (file === null) return;
  try {
    const b = Buffer.alloc(65536 * 2);
    for (let c = 0; c < 65536; c++) b.writeUInt16LE(t[c] as number, c * 2);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, b);
    renameSync(tmp, file);
  } catch {
    // read-only tree: every thread builds its own table
  }
}

function build(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  // Loaded only here: a thread that finds the cached table never loads OpenCC.
  const OpenCC = requireHere('opencc-js') as OpenCCModule;
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  // One character per line: OpenCC's phrase dictionaries cannot span the separator.
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  for (const [from, to] of ranges) {
    const chars: string[] = [];
    for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
    const joined = chars.join('\n');
    for (const convert of [hk, tw]) {
      const out = convert(joined).split('\n');
      if (out.length !== chars.length) continue; // defensive: never misalign
      for (let k = 0; k < out.length; k++) {
        const o = out[k] as string;
        const c = from + k;
        if (o.length === 1 && o.charCodeAt(0) !== c && t[c] === c) t[c] = o.charCodeAt(0);
      }
    }
  }
  return t;
}

/** The Traditional→Simplified code-unit table (built on first use, ~0.2 s). */
export function t2sTable(): Uint16Array {
  if (table === null) {
    const file = cachePath();
    table = loadCached(file);
    if (table === null) {
      table = build();
      saveCached(file, table);
    }
  }
  return table;
}
