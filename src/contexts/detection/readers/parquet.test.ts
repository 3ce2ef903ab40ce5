import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { openReader, ReaderError, type RowBatch, type TableReader } from './index.ts';
import { tempDir } from './test-support.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

async function batchesOf(reader: TableReader): Promise<RowBatch[]> {
  const out: RowBatch[] = [];
  for await (const b of reader.batches()) out.push(b);
  return out;
}

function peopleParquet(rowGroupSize: number): Buffer {
  const buf = parquetWriteBuffer({
    rowGroupSize,
    columnData: [
      { name: 'id', data: [110105194912310021n, 2n, 3n, 4n, 5n], type: 'INT64' },
      { name: '姓名', data: ['张三', '李四', null, '王五', '赵六'], type: 'STRING' },
      { name: 'amount', data: [1234.5, 0.1, 2, -3, 4.25], type: 'DOUBLE' },
      { name: 'active', data: [true, false, true, null, false], type: 'BOOLEAN' },
      {
        name: 'at',
        data: [new Date('2024-03-01T13:45:00Z'), null, new Date('2000-02-29T00:00:00Z'), null, null],
        type: 'TIMESTAMP',
      },
    ],
  });
  return Buffer.from(buf);
}

describe('Parquet reader', () => {
  it('reads every row group, with INT64 exact and timestamps as ISO text', async () => {
    const reader = await openReader(tmp.file('people.parquet', peopleParquet(2)), { batchRows: 10 });
    expect(reader.format).toBe('parquet');
    expect(reader.columns()).toEqual(['id', '姓名', 'amount', 'active', 'at']);
    const batches = await batchesOf(reader);
    expect(batches.map((b) => b.firstRow)).toEqual([1, 3, 5]); // one batch per row group of 2 rows
    expect(batches.flatMap((b) => b.rows)).toEqual([
      ['110105194912310021', '张三', '1234.5', 'true', '2024-03-01T13:45:00.000Z'],
      ['2', '李四', '0.1', 'false', ''],
      ['3', '', '2', 'true', '2000-02-29T00:00:00.000Z'],
      ['4', '王五', '-3', '', ''],
      ['5', '赵六', '4.25', 'false', ''],
    ]);
    expect(reader.bytesRead()).toBeGreaterThan(0);
  });

  it('stops after `sample` rows without reading later row groups', async () => {
    const reader = await openReader(tmp.file('sample.parquet', peopleParquet(2)), { sample: 3 });
    const rows = (await batchesOf(reader)).flatMap((b) => b.rows);
    expect(rows.map((r) => r[0])).toEqual(['110105194912310021', '2', '3']);
  });

  it('refuses a file that is not Parquet', async () => {
    const file = tmp.file('fake.parquet', 'PAR1 but not really');
    await expect(openReader(file)).rejects.toBeInstanceOf(ReaderError);
    await expect(openReader(file)).rejects.toThrow(/fake\.parquet: not a Parquet file/);
  });
});
