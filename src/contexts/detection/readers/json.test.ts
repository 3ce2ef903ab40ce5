import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat, openReader, ReaderError, type TableReader } from './index.ts';
import { tempDir } from './test-support.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

async function readAll(reader: TableReader): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const b of reader.batches()) rows.push(...b.rows);
  return rows;
}

async function readError(name: string, data: string): Promise<ReaderError> {
  try {
    await readAll(await openReader(tmp.file(name, data)));
  } catch (e) {
    if (e instanceof ReaderError) return e;
    throw e;
  }
  throw new Error('expected a ReaderError');
}

describe('JSON reader', () => {
  it('flattens nested records to paths in order of first appearance', async () => {
    const data = [
      { id: 1, person: { name: '张三', idCard: '110105194912310021' }, phones: ['13812345678', '13912345678'], addr: [{ city: '平潭' }, { city: '福州' }] },
      { id: 2, person: { name: '李四', idCard: null }, extra: true, addr: [] },
    ];
    const reader = await openReader(tmp.file('nested.json', JSON.stringify(data, null, 2)));
    expect(reader.format).toBe('json');
    const rows = await readAll(reader);
    expect(reader.columns()).toEqual(['id', 'person.name', 'person.idCard', 'phones[]', 'addr[].city', 'extra']);
    expect(rows).toEqual([
      ['1', '张三', '110105194912310021', '13812345678\n13912345678', '平潭\n福州'],
      ['2', '李四', '', '', '', 'true'],
    ]);
  });

  it('reads the array-of-objects property of a top-level object', async () => {
    const doc = '{"meta":{"total":2,"list":[1,2]},"code":0,"data":[{"a":"x"},{"a":"y","b":[[1,2],[3]]}],"more":[{"ignored":1}]}';
    const reader = await openReader(tmp.file('wrapped.json', doc));
    expect(await readAll(reader)).toEqual([['x'], ['y', '1\n2\n3']]);
    expect(reader.columns()).toEqual(['a', 'b[][]']);
  });

  it('keeps long numbers exact', async () => {
    const reader = await openReader(tmp.file('long.json', '[{"id": 110105194912310021, "n": 1.5, "big": 12345678901234567890}]'));
    expect(await readAll(reader)).toEqual([['110105194912310021', '1.5', '12345678901234567890']]);
  });

  it('puts scalar elements of the top-level array in column $', async () => {
    const reader = await openReader(tmp.file('scalars.json', '["13812345678", 42, null]'));
    expect(await readAll(reader)).toEqual([['13812345678'], ['42'], ['']]);
    expect(reader.columns()).toEqual(['$']);
  });

  it('names the line of malformed JSON', async () => {
    const err = await readError('bad.json', '[\n  {"a": 1},\n  {"a": 2,\n   "b": }\n]');
    expect(err.code).toBe('unprocessable');
    expect(err.message).toMatch(/bad\.json: line 4: invalid JSON: unexpected character "}" \(column 9\)$/);
  });

  it('refuses truncated JSON and JSON without records', async () => {
    expect((await readError('trunc.json', '[{"a":1},\n{"a":2')).message).toMatch(/trunc\.json: line 2: unexpected end of file/);
    expect((await readError('norecords.json', '{"a": 1, "b": "x"}')).message).toMatch(/no array of records found/);
    expect((await readError('scalar.json', '"just a string"')).message).toMatch(/line 1: .*expected a JSON array/);
    expect((await readError('trailing.json', '[{"a":1}]\n{"b":2}')).message).toMatch(/line 2: unexpected "\{" after the end/);
  });

  it('reads records that span read chunks', async () => {
    const records = Array.from({ length: 30000 }, (_, i) => ({ i, s: `值${i}`.repeat(1 + (i % 7)), nested: { deep: { k: [i, { x: i % 3 }] } } }));
    const reader = await openReader(tmp.file('big.json', JSON.stringify(records)), { batchRows: 1000 });
    const rows = await readAll(reader);
    expect(rows).toHaveLength(30000);
    expect(rows[29999]).toEqual(['29999', '值29999'.repeat(1 + (29999 % 7)), '29999', String(29999 % 3)]);
    expect(reader.columns()).toEqual(['i', 's', 'nested.deep.k[]', 'nested.deep.k[].x']);
    expect(reader.bytesRead()).toBe(reader.totalBytes());
  });

  it('stops after `sample` records', async () => {
    const records = Array.from({ length: 300000 }, (_, i) => ({ i }));
    const reader = await openReader(tmp.file('sample.json', JSON.stringify(records)), { sample: 3 });
    expect(await readAll(reader)).toEqual([['0'], ['1'], ['2']]);
    expect(reader.bytesRead()).toBeLessThan(reader.totalBytes()!);
  });
});

describe('NDJSON reader', () => {
  it('reads one record per line and skips blank lines', async () => {
    const text = '{"name":"张三","id":"110105194912310021"}\r\n\n{"name":"李四","tags":["a","b"]}\n';
    const reader = await openReader(tmp.file('people.ndjson', text));
    expect(reader.format).toBe('ndjson');
    expect(await readAll(reader)).toEqual([
      ['张三', '110105194912310021'],
      ['李四', '', 'a\nb'],
    ]);
    expect(reader.columns()).toEqual(['name', 'id', 'tags[]']);
  });

  it('names the line of a malformed record', async () => {
    const err = await readError('bad.jsonl', '{"a":1}\n{"a":2}\n\n{"a":3,}\n');
    expect(err.message).toMatch(/bad\.jsonl: line 4: invalid JSON: expected a property name in double quotes \(column 8\)$/);
  });

  it('is recognised in a .json file holding one object per line', () => {
    expect(detectFormat('x.json', Buffer.from('{"a":1}\n{"a":2}\n'))).toBe('ndjson');
    expect(detectFormat('x.json', Buffer.from('{\n  "data": []\n}'))).toBe('json');
    expect(detectFormat('x.txt', Buffer.from('[{"a":1}]'))).toBe('json');
  });
});
