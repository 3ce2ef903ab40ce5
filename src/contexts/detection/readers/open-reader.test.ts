import fs from 'node:fs';
import { TextDecoder } from 'node:util';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeGb18030, encodeGb18030 } from './gb18030.ts';
import { detectFormat, openReader, ReaderError } from './index.ts';
import { buildXlsx, tempDir } from './test-support.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('format detection', () => {
  it('recognises formats by content first for binary formats, then by extension', () => {
    expect(detectFormat('data.bin', Buffer.from('PAR1\x15\x04'))).toBe('parquet');
    expect(detectFormat('report.dat', buildXlsx({ sheets: [{ name: 'S', sheetData: '' }] }))).toBe('xlsx');
    expect(detectFormat('old.xls', Buffer.from('d0cf11e0a1b11ae1', 'hex'))).toBeNull();
    expect(detectFormat('a.tsv', Buffer.from('a\tb\n'))).toBe('tsv');
    expect(detectFormat('a.jsonl', Buffer.from('{"a":1}\n'))).toBe('ndjson');
    expect(detectFormat('export', Buffer.from('id,name\n1,x\n'))).toBe('csv');
    expect(detectFormat('blob', Buffer.from([1, 2, 0, 3]))).toBeNull();
  });

  it('refuses an unknown binary format with a one-line reason', async () => {
    const err = await openReader(tmp.file('old.xls', Buffer.from('d0cf11e0a1b11ae1000000', 'hex'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReaderError);
    expect((err as ReaderError).message).toBe(`${tmp.dir}/old.xls: unsupported or unknown format (legacy .xls: save it as .xlsx)`);
  });

  it('uses the given source name in messages', async () => {
    const err = await openReader(tmp.file('x.csv', 'a,b\n1\n'), { source: 'upload.csv' })
      .then(async (r) => {
        for await (const _ of r.batches());
      })
      .catch((e: unknown) => e);
    expect((err as ReaderError).message).toBe('upload.csv: line 2: row has 1 field, header has 2');
  });
});

const openFds = (): number => fs.readdirSync('/proc/self/fd').length;

describe.skipIf(!fs.existsSync('/proc/self/fd'))('file descriptors', () => {
  it('are closed after an early exit and after an error, for every file format', async () => {
    const n = 30000;
    const inputs: [string, string | Buffer][] = [
      ['fd.csv', 'a,b\n' + Array.from({ length: n }, (_, i) => `${i},x`).join('\n')],
      ['fd.json', JSON.stringify(Array.from({ length: n }, (_, i) => ({ a: i })))],
      ['fd.ndjson', Array.from({ length: n }, (_, i) => `{"a":${i}}`).join('\n')],
      ['fd.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData: Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('') }] })],
      ['fd.parquet', Buffer.from(parquetWriteBuffer({ columnData: [{ name: 'a', data: Array.from({ length: n }, (_, i) => i), type: 'INT32' }], rowGroupSize: 1000 }))],
    ];
    const broken: [string, string | Buffer][] = [
      ['bad.csv', 'a,b\n' + Array.from({ length: n }, (_, i) => `${i},x`).join('\n') + '\n1,2,3\n'],
      ['bad.json', '[' + Array.from({ length: n }, (_, i) => `{"a":${i}}`).join(',') + ',{]'],
      ['bad.ndjson', Array.from({ length: n }, (_, i) => `{"a":${i}}`).join('\n') + '\n{'],
      ['bad.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row><row>' }] })],
    ];
    const before = openFds();
    for (const [name, data] of inputs) {
      const reader = await openReader(tmp.file(name, data), { batchRows: 100 });
      for await (const b of reader.batches()) {
        expect(b.rows.length).toBeGreaterThan(0);
        break;
      }
    }
    for (const [name, data] of broken) {
      const reader = await openReader(tmp.file(name, data), { batchRows: 100 }).catch((e: unknown) => e);
      if (reader instanceof Error) continue;
      await expect(
        (async () => {
          for await (const _ of (reader as Awaited<ReturnType<typeof openReader>>).batches());
        })(),
      ).rejects.toBeInstanceOf(ReaderError);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(openFds()).toBe(before);
  });
});

describe('GB18030 decoding', () => {
  it('matches ICU on two-byte, four-byte and supplementary characters', () => {
    const text = 'ASCII 身份证号 繁體 €·—“” ㈠ ⅰ 䶮 𠀀𪚥 😀 ﹏ ê ǹ 〇';
    const bytes = encodeGb18030(text);
    expect(decodeGb18030(bytes)).toBe(text);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
  });

  it('replaces malformed sequences and resumes at the next byte', () => {
    expect(decodeGb18030(Buffer.from([0x81, 0x41, 0xc9]))).toBe(new TextDecoder('gb18030').decode(Buffer.from([0x81, 0x41])) + '\ufffd');
    expect(decodeGb18030(Buffer.from([0xc9, 0x0a, 0x41]))).toBe('\ufffd\nA');
  });
});
