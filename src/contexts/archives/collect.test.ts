import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { ArchiveService } from './archives.service.ts';
import { ArchiveCollector, MAX_ATTEMPTS, type CollectSource, type CollectUnit } from './collect.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

/** A source over a list the test controls: units appear (possibly with an earlier timestamp, as a late commit would) and may fail. */
class ListSource implements CollectSource {
  readonly name = 'services.case' as const;
  units: CollectUnit[] = [];
  broken = new Set<string>();
  packaged: string[] = [];
  async since(cursor: { at: string; id: number } | null, limit: number) {
    return this.units
      .filter((u) => !cursor || u.at > cursor.at || (u.at === cursor.at && u.id > cursor.id))
      .sort((a, b) => (a.at === b.at ? a.id - b.id : a.at < b.at ? -1 : 1))
      .slice(0, limit);
  }
  async package(ref: string) {
    this.packaged.push(ref);
    if (this.broken.has(ref)) throw new Error(`case ${ref} cannot be read right now`);
    return marriageCase(ref);
  }
}

describeEachDialect('the archives collector', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  const source = new ListSource();
  let collector: ArchiveCollector;
  beforeAll(() => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
    collector = new ArchiveCollector(archives, [source]);
  });
  afterAll(() => fx.dispose());

  it('archives every unit after its watermark once, and a rerun packages nothing again', async () => {
    source.units = Array.from({ length: 150 }, (_, i) => ({ ref: `K${i}`, at: `2026-11-19T10:${String(Math.floor(i / 10)).padStart(2, '0')}:00.000Z`, id: i + 1 }));
    const first = await collector.run();
    expect(first.archived).toHaveLength(150);
    expect(first.failed).toEqual([]);
    source.packaged = [];
    expect((await collector.run()).archived).toEqual([]);
    expect(source.packaged).toEqual([]);
  });

  it('still sees a unit that committed late with a timestamp just before the watermark', async () => {
    source.units.push({ ref: 'LATE', at: '2026-11-19T10:14:30.000Z', id: 10_000 });
    expect((await collector.run()).archived).toHaveLength(1);
    expect((await archives.repo.recordBySource(archives.db, 'services.case', 'LATE'))?.archival_code).toMatch(/-0151$/);
  });

  it('keeps a unit that failed and archives it on a later run; gives up after MAX_ATTEMPTS and lists it', async () => {
    source.units.push({ ref: 'FLAKY', at: '2026-11-19T11:00:00.000Z', id: 10_001 }, { ref: 'DEAD', at: '2026-11-19T11:00:01.000Z', id: 10_002 });
    source.broken = new Set(['FLAKY', 'DEAD']);
    const r = await collector.run();
    expect(r.failed.map((f) => f.ref)).toEqual(['FLAKY', 'DEAD']);
    source.broken.delete('FLAKY');
    expect((await collector.run()).archived).toHaveLength(1);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await collector.run();
    source.packaged = [];
    await collector.run();
    expect(source.packaged).toEqual([]);
    const ADMIN = { kind: 'user' as const, id: 1, name: 'admin', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN' as const, ip: null };
    expect(await collector.failures(ADMIN)).toEqual([expect.objectContaining({ ref: 'DEAD', attempts: MAX_ATTEMPTS, givenUp: true, error: 'case DEAD cannot be read right now' })]);
  });
});
