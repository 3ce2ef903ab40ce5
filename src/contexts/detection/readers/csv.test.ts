import { afterAll, describe, expect, it } from 'vitest';
import { findRecordBoundary } from './csv-boundary.ts';
import { openCsvRange, openCsvReader, planCsvRanges } from './csv-reader.ts';
import { encodeGb18030 } from './gb18030.ts';
import { openReader, ReaderError, type TableReader } from './index.ts';
import { tempDir } from './test-support.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

async function readAll(reader: TableReader): Promise<{ rows: string[][]; firstRows: number[] }> {
  const rows: string[][] = [];
  const firstRows: number[] = [];
  for await (const b of reader.batches()) {
    firstRows.push(b.firstRow);
    rows.push(...b.rows);
  }
  return { rows, firstRows };
}

async function readFile(name: string, data: string | Buffer, opts = {}): Promise<{ reader: TableReader; rows: string[][] }> {
  const reader = await openReader(tmp.file(name, data), opts);
  const { rows } = await readAll(reader);
  return { reader, rows };
}

async function errorOf(p: Promise<unknown>): Promise<ReaderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReaderError) return e;
    throw e;
  }
  throw new Error('expected a ReaderError');
}

async function readError(name: string, data: string | Buffer, opts = {}): Promise<ReaderError> {
  return errorOf(
    (async () => {
      const reader = await openReader(tmp.file(name, data), opts);
      await readAll(reader);
    })(),
  );
}

describe('CSV reader', () => {
  it('reads a UTF-8 file with a header row, numbering data rows from 1', async () => {
    const { reader, rows } = await readFile('utf8.csv', '身份证号,姓名,手机\n110105194912310021,张三,13812345678\n110105194912310039,李四,13912345678\n');
    expect(reader.format).toBe('csv');
    expect(reader.encoding).toBe('utf-8');
    expect(reader.columns()).toEqual(['身份证号', '姓名', '手机']);
    expect(rows).toEqual([
      ['110105194912310021', '张三', '13812345678'],
      ['110105194912310039', '李四', '13912345678'],
    ]);
  });

  it('strips a UTF-8 byte order mark from the first header name', async () => {
    const { reader, rows } = await readFile('bom.csv', '\ufeffid,name\r\n1,王五\r\n');
    expect(reader.encoding).toBe('utf-8');
    expect(reader.columns()).toEqual(['id', 'name']);
    expect(rows).toEqual([['1', '王五']]);
  });

  it('detects GBK (as GB18030) and decodes Chinese text', async () => {
    // Hard-coded GBK bytes of 身份证号 (C9ED B7DD D6A4 BAC5) check the test encoder itself.
    expect(encodeGb18030('身份证号').toString('hex')).toBe('c9edb7ddd6a4bac5');
    const bytes = encodeGb18030('身份证号,姓名,地址\n110105194912310021,张三,福建省平潭县\n350128199001011234,林小平,"福州市,鼓楼区"\n');
    const { reader, rows } = await readFile('gbk.csv', bytes);
    expect(reader.encoding).toBe('gb18030');
    expect(reader.columns()).toEqual(['身份证号', '姓名', '地址']);
    expect(rows).toEqual([
      ['110105194912310021', '张三', '福建省平潭县'],
      ['350128199001011234', '林小平', '福州市,鼓楼区'],
    ]);
  });

  it('keeps GBK characters whose second byte is a pipe intact in a pipe-delimited file', async () => {
    // 亅 is 0x81 0x7C in GBK: its trail byte is `|`.
    const bytes = encodeGb18030('姓名|备注\n亅三|乂亅\n');
    expect(bytes.includes(Buffer.from([0x81, 0x7c]))).toBe(true);
    const { reader, rows } = await readFile('pipe-gbk.txt', bytes);
    expect(reader.encoding).toBe('gb18030');
    expect(rows).toEqual([['亅三', '乂亅']]);
  });

  it('decides GB18030 at the first non-ASCII byte even after a long ASCII head', async () => {
    const head = 'id,name\n' + Array.from({ length: 30000 }, (_, i) => `${i},name${i}`).join('\n') + '\n';
    expect(head.length).toBeGreaterThan(200_000);
    const bytes = Buffer.concat([Buffer.from(head), encodeGb18030('30000,陈大文\n')]);
    const { reader, rows } = await readFile('late-gbk.csv', bytes);
    expect(reader.encoding).toBe('gb18030');
    expect(rows).toHaveLength(30001);
    expect(rows.at(-1)).toEqual(['30000', '陈大文']);
  });

  it('reads UTF-16 files that start with a byte order mark', async () => {
    const text = '\ufeff姓名\t证件号\r\n张三\t110105194912310021\r\n';
    const { reader, rows } = await readFile('utf16.txt', Buffer.from(text, 'utf16le'));
    expect(reader.encoding).toBe('utf-16le');
    expect(reader.format).toBe('tsv');
    expect(reader.columns()).toEqual(['姓名', '证件号']);
    expect(rows).toEqual([['张三', '110105194912310021']]);
  });

  it('follows RFC 4180 quoting: delimiters, doubled quotes and newlines inside quotes', async () => {
    const csv = 'id,note,tail\r\n1,"line one\r\nline two","say ""hi"""\r\n2,"a,b",\r\n3,plain "quote" inside,"x"y\r\n';
    const { rows } = await readFile('quoted.csv', csv);
    expect(rows).toEqual([
      ['1', 'line one\r\nline two', 'say "hi"'],
      ['2', 'a,b', ''],
      ['3', 'plain "quote" inside', 'xy'],
    ]);
  });

  it('skips blank lines but keeps counting lines for messages', async () => {
    const err = await readError('blank.csv', 'a,b\n\n1,2\n\n"x\ny",2\n1,2,3\n');
    expect(err.message).toBe(`${tmp.dir}/blank.csv: line 7: row has 3 fields, header has 2`);
    const { rows } = await readFile('blank-ok.csv', 'a,b\n\n1,2\r\n\r\n3,4');
    expect(rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('refuses a ragged row naming its line, unless ragged rows are padded', async () => {
    const csv = 'a,b,c\n1,2,3\n4,"multi\nline",6\n7,8\n';
    const err = await readError('ragged.csv', csv);
    expect(err.code).toBe('unprocessable');
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/ragged\.csv: line 5: row has 2 fields, header has 3$/);
    const { reader, rows } = await readFile('ragged-pad.csv', csv + '9,10,11,12\n', { ragged: 'pad' });
    expect(rows.at(-2)).toEqual(['7', '8', '']);
    expect(rows.at(-1)).toEqual(['9', '10', '11', '12']);
    expect(reader.columns()).toEqual(['a', 'b', 'c', 'column_4']);
  });

  it('refuses a file that ends inside a quoted field', async () => {
    const err = await readError('truncated.csv', 'a,b\n1,2\n3,"never closed\nmore text');
    expect(err.message).toMatch(/truncated\.csv: line 3: unterminated quoted field/);
  });

  it('refuses a binary file', async () => {
    const bin = Buffer.concat([Buffer.from('PK\x05\x06'), Buffer.alloc(100), Buffer.from('a,b\n')]);
    const err = await readError('binary.csv', bin);
    expect(err.message).toMatch(/binary\.csv: not a text file/);
  });

  it('refuses a cell larger than maxCellBytes, naming the line', async () => {
    const err = await readError('huge.csv', `a,b\n1,2\n3,${'x'.repeat(5000)}\n`, { maxCellBytes: 1000 });
    expect(err.message).toMatch(/huge\.csv: line 3: cell larger than 1000 characters/);
    const quoted = await readError('huge-quoted.csv', `a,b\n1,"${'y'.repeat(5000)}"\n`, { maxCellBytes: 1000 });
    expect(quoted.line).toBe(2);
  });

  it('refuses an endless line without waiting for the end of the file', async () => {
    // 3 MiB without a line break: refused by the default 1 MiB cell limit across read chunks.
    const err = await readError('endless.csv', 'a\n' + 'z'.repeat(3 << 20));
    expect(err.message).toMatch(/endless\.csv: line 2: cell larger than/);
  });

  it('sniffs tab, semicolon and pipe delimiters', async () => {
    const tsv = await readFile('data.tsv', 'id\tname\tnote\n1\t张三\ta,b\n');
    expect(tsv.reader.format).toBe('tsv');
    expect(tsv.rows).toEqual([['1', '张三', 'a,b']]);
    const semi = await readFile('semi.csv', 'id;amount;name\n1;3,50;x\n2;4,75;y\n');
    expect((semi.reader as unknown as { delimiter: string }).delimiter).toBe(';');
    expect(semi.rows[0]).toEqual(['1', '3,50', 'x']);
    const pipe = await readFile('pipe.txt', 'id|name\n1|a\n2|b\n');
    expect(pipe.rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
  });

  it('names the line of invalid UTF-8 later in a file detected as UTF-8', async () => {
    const good = 'id,name\n' + Array.from({ length: 40000 }, (_, i) => `${i},张三${i}`).join('\n') + '\n';
    const bytes = Buffer.concat([Buffer.from(good), Buffer.from('40000,bad'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const err = await readError('bad-utf8.csv', bytes);
    expect(err.message).toMatch(/bad-utf8\.csv: line 40002: invalid UTF-8 byte 0xff/);
  });

  it('refuses an empty file in every format, and reads a header-only file as zero rows', async () => {
    for (const name of ['empty.csv', 'empty.tsv', 'empty.json', 'empty.ndjson', 'empty.xlsx', 'empty.parquet', 'empty']) {
      const err = await readError(name, '');
      expect(err.message, name).toMatch(new RegExp(`${name}: the file is empty$`));
      expect(err.code, name).toBe('unprocessable');
    }
    const header = await readFile('header.csv', 'a,b\n');
    expect(header.reader.columns()).toEqual(['a', 'b']);
    expect(header.rows).toEqual([]);
  });

  it('stops after `sample` rows, in batches of `batchRows`, and closes the file early', async () => {
    const csv = 'n,v\n' + Array.from({ length: 200000 }, (_, i) => `${i},v${i}`).join('\n') + '\n';
    const reader = await openReader(tmp.file('sample.csv', csv), { sample: 25, batchRows: 10 });
    const { rows, firstRows } = await readAll(reader);
    expect(rows).toHaveLength(25);
    expect(firstRows).toEqual([1, 11, 21]);
    expect(rows[24]).toEqual(['24', 'v24']);
    expect(reader.bytesRead()).toBeLessThan(reader.totalBytes()!);
  });

  it('closes the file when the consumer stops early', async () => {
    const csv = 'n\n' + Array.from({ length: 100000 }, (_, i) => String(i)).join('\n');
    const reader = await openReader(tmp.file('early.csv', csv), { batchRows: 100 });
    for await (const b of reader.batches()) {
      expect(b.firstRow).toBe(1);
      break;
    }
    await reader.close(); // idempotent
  });

  it('stops with an AbortError when the signal is aborted', async () => {
    const csv = 'n\n' + Array.from({ length: 300000 }, (_, i) => String(i)).join('\n');
    const ac = new AbortController();
    const reader = await openReader(tmp.file('abort.csv', csv), { batchRows: 1000, signal: ac.signal });
    let seen = 0;
    await expect(
      (async () => {
        for await (const b of reader.batches()) {
          seen += b.rows.length;
          ac.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(300000);
  });

  it('refuses a missing file as a bad request', async () => {
    const err = await errorOf(openReader(`${tmp.dir}/missing.csv`));
    expect(err.code).toBe('bad_request');
    expect(err.message).toBe(`${tmp.dir}/missing.csv: no such file`);
  });
});

// ---------------------------------------------------------------------------------------------

/** Record starts of a CSV computed by a plain reference scan from the beginning. */
function referenceRecordStarts(b: Buffer, delimiter = 0x2c): Set<number> {
  const starts = new Set<number>();
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (inQuotes) {
      if (c === 0x22) {
        if (b[i + 1] === 0x22) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === 0x22 && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (c === 0x0a) {
      starts.add(i + 1);
      fieldStart = true;
    } else fieldStart = c === delimiter;
  }
  return starts;
}

function trickyCsv(records: number): string {
  const lines = ['id,text,more'];
  for (let i = 0; i < records; i++) {
    switch (i % 6) {
      case 0:
        lines.push(`${i},"quoted\nnewline, and ""quotes""",x`);
        break;
      case 1:
        lines.push(`${i},"\n",""`);
        break;
      case 2:
        lines.push(`${i},plain,"a ""b""\nc\n\nd"`);
        break;
      case 3:
        lines.push(`${i},"张三\n李四",福建`);
        break;
      case 4:
        lines.push(`${i},"""","x""y"`);
        break;
      default:
        lines.push(`${i},a"b,c`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('CSV byte ranges', () => {
  it('finds only true record boundaries, from any offset, in a CSV full of quoted newlines', () => {
    const b = Buffer.from(trickyCsv(60));
    const truth = referenceRecordStarts(b);
    let found = 0;
    for (let off = 0; off < b.length; off++) {
      const at = findRecordBoundary(b, off, { delimiter: 0x2c, maxQuotedBytes: 64, eof: true });
      if (at < 0) continue;
      found++;
      expect(at).toBeGreaterThanOrEqual(off);
      expect(truth.has(at)).toBe(true);
    }
    expect(found).toBeGreaterThan(b.length / 2);
  });

  it('gives exactly the rows of a single pass when a CSV with quoted newlines is split', async () => {
    const csv = trickyCsv(5000);
    const file = tmp.file('split.csv', csv);
    const single = await readAll(await openCsvReader(file));
    const plan = await planCsvRanges(file, { parts: 7, minRangeBytes: 1, maxCellBytes: 40 });
    expect(plan).not.toBeNull();
    expect(plan!.ranges.length).toBe(7);
    expect(plan!.layout.columns).toEqual(['id', 'text', 'more']);
    const rows: string[][] = [];
    for (const range of plan!.ranges) {
      const r = await openCsvRange(plan!.layout, range);
      const part = await readAll(r);
      if (part.rows.length) expect(part.firstRows[0]).toBe(1);
      rows.push(...part.rows);
    }
    expect(rows).toEqual(single.rows);
    expect(rows).toHaveLength(5000);
  });

  it('settles the encoding of the whole file before splitting and names absolute lines in errors', async () => {
    const head = 'id,name\n' + Array.from({ length: 100000 }, (_, i) => `${i},n${i}`).join('\n') + '\n';
    const tail = encodeGb18030(Array.from({ length: 20000 }, (_, i) => `${100000 + i},林${i}`).join('\n') + '\n');
    const readRanges = async (file: string): Promise<{ rows: string[][]; error: ReaderError | null }> => {
      const plan = await planCsvRanges(file, { parts: 4, minRangeBytes: 1 });
      expect(plan!.layout.encoding).toBe('gb18030');
      expect(plan!.ranges).toHaveLength(4);
      const rows: string[][] = [];
      for (const range of plan!.ranges) {
        try {
          rows.push(...(await readAll(await openCsvRange(plan!.layout, range))).rows);
        } catch (e) {
          return { rows, error: e as ReaderError };
        }
      }
      return { rows, error: null };
    };
    const good = await readRanges(tmp.file('split-gbk.csv', Buffer.concat([Buffer.from(head), tail])));
    expect(good.error).toBeNull();
    expect(good.rows).toHaveLength(120000);
    expect(good.rows[100005]).toEqual(['100005', '林5']);
    const bad = await readRanges(tmp.file('split-gbk-bad.csv', Buffer.concat([Buffer.from(head), tail, Buffer.from('1,2,3\n')])));
    expect(bad.error?.message).toMatch(/split-gbk-bad\.csv: line 120002: row has 3 fields, header has 2$/);
  });

  it('does not split UTF-16 files', async () => {
    const file = tmp.file('split16.csv', Buffer.from('\ufeffa,b\n1,2\n', 'utf16le'));
    expect(await planCsvRanges(file, { parts: 2, minRangeBytes: 1 })).toBeNull();
  });
});

describe('CSV exports with a title line above the header', () => {
  const body = Array.from({ length: 3000 }, (_, i) => `${i},林${i},1390591${String(i).padStart(4, '0')}`).join('\n') + '\n';

  it('skips a one-field title line, or one saved with empty fields, and reads the next line as the header', async () => {
    for (const title of ['平潭综合实验区不动产登记簿（2024年上半年）', '平潭综合实验区不动产登记簿（2024年上半年）,,', '"人员名单",,']) {
      const { reader, rows } = await readFile('titled.csv', `${title}\n\nid,姓名,手机号\n${body}`);
      expect(reader.columns(), title).toEqual(['id', '姓名', '手机号']);
      expect(rows, title).toHaveLength(3000);
      expect(rows[0], title).toEqual(['0', '林0', '13905910000']);
    }
  });

  it('keeps a one-column file whole: its first line is the header', async () => {
    const { reader, rows } = await readFile('names.csv', '姓名\n王小明\n李华\n');
    expect(reader.columns()).toEqual(['姓名']);
    expect(rows).toEqual([['王小明'], ['李华']]);
    const alone = await readFile('header-only.csv', '姓名\n');
    expect(alone.reader.columns()).toEqual(['姓名']);
    expect(alone.rows).toEqual([]);
  });

  it('splits a titled file into ranges that give exactly the rows of one pass', async () => {
    const file = tmp.file('titled-split.csv', `人员名单（2024年）\nid,姓名,手机号\n${body}`);
    const single = await readAll(await openCsvReader(file));
    const plan = await planCsvRanges(file, { parts: 3, minRangeBytes: 1 });
    expect(plan!.layout.columns).toEqual(['id', '姓名', '手机号']);
    const rows: string[][] = [];
    for (const range of plan!.ranges) rows.push(...(await readAll(await openCsvRange(plan!.layout, range))).rows);
    expect(rows).toEqual(single.rows);
    expect(rows).toHaveLength(3000);
  });
});
