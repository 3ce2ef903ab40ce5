/** Test fixtures of the catalog context: a wired service set on a database, with two departments. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnyDb } from '../../db/database.ts';
import { LocalBlobStore } from '../../kernel/blob/local-blob-store.ts';
import { LocalKeySigner } from '../../kernel/crypto/signer.ts';
import type { Principal } from '../../kernel/principal.ts';
import { AuditService, SYSTEM_ACTOR } from '../audit/index.ts';
import { IdentityService, scopesOf } from '../identity/index.ts';
import { JobQueue } from '../jobs/index.ts';
import { AggregationService } from './aggregation.service.ts';
import type { DatasetInput } from './catalog.model.ts';
import { CatalogService } from './catalog.service.ts';
import { OpenDataService } from './open-data.service.ts';

export interface CatalogFixture {
  audit: AuditService;
  jobs: JobQueue;
  catalog: CatalogService;
  aggregation: AggregationService;
  open: OpenDataService;
  orgs: { market: number; tax: number; civil: number; bureau: number };
  /** A principal of `orgId` holding the scopes of `roles`. */
  as(orgId: number, roles?: string[]): Principal;
  dispose(): void;
}

export async function catalogFixture(db: AnyDb): Promise<CatalogFixture> {
  const audit = new AuditService(db, LocalKeySigner.generate());
  const identity = new IdentityService(db, audit, { passwordCost: 'fast' });
  const mk = async (code: string, name: string, kind: 'bureau' | 'department') => (await identity.createOrg(SYSTEM_ACTOR, { code, name, kind })).id;
  const orgs = {
    market: await mk('T-SCJG', '市场监督管理局', 'department'),
    tax: await mk('T-SW', '税务局', 'department'),
    civil: await mk('T-SHSY', '社会事业局', 'department'),
    bureau: await mk('T-BDB', '大数据管理局', 'bureau'),
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-catalog-'));
  const jobs = new JobQueue(db);
  const catalog = new CatalogService(db, audit, {
    org: async (id) => {
      const o = (await identity.listOrgs({ ...principal(0, ['platform-admin']) })).find((x) => x.id === id);
      return o && { id: o.id, code: o.code, name: o.name, nameEn: o.nameEn };
    },
  });
  const aggregation = new AggregationService(catalog, { blobs: new LocalBlobStore(dir), jobs, uploadLimit: 50 << 20, sourceKey: crypto.randomBytes(32) });
  aggregation.registerJobs();
  return {
    audit,
    jobs,
    catalog,
    aggregation,
    open: new OpenDataService(catalog, aggregation),
    orgs,
    as: (orgId, roles = ['dept-officer']) => principal(orgId, roles),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

let nextId = 1000;
function principal(orgId: number, roles: string[]): Principal {
  return { kind: 'user', id: nextId++, name: 'tester', orgId, orgKind: 'department', roles, scopes: scopesOf(roles), locale: 'zh-CN', ip: null };
}

/** A small dataset definition; `over` replaces top-level attributes. */
export function datasetInput(over: Partial<DatasetInput> = {}): DatasetInput {
  return {
    identifier: 'test-companies',
    title: '企业登记测试数据',
    description: '测试用的企业登记信息',
    theme: 'market',
    keywords: ['企业'],
    accrualPeriodicity: 'daily',
    sharingType: 'unconditional',
    openingType: 'open',
    keyFields: ['uscc'],
    rejectPolicy: 'keep_good',
    distributions: [],
    fields: [
      { name: 'uscc', title: '统一社会信用代码', type: 'string', meaning: '统一社会信用代码', itemCode: 'T-USCC', detectorType: 'cn_uscc', required: true },
      { name: 'company_name', title: '企业名称', type: 'string', meaning: '市场主体名称', required: true },
      { name: 'capital', title: '注册资本', type: 'number', meaning: '注册资本（万元）', min: 0 },
      { name: 'status', title: '登记状态', type: 'string', meaning: '登记状态', codeList: ['存续', '注销'] },
      { name: 'established', title: '成立日期', type: 'date', meaning: '成立日期' },
    ],
    ...over,
  };
}
