import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import { scopesOf } from '../identity/index.ts';
import type { ArchiveService } from './archives.service.ts';
import { DisposalService, type DestructionRecord } from './disposal.service.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

const as = (role: string, id: number, orgId: number): Principal => ({ kind: 'user', id, name: `${role} ${id}`, orgId, orgKind: 'department', roles: [role], scopes: scopesOf([role]), locale: 'zh-CN', ip: null });
const BUREAU = as('bureau-officer', 1, 1);
const ARCHIVIST = as('archivist', 2, 10);
const ADMIN: Principal = { kind: 'user', id: 3, name: 'admin', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN', ip: null };

describeEachDialect('disposal (鉴定销毁)', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  let disposals: DisposalService;
  const ids: Record<string, number> = {} as Record<string, number>;
  const codes: Record<string, string> = {};
  beforeAll(async () => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
    disposals = new DisposalService(archives);
    // 缴存 records are kept 10 years: those of 2014 expired on 2025-01-01; the fixture's today is 2026-11-20.
    for (const [key, over] of Object.entries({
      old1: { category: 'GJ', documentType: '缴存', title: '公积金缴存 2014-1', date: '2014-05-01' },
      old2: { category: 'GJ', documentType: '缴存', title: '公积金缴存 2014-2', date: '2014-06-01' },
      old3: { category: 'GJ', documentType: '缴存', title: '公积金缴存 2014-3', date: '2014-07-01' },
      recent: { category: 'GJ', documentType: '缴存', title: '公积金缴存 2020', date: '2020-05-01' },
      permanent: { date: '1990-05-01' },
    })) {
      const r = await archives.archive(undefined, marriageCase(key, over));
      ids[key] = r.recordId;
      codes[key] = r.archivalCode;
    }
  });
  afterAll(() => fx.dispose());

  it('refuses a proposal naming every record that may not be destroyed', async () => {
    const err = await disposals.propose(BUREAU, { recordIds: [ids.old1, ids.recent, ids.permanent, 9999], reason: '保管期满' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict' });
    const problems = (err as { details: { problems: { recordId: number; reason: string }[] } }).details.problems;
    expect(problems.map((p) => [p.recordId, p.reason])).toEqual([
      [ids.recent, 'retained_until_2031-01-01'],
      [ids.permanent, 'permanent'],
      [9999, 'not_found'],
    ]);
    expect(await disposals.list(BUREAU)).toEqual([]);
  });

  it('never lists 永久 records for review and lets only the bureau propose', async () => {
    expect((await archives.disposalReview(BUREAU)).map((r) => r.id).sort()).toEqual([ids.old1, ids.old2, ids.old3].sort());
    await expect(disposals.propose(ARCHIVIST, { recordIds: [ids.old1], reason: '保管期满' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(disposals.propose(as('dept-admin', 4, 2), { recordIds: [ids.old1], reason: '保管期满' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('needs the archive to approve, never the proposer, and answers an illegal action with 409 and the allowed actions', async () => {
    const d = await disposals.propose(ADMIN, { recordIds: [ids.old1, ids.old2], reason: '保管期满，经鉴定无继续保存价值' });
    expect(d).toMatchObject({ state: 'proposed', records: [{ archivalCode: codes.old1 }, { archivalCode: codes.old2 }] });
    await expect(disposals.act(ADMIN, d.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(disposals.act(BUREAU, d.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(disposals.act(ARCHIVIST, d.id, 'destroy')).rejects.toMatchObject({ code: 'illegal_transition', details: { allowedActions: ['approve', 'reject', 'withdraw'] } });
    await expect(disposals.propose(BUREAU, { recordIds: [ids.old2, ids.old3], reason: '再次' })).rejects.toMatchObject({ code: 'conflict', details: { problems: [{ recordId: ids.old2, reason: `in_open_disposal_${d.id}` }] } });
    const approved = await disposals.act(ARCHIVIST, d.id, 'approve', '同意销毁');
    expect(approved).toMatchObject({ state: 'approved', allowedActions: ['destroy'] });
    await expect(disposals.act(ARCHIVIST, d.id, 'reject')).rejects.toMatchObject({ code: 'illegal_transition', details: { state: 'approved', allowedActions: ['destroy'] } });
  });

  it('destroys the bags, keeps tombstones and archives a permanent destruction record with each manifest SM3', async () => {
    const [d] = await disposals.list(ARCHIVIST, { state: 'approved' });
    const before = await archives.repo.versionsOf(get().db, ids.old1!);
    const manifestSm3 = (JSON.parse(before[0]!.tag_files) as Record<string, { sm3: string }>)['manifest-sm3.txt']!.sm3;
    const done = await disposals.act(ARCHIVIST, d!.id, 'destroy');
    expect(done.state).toBe('destroyed');
    const content = done.destructionRecord!.content as DestructionRecord;
    expect(content).toMatchObject({ disposalId: d!.id, approvedBy: expect.stringContaining('archivist 2'), reason: '保管期满，经鉴定无继续保存价值' });
    expect(content.records.map((r) => r.archivalCode)).toEqual([codes.old1, codes.old2]);
    expect(content.records[0]!.versions[0]!.manifestSm3['manifest-sm3.txt']).toBe(manifestSm3);
    expect(done.destructionRecord!.archivalCode).toMatch(/^PT01-WS·2026-Y-DAG-\d{4}$/);

    const keys: string[] = [];
    for await (const k of fx.blobs.list(`${before[0]!.bag_key}/`)) keys.push(k);
    expect(keys).toEqual([]);
    const listed = await archives.list(ADMIN, { category: 'GJ', status: 'all' });
    expect(listed.map((r) => [r.archivalCode, r.destroyedAt !== null])).toEqual([
      [codes.old1, true],
      [codes.old2, true],
      [codes.old3, false],
      [codes.recent, false],
    ]);
    expect((await archives.get(ADMIN, ids.old1!)).destroyed).toEqual({ at: expect.any(String), disposalId: d!.id });
    await expect(archives.download(ADMIN, ids.old1!, '结婚登记审查处理表.pdf')).rejects.toMatchObject({ code: 'gone' });
    expect((await archives.disposalReview(BUREAU)).map((r) => r.id)).toEqual([ids.old3]);
    // The destruction record is itself a permanent, intact record; the destroyed bags leave the fixity rotation.
    const fixity = await archives.fixityRun({ limit: 100 });
    expect(fixity.failed).toEqual([]);
    expect(fixity.checked).toBe(4);
  });

  it('lists destroyed records only when tombstones are asked for, and searches them by the words of their title apart from the living', async () => {
    expect((await archives.list(ADMIN, { category: 'GJ' })).map((r) => r.archivalCode)).toEqual([codes.old3, codes.recent]);
    expect((await archives.list(ADMIN, { category: 'GJ', status: 'destroyed' })).map((r) => [r.archivalCode, r.destroyedAt !== null])).toEqual([
      [codes.old1, true],
      [codes.old2, true],
    ]);
    expect((await archives.list(ADMIN, { q: '2014-1' })).map((r) => r.archivalCode)).toEqual([]);
    expect((await archives.search.search(ADMIN, { q: '公积金缴存', category: 'GJ' })).items.map((r) => r.archivalCode).sort()).toEqual([codes.old3, codes.recent].sort());

    const tombstones = await archives.searchTombstones(ADMIN, { q: '公积金缴存', limit: 1 });
    expect(tombstones.items.map((r) => [r.archivalCode, r.destroyedAt !== null])).toEqual([[codes.old2, true]]);
    expect(tombstones.nextCursor).toBe(`t${ids.old2}`);
    const rest = await archives.searchTombstones(ADMIN, { q: '公积金缴存', limit: 1, cursor: tombstones.nextCursor! });
    expect(rest).toMatchObject({ items: [{ archivalCode: codes.old1 }], nextCursor: null });
    expect((await archives.searchTombstones(ADMIN, { path: codes.old1!.replace(/^(\w+)-(\w+)·(\d+)-(\w+)-(\w+)-\d+$/, '$1/$2/$3/$4/$5') })).items.map((r) => r.archivalCode)).toEqual([codes.old2, codes.old1]);
    expect((await archives.searchTombstones(ADMIN, { category: 'HY' })).items).toEqual([]);
    await expect(archives.searchTombstones(ADMIN, { cursor: 'i12' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('numbers the next record of the series after the destroyed ones: 件号 are never reused', async () => {
    const next = await archives.archive(undefined, marriageCase('old4', { category: 'GJ', documentType: '缴存', title: '公积金缴存 2014-4', date: '2014-08-01' }));
    expect(Number(next.archivalCode.split('-').pop())).toBe(Number(codes.old3!.split('-').pop()) + 1);
  });

  it('records every step in the audit chain and lets the proposer withdraw an undecided proposal', async () => {
    const d = await disposals.propose(BUREAU, { recordIds: [ids.old3], reason: '保管期满' });
    await expect(disposals.act(ARCHIVIST, d.id, 'withdraw')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await disposals.act(BUREAU, d.id, 'withdraw')).state).toBe('withdrawn');
    const actions = (await get().db.selectFrom('audit_events' as never).select('action' as never).where('action' as never, 'like', 'archives.disposal.%' as never).orderBy('seq' as never).execute()) as unknown as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['archives.disposal.proposed', 'archives.disposal.approved', 'archives.disposal.destroyed', 'archives.disposal.proposed', 'archives.disposal.withdrawn']);
  });
});
