import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import { AppError } from '../../kernel/errors.ts';
import { demoPdf } from './archives.demo.ts';
import type { ArchiveService } from './archives.service.ts';
import { validateBagDir } from './bagit.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

const run = promisify(execFile);
const ADMIN: Principal = { kind: 'user', id: 1, name: 'admin', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN', ip: null };

const itemNo = (code: string) => Number(code.split('-').pop());

describeEachDialect('archiving records', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  beforeAll(() => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
  });
  afterAll(() => fx.dispose());

  it('gives a record a 档号 of fonds, category·year, retention from the schedule, department and a 4-digit 件号', async () => {
    const r = await archives.archive(undefined, marriageCase('A1'));
    expect(r.created).toBe(true);
    expect(r.archivalCode).toBe('PT01-HY·2026-Y-SHSY-0001');
    const q = await archives.archive(undefined, marriageCase('A2'));
    expect(q.archivalCode).toBe('PT01-HY·2026-Y-SHSY-0002');
    const fund = await archives.archive(undefined, { ...marriageCase('G1'), category: 'GJ', documentType: '缴存', title: '公积金缴存' });
    expect(fund.archivalCode).toBe('PT01-GJ·2026-D10-GJJ-0001');
  });

  it('numbers concurrent archivings in one series without gaps or duplicates', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => archives.archive(undefined, marriageCase(`C${i}`))));
    expect(results.map((r) => itemNo(r.archivalCode)).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('leaves no gap when the archiving transaction rolls back', async () => {
    await expect(
      get().db.transaction().execute(async (tx) => {
        await archives.archive(tx, marriageCase('R1'));
        throw new Error('the caller fails after archiving');
      }),
    ).rejects.toThrow('the caller fails');
    const next = await archives.archive(undefined, marriageCase('R2'));
    expect(itemNo(next.archivalCode)).toBe(11);
    expect((await archives.list(ADMIN, { q: 'R1' })).length).toBe(0);
  });

  it('refuses a package failing 四性检测 with the report, without using a 件号', async () => {
    const encrypted = Buffer.concat([demoPdf('x').subarray(0, 40), Buffer.from('\ntrailer << /Encrypt 9 0 R >>\n'), demoPdf('x').subarray(40)]);
    const truncated = demoPdf('y').subarray(0, 60);
    const err = await archives.archive(undefined, marriageCase('F1', { files: [{ name: 'locked.pdf', buffer: encrypted }, { name: 'cut.pdf', buffer: truncated }] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const report = (err as AppError).details as { report: { items: { code: string; result: string; evidence: string }[] } };
    const item = (code: string) => report.report.items.find((i) => i.code === code)!;
    expect(item('3-8')).toMatchObject({ result: 'fail' });
    expect(item('3-8').evidence).toContain('locked.pdf');
    expect(item('3-4')).toMatchObject({ result: 'fail' });
    expect(item('3-4').evidence).toContain('cut.pdf');
    expect(itemNo((await archives.archive(undefined, marriageCase('F2'))).archivalCode)).toBe(12);
  });

  it('reports every 四性 item with code, result and evidence, the PDF/A part as a claim and ClamAV as not available', async () => {
    const r = await archives.archive(undefined, marriageCase('Q1'));
    const codes = r.report.items.map((i) => i.code);
    expect(codes).toEqual(['1-1', '1-2', '1-3', '1-14', '1-11', '2-1', '2-2', '2-4', '2-5', '2-6', '2-7', '3-1', '3-3', '3-4', '3-8', '4-1', '4-2', '4-7']);
    const by = Object.fromEntries(r.report.items.map((i) => [i.code, i]));
    expect(by['3-3']!.evidence).toContain('PDF/A-2B claimed in XMP (not validated)');
    expect(by['4-1']).toMatchObject({ result: 'warn', evidence: expect.stringContaining('not available') });
    expect(by['4-2']!.result).toBe('not_applicable');
    expect(by['2-6']).toMatchObject({ result: 'pass' });
    expect(r.report.result).toBe('warn');
    expect(await archives.report(ADMIN, r.recordId)).toEqual(r.report);
  });

  it('returns the existing record when the same source reference is archived again', async () => {
    const again = await archives.archive(undefined, marriageCase('A1'));
    expect(again).toMatchObject({ created: false, archivalCode: 'PT01-HY·2026-Y-SHSY-0001' });
  });

  it('leaves no record when the upload dies mid-ingest, and a rerun completes', async () => {
    async function* dying() {
      yield Buffer.alloc(70_000, 1);
      throw new Error('connection reset');
    }
    await expect(archives.archive(undefined, marriageCase('K1', { files: [{ name: 'big.pdf', stream: Readable.from(dying()) }] }))).rejects.toThrow('connection reset');
    expect((await archives.list(ADMIN, { q: 'K1' })).length).toBe(0);
    const r = await archives.archive(undefined, marriageCase('K1'));
    expect(r.created).toBe(true);
    expect(itemNo(r.archivalCode)).toBe(14);
  });

  it('keeps the old version when a record is corrected', async () => {
    const r = await archives.archive(undefined, marriageCase('V1'));
    const c = await archives.correct(ADMIN, r.recordId, { reason: '题名错字', description: { title: '结婚登记 V1（更正）' } });
    expect(c).toMatchObject({ archivalCode: r.archivalCode, version: 2, created: true });
    const rec = await archives.get(ADMIN, r.recordId);
    expect(rec.versions.map((v) => [v.version, v.title, v.reason])).toEqual([
      [1, '结婚登记 V1', null],
      [2, '结婚登记 V1（更正）', '题名错字'],
    ]);
  });

  it('refuses bad metadata naming each field', async () => {
    const err = (await archives.archive(undefined, { ...marriageCase('M1'), title: '', date: '2026-02-30', category: 'hy' }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('validation_failed');
    const fields = (err.details as { problems: { field: string }[] }).problems.map((p) => p.field).sort();
    expect(fields).toEqual(['category', 'date', 'title']);
  });

  it('exports a real BagIt bag that an independent reading confirms', async () => {
    const out = path.join(fx.dir, 'export');
    const done = await archives.exportBags(ADMIN, out, { category: 'GJ' });
    expect(done.map((d) => d.archivalCode)).toEqual(['PT01-GJ·2026-D10-GJJ-0001']);
    const bag = done[0]!.dir;
    expect(fs.readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const names = fs.readdirSync(bag).sort();
    expect(names).toEqual(['bag-info.txt', 'bagit.txt', 'data', 'manifest-sha512.txt', 'manifest-sm3.txt', 'metadata.xml', 'premis.json', 'tagmanifest-sha512.txt', 'tagmanifest-sm3.txt']);
    // An independent reading: walk data/, hash with node:crypto, compare with the manifest lines.
    const payload = fs.readdirSync(path.join(bag, 'data')).map((n) => `data/${n}`).sort();
    for (const alg of ['sha512', 'sm3']) {
      const lines = fs.readFileSync(path.join(bag, `manifest-${alg}.txt`), 'utf8').trim().split('\n').map((l) => l.split(/\s+/, 2) as [string, string]);
      expect(lines.map((l) => l[1]).sort()).toEqual(payload);
      for (const [digest, p] of lines) expect(crypto.createHash(alg).update(fs.readFileSync(path.join(bag, p))).digest('hex')).toBe(digest);
    }
    const bytes = payload.reduce((s, p) => s + fs.statSync(path.join(bag, p)).size, 0);
    const info = fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`Payload-Oxum: ${bytes}.${payload.length}\n`);
    expect(info).toContain('External-Identifier: PT01-GJ·2026-D10-GJJ-0001\n');
    expect(info).toMatch(/Bagging-Date: \d{4}-\d{2}-\d{2}\n/);
    const premis = JSON.parse(fs.readFileSync(path.join(bag, 'premis.json'), 'utf8')) as { events: { type: string }[] };
    expect(premis.events.map((e) => e.type)).toEqual(expect.arrayContaining(['ingestion', 'message digest calculation', 'format identification', 'virus check', 'validation', 'transfer']));
    // And the system's own tool, where installed.
    const c = await run('sha512sum', ['-c', 'manifest-sha512.txt'], { cwd: bag });
    expect(c.stdout.trim().split('\n')).toHaveLength(payload.length);
    const tagCheck = await run('sha512sum', ['-c', 'tagmanifest-sha512.txt'], { cwd: bag });
    expect(tagCheck.stdout).toContain('premis.json: OK');
    expect((await validateBagDir(bag)).problems).toEqual([]);
  });

  it('lists every problem of a broken bag, not just the first', async () => {
    const out = path.join(fx.dir, 'broken');
    const [d] = await archives.exportBags(ADMIN, out, { category: 'GJ' });
    const bag = d!.dir;
    const files = fs.readdirSync(path.join(bag, 'data'));
    fs.rmSync(path.join(bag, 'data', files.find((f) => f.endsWith('.png'))!));
    fs.appendFileSync(path.join(bag, 'data', files.find((f) => f.endsWith('.pdf'))!), 'tampered');
    fs.writeFileSync(path.join(bag, 'data', 'stray.txt'), 'not in any manifest');
    const info = fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8').replace(/Payload-Oxum: \S+/, 'Payload-Oxum: 1.1');
    fs.writeFileSync(path.join(bag, 'bag-info.txt'), info);
    fs.writeFileSync(path.join(bag, 'metadata.xml'), fs.readFileSync(path.join(bag, 'metadata.xml'), 'utf8').replace(/<date>[^<]+<\/date>/, '<date>2026-13-45</date>'));
    const report = await validateBagDir(bag);
    expect(report.ok).toBe(false);
    const codes = new Set(report.problems.map((p) => p.code));
    expect([...codes].sort()).toEqual(['bad_metadata', 'extra_file', 'missing_file', 'wrong_hash', 'wrong_payload_oxum']);
    expect(report.problems.filter((p) => p.code === 'wrong_hash').map((p) => p.path)).toEqual(expect.arrayContaining([`data/${files.find((f) => f.endsWith('.pdf'))}`, 'bag-info.txt', 'metadata.xml']));
    expect(report.problems.find((p) => p.code === 'bad_metadata')!.message).toContain('date');
    const imported = await archives.importBag(ADMIN, bag);
    expect(imported.result).toBeUndefined();
  });

  it('imports a valid exported bag as a new record of its series', async () => {
    const out = path.join(fx.dir, 'reimport');
    const [d] = await archives.exportBags(ADMIN, out, { category: 'GJ' });
    const r = await archives.importBag(ADMIN, d!.dir);
    expect(r.report.problems).toEqual([]);
    expect(r.result).toMatchObject({ created: true, archivalCode: 'PT01-GJ·2026-D10-GJJ-0002' });
  });

  it('raises a fixity alert naming a changed, a missing and an extra file', async () => {
    const r = await archives.archive(undefined, { ...marriageCase('X1'), category: 'JY', title: '中标通知', documentType: '中标通知' });
    const first = await archives.fixityRun({ limit: 1000 });
    expect(first.failed).toEqual([]);
    const rec = await archives.get(ADMIN, r.recordId);
    expect(rec.versions[0]!.fixity.status).toBe('ok');
    const v = (await archives.repo.version(get().db, r.recordId, 1))!;
    const root = path.join(fx.dir, 'blobs', ...v.bag_key.split('/'));
    const data = fs.readdirSync(path.join(root, 'data'));
    fs.appendFileSync(path.join(root, 'data', data.find((f) => f.endsWith('.pdf'))!), 'bit rot');
    fs.rmSync(path.join(root, 'data', data.find((f) => f.endsWith('.png'))!));
    fs.writeFileSync(path.join(root, 'data', 'planted.exe'), 'MZ');
    const second = await archives.fixityRun({ limit: 1000 });
    expect(second.checked).toBeGreaterThan(1);
    expect(second.failed).toHaveLength(1);
    expect(second.failed[0]).toMatchObject({ archivalCode: r.archivalCode, changed: [`data/${data.find((f) => f.endsWith('.pdf'))}`], missing: [`data/${data.find((f) => f.endsWith('.png'))}`], extra: ['data/planted.exe'] });
    const alerts = await archives.alerts(ADMIN);
    expect(alerts[0]).toMatchObject({ recordId: r.recordId, kind: 'fixity', extra: ['data/planted.exe'] });
    const events = (await archives.get(ADMIN, r.recordId)).events.filter((e) => e.type === 'fixity check').map((e) => e.outcome);
    expect(events).toEqual(['success', 'failure']);
  });

  it('records a run batch by batch, every check an event and every failure an alert, a large file hashed on two cores', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(3 << 20), Buffer.from('\nstartxref\n0\n%%EOF\n')]);
    const big = await archives.archive(undefined, { ...marriageCase('B1'), files: [{ name: '大文件.pdf', buffer: pdf }] });
    const plain = await archives.archive(undefined, marriageCase('B2'));
    const broken = await archives.archive(undefined, marriageCase('B3'));
    const ours = (r: { failed: { archivalCode: string }[] }) => r.failed.filter((f) => [big, plain, broken].some((x) => x.archivalCode === f.archivalCode));
    expect(ours(await archives.fixityRun({ limit: 1000, batch: 2 }))).toEqual([]);
    const root = async (recordId: number) => path.join(fx.dir, 'blobs', ...(await archives.repo.version(get().db, recordId, 1))!.bag_key.split('/'));
    const bigFile = path.join(await root(big.recordId), 'data', '大文件.pdf');
    const bytes = fs.readFileSync(bigFile);
    bytes.writeUInt8(bytes.readUInt8(2 << 20) ^ 1, 2 << 20);
    fs.writeFileSync(bigFile, bytes);
    const png = fs.readdirSync(path.join(await root(broken.recordId), 'data')).find((f) => f.endsWith('.png'))!;
    fs.rmSync(path.join(await root(broken.recordId), 'data', png));
    const run = await archives.fixityRun({ limit: 1000, batch: 2 });
    expect(ours(run)).toEqual([
      expect.objectContaining({ archivalCode: big.archivalCode, changed: ['data/大文件.pdf'], missing: [], extra: [] }),
      expect.objectContaining({ archivalCode: broken.archivalCode, changed: [], missing: [`data/${png}`], extra: [] }),
    ]);
    const outcomes = async (recordId: number) => (await archives.get(ADMIN, recordId)).events.filter((e) => e.type === 'fixity check').map((e) => e.outcome);
    expect([await outcomes(big.recordId), await outcomes(plain.recordId), await outcomes(broken.recordId)]).toEqual([
      ['success', 'failure'],
      ['success', 'success'],
      ['success', 'failure'],
    ]);
    expect((await archives.alerts(ADMIN)).map((a) => a.recordId)).toEqual(expect.arrayContaining([big.recordId, broken.recordId]));
  });

  it('takes each run’s share of the rotation, oldest check first', async () => {
    const total = (await archives.list(ADMIN, { limit: 500 })).length;
    const r = await archives.fixityRun({ maxAgeDays: 90, intervalMs: 90 * 86_400_000 / 4 });
    expect(r.checked).toBeGreaterThanOrEqual(Math.ceil(total / 4));
    expect(r.checked).toBeLessThan(total + 5);
  });

  it('answers an ingest that lost the race for its source with the winner’s record', async () => {
    const first = await archives.archive(undefined, marriageCase('RACE-1'));
    // As if the other ingest committed between this one's check and its insert.
    const check = vi.spyOn(archives.repo, 'recordBySource').mockResolvedValueOnce(undefined);
    try {
      expect((await archives.archive(undefined, marriageCase('RACE-1'))).recordId).toBe(first.recordId);
    } finally {
      check.mockRestore();
    }
  });

  it('fails the caller’s transaction with duplicate when such an ingest runs inside it, instead of reading outside it (on SQLite that read waited for ever)', async () => {
    await archives.archive(undefined, marriageCase('RACE-2'));
    const check = vi.spyOn(archives.repo, 'recordBySource').mockResolvedValueOnce(undefined);
    try {
      await expect(get().db.transaction().execute((tx) => archives.archive(tx, marriageCase('RACE-2')))).rejects.toMatchObject({ code: 'duplicate' });
    } finally {
      check.mockRestore();
    }
  });
});
