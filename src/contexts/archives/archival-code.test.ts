import { describe, expect, it } from 'vitest';
import { formatArchivalCode, parseArchivalCode, seriesKey } from './archival-code.ts';
import { FormatSniffer } from './formats.ts';
import { demoPdf, DEMO_PNG } from './archives.demo.ts';

describe('档号', () => {
  it('formats and parses 全宗号-门类·年度-保管期限-机构-件号 with a zero-padded 件号', () => {
    const parts = { fonds: 'Z109', category: 'WS', year: 2011, retention: 'Y' as const, org: 'BGS', itemNo: 1 };
    expect(formatArchivalCode(parts)).toBe('Z109-WS·2011-Y-BGS-0001');
    expect(parseArchivalCode('Z109-WS·2011-Y-BGS-0001')).toEqual(parts);
    expect(formatArchivalCode({ ...parts, itemNo: 12345 })).toBe('Z109-WS·2011-Y-BGS-12345');
    expect(seriesKey(parts)).toBe('Z109-WS·2011-Y-BGS');
  });

  it('rejects malformed codes', () => {
    for (const bad of ['Z109-WS-2011-Y-BGS-0001', 'Z109-WS·2011-D20-BGS-0001', 'Z109-WS·2011-Y-BGS-001', 'Z109-WS·2011-Y-BGS-0000', 'Z109-WS·2011-Y-BGS-01234', 'z109-WS·2011-Y-BGS-0001'])
      expect(parseArchivalCode(bad), bad).toBeNull();
  });
});

describe('format identification by content', () => {
  const sniff = (b: Buffer, chunk = 7) => {
    const s = new FormatSniffer();
    for (let i = 0; i < b.length; i += chunk) s.update(b.subarray(i, i + chunk));
    return s.finish();
  };

  it('finds a PDF/A claim split across chunks and calls it a claim', () => {
    const f = sniff(demoPdf('t'));
    expect(f).toMatchObject({ format: 'PDF', archival: true, encrypted: false, opens: { ok: true } });
    expect(f.claim).toBe('PDF/A-2B claimed in XMP (not validated)');
  });

  it('tells OFD from other ZIP files and PNG from unknown bytes', () => {
    expect(sniff(DEMO_PNG)).toMatchObject({ format: 'PNG', opens: { ok: true } });
    expect(sniff(Buffer.from([0, 1, 2, 3, 0xff]))).toMatchObject({ format: 'UNKNOWN', archival: false });
    expect(sniff(storedZip([['OFD.xml', '<ofd:OFD/>']]), 64)).toMatchObject({ format: 'OFD', archival: true, encrypted: false, unusualCompression: [] });
    expect(sniff(storedZip([['a.txt', 'x']], 99), 64)).toMatchObject({ format: 'ZIP', archival: false, unusualCompression: ['a.txt (method 99)'] });
  });
});

/** A minimal ZIP with stored entries (or the given method number), written by hand for the sniffer. */
function storedZip(entries: [string, string][], method = 0): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
