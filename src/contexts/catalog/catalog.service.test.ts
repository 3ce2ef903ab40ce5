import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { AppError } from '../../kernel/errors.ts';
import { demoUscc } from './catalog.demo.ts';
import { catalogFixture, datasetInput, type CatalogFixture } from './test-support.ts';

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describeEachDialect('catalog of datasets', (get) => {
  let f: CatalogFixture;
  beforeAll(async () => {
    f = await catalogFixture(get().db);
  });
  afterAll(() => f.dispose());

  it('registers a draft dataset with its field schema, version 1 and an audit event', async () => {
    const p = f.as(f.orgs.market);
    const ds = await f.catalog.register(p, datasetInput({ identifier: 'reg-a' }));
    expect(ds.state).toBe('draft');
    expect(ds.version).toBe(1);
    expect(ds.publisher.code).toBe('T-SCJG');
    expect(ds.metadata.fields.map((x) => x.name)).toEqual(['uscc', 'company_name', 'capital', 'status', 'established']);
    expect(ds.metadata.fields[0]!.required).toBe(true);
    expect(ds.allowedActions).toContain('publish');
    const events = await f.audit.list({ entityType: 'dataset', entityId: String(ds.id) });
    expect(events.map((e) => e.action)).toEqual(['catalog.dataset.register']);
  });

  it('refuses a key field that is not in the schema, naming it', async () => {
    const e = await rejection(f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier: 'bad-key', keyFields: ['nope'] })));
    expect(e.code).toBe('validation_failed');
    expect(e.details).toEqual({ field: 'keyFields.0' });
  });

  it('asks for a basis when sharing is conditional or refused', async () => {
    const e = await rejection(f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier: 'no-basis', sharingType: 'conditional' })));
    expect(e.details).toEqual({ field: 'sharingBasis' });
  });

  it('refuses a second dataset with the same identifier', async () => {
    await f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier: 'dup-id' }));
    const e = await rejection(f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier: 'dup-id' })));
    expect(e.code).toBe('duplicate');
  });

  it('publishes only after an officer confirms the grade the scan suggested', async () => {
    const p = f.as(f.orgs.market);
    const ds = await f.catalog.register(p, datasetInput({ identifier: 'grade-flow' }));
    const early = await rejection(f.catalog.publish(p, ds.id));
    expect(early.code).toBe('conflict');
    const scanned = await f.catalog.classify(p, ds.id);
    const uscc = scanned.metadata.scan!.fields.find((x) => x.field === 'uscc')!;
    expect(uscc.labels[0]!.subclassId).toBe('IND.GENERAL');
    const confirmed = await f.catalog.confirmGrade(p, ds.id, { company_name: 'IND.GENERAL' });
    expect(confirmed.grade).toBe('general');
    expect(confirmed.gradeConfirmedAt).not.toBeNull();
    const published = await f.catalog.publish(p, ds.id);
    expect(published.state).toBe('published');
    expect(published.history.map((h) => h.action)).toEqual(['register', 'classify', 'confirm_grade', 'publish']);
  });

  it('grades a dataset with ID numbers as sensitive personal information and then refuses to open it', async () => {
    const p = f.as(f.orgs.civil);
    const ds = await f.catalog.register(
      p,
      datasetInput({
        identifier: 'people-open',
        keyFields: ['id_number'],
        fields: [
          { name: 'id_number', title: '身份证号码', type: 'string', meaning: '公民身份号码', detectorType: 'cn_resident_id' },
          { name: 'person_name', title: '姓名', type: 'string', meaning: '姓名' },
        ],
      }),
    );
    await f.catalog.classify(p, ds.id);
    const graded = await f.catalog.confirmGrade(p, ds.id, {});
    expect(graded.grade).toBe('pi_sensitive');
    const e = await rejection(f.catalog.publish(p, ds.id));
    expect(e.code).toBe('conflict');
    expect(e.details).toMatchObject({ field: 'openingType', grade: 'pi_sensitive' });
  });

  it('answers an action the state does not allow with 409 and the allowed actions', async () => {
    const p = f.as(f.orgs.market);
    const ds = await f.catalog.register(p, datasetInput({ identifier: 'retire-me' }));
    await f.catalog.retire(p, ds.id, '数据已合并');
    const e = await rejection(f.catalog.publish(p, ds.id));
    expect(e.code).toBe('illegal_transition');
    expect(e.details).toEqual({ action: 'publish', state: 'retired', allowedActions: [] });
  });

  it('keeps a version history and drops the grade confirmation when fields change', async () => {
    const p = f.as(f.orgs.market);
    const ds = await f.catalog.register(p, datasetInput({ identifier: 'versions' }));
    await f.catalog.confirmGrade(p, ds.id, { uscc: 'IND.GENERAL' });
    const v2 = await f.catalog.update(p, ds.id, datasetInput({ identifier: 'versions', description: '新的说明' }), '改说明');
    expect(v2.version).toBe(2);
    expect(v2.grade).toBe('general');
    expect(v2.metadata.fields[0]!.subclassId).toBe('IND.GENERAL');
    const fields = datasetInput().fields.filter((x) => x.name !== 'status');
    const v3 = await f.catalog.update(p, ds.id, datasetInput({ identifier: 'versions', fields }));
    expect(v3.version).toBe(3);
    expect(v3.gradeConfirmedAt).toBeNull();
    const versions = await f.catalog.versions(p, ds.id);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[1]!.note).toBe('改说明');
    expect(versions[2]!.metadata.description).toBe('测试用的企业登记信息');
  });

  it('flags a second department claiming the same data item (一数一源), but not a field that only cites it', async () => {
    const market = await f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier: 'oneself-a' }));
    const taxInput = datasetInput({
      identifier: 'oneself-b',
      keyFields: ['uscc'],
      fields: [
        { name: 'uscc', title: '统一社会信用代码', type: 'string', meaning: '统一社会信用代码', itemCode: 'T-USCC', reference: true },
        { name: 'taxpayer', title: '纳税人名称', type: 'string', meaning: '市场主体 名称' },
      ],
    });
    const tax = await f.catalog.register(f.as(f.orgs.tax), taxInput);
    expect(tax.sourceConflicts).toHaveLength(1);
    expect(tax.sourceConflicts[0]!.field).toBe('taxpayer');
    expect(tax.sourceConflicts[0]!.authoritative.orgId).toBe(f.orgs.market);
    const again = await f.catalog.get(f.as(f.orgs.market), market.id);
    expect(again.sourceConflicts.map((c) => c.field)).toEqual(['company_name']);
    expect(again.sourceConflicts[0]!.others.map((o) => o.identifier)).toContain('oneself-b');
  });

  it('hides another department’s drafts and forbids changing its datasets', async () => {
    const ds = await f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier: 'private-draft' }));
    expect((await rejection(f.catalog.get(f.as(f.orgs.tax), ds.id))).code).toBe('not_found');
    const bureau = f.as(f.orgs.bureau, ['bureau-officer']);
    expect((await f.catalog.get(bureau, ds.id)).identifier).toBe('private-draft');
    await f.catalog.confirmGrade(f.as(f.orgs.market), ds.id, { company_name: 'IND.GENERAL' });
    await f.catalog.publish(f.as(f.orgs.market), ds.id);
    expect((await f.catalog.get(f.as(f.orgs.tax), ds.id)).state).toBe('published');
    expect((await rejection(f.catalog.retire(f.as(f.orgs.tax), ds.id, 'x'))).code).toBe('forbidden');
  });

  it('searches titles, keywords and field titles, and pages the results', async () => {
    const p = f.as(f.orgs.market);
    for (let i = 0; i < 5; i++) await f.catalog.register(p, datasetInput({ identifier: `search-${i}`, title: `港口吞吐量统计${i}`, keywords: ['港口'] }));
    const first = await f.catalog.list(p, { q: '港口', page: 1, pageSize: 2 });
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(2);
    const third = await f.catalog.list(p, { q: '港口 吞吐量', page: 3, pageSize: 2 });
    expect(third.items).toHaveLength(1);
    expect((await f.catalog.list(p, { q: 'established', page: 1, pageSize: 50 })).total).toBeGreaterThan(5);
    expect((await f.catalog.list(p, { q: '不存在的词', page: 1, pageSize: 10 })).total).toBe(0);
    expect(demoUscc(1)).toHaveLength(18);
  });
});
