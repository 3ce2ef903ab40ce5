/**
 * The zone's first registrations (2024 work report of the Pingtan Big Data Administration), replayed
 * through the real lifecycle on a backdated clock: applications, acceptance, reviews, public
 * notices of 10 working days, certificates, the first biomedical molecular-formula data-asset
 * transaction and the pledge behind the CNY 2,000,000 credit line. Names of the holders come from
 * the report; data descriptions, samples, prices and the pledge's bank and term are illustrative.
 */
import { Readable } from 'node:stream';
import type { Principal } from '../../kernel/principal.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { RegistryService, type ApplicationDto, type DataDescription, type RightClaim } from './registry.service.ts';

/** Resolves a demo account to its principal (the composition root signs it in through identity). */
export type DemoPrincipals = (username: string) => Promise<Principal>;

const upload = (filename: string, content: string) => ({ filename, file: Readable.from([Buffer.from(content, 'utf8')]), truncated: () => false });

function lightSample(): string {
  const rows = ['timestamp,device_id,illuminance_lux,colour_temperature_k,zone_x,zone_y,algorithm_version'];
  for (let i = 0; i < 200; i++)
    rows.push(`2024-05-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00+08:00,RQ-S${100 + (i % 17)},${(120 + ((i * 37) % 900)).toFixed(1)},${2700 + ((i * 53) % 3800)},${(i * 7) % 40},${(i * 11) % 25},v2.3`);
  return rows.join('\n') + '\n';
}

function moleculeSample(): string {
  const mols = [
    ['CC(=O)OC1=CC=CC=C1C(=O)O', 'C9H8O4', '180.16', '1.19'],
    ['CN1C=NC2=C1C(=O)N(C(=O)N2C)C', 'C8H10N4O2', '194.19', '-0.07'],
    ['CC(C)CC1=CC=C(C=C1)C(C)C(=O)O', 'C13H18O2', '206.28', '3.97'],
    ['C1=CC=C(C=C1)C=O', 'C7H6O', '106.12', '1.48'],
    ['OC(=O)CC(O)(CC(O)=O)C(O)=O', 'C6H8O7', '192.12', '-1.64'],
  ];
  const rows = ['molecule_id,smiles,molecular_formula,molecular_weight,logp,source_model'];
  for (let i = 0; i < 150; i++) {
    const m = mols[i % mols.length]!;
    rows.push(`DP-${String(100000 + i)},${m[0]},${m[1]},${m[2]},${m[3]},Uni-Mol`);
  }
  return rows.join('\n') + '\n';
}

const LIGHT: DataDescription = {
  name: '设备感知算法动态光环境数据集',
  description: '由设备感知算法对室内外光照强度、色温的连续采集与标注形成的动态光环境数据集，用于智能照明与视觉算法训练。',
  source: '自有传感设备在平潭实验区部署点位自行采集（自采集），经算法清洗、标注与聚合',
  acquisitionProof: '设备采购合同、点位部署协议与采集日志',
  fields: [
    { name: 'timestamp', type: 'datetime' },
    { name: 'device_id', type: 'string' },
    { name: 'illuminance_lux', type: 'decimal' },
    { name: 'colour_temperature_k', type: 'integer' },
    { name: 'zone_x', type: 'integer' },
    { name: 'zone_y', type: 'integer' },
    { name: 'algorithm_version', type: 'string' },
  ],
  scale: { records: 12_600_000, note: '约 12.6M 条采样记录（演示值）' },
  updateFrequency: '每日增量',
  storageLocation: '平潭两岸融合智算中心（自有存储）',
  processingRules: '传感器原始读数经去噪、时间对齐、异常剔除后，由动态光环境感知算法计算区域光照与色温特征',
  format: 'CSV / Parquet',
};

const MOLECULES: DataDescription = {
  name: '生物医药分子式数据集',
  description: '面向药物研发的小分子结构与理化性质数据集（SMILES、分子式、分子量、logP 等），经计算模型生成与校验。',
  source: '自有计算平台生成并经文献与实验数据校验（自采集与加工）',
  acquisitionProof: '模型与算力使用记录、数据生成日志、公开文献引用清单',
  fields: [
    { name: 'molecule_id', type: 'string' },
    { name: 'smiles', type: 'string' },
    { name: 'molecular_formula', type: 'string' },
    { name: 'molecular_weight', type: 'decimal' },
    { name: 'logp', type: 'decimal' },
    { name: 'source_model', type: 'string' },
  ],
  scale: { records: 3_000_000, note: '约 3M 个分子（演示值）' },
  updateFrequency: '每季度',
  storageLocation: '北京深势科技有限公司自有数据中心',
  processingRules: '分子结构经标准化、去重、理化性质计算与质量校验',
  format: 'CSV',
};

const RIGHTS_ALL: RightClaim[] = [
  { right: 'hold', evidence: '数据由本单位自行采集、加工并持续存储，附采集与存储记录' },
  { right: 'use', evidence: '本单位对数据进行清洗、标注和建模的加工记录' },
  { right: 'operate', evidence: '对外提供数据产品的经营范围与交易规则' },
];

const PRODUCT: DataDescription = {
  name: '岚岛医药门店客流统计数据集',
  description: '平潭区内连锁药店按小时汇总的客流与品类销售统计（不含个人信息），用于选址与备货分析。',
  source: '本公司门店客流计数设备与销售系统（自采集），按小时聚合',
  acquisitionProof: '门店设备采购合同与销售系统权属证明',
  fields: [
    { name: 'store_code', type: 'string' },
    { name: 'hour', type: 'datetime' },
    { name: 'visitors', type: 'integer' },
    { name: 'category', type: 'string' },
    { name: 'sales_yuan', type: 'decimal' },
  ],
  scale: { records: 870_000, note: '约 87 万条小时记录（演示值）' },
  updateFrequency: '每日',
  storageLocation: '平潭两岸融合智算中心',
  processingRules: '按门店、小时与品类聚合，剔除少于 5 人的时段',
  format: 'CSV',
};

function productSample(): string {
  const rows = ['store_code,hour,visitors,category,sales_yuan'];
  for (let i = 0; i < 100; i++) rows.push(`LD-${String(1 + (i % 9)).padStart(3, '0')},2026-10-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 12)).padStart(2, '0')}:00:00+08:00,${20 + ((i * 13) % 80)},${['处方药', '非处方药', '保健品'][i % 3]},${(300 + ((i * 71) % 2000)).toFixed(2)}`);
  return rows.join('\n') + '\n';
}

function previousWorkingDay(registry: RegistryService, date: string): string {
  let d = new Date(`${date}T00:00:00Z`);
  do d = new Date(d.getTime() - 86_400_000);
  while (!registry.deps.calendar.isWorkingDay(d.toISOString().slice(0, 10)));
  return d.toISOString().slice(0, 10);
}

/** Replays the demo registrations; only ever run on an empty registry after the identity demo. */
export async function seedRegistryDemo(registry: RegistryService, principalOf: DemoPrincipals): Promise<{ registrations: number }> {
  const clock = { t: new Date() };
  const at = (date: string) => {
    clock.t = new Date(`${date}T10:00:00+08:00`);
  };
  const demo = new RegistryService({ ...registry.deps, config: registry.config, now: () => clock.t });
  const reviewer = await principalOf('dengji');
  const bank = await principalOf('bank');

  async function firstRegistration(applicant: Principal, book: 'resource' | 'asset', data: DataDescription, content: string, sampleName: string, day: string) {
    at(day);
    let app = await demo.createApplication(applicant, { type: 'first', book, subjectType: 'enterprise', sourceKind: 'self_collected', data, rights: RIGHTS_ALL });
    await demo.hashData(applicant, app.id, Readable.from([Buffer.from(content, 'utf8')]), () => false);
    await demo.uploadSample(applicant, app.id, upload(sampleName, content));
    await demo.addAttachment(applicant, app.id, 'acquisition_proof', upload('acquisition-proof.txt', `${data.acquisitionProof}\n`));
    app = await demo.act(applicant, app.id, { action: 'submit' });
    return app;
  }

  /** Moves an application through every review step on consecutive working days, then past its notice. */
  async function review(app: ApplicationDto, startDay: string): Promise<ApplicationDto> {
    let day = startDay;
    for (const action of ['accept', 'pass_formal', 'pass_substantive'] as const) {
      if (!app.allowedActions.includes(action)) continue;
      at(day);
      app = await demo.act(reviewer, app.id, { action });
      day = registry.deps.calendar.nextWorkingDay(day);
    }
    return app;
  }

  async function completeAfterNotice(app: ApplicationDto, day?: string): Promise<ApplicationDto> {
    at(day ?? registry.deps.calendar.nextWorkingDay(app.notice!.end!));
    return demo.act(reviewer, app.id, { action: 'complete_notice' });
  }

  // 福建平潭瑞谦智能科技有限公司: the zone's first data resource and data asset certificates.
  const ruiqian = await principalOf('ruiqian');
  const light = lightSample();
  let lightResource = await firstRegistration(ruiqian, 'resource', LIGHT, light, 'light-environment-sample.csv', '2024-06-03');
  let lightAsset = await firstRegistration(ruiqian, 'asset', LIGHT, light, 'light-environment-sample.csv', '2024-06-03');
  lightResource = await review(lightResource, '2024-06-04');
  lightAsset = await review(lightAsset, '2024-06-04');
  lightResource = await completeAfterNotice(lightResource);
  lightAsset = await completeAfterNotice(lightAsset);

  // 北京深势科技有限公司: certificates on 14 September 2024 (a working Saturday), then the first
  // biomedical molecular-formula data-asset transaction.
  const shenshi = await principalOf('shenshi');
  const molecules = moleculeSample();
  let molResource = await firstRegistration(shenshi, 'resource', MOLECULES, molecules, 'molecular-formula-sample.csv', '2024-08-26');
  let molAsset = await firstRegistration(shenshi, 'asset', MOLECULES, molecules, 'molecular-formula-sample.csv', '2024-08-26');
  molResource = await review(molResource, '2024-08-27');
  molAsset = await review(molAsset, '2024-08-27');
  molResource = await completeAfterNotice(molResource, '2024-09-14');
  molAsset = await completeAfterNotice(molAsset, '2024-09-14');
  const licence = await demo.createApplication(shenshi, {
    type: 'licence',
    registrationNo: molAsset.registrationNo!,
    to: { orgCode: 'ENT-LDSW' },
    rights: ['use'],
    priceFen: 50_000_000,
    contractSm3: sm3('生物医药分子式数据资产许可使用合同（演示）'),
    termEnd: '2025-09-13',
  });
  await demo.act(shenshi, licence.id, { action: 'submit' });
  await demo.act(reviewer, licence.id, { action: 'accept' });

  // October 2024: the province's first credit line on a non-public data property certificate, CNY 2,000,000.
  at('2024-10-15');
  await demo.registerPledge(bank, {
    registrationNo: lightAsset.registrationNo!,
    amountFen: 200_000_000,
    termStart: '2024-10-15',
    termEnd: '2027-04-30',
    externalNo: 'ZDW-2024-DEMO-0001',
    contractSm3: sm3('数据资产质押授信合同（演示）'),
  });
  // A data product of 平潭岚岛生物医药科技有限公司 (illustrative) whose notice has ended: it waits
  // for the registrar to issue its certificate.
  const qiye = await principalOf('qiye');
  const today = registry.today();
  let noticeStart = today;
  for (let i = 0; i < 12; i++) noticeStart = previousWorkingDay(registry, noticeStart);
  const product = await firstRegistration(qiye, 'resource', PRODUCT, productSample(), 'pharmacy-footfall-sample.csv', previousWorkingDay(registry, noticeStart));
  at(previousWorkingDay(registry, noticeStart));
  await demo.act(reviewer, product.id, { action: 'accept' });
  at(noticeStart);
  await demo.act(reviewer, product.id, { action: 'pass_formal' });

  return { registrations: [lightResource, lightAsset, molResource, molAsset].filter((a) => a.registrationNo).length };
}
