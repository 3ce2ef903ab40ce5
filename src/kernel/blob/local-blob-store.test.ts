import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBlobKey } from './blob-store.ts';
import { LocalBlobStore } from './local-blob-store.ts';

async function readAll(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function collect(it: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const k of it) out.push(k);
  return out;
}

/** Every file under dir (temp files included), relative. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => !d.isDirectory())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

describe('local blob store', () => {
  let root: string;
  let store: LocalBlobStore;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-blob-'));
    store = new LocalBlobStore(path.join(root, 'blobs'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores a buffer and returns its size, SM3 and SHA-256, and reads it back', async () => {
    const r = await store.put('customs/2026/abc.csv', Buffer.from('abc'), { contentType: 'text/csv' });
    expect(r).toEqual({
      key: 'customs/2026/abc.csv',
      size: 3,
      sm3: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
    expect((await readAll(await store.get('customs/2026/abc.csv'))).toString()).toBe('abc');
    expect(await store.stat('customs/2026/abc.csv')).toMatchObject({ key: 'customs/2026/abc.csv', size: 3 });
    expect(fs.readFileSync(path.join(root, 'blobs', 'customs', '2026', 'abc.csv'), 'utf8')).toBe('abc');
  });

  it('streams a large upload while hashing it, and replaces an existing blob', async () => {
    const data = crypto.randomBytes(3 * 1024 * 1024 + 17);
    const chunks = Array.from({ length: Math.ceil(data.length / 65536) }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536));
    await store.put('pkg/big.bin', Buffer.from('old'));
    const r = await store.put('pkg/big.bin', Readable.from(chunks));
    expect(r.size).toBe(data.length);
    expect(r.sha256).toBe(crypto.createHash('sha256').update(data).digest('hex'));
    expect(r.sm3).toBe(crypto.createHash('sm3').update(data).digest('hex'));
    expect((await readAll(await store.get('pkg/big.bin'))).equals(data)).toBe(true);
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([path.join('pkg', 'big.bin')]);
  });

  it('leaves neither the blob nor a temp file when the stream errors halfway', async () => {
    async function* failing() {
      yield Buffer.alloc(100_000, 1);
      yield Buffer.alloc(100_000, 2);
      throw new Error('connection reset');
    }
    await expect(store.put('uploads/x.csv', Readable.from(failing()))).rejects.toThrow('connection reset');
    expect(await store.stat('uploads/x.csv')).toBeNull();
    await expect(store.get('uploads/x.csv')).rejects.toMatchObject({ code: 'not_found' });
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([]);

    // A previous blob under the key survives a failed replacement untouched.
    await store.put('uploads/x.csv', Buffer.from('kept'));
    await expect(store.put('uploads/x.csv', Readable.from(failing()))).rejects.toThrow('connection reset');
    expect((await readAll(await store.get('uploads/x.csv'))).toString()).toBe('kept');
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([path.join('uploads', 'x.csv')]);
  });

  it('aborts an upload when its signal is aborted and keeps nothing', async () => {
    const ac = new AbortController();
    async function* slow() {
      yield Buffer.alloc(1000);
      ac.abort();
      yield Buffer.alloc(1000);
      await new Promise(() => undefined); // never ends on its own
    }
    await expect(store.put('uploads/aborted.bin', Readable.from(slow()), { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([]);
  });

  it('refuses an oversize upload as soon as it passes maxBytes', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(64 * 1024));
      },
    });
    await expect(store.put('uploads/huge.bin', endless, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(endless.destroyed).toBe(true);
    expect(pulled).toBeLessThan(40);
    await expect(store.put('uploads/huge.bin', Buffer.alloc(11), { maxBytes: 10 })).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([]);
    expect((await store.put('uploads/fits.bin', Buffer.alloc(10), { maxBytes: 10 })).size).toBe(10);
  });

  it('refuses keys that could escape the store or are not plain relative paths', async () => {
    const bad = ['', '../etc/passwd', 'a/../../b', 'a/..', '/etc/passwd', 'C:/x', 'a\\b', 'a\0b', 'a//b', 'a/', './a', 'a/.hidden', 'x'.repeat(1025)];
    for (const key of bad) {
      expect(() => assertBlobKey(key), key).toThrow();
      await expect(store.put(key, Buffer.from('x')), key).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.get(key), key).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.stat(key), key).rejects.toMatchObject({ code: 'bad_request' });
      await expect(store.delete(key), key).rejects.toMatchObject({ code: 'bad_request' });
    }
    await expect(collect(store.list('../'))).rejects.toMatchObject({ code: 'bad_request' });
    expect(fs.existsSync(path.join(root, 'etc'))).toBe(false);
    expect(assertBlobKey('报关/2026/清单 v1..final.csv')).toBe('报关/2026/清单 v1..final.csv');
  });

  it('lists keys by prefix in key order, skipping temp files', async () => {
    for (const k of ['customs/2026/b.csv', 'customs/2026/a.csv', 'customs/2025/z.csv', 'customs-archive/x.csv', 'tax/1.csv', 'customs/2026x/c.csv'])
      await store.put(k, Buffer.from(k));
    fs.writeFileSync(path.join(root, 'blobs', 'customs', '2026', '.tmp-leftover'), 'x');
    expect(await collect(store.list(''))).toEqual([
      'customs-archive/x.csv',
      'customs/2025/z.csv',
      'customs/2026/a.csv',
      'customs/2026/b.csv',
      'customs/2026x/c.csv',
      'tax/1.csv',
    ]);
    expect(await collect(store.list('customs/2026/'))).toEqual(['customs/2026/a.csv', 'customs/2026/b.csv']);
    expect(await collect(store.list('customs/2026'))).toEqual(['customs/2026/a.csv', 'customs/2026/b.csv', 'customs/2026x/c.csv']);
    expect(await collect(store.list('customs/2026/a'))).toEqual(['customs/2026/a.csv']);
    expect(await collect(store.list('customs'))).toHaveLength(5);
    expect(await collect(store.list('nothing/here/'))).toEqual([]);
  });

  it('deletes blobs, and deleting a missing blob is fine', async () => {
    await store.put('a/b.txt', Buffer.from('x'));
    await store.delete('a/b.txt');
    await store.delete('a/b.txt');
    await store.delete('never/was.txt');
    expect(await store.stat('a/b.txt')).toBeNull();
    expect(await collect(store.list(''))).toEqual([]);
  });

  it('reports a key that collides with a prefix of other blobs as a conflict', async () => {
    await store.put('a/b.txt', Buffer.from('x'));
    await expect(store.put('a', Buffer.from('y'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.put('a/b.txt/c', Buffer.from('y'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.stat('a')).toBeNull();
    await expect(store.get('a')).rejects.toMatchObject({ code: 'not_found' });
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([path.join('a', 'b.txt')]);
  });
});
