/**
 * Person records: one fixed-size record per row that names a person, written during a scan pass for
 * callers that persist persons (the customs person ledger). A record is the keyed hash of the row's
 * person key (`personHash`: HMAC-SM3 under the caller's key, 32 raw bytes — never the identifier) and
 * one byte, 1 when the row carries sensitive personal information. Rows, not distinct persons: the
 * consumer deduplicates. Written synchronously in blocks (a worker thread's own file, or the main
 * thread's for a small input).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { DetectorTypeId } from '../validators/index.ts';
import { personKeyText } from './persons.ts';

export const PERSON_RECORD_BYTES = 33;
const BLOCK_RECORDS = 2048;

export class PersonRecordWriter {
  private fd: number | null;
  private readonly buf = Buffer.allocUnsafe(PERSON_RECORD_BYTES * BLOCK_RECORDS);
  private used = 0;
  /** Records written so far. */
  count = 0;

  constructor(
    file: string,
    private readonly key: string,
  ) {
    this.fd = fs.openSync(file, 'w');
  }

  add(type: DetectorTypeId, normalized: string, sensitive: boolean): void {
    const at = this.used;
    crypto.createHmac('sm3', this.key).update(personKeyText(type, normalized)).digest().copy(this.buf, at);
    this.buf[at + 32] = sensitive ? 1 : 0;
    this.used = at + PERSON_RECORD_BYTES;
    this.count++;
    if (this.used === this.buf.length) this.flush();
  }

  /** Writes what is buffered and closes the file (again: nothing). */
  close(): void {
    if (this.fd === null) return;
    try {
      this.flush();
    } finally {
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }

  private flush(): void {
    let off = 0;
    while (off < this.used) off += fs.writeSync(this.fd!, this.buf, off, this.used - off);
    this.used = 0;
  }
}
