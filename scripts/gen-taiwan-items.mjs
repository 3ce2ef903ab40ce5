#!/usr/bin/env node
/**
 * Generates src/contexts/services/items/data/taiwan-items.json — the zone's service item catalog for
 * Taiwan compatriots (台胞服务事项): 108 业务办理项 under 主项/子项 across the life areas of the Taiwan
 * compatriot service hall, plus the three "one thing" (一件事) items. Titles are listed per item; guide
 * content (conditions, materials, steps, FAQ, form) comes from per-area templates with per-item
 * additions. Traditional Chinese is not written here: it is generated when the catalog is published.
 *   node scripts/gen-taiwan-items.mjs           write the file
 *   node scripts/gen-taiwan-items.mjs --check   exit 1 if the file is out of date
 */
import fs from 'node:fs';
import path from 'node:path';

const target = path.join(import.meta.dirname, '..', 'src', 'contexts', 'services', 'items', 'data', 'taiwan-items.json');

const L = (zh, en) => ({ 'zh-CN': zh, en });

const DEPTS = {
  'PT-XZSP': L('平潭综合实验区行政审批局', 'Pingtan Administrative Approval Bureau'),
  'PT-SW': L('国家税务总局平潭综合实验区税务局', 'Pingtan Taxation Bureau'),
  'PT-BDC': L('平潭综合实验区不动产登记中心', 'Pingtan Real Estate Registration Centre'),
  'PT-FY': L('平潭综合实验区人民法院', 'Pingtan People’s Court'),
  'PT-SCJG': L('平潭综合实验区市场监督管理局', 'Pingtan Market Supervision Bureau'),
  'PT-GA': L('平潭综合实验区公安局', 'Pingtan Public Security Bureau'),
  'PT-SHSY': L('平潭综合实验区社会事业局', 'Pingtan Social Affairs Bureau'),
  'PT-CZJR': L('平潭综合实验区财政金融局', 'Pingtan Finance Bureau'),
};

// ---- form fields (JSON Schema properties); x-prefill names a catalog dataset and field --------------

const f = {
  name: { type: 'string', title: '申请人姓名', 'x-title': { en: 'Applicant’s name' }, minLength: 1, maxLength: 50 },
  permit: { type: 'string', title: '台湾居民居住证或台胞证号码', 'x-title': { en: 'Residence permit or MTP number' }, pattern: '^(830000\\d{11}[\\dX]|\\d{8}|[A-Za-z0-9]{10,12})$' },
  phone: { type: 'string', title: '手机号码', 'x-title': { en: 'Mobile number' }, pattern: '^1\\d{10}$' },
  address: { type: 'string', title: '在平潭的居住地址', 'x-title': { en: 'Address in Pingtan' }, minLength: 4, maxLength: 200 },
  maritalStatus: { type: 'string', title: '婚姻状况', 'x-title': { en: 'Marital status' }, maxLength: 10, 'x-prefill': { dataset: 'shsy-marriage-records', field: 'marital_status' } },
  spouseName: { type: 'string', title: '配偶姓名', 'x-title': { en: 'Spouse’s name' }, maxLength: 50, 'x-prefill': { dataset: 'shsy-marriage-records', field: 'spouse_name' } },
  marriedOn: { type: 'string', format: 'date', title: '婚姻登记日期', 'x-title': { en: 'Date of marriage registration' }, 'x-prefill': { dataset: 'shsy-marriage-records', field: 'registered_on' } },
  companyName: { type: 'string', title: '企业名称', 'x-title': { en: 'Company name' }, maxLength: 100, 'x-prefill': { dataset: 'scjg-company-registry', field: 'company_name' } },
  uscc: { type: 'string', title: '统一社会信用代码', 'x-title': { en: 'Unified social credit code' }, pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', 'x-prefill': { dataset: 'scjg-company-registry', field: 'uscc' } },
  entityType: { type: 'string', title: '企业类型', 'x-title': { en: 'Type of entity' }, maxLength: 20, 'x-prefill': { dataset: 'scjg-company-registry', field: 'entity_type' } },
  established: { type: 'string', format: 'date', title: '成立日期', 'x-title': { en: 'Date of establishment' }, 'x-prefill': { dataset: 'scjg-company-registry', field: 'established' } },
  capital: { type: 'number', minimum: 0, title: '注册资本（万元）', 'x-title': { en: 'Registered capital (10,000 CNY)' }, 'x-prefill': { dataset: 'scjg-company-registry', field: 'capital_wan' } },
  taxCredit: { type: 'string', title: '纳税信用等级', 'x-title': { en: 'Tax credit rating' }, maxLength: 2, 'x-prefill': { dataset: 'sw-tax-credit', field: 'credit_level' } },
  employer: { type: 'string', title: '工作单位名称', 'x-title': { en: 'Employer' }, minLength: 2, maxLength: 100 },
  employerUscc: { type: 'string', title: '工作单位统一社会信用代码', 'x-title': { en: 'Employer’s unified social credit code' }, pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
  childName: { type: 'string', title: '子女姓名', 'x-title': { en: 'Child’s name' }, minLength: 1, maxLength: 50 },
  childBirth: { type: 'string', format: 'date', title: '子女出生日期', 'x-title': { en: 'Child’s date of birth' } },
  school: { type: 'string', title: '意向学校', 'x-title': { en: 'Preferred school' }, maxLength: 100 },
  grade: { type: 'integer', minimum: 1, maximum: 12, title: '申请年级', 'x-title': { en: 'Grade applied for' } },
  taxYear: { type: 'integer', minimum: 2012, maximum: 2100, title: '所属纳税年度', 'x-title': { en: 'Tax year' } },
  bankName: { type: 'string', title: '开户银行', 'x-title': { en: 'Bank' }, maxLength: 100 },
  bankAccount: { type: 'string', title: '银行账号', 'x-title': { en: 'Bank account number' }, pattern: '^\\d{12,30}$' },
  licenceNo: { type: 'string', title: '台湾地区驾驶执照号码', 'x-title': { en: 'Taiwan driving licence number' }, minLength: 6, maxLength: 20 },
  vehicleClass: { type: 'string', title: '申请准驾车型', 'x-title': { en: 'Vehicle class applied for' }, maxLength: 10 },
  startDate: { type: 'string', format: 'date', title: '起始日期', 'x-title': { en: 'Start date' } },
  amount: { type: 'number', minimum: 0, title: '申请金额（元）', 'x-title': { en: 'Amount applied for (CNY)' } },
  hospital: { type: 'string', title: '就诊医院', 'x-title': { en: 'Hospital' }, maxLength: 100 },
  reason: { type: 'string', title: '申请事由', 'x-title': { en: 'Reason for the application' }, maxLength: 500 },
  email: { type: 'string', format: 'email', title: '电子邮箱', 'x-title': { en: 'E-mail' }, maxLength: 200 },
  propertyCert: { type: 'string', title: '不动产权证书号', 'x-title': { en: 'Real estate title certificate number' }, maxLength: 60 },
  caseNo: { type: 'string', title: '执行案号', 'x-title': { en: 'Enforcement case number' }, maxLength: 60 },
};

/** A form of 2–8 fields: `required` lists the keys that must be filled. */
function form(keys, required) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: Object.fromEntries(keys.map((k) => [k, f[k]])),
    required,
    additionalProperties: false,
  };
}

const FORMS = {
  person: () => form(['name', 'permit', 'phone', 'address'], ['name', 'permit', 'phone']),
  family: () => form(['name', 'permit', 'phone', 'maritalStatus', 'spouseName', 'address'], ['name', 'permit', 'phone']),
  child: () => form(['name', 'permit', 'phone', 'childName', 'childBirth', 'school', 'grade', 'maritalStatus'], ['name', 'permit', 'phone', 'childName', 'childBirth']),
  work: () => form(['name', 'permit', 'phone', 'employer', 'employerUscc', 'startDate'], ['name', 'permit', 'phone', 'employer']),
  company: () => form(['name', 'phone', 'companyName', 'uscc', 'entityType', 'capital', 'established'], ['name', 'phone', 'companyName']),
  newCompany: () => form(['name', 'permit', 'phone', 'companyName', 'capital', 'address', 'email'], ['name', 'permit', 'phone', 'companyName', 'capital']),
  subsidy: () => form(['name', 'permit', 'phone', 'employer', 'bankName', 'bankAccount', 'taxYear'], ['name', 'permit', 'phone', 'bankName', 'bankAccount']),
  companySubsidy: () => form(['name', 'phone', 'companyName', 'uscc', 'taxCredit', 'bankName', 'bankAccount', 'amount'], ['name', 'phone', 'companyName', 'uscc', 'bankAccount']),
  tax: () => form(['name', 'permit', 'phone', 'taxYear', 'employer'], ['name', 'permit', 'taxYear']),
  bank: () => form(['name', 'permit', 'phone', 'bankName', 'address'], ['name', 'permit', 'phone', 'bankName']),
  licence: () => form(['name', 'permit', 'phone', 'licenceNo', 'vehicleClass'], ['name', 'permit', 'phone', 'licenceNo']),
  health: () => form(['name', 'permit', 'phone', 'hospital'], ['name', 'permit', 'phone']),
  housing: () => form(['name', 'permit', 'phone', 'employer', 'maritalStatus', 'spouseName', 'bankAccount'], ['name', 'permit', 'phone', 'employer']),
  marriage: () => form(['name', 'permit', 'phone', 'maritalStatus', 'spouseName', 'marriedOn'], ['name', 'permit', 'phone']),
};

// ---- per-area templates ---------------------------------------------------------------------------

const PERMIT = ['台湾居民居住证或台湾居民来往大陆通行证（台胞证）', 'Residence permit for Taiwan residents or Mainland Travel Permit for Taiwan Residents (MTP)', '原件', 1, true, L('网上办理时上传证件正反面照片', 'Upload both sides when applying online')];
const FORM_MAT = ['申请表', 'Application form', '电子文件', 1, true, L('在线填写后自动生成，无需另行提交', 'Generated from the online form; nothing else to send')];

const AREAS = {
  residence_documents: {
    prefix: 'JZ', dept: 'PT-GA', type: '行政许可', form: 'person', days: [20, 15], visits: 1,
    basis: L('《港澳台居民居住证申领发放办法》（国办发〔2018〕81号）；《中国公民往来台湾地区管理办法》', 'Measures for applying for and issuing residence permits to Hong Kong, Macao and Taiwan residents (Guobanfa [2018] No. 81); Regulations on Chinese citizens travelling to and from the Taiwan region'),
    conditions: [L('在平潭居住半年以上，并有合法稳定就业、合法稳定住所或连续就读之一', 'Lived in Pingtan for at least six months with a stable job, a stable residence or continuous study'), L('未满16周岁的由监护人代为申请', 'Applicants under 16 apply through a guardian')],
    materials: [['近期免冠证件照片（或现场采集）', 'Recent ID photo (or taken at the counter)', '电子文件', 1, true], ['居住、就业或就读证明', 'Proof of residence, employment or study', '复印件', 1, true]],
    faq: [L('居住证有效期多久？', 'How long is the residence permit valid?'), L('居住证有效期为5年，期满前3个月内可申请换领。', 'Five years; apply to renew within the last three months.')],
    kw: ['居住证', '台胞证', '证件'],
  },
  education: {
    prefix: 'JY', dept: 'PT-SHSY', type: '公共服务', form: 'child', days: [20, 10], visits: 0,
    basis: L('《中华人民共和国义务教育法》；《关于促进两岸经济文化交流合作的若干措施》（国台发〔2018〕1号）', 'Compulsory Education Law of the PRC; Measures to promote cross-Strait economic and cultural exchange and cooperation (Guotaifa [2018] No. 1)'),
    conditions: [L('父母一方为在平潭工作或居住的台湾居民', 'At least one parent is a Taiwan resident working or living in Pingtan'), L('子女符合相应学段的入学年龄', 'The child is of the age for the school stage applied for')],
    materials: [['子女出生证明或户籍资料', 'Child’s birth certificate or household record', '复印件', 1, true], ['父母在平潭的就业或居住证明', 'Parents’ proof of employment or residence in Pingtan', '复印件', 1, true]],
    faq: [L('台胞子女入学与本地学生待遇是否相同？', 'Are children of Taiwan compatriots admitted on the same terms as local pupils?'), L('相同。按照就近入学原则统筹安排学位，享受同等待遇。', 'Yes. Places are allocated by the same catchment rules, on equal terms.')],
    kw: ['入学', '子女', '学校', '就学'],
  },
  medical_insurance: {
    prefix: 'YB', dept: 'PT-SHSY', type: '公共服务', form: 'person', days: [15, 5], visits: 0,
    basis: L('《中华人民共和国社会保险法》；《香港澳门台湾居民在内地（大陆）参加社会保险暂行办法》（人力资源社会保障部 国家医疗保障局令第41号）', 'Social Insurance Law of the PRC; Interim measures for Hong Kong, Macao and Taiwan residents participating in social insurance on the mainland (MOHRSS/NHSA Order No. 41)'),
    conditions: [L('持有台湾居民居住证的在平潭未就业台湾居民，或在平潭就业的台湾居民', 'Taiwan residents in Pingtan holding a residence permit, whether employed or not')],
    materials: [['参保人银行卡', 'Bank card for premiums and reimbursements', '复印件', 1, false]],
    faq: [L('城乡居民医保每年什么时候缴费？', 'When are resident medical insurance premiums paid?'), L('集中缴费期一般为每年9月至12月，缴费后次年1月1日起享受待遇。', 'Usually September to December; cover starts on 1 January of the following year.')],
    kw: ['医保', '医疗保险', '参保', '报销'],
  },
  health: {
    prefix: 'WS', dept: 'PT-SHSY', type: '公共服务', form: 'health', days: [5, 1], visits: 0,
    basis: L('《医疗机构管理条例》；《台湾地区医师在大陆短期行医管理规定》', 'Regulations on the administration of medical institutions; Provisions on short-term medical practice on the mainland by physicians from the Taiwan region'),
    conditions: [L('持有有效的台湾居民居住证或台胞证', 'A valid residence permit for Taiwan residents or MTP')],
    materials: [],
    faq: [L('就诊卡能否在区内各医院通用？', 'Does the hospital card work in every hospital in the zone?'), L('可以。就诊卡与医保电子凭证关联，区内公立医院通用。', 'Yes. It is linked to the medical insurance e-voucher and accepted by every public hospital in the zone.')],
    kw: ['就医', '医院', '就诊卡', '健康'],
  },
  employment: {
    prefix: 'JC', dept: 'PT-SHSY', type: '公共服务', form: 'work', days: [15, 5], visits: 0,
    basis: L('《中华人民共和国就业促进法》；《国务院关于取消一批行政许可事项的决定》（国发〔2018〕28号，取消台港澳人员在内地就业许可）', 'Employment Promotion Law of the PRC; State Council decision cancelling administrative licences (Guofa [2018] No. 28, which abolished employment permits for Taiwan, Hong Kong and Macao residents)'),
    conditions: [L('在平潭就业或创业的台湾居民', 'Taiwan residents employed or starting a business in Pingtan'), L('用人单位依法与申请人签订劳动合同（就业类事项）', 'An employment contract with the employer (for employment items)')],
    materials: [['劳动合同或创业证明', 'Employment contract or proof of the business', '复印件', 1, true]],
    faq: [L('台湾居民在平潭就业还需要办理就业证吗？', 'Do Taiwan residents still need an employment permit in Pingtan?'), L('不需要。自2018年起取消台港澳人员就业许可，凭居住证或台胞证即可办理就业登记。', 'No. The permit was abolished in 2018; register employment with the residence permit or MTP.')],
    kw: ['就业', '创业', '人才', '见习'],
  },
  business: {
    prefix: 'QY', dept: 'PT-XZSP', type: '行政许可', form: 'newCompany', days: [15, 1], visits: 0,
    basis: L('《中华人民共和国市场主体登记管理条例》；《中华人民共和国台湾同胞投资保护法》', 'Regulations on the registration of market entities; Law on the protection of investment by Taiwan compatriots'),
    conditions: [L('投资者为台湾居民或台资企业', 'The investor is a Taiwan resident or a Taiwan-invested company'), L('经营范围不属于准入负面清单禁止事项', 'The business scope is not prohibited by the market-access negative list')],
    materials: [['公司章程或合伙协议', 'Articles of association or partnership agreement', '电子文件', 1, true], ['住所使用证明', 'Proof of the right to use the registered address', '电子文件', 1, true]],
    faq: [L('企业开办能否全程网上办理？', 'Can a company be registered entirely online?'), L('可以。通过电子签名完成申请，营业执照可选择电子执照或邮寄纸质执照，全程零见面。', 'Yes. Sign electronically and receive an electronic licence or a posted paper one, without any visit.')],
    kw: ['企业', '开办', '营业执照', '台资'],
  },
  awards_subsidies: {
    prefix: 'JB', dept: 'PT-CZJR', type: '行政给付', form: 'subsidy', days: [30, 20], visits: 0,
    basis: L('《平潭综合实验区总体发展规划》；《福建省人民政府关于支持平潭综合实验区加快发展的若干意见》及区级实施办法', 'Overall development plan of the Pingtan Comprehensive Experimental Zone; Fujian provincial opinions supporting the zone and the zone’s implementing measures'),
    conditions: [L('在平潭工作或创业的台湾居民，符合相应政策条件', 'Taiwan residents working or starting a business in Pingtan who meet the policy’s conditions')],
    materials: [['本人银行账户信息', 'Own bank account details', '电子文件', 1, true]],
    faq: [L('补贴多久到账？', 'When is the subsidy paid?'), L('审核通过后由财政部门直接拨付至申请人本人银行账户，一般在承诺时限内到账。', 'After approval the finance bureau pays it straight into the applicant’s own account within the promised time.')],
    kw: ['补贴', '奖励', '资助'],
  },
  housing: {
    prefix: 'ZF', dept: 'PT-CZJR', type: '公共服务', form: 'housing', days: [10, 3], visits: 0,
    basis: L('《住房公积金管理条例》；《关于在内地（大陆）就业的港澳台同胞享有住房公积金待遇有关问题的意见》（建金〔2017〕237号）', 'Regulations on the housing provident fund; Opinions on housing provident fund treatment for Hong Kong, Macao and Taiwan compatriots employed on the mainland (Jianjin [2017] No. 237)'),
    conditions: [L('在平潭就业并按规定缴存住房公积金的台湾居民，或符合住房保障条件的台湾居民', 'Taiwan residents employed in Pingtan who contribute to the housing provident fund, or who qualify for housing support')],
    materials: [['购房合同、租赁合同或其他用途证明', 'Purchase contract, lease or other proof of the purpose', '电子文件', 1, false]],
    faq: [L('台胞缴存公积金与大陆职工有何不同？', 'Does the provident fund work differently for Taiwan compatriots?'), L('没有不同。缴存、提取和贷款享受与大陆职工同等待遇。', 'No. Contributions, withdrawals and loans are on the same terms as for mainland employees.')],
    kw: ['公积金', '住房', '租房', '购房'],
  },
  transport: {
    prefix: 'JT', dept: 'PT-GA', type: '行政许可', form: 'licence', days: [10, 1], visits: 1,
    basis: L('《中华人民共和国道路交通安全法》；《机动车驾驶证申领和使用规定》（公安部令第162号）', 'Road Traffic Safety Law of the PRC; Provisions on applying for and using motor vehicle driving licences (MPS Order No. 162)'),
    conditions: [L('持有有效的台湾居民居住证或台胞证', 'A valid residence permit for Taiwan residents or MTP')],
    materials: [['身体条件证明（县级以上医疗机构出具）', 'Medical certificate from a hospital at county level or above', '电子文件', 1, true]],
    faq: [L('台湾驾照换领大陆驾驶证需要考试吗？', 'Is a test needed to exchange a Taiwan driving licence?'), L('持有效台湾地区驾驶执照的，只需参加科目一考试，合格后核发驾驶证。', 'Holders of a valid Taiwan licence take only the theory test (subject 1).')],
    kw: ['驾驶证', '驾照', '车辆', '交通'],
  },
  finance_payment: {
    prefix: 'JR', dept: 'PT-CZJR', type: '公共服务', form: 'bank', days: [5, 1], visits: 0,
    basis: L('《人民币银行结算账户管理办法》；《非银行支付机构网络支付业务管理办法》', 'Measures on RMB bank settlement accounts; Measures on online payment services of non-bank payment institutions'),
    conditions: [L('持有有效的台湾居民居住证或台胞证', 'A valid residence permit for Taiwan residents or MTP')],
    materials: [['本人大陆手机号码', 'Own mainland mobile number', '电子文件', 1, true]],
    faq: [L('台胞证能否绑定移动支付？', 'Can the MTP be linked to mobile payment?'), L('可以。凭台胞证或居住证完成实名认证并绑定本人银行卡后即可使用。', 'Yes. Verify your identity with the MTP or residence permit and link your own bank card.')],
    kw: ['银行', '支付', '开户', '金融'],
  },
  social_security: {
    prefix: 'SB', dept: 'PT-SHSY', type: '公共服务', form: 'work', days: [15, 5], visits: 0,
    basis: L('《中华人民共和国社会保险法》；《香港澳门台湾居民在内地（大陆）参加社会保险暂行办法》', 'Social Insurance Law of the PRC; Interim measures for Hong Kong, Macao and Taiwan residents participating in social insurance on the mainland'),
    conditions: [L('在平潭就业、居住的台湾居民', 'Taiwan residents working or living in Pingtan')],
    materials: [],
    faq: [L('离开大陆时社保怎么办？', 'What happens to my social insurance if I leave the mainland?'), L('可保留社会保险关系，再次来大陆就业时累计计算；也可按规定申请终止并一次性支取个人账户。', 'Keep the record and add to it when you return, or end it and withdraw the personal account as the rules allow.')],
    kw: ['社保', '养老', '社会保障卡'],
  },
  tax: {
    prefix: 'SW', dept: 'PT-SW', type: '其他', form: 'tax', days: [10, 1], visits: 0,
    basis: L('《中华人民共和国个人所得税法》及其实施条例；《中华人民共和国税收征收管理法》', 'Individual Income Tax Law of the PRC and its implementing regulations; Law on the administration of tax collection'),
    conditions: [L('在平潭取得所得的台湾居民纳税人', 'Taiwan resident taxpayers with income from Pingtan')],
    materials: [],
    faq: [L('个税汇算可以在手机上办吗？', 'Can I do the annual reconciliation on my phone?'), L('可以。通过个人所得税App使用台胞证或居住证注册后办理。', 'Yes, in the IIT app after registering with your MTP or residence permit.')],
    kw: ['个税', '纳税', '税务'],
  },
  culture_tourism: {
    prefix: 'WL', dept: 'PT-XZSP', type: '行政许可', form: 'person', days: [20, 10], visits: 0,
    basis: L('《中华人民共和国旅游法》；《营业性演出管理条例》', 'Tourism Law of the PRC; Regulations on commercial performances'),
    conditions: [L('在平潭从事文化旅游活动的台湾居民或台资企业', 'Taiwan residents or Taiwan-invested companies in culture and tourism in Pingtan')],
    materials: [],
    faq: [L('台湾导游能否在平潭执业？', 'May Taiwan tour guides work in Pingtan?'), L('可以。取得大陆导游资格并经旅行社委派后即可执业。', 'Yes, after obtaining the mainland tour-guide qualification and being assigned by a travel agency.')],
    kw: ['旅游', '文化', '导游'],
  },
  civil_affairs: {
    prefix: 'MZ', dept: 'PT-SHSY', type: '行政确认', form: 'marriage', days: [1, 0], visits: 1,
    basis: L('《婚姻登记条例》；《大陆居民与台湾居民婚姻登记管理暂行办法》', 'Regulations on marriage registration; Interim measures on marriage registration between mainland and Taiwan residents'),
    conditions: [L('一方为台湾居民，双方符合《中华人民共和国民法典》规定的条件', 'One party is a Taiwan resident and both meet the conditions of the Civil Code')],
    materials: [['本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的声明（经公证）', 'Notarised declaration of no spouse and no close blood relationship with the other party', '原件', 1, true]],
    faq: [L('涉台婚姻登记在哪里办理？', 'Where are cross-Strait marriages registered?'), L('由平潭综合实验区社会事业局婚姻登记处办理，双方须共同到场。', 'At the marriage registry of the Social Affairs Bureau; both parties attend together.')],
    kw: ['婚姻', '结婚', '民政'],
  },
};

// ---- the items: [main code suffix, main title, children]; a child is a handling item or a sub item --

const H = (zh, en, o = {}) => ({ zh, en, o });
const S = (zh, en, children) => ({ zh, en, children });

const CATALOG = {
  residence_documents: [
    ['001', L('台湾居民居住证', 'Residence permit for Taiwan residents'), [
      H('台湾居民居住证首次申领', 'Residence permit for Taiwan residents: first application'),
      H('台湾居民居住证换领', 'Residence permit for Taiwan residents: renewal', { days: [20, 10], mats: [['原居住证', 'The old residence permit', '原件']] }),
      H('台湾居民居住证补领', 'Residence permit for Taiwan residents: replacement of a lost permit', { mats: [['遗失声明', 'Declaration of loss', '电子文件']] }),
      H('台湾居民居住证居住信息变更', 'Residence permit for Taiwan residents: change of address', { type: '行政确认', days: [5, 1], visits: 0 }),
    ]],
    ['002', L('台湾居民来往大陆通行证', 'Mainland Travel Permit for Taiwan Residents'), [
      H('台胞证换发', 'MTP: renewal', { days: [15, 7] }),
      H('台胞证补发', 'MTP: replacement of a lost permit', { days: [15, 7], mats: [['遗失声明', 'Declaration of loss', '电子文件']] }),
      H('台胞证一次有效签注', 'MTP: single-entry endorsement', { days: [10, 3] }),
    ]],
    ['003', L('台湾居民住宿与户籍相关服务', 'Accommodation registration and related records'), [
      H('台湾居民境内住宿登记', 'Accommodation registration for Taiwan residents', { type: '行政确认', days: [1, 0], visits: 0 }),
      H('台湾居民定居申请', 'Application for Taiwan residents to settle on the mainland', { days: [60, 30], mats: [['定居理由证明（直系亲属关系或投靠证明）', 'Proof of the reason for settling (family relationship or dependant support)', '复印件']] }),
      H('无犯罪记录证明开具（台湾居民）', 'Certificate of no criminal record for Taiwan residents', { type: '公共服务', days: [7, 3], visits: 0 }),
    ]],
  ],
  education: [
    ['001', L('台湾居民子女义务教育入学', 'Compulsory-school admission for children of Taiwan residents'), [
      H('台胞子女小学一年级入学申请', 'Primary school first-grade admission for children of Taiwan compatriots'),
      H('台胞子女初中一年级入学申请', 'Lower-secondary first-year admission for children of Taiwan compatriots'),
      H('台胞子女义务教育阶段插班申请', 'Mid-year transfer into a compulsory-education school', { days: [15, 7] }),
      H('台胞子女义务教育学籍转入', 'Transfer of a pupil’s school record into Pingtan', { type: '行政确认', days: [10, 5], mats: [['原就读学校转学证明', 'Transfer certificate from the former school', '电子文件']] }),
    ]],
    ['002', L('台湾居民子女学前与高中阶段教育', 'Pre-school and upper-secondary education'), [
      H('台胞子女公办幼儿园入园申请', 'Admission to a public kindergarten'),
      H('台胞子女普通高中招生报名', 'Registration for upper-secondary school admission', { mats: [['初中毕业证书或学籍证明', 'Lower-secondary diploma or school record', '复印件']] }),
      H('台胞子女中等职业学校入学申请', 'Admission to a secondary vocational school'),
    ]],
    ['003', L('台湾学生与学历服务', 'Services for Taiwan students and qualifications'), [
      H('台湾地区学历学位认证申请', 'Recognition of diplomas and degrees from the Taiwan region', { type: '行政确认', days: [20, 15], form: 'person', mats: [['学历学位证书', 'Diploma or degree certificate', '电子文件']] }),
      H('台湾学生在平潭实习实训补贴申请', 'Internship and training subsidy for Taiwan students in Pingtan', { type: '行政给付', form: 'subsidy', mats: [['实习协议', 'Internship agreement', '电子文件']] }),
      H('台胞子女教育资助申请', 'Education grant for children of Taiwan compatriots', { type: '行政给付', days: [30, 20], form: 'subsidy' }),
    ]],
  ],
  medical_insurance: [
    ['001', L('城乡居民基本医疗保险', 'Resident basic medical insurance'), [
      S('参保登记', 'Enrolment', [
        H('台湾居民城乡居民医保参保登记', 'Enrolment of Taiwan residents in resident medical insurance', { type: '行政确认' }),
        H('台湾居民城乡居民医保参保信息变更', 'Change of enrolment details', { type: '行政确认', days: [5, 1] }),
        H('台湾居民医保参保终止', 'Ending resident medical insurance enrolment', { type: '行政确认', days: [5, 1] }),
      ]),
      H('城乡居民医保缴费', 'Paying resident medical insurance premiums', { days: [1, 0] }),
      H('城乡居民医保缴费凭证打印', 'Printing a premium payment receipt', { days: [1, 0] }),
    ]],
    ['002', L('医保待遇与结算', 'Medical insurance benefits and settlement'), [
      H('医保零星报销（门诊、住院费用）', 'Reimbursement of outpatient and inpatient costs paid in full', { type: '行政给付', days: [20, 10], mats: [['医疗费用发票及费用清单', 'Medical invoices and itemised bills', '原件']] }),
      H('异地就医备案', 'Registration for medical treatment outside Pingtan', { type: '行政确认', days: [1, 0] }),
      H('医保关系转移接续', 'Transferring medical insurance records', { days: [45, 15] }),
      H('医保电子凭证激活（台胞）', 'Activating the medical insurance e-voucher', { days: [1, 0] }),
    ]],
  ],
  health: [
    ['001', L('台胞就医服务', 'Hospital services for Taiwan compatriots'), [
      H('医院就诊卡办理（台胞证、居住证）', 'Hospital visit card with the MTP or residence permit'),
      H('台胞就医绿色通道预约', 'Priority appointment booking for Taiwan compatriots', { days: [3, 1] }),
      H('出生医学证明办理（台胞新生儿）', 'Birth medical certificate for a newborn of Taiwan compatriots', { type: '行政确认', days: [5, 1], visits: 1, form: 'family' }),
      H('预防接种证办理', 'Vaccination record book', { days: [1, 0], visits: 1, form: 'child' }),
    ]],
    ['002', L('台湾地区医疗专业人员执业', 'Practice by medical professionals from the Taiwan region'), [
      H('台湾地区医师在大陆短期行医执业注册', 'Registration of Taiwan physicians for short-term practice', { type: '行政许可', days: [20, 10], form: 'work', mats: [['医师资格及执业证书', 'Physician qualification and practising certificates', '复印件'], ['拟执业医疗机构的邀请函', 'Invitation from the hospital', '电子文件']] }),
      H('台湾地区护士执业注册', 'Registration of Taiwan nurses', { type: '行政许可', days: [20, 10], form: 'work', mats: [['护士执业证书', 'Nursing licence', '复印件']] }),
      H('台胞健康体检预约', 'Booking a health check', { days: [3, 1] }),
    ]],
  ],
  employment: [
    ['001', L('台湾居民就业服务', 'Employment services for Taiwan residents'), [
      H('台湾居民就业登记', 'Employment registration of Taiwan residents', { type: '行政确认', days: [5, 1] }),
      H('台湾青年就业见习补贴申请', 'Job-placement subsidy for young Taiwan graduates', { type: '行政给付', days: [30, 20], form: 'subsidy' }),
      H('台湾居民职业技能培训补贴申请', 'Vocational training subsidy', { type: '行政给付', days: [30, 20], form: 'subsidy', mats: [['职业技能等级证书', 'Vocational skill certificate', '复印件']] }),
      H('台湾地区职业资格采认', 'Recognition of professional qualifications from the Taiwan region', { type: '行政确认', days: [20, 10], mats: [['台湾地区职业资格证书', 'Professional qualification certificate', '复印件']] }),
    ]],
    ['002', L('台湾青年创业扶持', 'Support for young Taiwan entrepreneurs'), [
      H('台湾青年创业基地入驻申请', 'Admission to the Taiwan youth startup base', { form: 'newCompany', days: [20, 10] }),
      H('台湾青年一次性创业补贴', 'One-off startup subsidy for young Taiwan entrepreneurs', { type: '行政给付', days: [30, 20], form: 'companySubsidy' }),
      H('创业担保贷款申请', 'Guaranteed startup loan', { type: '行政给付', days: [20, 15], form: 'companySubsidy', mats: [['创业项目计划书', 'Business plan', '电子文件']] }),
      H('创业场地租金补贴', 'Rent subsidy for startup premises', { type: '行政给付', days: [30, 20], form: 'companySubsidy', mats: [['场地租赁合同', 'Premises lease', '电子文件']] }),
    ]],
    ['003', L('台湾人才服务', 'Services for Taiwan talent'), [
      H('台湾人才认定', 'Recognition as Taiwan talent', { type: '行政确认', days: [30, 15], mats: [['学历、职称或业绩证明', 'Proof of qualifications, title or achievements', '电子文件']] }),
      H('台湾专业人才职称评审', 'Professional title assessment', { type: '行政确认', days: [60, 45], mats: [['专业技术工作业绩材料', 'Record of professional work', '电子文件']] }),
    ]],
  ],
  business: [
    ['001', L('台资企业开办', 'Starting a Taiwan-invested business'), [
      S('企业设立登记', 'Company registration', [
        H('台资有限责任公司设立登记（全程网办）', 'Registration of a Taiwan-invested limited company (fully online)'),
        H('台资企业分支机构设立登记', 'Registration of a branch of a Taiwan-invested company', { days: [15, 3] }),
        H('台湾居民个体工商户开业登记', 'Registration of a sole trader by a Taiwan resident', { days: [15, 1], form: 'newCompany' }),
        H('台资合伙企业设立登记', 'Registration of a Taiwan-invested partnership', { days: [15, 3] }),
      ]),
      H('企业印章刻制备案', 'Filing of company seals', { type: '行政备案', dept: 'PT-GA', days: [1, 0], form: 'company' }),
      H('新办企业首次申领发票', 'First invoices for a new company', { type: '其他', dept: 'PT-SW', days: [1, 0], form: 'company' }),
    ]],
    ['002', L('台资企业变更与注销', 'Changes and deregistration of Taiwan-invested companies'), [
      H('台资企业变更登记', 'Change registration of a Taiwan-invested company', { form: 'company', days: [15, 1] }),
      H('台资企业注销登记', 'Deregistration of a Taiwan-invested company', { form: 'company', days: [15, 3], mats: [['清算报告', 'Liquidation report', '电子文件']] }),
      H('台资企业简易注销登记', 'Simplified deregistration', { form: 'company', days: [20, 1] }),
      H('外商（台资）投资信息报告', 'Investment information report of a Taiwan-invested company', { type: '行政备案', dept: 'PT-SCJG', form: 'company', days: [5, 1] }),
    ]],
    ['003', L('经营许可', 'Operating licences'), [
      H('食品经营许可（台资企业）', 'Food business licence', { dept: 'PT-SCJG', form: 'company', days: [20, 5], visits: 1, mats: [['经营场所平面图', 'Floor plan of the premises', '电子文件'], ['食品安全管理制度', 'Food safety management rules', '电子文件']] }),
      H('台湾商品进口经营备案', 'Filing for the import of goods from Taiwan', { type: '行政备案', dept: 'PT-SCJG', form: 'company', days: [5, 1] }),
    ]],
  ],
  awards_subsidies: [
    ['001', L('台胞个人所得税税负差额补贴', 'IIT burden-difference subsidy for Taiwan compatriots'), [
      H('台湾居民个人所得税税负差额补贴（免申即享授权）', 'IIT burden-difference subsidy for Taiwan residents (automatic payment consent)', { days: [60, 30], kw: ['个税补贴', '税负差额', '免申即享'], mats: [['完税证明（系统自动获取）', 'Tax payment records (fetched automatically)', '电子文件', 1, false]], conds: [L('在平潭任职、受雇、履约的台湾居民，并在平潭实际申报缴纳个人所得税', 'Taiwan residents employed or under contract in Pingtan who declared and paid IIT in Pingtan')] }),
      H('台湾居民个人所得税税负差额补贴更正申请', 'Correction of an IIT burden-difference subsidy', { days: [30, 20] }),
    ]],
    ['002', L('台胞人才与创业奖励', 'Awards for Taiwan talent and entrepreneurs'), [
      H('台湾人才安家补助', 'Settling-in grant for Taiwan talent', { days: [30, 20], dept: 'PT-SHSY' }),
      H('台湾人才生活补贴', 'Living allowance for Taiwan talent', { days: [30, 20], dept: 'PT-SHSY' }),
      H('台湾青年创业项目奖励', 'Award for Taiwan youth startup projects', { type: '行政奖励', days: [45, 30], form: 'companySubsidy' }),
      H('台资企业引进台湾人才奖励', 'Award to companies recruiting Taiwan talent', { type: '行政奖励', days: [45, 30], form: 'companySubsidy', kinds: ['company'] }),
    ]],
    ['003', L('台胞生活补贴', 'Living subsidies for Taiwan compatriots'), [
      H('台胞租房补贴', 'Rent subsidy for Taiwan compatriots', { days: [30, 20], mats: [['房屋租赁合同', 'Lease', '电子文件']] }),
      H('台胞往返交通补贴', 'Travel subsidy for return trips across the Strait', { days: [30, 20], mats: [['往返船票或机票', 'Ferry or flight tickets', '电子文件']] }),
      H('台胞来平潭就业一次性补贴', 'One-off subsidy for taking up work in Pingtan', { days: [30, 20], dept: 'PT-SHSY' }),
    ]],
  ],
  housing: [
    ['001', L('住房公积金', 'Housing provident fund'), [
      S('缴存', 'Contributions', [
        H('台湾居民住房公积金缴存登记', 'Provident fund account opening for Taiwan residents', { type: '行政确认', days: [5, 1] }),
        H('住房公积金个人账户转移', 'Transferring a provident fund account', { days: [15, 5] }),
      ]),
      S('提取', 'Withdrawals', [
        H('租房提取住房公积金', 'Withdrawing the provident fund to pay rent', { type: '行政给付' }),
        H('购房提取住房公积金', 'Withdrawing the provident fund to buy a home', { type: '行政给付', mats: [['购房合同或不动产权证书', 'Purchase contract or title certificate', '电子文件']] }),
        H('离开大陆销户提取住房公积金', 'Closing the account and withdrawing when leaving the mainland', { type: '行政给付', days: [10, 5] }),
      ]),
      H('住房公积金个人住房贷款申请', 'Provident fund mortgage', { type: '行政给付', days: [20, 15], visits: 1 }),
    ]],
    ['002', L('台胞住房保障', 'Housing support for Taiwan compatriots'), [
      H('台湾人才公寓入住申请', 'Application for a Taiwan talent apartment', { days: [30, 15], dept: 'PT-SHSY' }),
      H('公共租赁住房申请（台胞）', 'Public rental housing', { days: [30, 20], dept: 'PT-SHSY' }),
    ]],
  ],
  transport: [
    ['001', L('机动车驾驶证', 'Driving licences'), [
      H('台湾地区驾驶执照换领大陆机动车驾驶证', 'Exchanging a Taiwan driving licence for a mainland one', { kw: ['驾照换领', '换证'] }),
      H('机动车驾驶证期满换证（台胞）', 'Renewing an expiring driving licence', { days: [1, 0] }),
      H('机动车驾驶证遗失补证（台胞）', 'Replacing a lost driving licence', { days: [1, 0] }),
      H('临时机动车驾驶许可申领', 'Temporary driving permit', { days: [1, 0] }),
    ]],
    ['002', L('机动车与出行', 'Vehicles and travel'), [
      H('台胞机动车注册登记', 'Registering a motor vehicle', { days: [2, 1], form: 'person', mats: [['机动车来历证明', 'Proof of the vehicle’s origin', '原件'], ['机动车整车出厂合格证明', 'Vehicle conformity certificate', '原件']] }),
      H('平潭至台湾海峡航线船票实名登记', 'Name registration for Pingtan–Taiwan ferry tickets', { type: '公共服务', dept: 'PT-XZSP', days: [1, 0], visits: 0, form: 'person' }),
      H('台胞公交卡办理', 'Bus card for Taiwan compatriots', { type: '公共服务', dept: 'PT-CZJR', days: [1, 0], visits: 0, form: 'person' }),
    ]],
  ],
  finance_payment: [
    ['001', L('台胞金融服务', 'Banking for Taiwan compatriots'), [
      H('台胞个人银行结算账户开立', 'Opening a personal bank account'),
      H('台胞移动支付实名绑定', 'Linking mobile payment with the MTP', { kw: ['移动支付', '支付宝', '微信支付'] }),
      H('台胞个人征信报告查询', 'Personal credit report', { days: [1, 0] }),
      H('台湾地区新台币兑换预约', 'Booking a New Taiwan dollar exchange', { days: [3, 1] }),
    ]],
    ['002', L('台资企业金融服务', 'Finance for Taiwan-invested companies'), [
      H('台资企业融资需求对接', 'Matching financing needs of Taiwan-invested companies', { form: 'companySubsidy', kinds: ['company'], days: [15, 7] }),
      H('台资企业贷款贴息申请', 'Interest subsidy on loans to Taiwan-invested companies', { type: '行政给付', form: 'companySubsidy', kinds: ['company'], days: [30, 20] }),
    ]],
  ],
  social_security: [
    ['001', L('社会保险登记与缴费', 'Social insurance registration and contributions'), [
      H('台湾居民社会保险参保登记', 'Social insurance registration of Taiwan residents', { type: '行政确认', days: [5, 1] }),
      H('城乡居民基本养老保险参保登记（台胞）', 'Resident basic pension enrolment', { type: '行政确认', days: [5, 1] }),
      H('社会保险缴费证明打印', 'Printing proof of social insurance contributions', { days: [1, 0] }),
      H('社会保险关系转移接续（台胞）', 'Transferring social insurance records', { days: [45, 15] }),
    ]],
    ['002', L('社会保障卡与待遇', 'Social security card and benefits'), [
      H('台胞社会保障卡申领', 'Applying for a social security card', { days: [15, 5], visits: 0 }),
      H('离开大陆终止社会保险关系', 'Ending social insurance when leaving the mainland', { type: '行政给付', days: [20, 10], form: 'subsidy' }),
      H('失业保险金申领（台胞）', 'Unemployment benefit', { type: '行政给付', days: [20, 10], form: 'subsidy' }),
    ]],
  ],
  tax: [
    ['001', L('台胞个人所得税', 'Individual income tax for Taiwan compatriots'), [
      H('个人所得税综合所得年度汇算（台胞）', 'Annual IIT reconciliation of comprehensive income', { days: [1, 0] }),
      H('个人所得税专项附加扣除信息报送', 'Reporting special additional deductions', { days: [1, 0] }),
      H('个人所得税纳税记录开具', 'Certificate of IIT payment records', { days: [1, 0] }),
      H('台湾居民税收居民身份证明开具', 'Certificate of tax residency', { type: '行政确认', days: [10, 5] }),
    ]],
    ['002', L('台资企业涉税服务', 'Tax services for Taiwan-invested companies'), [
      H('台资企业纳税信用评价结果查询与复评', 'Tax credit rating enquiry and re-assessment', { form: 'companySubsidy', kinds: ['company'], days: [15, 10] }),
      H('台资企业研发费用加计扣除备案', 'Filing for the additional deduction of R&D expenses', { type: '行政备案', form: 'company', kinds: ['company'], days: [5, 1] }),
    ]],
  ],
  culture_tourism: [
    ['001', L('台胞文化旅游', 'Culture and tourism'), [
      H('台湾居民导游资格认定', 'Tour-guide qualification for Taiwan residents', { type: '行政确认', mats: [['台湾地区导游执业证明', 'Proof of practice as a tour guide in Taiwan', '复印件']] }),
      H('台资旅行社设立许可', 'Licence for a Taiwan-invested travel agency', { form: 'newCompany', days: [20, 10] }),
      H('台湾文艺团体来平潭营业性演出审批', 'Approval of commercial performances by Taiwan troupes', { form: 'company', days: [20, 10], kinds: ['company'] }),
    ]],
  ],
  civil_affairs: [
    ['001', L('涉台婚姻与收养', 'Cross-Strait marriage and adoption'), [
      H('大陆居民与台湾居民结婚登记', 'Marriage registration between a mainland and a Taiwan resident'),
      H('大陆居民与台湾居民离婚登记', 'Divorce registration between a mainland and a Taiwan resident', { days: [30, 30], mats: [['离婚协议书', 'Divorce agreement', '原件', 3]] }),
      H('涉台婚姻登记档案查询', 'Search of cross-Strait marriage records', { type: '公共服务', visits: 0 }),
      H('台湾居民收养登记', 'Adoption registration by Taiwan residents', { days: [30, 30], mats: [['收养人身体健康检查证明', 'Medical certificate of the adopter', '原件']] }),
    ]],
  ],
};

// ---- assembly -------------------------------------------------------------------------------------

function material([zh, en, form, quantity = 1, required = true, note]) {
  return { name: L(zh, en), form, quantity, required, ...(note ? { note } : {}) };
}

function steps(visits, promised, dept) {
  const deptName = DEPTS[dept]['zh-CN'];
  const out = [L('在线提交申请：登录平潭台胞服务大厅，填写表单并上传材料（可用繁体中文填写）', 'Apply online: sign in to the Pingtan service hall for Taiwan compatriots, fill in the form and upload the materials (Traditional Chinese is accepted)')];
  out.push(L(`受理：${deptName}在1个工作日内完成受理审查，材料不全的一次性告知需补正的全部内容`, `Acceptance: the ${DEPTS[dept].en} checks the application within 1 working day and lists everything missing in one notice`));
  out.push(L('审核：承办人员审核，并通过数据共享核验已有信息，无需重复提交', 'Review: the case worker reviews it, checking data the government already holds instead of asking for it again'));
  out.push(
    visits === 0
      ? L(promised === 0 ? '办结：当场办结，结果通过电子证照或短信送达' : '办结：结果通过电子证照、短信或邮寄送达，全程无需到现场', promised === 0 ? 'Decision: decided on the spot; the result arrives as an e-certificate or text message' : 'Decision: the result arrives as an e-certificate, a text message or by post — no visit needed')
      : L(`办结：审核通过后到${deptName}政务服务窗口核验原件并领取结果（到现场${visits}次）`, `Decision: after approval, visit the ${DEPTS[dept].en} service counter to show the originals and collect the result (${visits} visit${visits > 1 ? 's' : ''})`),
  );
  return out;
}

function handling(area, tpl, code, parentCode, h) {
  const o = h.o;
  const dept = o.dept ?? tpl.dept;
  const [statutoryDays, promisedDays] = o.days ?? tpl.days;
  const visits = o.visits ?? tpl.visits;
  const formKey = o.form ?? tpl.form;
  const kinds = o.kinds ?? (['company', 'companySubsidy'].includes(formKey) ? ['company', 'taiwan_resident'] : ['taiwan_resident']);
  return {
    code,
    level: 'handling',
    parentCode,
    name: L(h.zh, h.en),
    type: o.type ?? tpl.type,
    departmentCode: dept,
    implementingBody: DEPTS[dept],
    legalBasis: tpl.basis,
    area,
    taiwan: true,
    keywords: [...new Set([...(o.kw ?? []), ...tpl.kw, '台胞'])],
    conditions: [L('持有有效的台湾居民居住证或台湾居民来往大陆通行证（台胞证）', 'A valid residence permit for Taiwan residents or Mainland Travel Permit for Taiwan Residents (MTP)'), ...(o.conds ?? tpl.conditions)],
    materials: [PERMIT, FORM_MAT, ...tpl.materials, ...(o.mats ?? [])].map(material),
    steps: steps(visits, promisedDays, dept),
    statutoryDays,
    promisedDays,
    fees: [],
    visits,
    faq: [
      { q: tpl.faq[0], a: tpl.faq[1] },
      { q: L('可以用繁体中文填写申请吗？', 'May I fill in the application in Traditional Chinese?'), a: L('可以。系统接受简体和繁体中文，办理结果以简体、繁体和英文显示。', 'Yes. Simplified and Traditional Chinese are both accepted, and the result is shown in Simplified, Traditional and English.') },
      ...(promisedDays === 0 ? [] : [{ q: L('办理时限怎么计算？', 'How is the time limit counted?'), a: L(`承诺${promisedDays}个工作日内办结，自受理之日起按工作日计算，法定节假日不计入。`, `Decided within ${promisedDays} working days of acceptance; public holidays do not count.`) }]),
    ],
    processKey: 'standard',
    applicantKinds: kinds,
    requiresVerifiedIdentity: true,
    formSchema: FORMS[formKey](),
  };
}

function container(level, area, tpl, code, parentCode, name) {
  return { code, level, parentCode, name, type: tpl.type, departmentCode: tpl.dept, implementingBody: DEPTS[tpl.dept], legalBasis: tpl.basis, area, taiwan: true, keywords: tpl.kw };
}

const items = [];
for (const [area, mains] of Object.entries(CATALOG)) {
  const tpl = AREAS[area];
  for (const [suffix, name, children] of mains) {
    const mainCode = `TW-${tpl.prefix}-${suffix}`;
    items.push(container('main', area, tpl, mainCode, null, name));
    children.forEach((child, i) => {
      const code = `${mainCode}-${String(i + 1).padStart(2, '0')}`;
      if (child.children) {
        items.push(container('sub', area, tpl, code, mainCode, L(child.zh, child.en)));
        child.children.forEach((h, j) => items.push(handling(area, tpl, `${code}-${String(j + 1).padStart(2, '0')}`, code, h)));
      } else items.push(handling(area, tpl, code, mainCode, child));
    });
  }
}

// ---- the three "one thing" (一件事) items -----------------------------------------------------------

const ONE_THING_BASIS = L('《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号）', 'State Council guidance on getting “one thing” done efficiently (Guofa [2024] No. 3)');
items.push({ code: 'YJS-001', level: 'main', parentCode: null, name: L('高效办成一件事', 'Getting one thing done'), type: '其他', departmentCode: 'PT-XZSP', implementingBody: DEPTS['PT-XZSP'], legalBasis: ONE_THING_BASIS, area: 'business', taiwan: false, keywords: ['一件事', '一网通办'] });

function oneThing(code, o) {
  return {
    code,
    level: 'handling',
    parentCode: 'YJS-001',
    name: o.name,
    type: '其他',
    departmentCode: o.dept,
    implementingBody: DEPTS[o.dept],
    legalBasis: o.basis,
    area: o.area,
    taiwan: false,
    keywords: ['一件事', ...o.kw],
    conditions: o.conditions,
    materials: o.materials.map(material),
    steps: o.steps,
    statutoryDays: o.days[0],
    promisedDays: o.days[1],
    fees: [],
    visits: 0,
    faq: o.faq,
    processKey: o.processKey,
    applicantKinds: o.kinds,
    requiresVerifiedIdentity: true,
    formSchema: o.form,
  };
}

items.push(
  oneThing('YJS-001-01', {
    name: L('个体工商户转为企业（个转企）一件事', 'Turning a sole trader into a company (one thing)'),
    dept: 'PT-SCJG',
    area: 'business',
    processKey: 'ge-zhuan-qi',
    basis: L('《关于进一步做好个体工商户转型为企业工作的通知》（国市监注发〔2025〕58号）；《中华人民共和国市场主体登记管理条例》', 'Notice on converting sole traders into companies (Guoshijianzhufa [2025] No. 58); Regulations on the registration of market entities'),
    kw: ['个转企', '个体工商户', '转型'],
    days: [15, 5],
    kinds: ['company', 'taiwan_resident', 'mainland_resident'],
    conditions: [L('个体工商户处于存续状态，无未结清的税款和行政处罚', 'The sole trader is active, with no unpaid tax or unresolved penalties'), L('可选择直接变更（保留成立日期和统一社会信用代码）或注销后新设', 'Choose a direct change (keeping the date of establishment and the credit code) or deregistration and a new company')],
    materials: [['拟设企业章程', 'Articles of the new company', '电子文件'], ['经营者身份证明（居民身份证、居住证或台胞证）', 'Proof of the operator’s identity (resident ID, residence permit or MTP)', '原件']],
    steps: [L('一表申请：在线填写个转企申请表，市场监管部门调取原个体工商户登记信息', 'One form: apply online; market supervision fetches the sole trader’s registration'), L('并联办理：市场监管办理变更登记，税务同步办理税务信息变更，社保、公积金、银行账户信息同步更新', 'In parallel: market supervision registers the change while tax, social insurance, provident fund and bank records are updated'), L('办结：核发新营业执照（电子执照），档案和年报信息并入新企业', 'Done: a new (electronic) business licence; archives and annual reports move to the company')],
    faq: [{ q: L('转为企业后原来的字号还能用吗？', 'Can the trade name be kept?'), a: L('可以保留原字号和行业表述。', 'Yes, the trade name and industry wording may be kept.') }],
    form: form(['name', 'phone', 'companyName', 'uscc', 'entityType', 'established', 'capital'], ['name', 'phone', 'uscc', 'capital']),
  }),
  oneThing('YJS-001-02', {
    name: L('不动产登记“零材料”一件事', 'Real estate registration with zero paper (one thing)'),
    dept: 'PT-BDC',
    area: 'real_estate',
    processKey: 'zero-paper-real-estate',
    basis: L('《不动产登记暂行条例》第二十四条；《不动产登记暂行条例实施细则》', 'Interim regulations on real estate registration, art. 24; their implementing rules'),
    kw: ['不动产', '零材料', '过户', '房产证'],
    days: [5, 1],
    kinds: ['taiwan_resident', 'mainland_resident', 'company'],
    conditions: [L('申请人身份、婚姻、交易和完税等信息可通过部门数据共享获取', 'The applicant’s identity, marriage, transaction and tax data can be fetched from other departments')],
    materials: [['不动产登记申请书（在线生成）', 'Real estate registration form (generated online)', '电子文件']],
    steps: [L('在线申请：填写一张表，身份、婚姻、交易、完税信息由系统向公安、民政、住建、税务调取', 'Apply online with one form; identity, marriage, transaction and tax data are fetched from public security, civil affairs, housing and tax'), L('审核登簿：不动产登记中心审核并登簿', 'Review and entry in the register by the registration centre'), L('发证：核发电子不动产权证书，可选邮寄纸质证书', 'Issue: an electronic title certificate, a paper one by post on request')],
    faq: [{ q: L('“零材料”是不是什么都不用交？', 'Does zero paper mean nothing at all is needed?'), a: L('政府部门已有的信息无需提交，只需在线确认申请表并签名。', 'Nothing the government already holds; you confirm and sign the online form.') }],
    form: form(['name', 'permit', 'phone', 'propertyCert', 'maritalStatus', 'spouseName'], ['name', 'permit', 'phone', 'propertyCert']),
  }),
  oneThing('YJS-001-03', {
    name: L('涉案房产“e拍即得”一件事', 'Court-auctioned property: “e-auction, e-title” (one thing)'),
    dept: 'PT-FY',
    area: 'justice',
    processKey: 'court-auction',
    basis: L('《最高人民法院关于人民法院网络司法拍卖若干问题的规定》；《不动产登记暂行条例》', 'Supreme People’s Court provisions on online judicial auctions; Interim regulations on real estate registration'),
    kw: ['司法拍卖', '法拍房', 'e拍即得', '过户'],
    days: [15, 10],
    kinds: ['taiwan_resident', 'mainland_resident', 'company'],
    conditions: [L('通过网络司法拍卖竞得平潭辖区内不动产，并已付清全部价款', 'The buyer won an online court auction of property in Pingtan and paid in full')],
    materials: [['拍卖成交确认书', 'Confirmation of the auction sale', '电子文件']],
    steps: [L('法院在线推送执行裁定书和协助执行通知书', 'The court sends the enforcement ruling and the notice of assistance online'), L('税务与不动产登记并行办理：税务核定并征收税费，不动产登记中心办理转移登记', 'Tax and registry act in parallel: tax assesses and collects, the registry transfers title'), L('办结：买受人在线领取电子不动产权证书', 'Done: the buyer receives the electronic title certificate online')],
    faq: [{ q: L('还需要到法院、税务和不动产登记中心分别跑腿吗？', 'Must I still visit the court, tax office and registry?'), a: L('不需要。三个部门在线协同，买受人一次申请即可。', 'No. The three departments work together online on one application.') }],
    form: form(['name', 'permit', 'phone', 'caseNo', 'propertyCert', 'amount'], ['name', 'phone', 'caseNo']),
  }),
);

const handlingTaiwan = items.filter((i) => i.level === 'handling' && i.taiwan).length;
if (handlingTaiwan !== 108) throw new Error(`expected 108 Taiwan handling items, generated ${handlingTaiwan}`);

// One item per line: compact, and a change shows as a change of that item's line.
const text = `{"items": [\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]}\n`;
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(process.cwd(), target)} is out of date: run node scripts/gen-taiwan-items.mjs`);
    process.exit(1);
  }
  console.log('up to date');
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)} (${items.length} items, ${handlingTaiwan} Taiwan handling items)`);
}
