import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import type { ArchiveService } from './archives.service.ts';
import { ArchiveBackup } from './backup.ts';
import { DisposalService } from './disposal.service.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

const ADMIN: Principal = { kind: 'user', id: 1, name: 'admin', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN', ip: null };
const ARCHIVIST: Principal = { ...ADMIN, id: 2, name: 'archivist' };

describeEachDialect('archive backup and restore (DA/T 92)', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  let target: TestDatabase;
  let restoredFx: ReturnType<typeof archiveFixture>;
  let out: string;
  beforeAll(async () => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
    out = path.join(fx.dir, 'backup');
    const a = await archives.archive(undefined, marriageCase('B1'));
    await archives.archive(undefined, marriageCase('B2'));
    await archives.correct(ADMIN, a.recordId, { reason: '更正题名', description: { title: '结婚登记（更正）' } });
    const old = await archives.archive(undefined, marriageCase('B3', { category: 'GJ', documentType: '缴存', title: '公积金缴存', date: '2014-05-01' }));
    const disposals = new DisposalService(archives);
    const d = await disposals.propose(ADMIN, { recordIds: [old.recordId], reason: '保管期满' });
    await disposals.act(ARCHIVIST, d.id, 'approve');
    await disposals.act(ARCHIVIST, d.id, 'destroy');
    target = await freshDatabase(get().dialect);
    restoredFx = archiveFixture(target.db);
  });
  afterAll(async () => {
    fx.dispose();
    restoredFx.dispose();
    await target.dispose();
  });

  it('writes every bag of every version and the catalog with SHA-512 and SM3 manifests that sha512sum accepts', async () => {
    const { manifest } = await new ArchiveBackup(archives).backup(ADMIN, out);
    expect(manifest.counts).toMatchObject({ archives_records: 4, archives_versions: 5, archives_disposals: 1 });
    // B1 (2 versions), B2 and the destruction record: 4 bags; the destroyed record's bag is gone.
    expect(manifest.bags).toBe(4);
    expect(fs.readdirSync(fx.dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync('sha512sum', ['--quiet', '-c', 'manifest-sha512.txt'], { cwd: out }).toString()).toBe('');
    await expect(new ArchiveBackup(archives).backup(ADMIN, out)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('restores into an empty platform and verifies bags, counts, 档号s and fixity; the records read the same', async () => {
    const r = await new ArchiveBackup(restoredFx.archives).restore(ADMIN, out);
    expect(r.verification.problems).toEqual([]);
    expect(r.restored).toMatchObject({ countsEqual: true, archivalCodesEqual: true, fixity: { checked: 4, failed: [] }, searchIndexed: 3 });
    expect(r.ok).toBe(true);
    expect(await restoredFx.archives.list(ADMIN, {})).toEqual(await archives.list(ADMIN, {}));
    for (const rec of await archives.list(ADMIN, {})) {
      const { events: _a, ...before } = await archives.get(ADMIN, rec.id);
      const { events: _b, ...after } = await restoredFx.archives.get(ADMIN, rec.id);
      expect(after).toEqual(before);
    }
    const fixity = await restoredFx.archives.fixityRun({ limit: 100 });
    expect(fixity).toMatchObject({ checked: 4, failed: [] });
    // New records continue the ids and 件号 after the restored ones.
    const next = await restoredFx.archives.archive(undefined, marriageCase('B4'));
    expect(next.archivalCode).toBe('PT01-HY·2026-Y-SHSY-0003');
  });

  it('refuses to restore into a platform whose archive is not empty', async () => {
    await expect(new ArchiveBackup(restoredFx.archives).restore(ADMIN, out)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lists every damaged, missing and extra file of a backup and every broken bag without restoring', async () => {
    const copy = path.join(fx.dir, 'damaged');
    fs.cpSync(out, copy, { recursive: true });
    const bagFile = fs.readFileSync(path.join(copy, 'manifest-sha512.txt'), 'utf8').split('\n').find((l) => l.includes('/data/'))!.split('  ')[1]!;
    fs.appendFileSync(path.join(copy, ...bagFile.split('/')), 'x');
    fs.rmSync(path.join(copy, 'catalog', 'archives_events.ndjson'));
    fs.writeFileSync(path.join(copy, 'stray.txt'), 'not from the backup');
    const r = await new ArchiveBackup(restoredFx.archives).restore(ADMIN, copy, { verifyOnly: true });
    expect(r.ok).toBe(false);
    expect(r.restored).toBeUndefined();
    expect(r.verification.problems).toEqual(
      expect.arrayContaining([`${bagFile}: changed (size or digest differs from the manifest)`, 'catalog/archives_events.ndjson: missing', 'stray.txt: not in the manifest', expect.stringMatching(/^bag archives\/bags\/.*: wrong_/)]),
    );
  });
});
