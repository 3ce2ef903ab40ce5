/**
 * The persons of a fully uploaded transfer, for the person ledger: the scan writes one record per row
 * that names a person (`ScanOptions.personRecords`: the keyed hash — HMAC-SM3 under the platform's
 * person key, never the raw identifier — and whether the row carries sensitive personal information
 * of that person), in the same pass that counts them, so the persons are exactly those the scan
 * counted. Records are 33 bytes, in a file streamed back in chunks: memory stays flat whatever the
 * size of the transfer.
 */
import { PERSON_RECORD_BYTES } from '../../detection/index.ts';
import type { LedgerPerson } from '../ledger/ledger.service.ts';

export { PERSON_RECORD_BYTES };

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
