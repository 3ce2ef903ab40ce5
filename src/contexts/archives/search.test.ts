import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import { scopesOf } from '../identity/index.ts';
import type { ArchiveService } from './archives.service.ts';
import { dialectOf } from '../../db/database.ts';
import { extractText, fts5Query, pairedFilterTokens, queryGroups, searchTokens, snippetOf, tsQuery } from './search-text.ts';
import { driverGroups } from './search.repo.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

const bureau: Principal = { kind: 'user', id: 1, name: 'bureau', orgId: 1, orgKind: 'department', roles: ['bureau-officer'], scopes: scopesOf(['bureau-officer']), locale: 'zh-CN', ip: null };

/** A ZIP with deflated entries, for the OFD and DOCX extraction. */
async function zipOf(entries: [string, string][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of entries) zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: new Date('2026-01-01T00:00:00Z') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const ofd = (text: string) =>
  zipOf([
    ['OFD.xml', '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'],
    ['Doc_0/Document.xml', '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>'],
    ['Doc_0/Pages/Page_0/Content.xml', `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer><ofd:TextObject ID="3"><ofd:TextCode X="0" Y="0">${text}</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`],
  ]);
const docx = (text: string) =>
  zipOf([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`],
  ]);

describe('archive search text', () => {
  it('segments a title so that 婚姻登记 is one of its words', () => {
    expect(searchTokens('张三李四婚姻登记证明')).toEqual(expect.arrayContaining(['婚姻登记', '婚姻', '登记', '证明']));
  });

  it('turns each word of a query into the word, its sub-words or their related terms', () => {
    expect(queryGroups('婚姻登记 证明')).toEqual([[['婚姻登记'], ['婚姻', '登记'], ['结婚', '登记'], ['离婚', '登记']], [['证明']]]);
    expect(queryGroups('_o_5 HY')).toEqual([[['o']], [['5']], [['hy']]]);
  });

  it('reads the page text of an OFD and the body of a DOCX', async () => {
    expect(await extractText('OFD', await ofd('不动产权证书 &amp; 附图'))).toBe('不动产权证书 & 附图');
    expect(await extractText('DOCX', await docx('社会保障卡申领表'))).toBe('社会保障卡申领表');
    expect(await extractText('PDF', Buffer.from('%PDF-1.7'))).toBe('');
  });

  it('turns category + year and department + retention into one pair token each for PostgreSQL', () => {
    expect(pairedFilterTokens({ category: 'HY', year: 2026, retention: 'Y', ownerOrgId: 8, org: 'SHSY' })).toEqual(['_g_shsy', '_cy_hy_2026', '_or_8_y']);
    expect(pairedFilterTokens({ category: 'HY', retention: 'D30' })).toEqual(['_c_hy', '_r_d30']);
  });

  it('drives an index scan by the rare groups of a query until they leave few rows', () => {
    const stats = { rows: 1_000_000, freq: new Map([['平潭', 1], ['有限公司', 0.4], ['恒信', 0.02], ['科技', 0.03], ['登记', 0.3], ['_o_8', 0.3]]), floor: 0.001 };
    const company = [[['平潭']], [['恒信']], [['科技']], [['有限公司'], ['有限', '公司']]];
    expect(driverGroups(company, stats)).toEqual([[['恒信']], [['科技']]]);
    expect(driverGroups([[['登记']], [['张伟']]], stats)).toEqual([[['张伟']]]);
    expect(driverGroups([[['登记']], [['_o_8']]], stats)).toBeNull();
  });

  it('marks the matched words in a snippet', () => {
    expect(snippetOf('张三李四婚姻登记证明', queryGroups('婚姻登记'))).toBe('张三李四【婚姻登记】证明');
  });
});

describeEachDialect('archive search', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
    const put = async (key: string, over: Parameters<typeof marriageCase>[1]) => {
      ids[key] = (await archives.archive(undefined, marriageCase(key, over))).recordId;
    };
    await put('M1', { title: '张三李四婚姻登记证明', date: '2026-03-12', ownerOrgId: 8 });
    await put('M2', { title: '王五离婚协议', date: '2025-06-01', ownerOrgId: 8, retention: 'D30' });
    await put('S1', { category: 'SB', title: '社会保障卡补办', date: '2026-05-20', ownerOrgId: 9, files: [{ name: '申领表.docx', buffer: await docx('参保人 赵六 申领社会保障卡') }] });
    await put('J1', { category: 'JS', title: '施工许可', date: '2026-07-01', ownerOrgId: 9, files: [{ name: '许可证.ofd', buffer: await ofd('闽岚建施〔2026〕7号 海坛湾酒店项目') }, { name: 'note.txt', buffer: Buffer.from('监理单位 平潭监理公司') }] });
  });
  afterAll(() => fx.dispose());

  const find = async (q: Parameters<ArchiveService['search']['search']>[1]) => (await archives.search.search(bureau, q)).items.map((i) => i.id);

  it('finds 婚姻登记 in the title 张三李四婚姻登记证明 and quotes it in the snippet', async () => {
    const page = await archives.search.search(bureau, { q: '婚姻登记' });
    expect(page.items.map((i) => i.id)).toEqual([ids['M1']]);
    expect(page.total).toBe(1);
    expect(page.items[0]!.snippet).toContain('【婚姻登记】');
    expect(page.items[0]!.path).toBe('PT01/HY/2026/Y/SHSY/000001');
  });

  it('finds words of the extracted text of DOCX, OFD and text files', async () => {
    expect(await find({ q: '赵六' })).toEqual([ids['S1']]);
    expect(await find({ q: '海坛湾酒店' })).toEqual([ids['J1']]);
    expect(await find({ q: '平潭监理公司' })).toEqual([ids['J1']]);
  });

  it('finds words of the document number, the responsible party and the 档号', async () => {
    expect(await find({ q: '岚婚字 M2' })).toEqual([ids['M2']]);
    expect((await find({ q: '社会事业局' })).sort()).toEqual(Object.values(ids).sort());
  });

  it('filters by category, year, retention, department and date range', async () => {
    expect((await find({ category: 'HY' })).sort()).toEqual([ids['M1'], ids['M2']].sort());
    expect(await find({ q: '登记', year: 2026, category: 'HY' })).toEqual([ids['M1']]);
    expect(await find({ category: 'HY', retention: 'D30' })).toEqual([ids['M2']]);
    expect((await find({ department: 9 })).sort()).toEqual([ids['S1'], ids['J1']].sort());
    expect(await find({ dateFrom: '2026-05-01', dateTo: '2026-06-30' })).toEqual([ids['S1']]);
    expect(await find({ q: '婚姻登记', category: 'SB' })).toEqual([]);
    expect(await find({ department: 8, retention: 'D30' })).toEqual([ids['M2']]);
    expect(await find({ q: '社会事业局', department: 9, retention: 'D30' })).toEqual([ids['J1'], ids['S1']]);
    expect(await find({ q: '社会事业局', department: 9, retention: 'Y' })).toEqual([]);
  });

  it('pages the words of a date range newest first', async () => {
    const first = await archives.search.search(bureau, { q: '社会事业局', dateFrom: '2026-03-01', dateTo: '2026-05-31', limit: 1 });
    expect([first.total, first.items.map((i) => i.id)]).toEqual([2, [ids['S1']]]);
    expect((await archives.search.search(bureau, { q: '社会事业局', dateFrom: '2026-03-01', dateTo: '2026-05-31', limit: 1, cursor: first.nextCursor! })).items.map((i) => i.id)).toEqual([ids['M1']]);
  });

  it('finds the same records when the index scan is driven by the rare words alone', async () => {
    // The planner's statistics as a large archive would have them: the department's name in every record.
    const common = ['社会事业局', '社会', '事业', '事业局', '社会保障卡', '社会保障', '保障', '保障卡', '_f_pt01'];
    archives.search.repo.tokenStats = async () => ({ rows: 3_500_000, freq: new Map(common.map((t) => [t, 0.9])), floor: 0.0001 });
    expect(await find({ q: '社会事业局 赵六' })).toEqual([ids['S1']]);
    expect(await find({ q: '社会保障卡 王五' })).toEqual([]);
    expect((await archives.search.search(bureau, { q: '社会事业局 施工许可' })).total).toBe(1);
  });

  it('pages newest first with a cursor and counts every match', async () => {
    const first = await archives.search.search(bureau, { limit: 3 });
    expect(first.total).toBe(4);
    expect(first.items.map((i) => i.id)).toEqual([ids['J1'], ids['S1'], ids['M2']]);
    const second = await archives.search.search(bureau, { limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.id)).toEqual([ids['M1']]);
    expect(second.nextCursor).toBeNull();
  });

  it('counts every match of a filtered search when the first page is full', async () => {
    const dept = await archives.search.search(bureau, { department: 9, limit: 1 });
    expect([dept.total, dept.totalIsLowerBound, dept.items.map((i) => i.id)]).toEqual([2, false, [ids['J1']]]);
    expect((await archives.search.search(bureau, { department: 9, limit: 1, cursor: dept.nextCursor! })).items.map((i) => i.id)).toEqual([ids['S1']]);
    const words = await archives.search.search(bureau, { q: '社会事业局', category: 'hy', limit: 1 });
    expect([words.total, words.items.map((i) => i.id)]).toEqual([2, [ids['M2']]]);
  });

  it('counts matches only up to the cap it is given', async () => {
    const pg = dialectOf(get().db) === 'postgres';
    const match = pg ? tsQuery(queryGroups('社会事业局'), []) : fts5Query(queryGroups('社会事业局'), []);
    expect(await archives.search.repo.page(get().db, { match }, 2, { cap: 3 })).toEqual({ ids: [ids['J1'], ids['S1']], count: 3 });
    expect(await archives.search.repo.page(get().db, { match }, 5, { cap: 3 })).toEqual({ ids: [ids['J1'], ids['S1'], ids['M2'], ids['M1']], count: 3 });
  });

  it('browses a branch of the 档号 hierarchy in path order', async () => {
    const page = await archives.search.search(bureau, { path: 'PT01/HY' });
    expect(page.items.map((i) => i.path)).toEqual(['PT01/HY/2025/D30/SHSY/000001', 'PT01/HY/2026/Y/SHSY/000001']);
    expect((await archives.search.search(bureau, { path: 'PT01/HY/2026' })).items.map((i) => i.id)).toEqual([ids['M1']]);
    await expect(archives.search.search(bureau, { path: 'PT01/hy' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('indexes again, once, the records whose entry is missing', async () => {
    await get().db.transaction().execute((tx) => archives.search.unindex(tx, ids['S1']!));
    expect(await find({ q: '赵六' })).toEqual([]);
    expect(await archives.search.reindexStale()).toBe(1);
    expect(await archives.search.reindexStale()).toBe(0);
    expect(await find({ q: '赵六' })).toEqual([ids['S1']]);
  });

  it('re-indexes a record when it is corrected', async () => {
    const admin: Principal = { ...bureau, orgId: 8, roles: ['dept-admin'], scopes: scopesOf(['dept-admin']) };
    await archives.correct(admin, ids['M2']!, { reason: '题名有误', description: { title: '王五陈七离婚登记' } });
    expect(await find({ q: '离婚协议' })).toEqual([]);
    const page = await archives.search.search(bureau, { q: '陈七' });
    expect(page.items.map((i) => [i.id, i.version, i.title])).toEqual([[ids['M2'], 2, '王五陈七离婚登记']]);
  });
});
