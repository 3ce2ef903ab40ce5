import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import { scopesOf } from '../identity/index.ts';
import type { ArchiveService } from './archives.service.ts';
import { queryGroups, snippetOf } from './search-text.ts';
import { archiveFixture, marriageCase } from './test-support.ts';
import { joinThesaurusWords, relatedTerms } from './thesaurus.ts';

const bureau: Principal = { kind: 'user', id: 1, name: 'bureau', orgId: 1, orgKind: 'department', roles: ['bureau-officer'], scopes: scopesOf(['bureau-officer']), locale: 'zh-CN', ip: null };

describe('the archive search thesaurus', () => {
  it('leads a broader word to the official terms, one way only', () => {
    expect(relatedTerms('婚姻')).toEqual(['结婚', '离婚']);
    expect(relatedTerms('结婚')).toEqual([]);
  });

  it('leads an abbreviation and its full form to each other', () => {
    expect(relatedTerms('社保')).toEqual(['社会保险']);
    expect(relatedTerms('社会保险')).toEqual(['社保']);
  });

  it('joins a thesaurus word the segmenter cut apart, and leaves whole words alone', () => {
    expect(joinThesaurusWords(['平潭', '个', '税', '补贴'])).toEqual(['平潭', '个税', '补贴']);
    expect(joinThesaurusWords(['婚姻登记', '证明'])).toEqual(['婚姻登记', '证明']);
    expect(queryGroups('个税')).toEqual([[['个税'], ['个', '税'], ['个人所得税']]]);
  });

  it('marks the related term a record holds in its snippet', () => {
    expect(snippetOf('王五赵六结婚登记证明', queryGroups('婚姻登记'))).toBe('王五赵六【结婚】【登记】证明');
  });
});

describeEachDialect('archive search with the thesaurus', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  const ids: Record<string, number> = {};
  // Only the titles say anything about marriage, insurance or tax: each record's one file is the same neutral note.
  const titles = { A: '张三李四婚姻登记证明', B: '王五赵六结婚登记证明', C: '孙八周九离婚协议', D: '吴十社会保险缴费记录', E: '郑一个人所得税完税证明' };
  beforeAll(async () => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
    for (const [key, title] of Object.entries(titles))
      ids[key] = (await archives.archive(undefined, marriageCase(key, { title, files: [{ name: 'note.txt', buffer: Buffer.from('归档材料') }] }))).recordId;
  });
  afterAll(() => fx.dispose());

  const find = async (q: string) => (await archives.search.search(bureau, { q })).items.map((i) => i.id).sort((a, b) => a - b);

  it('finds marriage, wedding and divorce records for 婚姻, and only the wedding one for 结婚', async () => {
    expect(await find('婚姻')).toEqual([ids['A'], ids['B'], ids['C']]);
    expect(await find('结婚')).toEqual([ids['B']]);
  });

  it('tells the searcher which related terms it also looked for', async () => {
    expect((await archives.search.search(bureau, { q: '婚姻 证明' })).related).toEqual(['结婚', '离婚']);
    expect((await archives.search.search(bureau, { q: '证明' })).related).toEqual([]);
  });

  it('finds 结婚登记 for 婚姻登记, but not a divorce agreement', async () => {
    expect(await find('婚姻登记')).toEqual([ids['A'], ids['B']]);
  });

  it('finds the full form for an abbreviation: 社保 → 社会保险, 个税 → 个人所得税', async () => {
    expect(await find('社保')).toEqual([ids['D']]);
    expect(await find('个税')).toEqual([ids['E']]);
  });
});
