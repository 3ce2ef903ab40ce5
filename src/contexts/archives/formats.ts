/**
 * Format identification by content (magic bytes), in the same pass that hashes a file: the sniffer sees
 * every chunk once and keeps only the head, the tail and a few markers. No validator exists in JS for
 * PDF/A or OFD (see ../shared/reference/archives.md), so what this says is heuristic and worded so:
 * a PDF/A part read from the XMP is a CLAIM, "opens" means the structure's start and end markers are there.
 */

const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 128 * 1024;
const CARRY = 96;

export interface FormatFinding {
  mediaType: string;
  /** PDF, OFD, JPEG, PNG, TIFF, DOCX, XML, ZIP, TEXT or UNKNOWN. */
  format: string;
  /** An archival format after GB/T 18894-2016 / GB/T 33190-2016 (版式 OFD/PDF, images, DOCX). */
  archival: boolean;
  /** `PDF/A-2B claimed in XMP (not validated)` and the like. */
  claim: string | null;
  opens: { ok: boolean; evidence: string };
  encrypted: boolean;
  /** Compression methods other than stored/deflate inside a ZIP container (non-public or unusual). */
  unusualCompression: string[];
}

const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
}

/** Central directory entries read from the end of a ZIP file; null when the directory is not in `tail`. */
export function zipEntriesFromTail(tail: Buffer, fileSize: number): ZipEntry[] | null {
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  const tailStart = fileSize - tail.length;
  let p = cdOffset - tailStart;
  if (p < 0 || p + cdSize > tail.length) return null;
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > tail.length || tail.readUInt32LE(p) !== 0x02014b50) return null;
    const flags = tail.readUInt16LE(p + 8);
    const method = tail.readUInt16LE(p + 10);
    const nameLen = tail.readUInt16LE(p + 28);
    const extraLen = tail.readUInt16LE(p + 30);
    const commentLen = tail.readUInt16LE(p + 32);
    out.push({ name: tail.subarray(p + 46, p + 46 + nameLen).toString('utf8'), method, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Feed every chunk of one file to `update`, then `finish()`. */
export class FormatSniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private carry = Buffer.alloc(0);
  private size = 0;
  private isPdf: boolean | undefined;
  private pdfaPart: string | null = null;
  private pdfaConformance: string | null = null;
  private pdfEncrypt = false;

  update(chunk: Buffer): void {
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    if (this.isPdf === undefined && this.head.length >= 5) this.isPdf = this.head.subarray(0, 5).toString('latin1') === '%PDF-';
    if (this.isPdf) this.scanPdf(chunk);
    this.size += chunk.length;
    this.tail = chunk.length >= TAIL_BYTES ? Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES)) : Buffer.concat([this.tail.subarray(Math.max(0, this.tail.length + chunk.length - TAIL_BYTES)), chunk]);
  }

  private scanPdf(chunk: Buffer): void {
    // Markers may straddle chunks: search the joint (carry + chunk start) and the chunk itself.
    const joint = Buffer.concat([this.carry, chunk.subarray(0, CARRY)]);
    for (const b of [joint, chunk]) {
      if (!this.pdfEncrypt && b.includes('/Encrypt')) this.pdfEncrypt = true;
      // One pass for both XMP keys (a scan per key cost more than SM3 per byte on large files).
      for (let i = this.pdfaPart === null || this.pdfaConformance === null ? b.indexOf('pdfaid:') : -1; i >= 0; i = b.indexOf('pdfaid:', i + 7)) {
        const near = b.subarray(i, i + CARRY).toString('latin1');
        const part = /^pdfaid:part\s*(?:=\s*["']|>)\s*(\d)/.exec(near);
        if (part && this.pdfaPart === null) this.pdfaPart = part[1]!;
        const conformance = /^pdfaid:conformance\s*(?:=\s*["']|>)\s*([ABUabu])/.exec(near);
        if (conformance && this.pdfaConformance === null) this.pdfaConformance = conformance[1]!.toUpperCase();
        if (this.pdfaPart !== null && this.pdfaConformance !== null) break;
      }
    }
    // The last CARRY bytes of the stream so far (however small the chunks).
    this.carry = chunk.length >= CARRY ? Buffer.from(chunk.subarray(chunk.length - CARRY)) : Buffer.concat([this.carry, chunk]).subarray(-CARRY);
  }

  finish(): FormatFinding {
    const h = this.head;
    const t = this.tail;
    const base = { claim: null, encrypted: false, unusualCompression: [] as string[] };
    if (this.size === 0) return { ...base, mediaType: 'application/octet-stream', format: 'UNKNOWN', archival: false, opens: { ok: false, evidence: 'empty file' } };
    if (this.isPdf) {
      const eof = t.lastIndexOf('%%EOF');
      const startxref = t.lastIndexOf('startxref');
      const claim = this.pdfaPart ? `PDF/A-${this.pdfaPart}${this.pdfaConformance ?? ''} claimed in XMP (not validated)` : null;
      return {
        ...base,
        mediaType: 'application/pdf',
        format: 'PDF',
        archival: true,
        claim,
        encrypted: this.pdfEncrypt,
        opens: eof >= 0 && startxref >= 0 ? { ok: true, evidence: `header ${h.subarray(0, 8).toString('latin1').trim()}, startxref and %%EOF present` } : { ok: false, evidence: `header present but ${eof < 0 ? '%%EOF' : 'startxref'} missing (truncated?)` },
      };
    }
    if (startsWith(h, [0xff, 0xd8, 0xff])) {
      const eoi = t.lastIndexOf(Buffer.from([0xff, 0xd9]));
      return { ...base, mediaType: 'image/jpeg', format: 'JPEG', archival: true, opens: eoi >= 0 ? { ok: true, evidence: 'SOI and EOI markers present' } : { ok: false, evidence: 'EOI marker missing (truncated?)' } };
    }
    if (startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
      const iend = t.lastIndexOf('IEND');
      return { ...base, mediaType: 'image/png', format: 'PNG', archival: true, opens: iend >= 0 ? { ok: true, evidence: 'signature and IEND chunk present' } : { ok: false, evidence: 'IEND chunk missing (truncated?)' } };
    }
    const le = startsWith(h, [0x49, 0x49, 0x2a, 0x00]);
    if (le || startsWith(h, [0x4d, 0x4d, 0x00, 0x2a])) {
      const ifd = h.length >= 8 ? (le ? h.readUInt32LE(4) : h.readUInt32BE(4)) : 0;
      return { ...base, mediaType: 'image/tiff', format: 'TIFF', archival: true, opens: ifd >= 8 && ifd < this.size ? { ok: true, evidence: `first IFD at ${ifd}` } : { ok: false, evidence: `first IFD offset ${ifd} outside the file` } };
    }
    if (startsWith(h, [0x50, 0x4b, 0x03, 0x04])) return this.zip();
    if (startsWith(h, [0x3c, 0x3f, 0x78, 0x6d, 0x6c]) || startsWith(h, [0xef, 0xbb, 0xbf, 0x3c, 0x3f, 0x78])) return { ...base, mediaType: 'application/xml', format: 'XML', archival: false, opens: { ok: true, evidence: 'XML declaration' } };
    const sample = h.subarray(0, 4096);
    if (!sample.includes(0) && sample.toString('utf8').indexOf('\ufffd') < 0) return { ...base, mediaType: 'text/plain', format: 'TEXT', archival: false, opens: { ok: true, evidence: 'UTF-8 text' } };
    return { ...base, mediaType: 'application/octet-stream', format: 'UNKNOWN', archival: false, opens: { ok: false, evidence: `no known signature (first bytes ${h.subarray(0, 8).toString('hex')})` } };
  }

  private zip(): FormatFinding {
    const entries = zipEntriesFromTail(this.tail, this.size);
    const base = { claim: null, encrypted: false, unusualCompression: [] as string[] };
    if (!entries) return { ...base, mediaType: 'application/zip', format: 'ZIP', archival: false, opens: { ok: false, evidence: 'ZIP central directory not found at the end of the file' } };
    const encrypted = entries.some((e) => (e.flags & 1) === 1);
    const unusualCompression = entries.filter((e) => e.method !== 0 && e.method !== 8).map((e) => `${e.name} (method ${e.method})`);
    const names = new Set(entries.map((e) => e.name));
    const opens = { ok: true, evidence: `ZIP directory with ${entries.length} entries` };
    if (names.has('OFD.xml')) return { ...base, encrypted, unusualCompression, mediaType: 'application/ofd', format: 'OFD', archival: true, opens: { ok: true, evidence: `${opens.evidence}, OFD.xml at the root` } };
    if (names.has('word/document.xml')) return { ...base, encrypted, unusualCompression, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', format: 'DOCX', archival: true, opens };
    return { ...base, encrypted, unusualCompression, mediaType: 'application/zip', format: 'ZIP', archival: false, opens };
  }
}
