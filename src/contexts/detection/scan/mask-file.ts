/**
 * Desensitisation (脱敏) of a file: every value the scanner accepts for its column is replaced,
 * partially masked, or tokenised with a keyed SM3 HMAC (the same value always gives the same token,
 * so joins across masked files still work). Output is CSV (UTF-8 with BOM, for Excel), written to a
 * temporary file and renamed, so a failed run never leaves half a file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hmacSm3 } from '../../../kernel/crypto/sm.ts';
import { AppError } from '../../../kernel/errors.ts';
import { fsyncDir } from '../../../kernel/fs.ts';
import { openReader } from '../readers/index.ts';
import { classifyCell, classifyHeader, maskValue, type Finding } from '../recognizers/index.ts';
import type { DetectorTypeId } from '../validators/index.ts';
import { acceptedOf, DEFAULT_WARMUP_ROWS, TableScan } from './table-scan.ts';

export type MaskMode = 'replace' | 'partial' | 'tokenize';

export interface MaskOptions {
  mode: MaskMode;
  /** Key of the tokenising HMAC (required for mode tokenize). */
  key?: string | undefined;
  /** Only these types (default: every detected type). */
  types?: ReadonlySet<DetectorTypeId> | undefined;
  onProgress?: ((rows: number) => void) | undefined;
}

export interface MaskResult {
  rows: number;
  masked: number;
  byType: Partial<Record<DetectorTypeId, number>>;
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function replacement(mode: MaskMode, type: DetectorTypeId, value: string, normalized: string | undefined, key: string): string {
  if (mode === 'partial') return maskValue(type, value);
  if (mode === 'tokenize') return `TK_${type}_${hmacSm3(key, `${type}:${normalized ?? value}`).slice(0, 16)}`;
  return `[${type}]`;
}

export async function maskFile(input: string, output: string, opts: MaskOptions): Promise<MaskResult> {
  if (opts.mode === 'tokenize' && (!opts.key || opts.key.length < 16))
    throw new AppError('bad_request', 'tokenize needs a key of at least 16 characters (--key or LANDAO_MASK_KEY)');
  const key = opts.key ?? '';
  // Decide the columns on the head of the input, as the scanner does.
  const head = await openReader(input, { sample: DEFAULT_WARMUP_ROWS });
  let accepted: Set<string>;
  try {
    const warm = new TableScan(head.columns());
    for await (const b of head.batches()) b.rows.forEach((r, i) => warm.observeRow(b.firstRow + i, r));
    accepted = acceptedOf(warm.columnReports());
  } finally {
    await head.close();
  }

  const dir = path.dirname(path.resolve(output));
  const tmp = path.join(dir, `.${path.basename(output)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const out = fs.createWriteStream(tmp, { flags: 'wx' });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r)));
  const result: MaskResult = { rows: 0, masked: 0, byType: {} };
  const reader = await openReader(input);
  try {
    const columns = reader.columns();
    const hints = columns.map((c) => classifyHeader(c));
    await write('\ufeff' + columns.map(csvCell).join(',') + '\r\n');
    for await (const batch of reader.batches()) {
      let chunk = '';
      for (const row of batch.rows) {
        result.rows++;
        const cells = row.map((cell, c) => {
          if (!cell) return '';
          const found: Finding[] = classifyCell(cell, hints[c] ?? null).filter(
            (f) => accepted.has(`${c}:${f.type}`) && (!opts.types || opts.types.has(f.type)),
          );
          if (!found.length) return csvCell(cell);
          let s = cell;
          for (const f of [...found].sort((a, b) => b.start - a.start)) {
            s = s.slice(0, f.start) + replacement(opts.mode, f.type, cell.slice(f.start, f.end), f.normalized, key) + s.slice(f.end);
            result.masked++;
            result.byType[f.type] = (result.byType[f.type] ?? 0) + 1;
          }
          return csvCell(s);
        });
        chunk += cells.join(',') + '\r\n';
      }
      await write(chunk);
      opts.onProgress?.(result.rows);
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, output);
    fsyncDir(dir);
    return result;
  } catch (e) {
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    await reader.close();
  }
}
