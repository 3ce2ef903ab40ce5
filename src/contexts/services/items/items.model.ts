/**
 * The service item model (政务服务事项): three levels 主项 → 子项 → 业务办理项 (`main` → `sub` → `handling`),
 * the six basic elements (事项名称, 事项编码, 事项类型, 主管部门, 实施机关, 设定和实施依据) and the guide
 * elements of the 办事指南 (受理条件, 申请材料 with form and quantity, 办理流程, 法定/承诺办结时限 in working days,
 * 收费, 到现场次数, 常见问题). A 业务办理项 is what a citizen applies for: it also carries the process that
 * runs it, who may apply and the JSON Schema of its online form.
 *
 * Text is written in Simplified Chinese and English; Traditional Chinese (Taiwan usage) may be given
 * and is otherwise generated when the catalog is published (items.catalog.ts).
 */
import { z } from 'zod';

export const LEVELS = ['main', 'sub', 'handling'] as const;
export type ItemLevel = (typeof LEVELS)[number];

/** 事项类型: the 依申请 administrative-power types plus public services. */
export const ITEM_TYPES = ['行政许可', '行政确认', '行政给付', '行政奖励', '行政备案', '公共服务', '其他'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Life areas the portal groups items by. */
export const AREAS = [
  'education',
  'medical_insurance',
  'health',
  'employment',
  'business',
  'awards_subsidies',
  'housing',
  'transport',
  'residence_documents',
  'finance_payment',
  'social_security',
  'tax',
  'culture_tourism',
  'civil_affairs',
  'real_estate',
  'justice',
] as const;
export type Area = (typeof AREAS)[number];

/** 材料形式 */
export const MATERIAL_FORMS = ['原件', '复印件', '电子文件'] as const;
export const APPLICANT_KINDS = ['taiwan_resident', 'mainland_resident', 'company'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The "one thing" (一件事) processes; every other item runs the standard process. */
export const ONE_THING_PROCESSES = ['ge-zhuan-qi', 'zero-paper-real-estate', 'court-auction'] as const;
export const STANDARD_PROCESS = 'standard';

export const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const text = (max: number) => z.string().trim().min(1, 'required').max(max);

/** Text in Simplified Chinese and English; Traditional optional on input. */
export const LocalizedInput = z.object({ 'zh-CN': text(4000), 'zh-TW': text(4000).optional(), en: text(4000) }).strict();
export type LocalizedInput = z.infer<typeof LocalizedInput>;
export type Localized = { 'zh-CN': string; 'zh-TW': string; en: string };

const Material = z
  .object({
    name: LocalizedInput,
    form: z.enum(MATERIAL_FORMS, { error: `must be one of ${MATERIAL_FORMS.join(', ')}` }),
    quantity: z.number().int().min(1).max(99),
    required: z.boolean(),
    note: LocalizedInput.optional(),
  })
  .strict();

const Fee = z
  .object({
    name: LocalizedInput,
    amountFen: z.number().int().min(0),
    basis: LocalizedInput.optional(),
  })
  .strict();

const Faq = z.object({ q: LocalizedInput, a: LocalizedInput }).strict();

/** A form schema is a JSON Schema object; it is compiled with Ajv when the catalog is validated. */
const FormSchema = z.record(z.string(), z.unknown()).refine((s) => s.type === 'object' && typeof s.properties === 'object' && s.properties !== null, {
  message: 'must be a JSON Schema with type "object" and properties',
});

const code = z
  .string()
  .trim()
  .min(1, 'required')
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only');

export const ServiceItemInput = z
  .object({
    code,
    level: z.enum(LEVELS, { error: 'must be main, sub or handling' }),
    parentCode: code.nullish(),
    name: LocalizedInput,
    type: z.enum(ITEM_TYPES, { error: `must be one of ${ITEM_TYPES.join(', ')}` }),
    departmentCode: code,
    implementingBody: LocalizedInput,
    legalBasis: LocalizedInput,
    area: z.enum(AREAS, { error: `must be one of ${AREAS.join(', ')}` }),
    taiwan: z.boolean(),
    keywords: z.array(text(40)).max(30).default([]),
    // guide elements (业务办理项)
    conditions: z.array(LocalizedInput).max(30).optional(),
    materials: z.array(Material).max(50).optional(),
    steps: z.array(LocalizedInput).max(30).optional(),
    statutoryDays: z.number().int().min(0).max(365).optional(),
    promisedDays: z.number().int().min(0).max(365).optional(),
    fees: z.array(Fee).max(20).optional(),
    visits: z.number().int().min(0).max(10).optional(),
    faq: z.array(Faq).max(30).optional(),
    // application (业务办理项)
    processKey: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'lower-case letters, digits and "-"').optional(),
    applicantKinds: z.array(z.enum(APPLICANT_KINDS)).min(1).optional(),
    requiresVerifiedIdentity: z.boolean().optional(),
    formSchema: FormSchema.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.level === 'main' && item.parentCode) ctx.addIssue({ code: 'custom', path: ['parentCode'], message: 'a main item (主项) has no parent' });
    if (item.level !== 'main' && !item.parentCode) ctx.addIssue({ code: 'custom', path: ['parentCode'], message: `required for a ${item.level} item` });
    if (item.level !== 'handling') return;
    for (const f of ['conditions', 'materials', 'steps', 'statutoryDays', 'promisedDays', 'fees', 'visits', 'faq', 'processKey', 'applicantKinds', 'requiresVerifiedIdentity', 'formSchema'] as const)
      if (item[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'required for a handling item (业务办理项)' });
    if (item.statutoryDays !== undefined && item.promisedDays !== undefined && item.statutoryDays > 0 && item.promisedDays > item.statutoryDays)
      ctx.addIssue({ code: 'custom', path: ['promisedDays'], message: `the promised time limit (${item.promisedDays}) exceeds the statutory one (${item.statutoryDays})` });
  });
export type ServiceItemInput = z.input<typeof ServiceItemInput>;

export const CatalogDocumentInput = z.object({ items: z.array(z.unknown()).min(1, 'the catalog has no items').max(20_000) }).strict();

export interface Material {
  name: Localized;
  form: (typeof MATERIAL_FORMS)[number];
  quantity: number;
  required: boolean;
  note?: Localized;
}
export interface Fee {
  name: Localized;
  amountFen: number;
  basis?: Localized;
}

/** A validated item as stored in a version: every text in all three languages. */
export interface ServiceItem {
  code: string;
  level: ItemLevel;
  parentCode: string | null;
  name: Localized;
  type: ItemType;
  departmentCode: string;
  implementingBody: Localized;
  legalBasis: Localized;
  area: Area;
  taiwan: boolean;
  keywords: string[];
  conditions?: Localized[];
  materials?: Material[];
  steps?: Localized[];
  statutoryDays?: number;
  promisedDays?: number;
  /** Empty = 不收费. */
  fees?: Fee[];
  visits?: number;
  faq?: { q: Localized; a: Localized }[];
  processKey?: string;
  applicantKinds?: ApplicantKind[];
  requiresVerifiedIdentity?: boolean;
  formSchema?: Record<string, unknown>;
}

export interface CatalogDocument {
  items: ServiceItem[];
}

/**
 * What a case needs of its item (the `CaseItem` port of services/cases; structurally the same type,
 * named apart so the two parts' exports never clash in the context's index).
 */
export interface ItemForCase {
  code: string;
  version: number;
  name: { 'zh-CN': string; 'zh-TW': string; en: string };
  departmentCode: string;
  promisedDays: number;
  statutoryDays: number;
  processKey: string;
  formSchema: Record<string, unknown>;
  applicantKinds: ApplicantKind[];
  requiresVerifiedIdentity: boolean;
}

/** Labels of the areas, for API consumers (the web UI has its own in the message catalogs). */
export const AREA_LABELS: Readonly<Record<Area, { 'zh-CN': string; en: string }>> = {
  education: { 'zh-CN': '教育入学', en: 'Education' },
  medical_insurance: { 'zh-CN': '医疗保险', en: 'Medical insurance' },
  health: { 'zh-CN': '医疗卫生', en: 'Health' },
  employment: { 'zh-CN': '就业创业', en: 'Employment and startups' },
  business: { 'zh-CN': '企业开办', en: 'Business registration' },
  awards_subsidies: { 'zh-CN': '奖励补贴', en: 'Awards and subsidies' },
  housing: { 'zh-CN': '住房公积金', en: 'Housing' },
  transport: { 'zh-CN': '交通出行', en: 'Transport' },
  residence_documents: { 'zh-CN': '居住证件', en: 'Residence and travel documents' },
  finance_payment: { 'zh-CN': '金融支付', en: 'Finance and payment' },
  social_security: { 'zh-CN': '社会保障', en: 'Social security' },
  tax: { 'zh-CN': '税务', en: 'Tax' },
  culture_tourism: { 'zh-CN': '文化旅游', en: 'Culture and tourism' },
  civil_affairs: { 'zh-CN': '民政婚姻', en: 'Civil affairs' },
  real_estate: { 'zh-CN': '不动产', en: 'Real estate' },
  justice: { 'zh-CN': '司法诉讼', en: 'Courts and justice' },
};
