/**
 * The persons of a fully uploaded transfer, for the person ledger: one keyed hash (HMAC-SM3 under the
 * platform's person key, never the raw identifier) per row that names a person, with whether the row
 * carries sensitive personal information of that person. Records are 33 bytes (hash + flag), written
 * to a file and streamed back in chunks, so memory stays flat whatever the size of the transfer.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import {
  openReader,
  personHash,
  PERSON_KEY_TYPES,
  VALIDATORS,
  type DetectorTypeId,
  type ScanReport,
} from '../../detection/index.ts';
import type { LedgerPerson } from '../ledger/ledger.service.ts';

export const PERSON_RECORD_BYTES = 33;
/** A column is read as a person key or as sensitive when at least this share of its values validated. */
const COLUMN_RATIO = 0.5;

interface KeyColumn {
  index: number;
  type: DetectorTypeId;
  validate: (v: string) => { valid: boolean; normalized?: string };
}

export function personColumns(report: ScanReport): { keys: KeyColumn[]; sensitive: number[] } {
  const keys: KeyColumn[] = [];
  const sensitive: number[] = [];
  for (const c of report.columns) {
    for (const d of c.detections) {
      if (d.ratio < COLUMN_RATIO) continue;
      const rank = PERSON_KEY_TYPES.indexOf(d.type);
      const validator = (VALIDATORS as Partial<Record<DetectorTypeId, { validate: KeyColumn['validate'] }>>)[d.type];
      if (rank >= 0 && validator) keys.push({ index: c.index, type: d.type, validate: (v) => validator.validate(v) });
      if (d.sensitive) sensitive.push(c.index);
    }
  }
  keys.sort((a, b) => PERSON_KEY_TYPES.indexOf(a.type) - PERSON_KEY_TYPES.indexOf(b.type));
  return { keys, sensitive: [...new Set(sensitive)] };
}

/** Writes the person records of `file` to `out`; returns how many rows named a person. */
export async function extractPersons(
  file: string,
  report: ScanReport,
  out: string,
  opts: { key: string; source: string; signal?: AbortSignal },
): Promise<number> {
  const { keys, sensitive } = personColumns(report);
  const stream = fs.createWriteStream(out);
  let n = 0;
  try {
    if (keys.length > 0) {
      const reader = await openReader(file, { source: opts.source, ...(opts.signal ? { signal: opts.signal } : {}) });
      try {
        for await (const batch of reader.batches()) {
          const buf = Buffer.alloc(batch.rows.length * PERSON_RECORD_BYTES);
          let used = 0;
          for (const row of batch.rows) {
            for (const k of keys) {
              const cell = row[k.index] ?? '';
              if (cell === '') continue;
              const r = k.validate(cell);
              if (!r.valid || !r.normalized) continue;
              Buffer.from(personHash(opts.key, k.type, r.normalized), 'hex').copy(buf, used);
              buf[used + 32] = sensitive.some((i) => (row[i] ?? '') !== '') ? 1 : 0;
              used += PERSON_RECORD_BYTES;
              n++;
              break;
            }
          }
          if (used > 0 && !stream.write(buf.subarray(0, used))) await once(stream, 'drain');
        }
      } finally {
        await reader.close();
      }
    }
  } finally {
    stream.end();
    await once(stream, 'finish').catch(() => undefined);
  }
  return n;
}

/** Streams person records back as ledger persons. */
export async function* readPersons(input: NodeJS.ReadableStream): AsyncGenerator<LedgerPerson> {
  let rest = Buffer.alloc(0);
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let at = 0;
    for (; at + PERSON_RECORD_BYTES <= buf.length; at += PERSON_RECORD_BYTES) {
      yield { hash: Buffer.from(buf.subarray(at, at + 32)), sensitive: buf[at + 32] === 1 };
    }
    rest = Buffer.from(buf.subarray(at));
  }
  if (rest.length) throw new Error('person records file is truncated');
}
