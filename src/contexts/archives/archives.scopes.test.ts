import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import { scopesOf } from '../identity/index.ts';
import type { ArchiveService } from './archives.service.ts';
import { ArchiveBackup } from './backup.ts';
import { ArchiveCollector } from './collect.ts';
import { DisposalService } from './disposal.service.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

/* Who may read, submit, correct, export and audit archives, with the scopes roles.ts gives each role. */
const XZSP = 2;
const SHSY = 8;
const as = (role: string, orgId: number | null): Principal => ({ kind: 'user', id: 100, name: role, orgId, orgKind: orgId ? 'department' : null, roles: [role], scopes: scopesOf([role]), locale: 'zh-CN', ip: null });

describeEachDialect('archives by role', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  let shsyRecord: number;
  let hallRecord: number;
  beforeAll(async () => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
    shsyRecord = (await archives.submit(as('dept-officer', SHSY), marriageCase('S1'))).recordId;
    hallRecord = (await archives.archive(undefined, marriageCase('H1', { ownerOrgId: XZSP }))).recordId;
  });
  afterAll(() => fx.dispose());

  it('lets a department read only its own records', async () => {
    const shsy = as('dept-officer', SHSY);
    expect((await archives.list(shsy, {})).map((r) => r.id)).toEqual([shsyRecord]);
    await expect(archives.get(shsy, hallRecord)).rejects.toMatchObject({ code: 'not_found' });
    expect((await archives.get(as('dept-admin', XZSP), hallRecord)).id).toBe(hallRecord);
  });

  it('lets the bureau and the auditor read every record', async () => {
    for (const role of ['bureau-officer', 'auditor']) expect((await archives.list(as(role, 1), {})).map((r) => r.id).sort(), role).toEqual([shsyRecord, hallRecord].sort());
  });

  it('refuses archives to citizens, enterprises and banks', async () => {
    for (const role of ['citizen', 'enterprise-user', 'bank-officer']) await expect(archives.list(as(role, null), {}), role).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets departments submit packages but not the bureau, the auditor or the public', async () => {
    for (const role of ['bureau-officer', 'auditor', 'citizen', 'enterprise-user']) await expect(archives.submit(as(role, 1), marriageCase(`no-${role}`)), role).rejects.toMatchObject({ code: 'forbidden' });
    expect((await archives.submit(as('dept-admin', XZSP), marriageCase('S2'))).created).toBe(true);
  });

  it('lets a department admin correct its own records only', async () => {
    await expect(archives.correct(as('dept-officer', SHSY), shsyRecord, { reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(archives.correct(as('dept-admin', XZSP), shsyRecord, { reason: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(archives.correct(as('bureau-officer', 1), hallRecord, { reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await archives.correct(as('dept-admin', XZSP), hallRecord, { reason: '补充材料' })).version).toBe(2);
  });

  it('lets the bureau export every record and a department admin its own; never the auditor', async () => {
    const out = path.join(fx.dir, 'out');
    expect((await archives.exportBags(as('bureau-officer', 1), path.join(out, 'b'), {})).length).toBe(3);
    expect((await archives.exportBags(as('dept-admin', XZSP), path.join(out, 'x'), {})).map((d) => d.archivalCode)).toHaveLength(2);
    await expect(archives.exportBags(as('auditor', 1), path.join(out, 'a'), {})).rejects.toMatchObject({ code: 'forbidden' });
    expect(fs.existsSync(path.join(out, 'a'))).toBe(false);
  });

  it('lets only the bureau propose disposals and only the archive (档案馆) decide them; backups are the platform operator’s', async () => {
    const disposals = new DisposalService(archives);
    const body = { recordIds: [shsyRecord], reason: '保管期满' };
    for (const role of ['archivist', 'auditor', 'dept-admin', 'dept-officer', 'citizen']) await expect(disposals.propose(as(role, 1), body), role).rejects.toMatchObject({ code: 'forbidden' });
    // The bureau may propose (this 永久 record is refused for its retention, not for the role).
    await expect(disposals.propose(as('bureau-officer', 1), body)).rejects.toMatchObject({ code: 'conflict' });
    for (const role of ['bureau-officer', 'auditor', 'dept-admin']) await expect(disposals.act(as(role, 1), 1, 'approve'), role).rejects.toMatchObject({ code: 'forbidden' });
    for (const role of ['bureau-officer', 'archivist']) expect(await disposals.list(as(role, 1)), role).toEqual([]);
    for (const role of ['auditor', 'dept-admin', 'citizen']) await expect(disposals.list(as(role, 1)), role).rejects.toMatchObject({ code: 'forbidden' });
    for (const role of ['bureau-officer', 'archivist', 'auditor', 'dept-admin']) await expect(new ArchiveBackup(archives).backup(as(role, 1), path.join(fx.dir, `backup-${role}`)), role).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows the online-archiving failures to the bureau, the archive and the auditor only', async () => {
    const collector = new ArchiveCollector(archives, []);
    for (const role of ['bureau-officer', 'archivist', 'auditor']) expect(await collector.failures(as(role, 1)), role).toEqual([]);
    for (const role of ['dept-admin', 'dept-officer', 'citizen']) await expect(collector.failures(as(role, 1)), role).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows fixity alerts to the bureau and the auditor only', async () => {
    for (const role of ['bureau-officer', 'auditor']) expect(await archives.alerts(as(role, 1)), role).toEqual([]);
    await expect(archives.alerts(as('dept-admin', XZSP))).rejects.toMatchObject({ code: 'forbidden' });
  });
  it('shows a department only its own tombstones; the bureau all of them', async () => {
    const disposals = new DisposalService(archives);
    const old = await archives.archive(undefined, marriageCase('SHSY-OLD', { category: 'GJ', documentType: '缴存', date: '2013-09-01', ownerOrgId: SHSY }));
    const d = await disposals.propose(as('bureau-officer', 1), { recordIds: [old.recordId], reason: '保管期满' });
    const archivist = { ...as('archivist', 10), id: 101 };
    await disposals.act(archivist, d.id, 'approve');
    await disposals.act(archivist, d.id, 'destroy');
    const shsy = as('dept-officer', SHSY);
    expect((await archives.searchTombstones(shsy, {})).items.map((r) => r.id)).toEqual([old.recordId]);
    expect((await archives.list(shsy, { status: 'destroyed' })).map((r) => r.id)).toEqual([old.recordId]);
    expect((await archives.searchTombstones(shsy, { department: XZSP })).items).toEqual([]);
    expect((await archives.searchTombstones(as('dept-admin', XZSP), {})).items).toEqual([]);
    expect((await archives.list(as('dept-admin', XZSP), { status: 'all' })).map((r) => r.id)).not.toContain(old.recordId);
    for (const role of ['bureau-officer', 'auditor']) expect((await archives.searchTombstones(as(role, 1), {})).items.map((r) => r.id), role).toContain(old.recordId);
    await expect(archives.searchTombstones(as('citizen', null), {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
