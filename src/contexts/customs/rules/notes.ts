/**
 * The human-readable notes of a decision, in zh-CN, zh-TW (Taiwan usage: 資料、個人資料、契約…,
 * written by hand, not converted) and en. Plain and specific: every note says the numbers it relies on.
 * Law titles keep their official names (《數據安全法》 in Traditional script); the prose uses Taiwan terms.
 */
import type { Industry, ListRoute } from './lists.ts';
import type { Exemption } from './scenario.ts';
import { formatCount as n, type Lang } from './text.ts';

/** A cumulative count of one kind: already exported this year + this transfer. */
export interface Tally {
  total: number;
  already: number;
  now: number;
}

export interface ItemRef {
  id: string;
  name: string;
}

export interface Messages {
  core(): string;
  notified(ciio: boolean): string;
  exemptionOverridden(ex: Exemption, by: 'core' | 'important'): string;
  exempted(ex: Exemption, personal: number, sensitive: number): string;
  tradeExemptionNotApplicable(personal: number, sensitive: number): string;
  ftzOffList(industry: Industry, version: string): string;
  ftzOffListCaveat(): string;
  ftzListed(items: readonly ItemRef[], strictest: ItemRef & { route: ListRoute }, version: string): string;
  ftzFiling(item: ItemRef): string;
  ftzCiio(): string;
  ftzIndustryNotCovered(industry: Industry): string;
  itemsIgnoredOutsideZone(ids: readonly string[]): string;
  ciio(personal: number, sensitive: number): string;
  assessment(personal: Tally | null, sensitive: Tally | null): string;
  contract(personal: Tally | null, sensitive: Tally | null): string;
  smallExempt(personal: Tally): string;
  notRegulated(): string;
  notCounted(kind: 'personal' | 'sensitive', already: number): string;
  suspected(): string;
  duties(): string;
  beforeOrder16(year: number): string;
}

const ZH_CN_EXEMPTION: Record<Exemption, { text: string; article: string }> = {
  no_personal_trade_data: {
    text: '国际贸易、跨境运输、学术合作、跨国生产制造和市场营销等活动中收集和产生的、不含个人信息或者重要数据的数据',
    article: '第三条',
  },
  foreign_collected_return: {
    text: '在境外收集和产生、传输至境内处理后向境外提供的个人信息，处理过程中没有引入境内个人信息或者重要数据',
    article: '第四条',
  },
  contract_with_individual: {
    text: '为订立、履行个人作为一方当事人的合同，确需向境外提供个人信息',
    article: '第五条第（一）项',
  },
  cross_border_hr: {
    text: '按照依法制定的劳动规章制度和依法签订的集体合同实施跨境人力资源管理，确需向境外提供员工个人信息',
    article: '第五条第（二）项',
  },
  emergency: {
    text: '紧急情况下为保护自然人的生命健康和财产安全，确需向境外提供个人信息',
    article: '第五条第（三）项',
  },
};

const ZH_TW_EXEMPTION: Record<Exemption, { text: string; article: string }> = {
  no_personal_trade_data: {
    text: '國際貿易、跨境運輸、學術合作、跨國生產製造與行銷等活動中蒐集及產生、不含個人資料或重要資料的資料',
    article: '第三條',
  },
  foreign_collected_return: {
    text: '於境外蒐集及產生、傳輸至境內處理後再提供至境外的個人資料，處理過程中未加入境內個人資料或重要資料',
    article: '第四條',
  },
  contract_with_individual: {
    text: '為訂立、履行個人為一方當事人之契約，確有必要將個人資料提供至境外',
    article: '第五條第（一）項',
  },
  cross_border_hr: {
    text: '依依法訂定之勞動規章制度及依法簽訂之團體協約實施跨境人力資源管理，確有必要將員工個人資料提供至境外',
    article: '第五條第（二）項',
  },
  emergency: {
    text: '緊急情況下為保護自然人之生命健康與財產安全，確有必要將個人資料提供至境外',
    article: '第五條第（三）項',
  },
};

const EN_EXEMPTION: Record<Exemption, { text: string; article: string }> = {
  no_personal_trade_data: {
    text: 'data collected or generated in international trade, cross-border transport, academic cooperation, multinational manufacturing or marketing that contains no personal information or important data',
    article: 'Art. 3',
  },
  foreign_collected_return: {
    text: 'personal information collected abroad, processed in China and sent back, with no domestic personal information or important data added',
    article: 'Art. 4',
  },
  contract_with_individual: {
    text: 'personal information that must go abroad to conclude or perform a contract to which the individual is a party',
    article: 'Art. 5(1)',
  },
  cross_border_hr: {
    text: "employees' personal information that must go abroad for cross-border HR management under lawful labour rules and collective contracts",
    article: 'Art. 5(2)',
  },
  emergency: {
    text: "personal information that must go abroad in an emergency to protect a natural person's life, health or property",
    article: 'Art. 5(3)',
  },
};

const INDUSTRY_NAMES: Record<Lang, Record<Industry, string>> = {
  'zh-CN': { pharma: '医药', auto: '车联网', consumer: '消费', other: '其他' },
  'zh-TW': { pharma: '醫藥', auto: '車聯網', consumer: '消費', other: '其他' },
  en: { pharma: 'pharmaceuticals', auto: 'connected vehicles', consumer: 'consumer', other: 'other' },
};

function breakdownZh(t: Tally, sep: string, before: string, now: string): string {
  return t.already > 0 ? `${sep}${before} ${n(t.already)} 人、${now} ${n(t.now)} 人` : '';
}

const ROUTE_ZH_CN: Record<ListRoute, string> = {
  security_assessment: '申报数据出境安全评估',
  standard_contract_or_certification: '订立个人信息出境标准合同或通过个人信息保护认证',
  exempt_with_filing: '向片区备案后出境，免予申报安全评估、订立标准合同或认证',
};

function describeZhCN(p: number, s: number): string {
  const parts: string[] = [];
  if (p > 0) parts.push(`${n(p)} 人个人信息（不含敏感个人信息）`);
  if (s > 0) parts.push(`${n(s)} 人敏感个人信息`);
  return parts.join('和 ');
}

const zhCN: Messages = {
  core: () =>
    '本次出境数据含核心数据。依照《数据安全法》第二十一条，国家核心数据实行更加严格的管理制度，本平台对核心数据一律按禁止出境处理，任何豁免情形均不适用。',
  notified: (ciio) =>
    ciio
      ? '出口方为关键信息基础设施运营者，本次出境数据含已被有关部门告知或公开发布的重要数据，须申报数据出境安全评估（《促进和规范数据跨境流动规定》第七条第（一）项）；重要数据不适用第三条至第六条的豁免。'
      : '本次出境数据含已被有关部门告知或公开发布的重要数据，须通过所在地省级网信部门申报数据出境安全评估（《促进和规范数据跨境流动规定》第七条第（二）项）；重要数据不适用第三条至第六条的豁免。',
  exemptionOverridden: (ex, by) =>
    `所申报的豁免情形（${ZH_CN_EXEMPTION[ex].article}）不适用于${by === 'core' ? '核心数据' : '重要数据'}。`,
  exempted: (ex, p, s) => {
    const e = ZH_CN_EXEMPTION[ex];
    const counts = p + s > 0 ? `本次涉及 ${describeZhCN(p, s)}，该豁免不受人数门槛限制。` : '';
    return `本次出境属于“${e.text}”的情形，免予申报数据出境安全评估、订立个人信息出境标准合同、通过个人信息保护认证（《促进和规范数据跨境流动规定》${e.article}）。${counts}`;
  },
  tradeExemptionNotApplicable: (p, s) =>
    `所申报的第三条豁免只适用于不含个人信息的数据；本次含 ${describeZhCN(p, s)}，该豁免不适用，按其余规则判定。`,
  ftzOffList: (ind, v) =>
    `出口方为在自贸试验区内登记的数据处理者，${INDUSTRY_NAMES['zh-CN'][ind]}行业已纳入本片区负面清单（${v} 版）；本次数据不属于负面清单所列数据，免予申报数据出境安全评估、订立个人信息出境标准合同、通过个人信息保护认证（《促进和规范数据跨境流动规定》第六条）。`,
  ftzOffListCaveat: () => '本判定以申报的负面清单条目为准；如数据实际属于清单条目（例如达到条目所列人数），须按该条目的要求办理。',
  ftzListed: (items, st, v) =>
    `本次数据含本片区负面清单（${v} 版）条目：${items.map((i) => `${i.id}“${i.name}”`).join('、')}。按其中最严格的条目 ${st.id}，须${ROUTE_ZH_CN[st.route]}（《促进和规范数据跨境流动规定》第六条）。`,
  ftzFiling: (it) => `条目 ${it.id} 只要求备案：出境前须向片区数据跨境服务中心备案，备案后免予申报安全评估、订立标准合同或认证。`,
  ftzCiio: () =>
    '出口方为关键信息基础设施运营者：请确认本片区负面清单是否适用于关键信息基础设施运营者（部分自贸试验区的清单明确不适用）；不适用时，向境外提供个人信息须申报数据出境安全评估（第七条第（一）项）。',
  ftzIndustryNotCovered: (ind) =>
    `出口方虽在自贸试验区内，但${INDUSTRY_NAMES['zh-CN'][ind]}行业不在本片区负面清单的覆盖范围内，适用国家规定。`,
  itemsIgnoredOutsideZone: (ids) => `出口方不在自贸试验区内，申报的负面清单条目（${ids.join('、')}）不作为判定依据，适用国家规定。`,
  ciio: (p, s) =>
    `出口方为关键信息基础设施运营者，本次向境外提供 ${describeZhCN(p, s)}，须申报数据出境安全评估（《促进和规范数据跨境流动规定》第七条第（一）项），不论人数多少。`,
  assessment: (pt, st) => {
    const parts: string[] = [];
    if (pt) parts.push(`本年度累计向境外提供 ${n(pt.total)} 人个人信息（不含敏感个人信息${breakdownZh(pt, '；', '此前', '本次')}），达到 100 万人`);
    if (st) parts.push(`本年度累计向境外提供 ${n(st.total)} 人敏感个人信息${st.already > 0 ? `（此前 ${n(st.already)} 人、本次 ${n(st.now)} 人）` : ''}，达到 1 万人`);
    return `${parts.join('；')}，须申报数据出境安全评估（《促进和规范数据跨境流动规定》第七条第（二）项）。`;
  },
  contract: (pt, st) => {
    const parts: string[] = [];
    if (pt) parts.push(`本年度累计向境外提供 ${n(pt.total)} 人个人信息（不含敏感个人信息${breakdownZh(pt, '；', '此前', '本次')}），达到 10 万人、不满 100 万人`);
    if (st) parts.push(`本次含 ${n(st.now)} 人敏感个人信息，本年度累计 ${n(st.total)} 人，不满 1 万人`);
    return `${parts.join('；')}，须订立个人信息出境标准合同或通过个人信息保护认证（《促进和规范数据跨境流动规定》第八条）。`;
  },
  smallExempt: (pt) =>
    `本年度累计向境外提供 ${n(pt.total)} 人个人信息（不含敏感个人信息${breakdownZh(pt, '；', '此前', '本次')}），不满 10 万人，且本次不含敏感个人信息，免予申报数据出境安全评估、订立个人信息出境标准合同、通过个人信息保护认证（《促进和规范数据跨境流动规定》第五条第（四）项）。`,
  notRegulated: () =>
    '本次出境数据不含个人信息，也不含被有关部门告知或公开发布的重要数据，无需申报数据出境安全评估、订立标准合同或认证（《促进和规范数据跨境流动规定》第二条）。',
  notCounted: (kind, a) =>
    kind === 'sensitive'
      ? `本次不含敏感个人信息，此前已出境的 ${n(a)} 人敏感个人信息不计入本次判定。`
      : `本次不含非敏感个人信息，此前已出境的 ${n(a)} 人非敏感个人信息不计入本次判定。`,
  suspected: () =>
    '本次数据被标记为疑似重要数据。只有经有关部门告知或公开发布的数据才属于重要数据，疑似不改变本次判定；请向所在地网信部门或行业主管部门咨询确认，一旦被告知为重要数据，须申报数据出境安全评估。',
  duties: () =>
    '免予申报不免除其他义务：向境外提供个人信息仍须告知个人、取得单独同意并开展个人信息保护影响评估（《个人信息保护法》第三十九条、第五十五条）。',
  beforeOrder16: (y) => `《促进和规范数据跨境流动规定》自 2024 年 3 月 22 日起施行；${y} 年的出境应按当时施行的规定复核。`,
};

const ROUTE_ZH_TW: Record<ListRoute, string> = {
  security_assessment: '申報資料出境安全評估',
  standard_contract_or_certification: '訂立個人資料出境標準契約或通過個人資料保護認證',
  exempt_with_filing: '向片區備案後出境，免於申報安全評估、訂立標準契約或認證',
};

function describeZhTW(p: number, s: number): string {
  const parts: string[] = [];
  if (p > 0) parts.push(`${n(p)} 人的個人資料（不含敏感個人資料）`);
  if (s > 0) parts.push(`${n(s)} 人的敏感個人資料`);
  return parts.join('及 ');
}

const zhTW: Messages = {
  core: () =>
    '本次出境資料含核心資料。依《數據安全法》第二十一條，國家核心資料實行更嚴格的管理制度，本平台對核心資料一律視為禁止出境，任何豁免情形均不適用。',
  notified: (ciio) =>
    ciio
      ? '輸出方為關鍵資訊基礎設施營運者，本次出境資料含已經主管機關告知或公開發布的重要資料，須申報資料出境安全評估（《促進和規範數據跨境流動規定》第七條第（一）項）；重要資料不適用第三條至第六條的豁免。'
      : '本次出境資料含已經主管機關告知或公開發布的重要資料，須透過所在地省級網信部門申報資料出境安全評估（《促進和規範數據跨境流動規定》第七條第（二）項）；重要資料不適用第三條至第六條的豁免。',
  exemptionOverridden: (ex, by) =>
    `所申報的豁免情形（${ZH_TW_EXEMPTION[ex].article}）不適用於${by === 'core' ? '核心資料' : '重要資料'}。`,
  exempted: (ex, p, s) => {
    const e = ZH_TW_EXEMPTION[ex];
    const counts = p + s > 0 ? `本次涉及 ${describeZhTW(p, s)}，此項豁免不受人數門檻限制。` : '';
    return `本次出境屬於「${e.text}」的情形，免於申報資料出境安全評估、訂立個人資料出境標準契約及通過個人資料保護認證（《促進和規範數據跨境流動規定》${e.article}）。${counts}`;
  },
  tradeExemptionNotApplicable: (p, s) =>
    `所申報的第三條豁免僅適用於不含個人資料的資料；本次含 ${describeZhTW(p, s)}，此項豁免不適用，依其餘規則判定。`,
  ftzOffList: (ind, v) =>
    `輸出方為在自由貿易試驗區內登記的資料處理者，${INDUSTRY_NAMES['zh-TW'][ind]}產業已納入本片區負面清單（${v} 版）；本次資料不屬於負面清單所列資料，免於申報資料出境安全評估、訂立個人資料出境標準契約及通過個人資料保護認證（《促進和規範數據跨境流動規定》第六條）。`,
  ftzOffListCaveat: () => '本判定以申報的負面清單項目為準；如資料實際屬於清單項目（例如達到項目所列人數），須依該項目的要求辦理。',
  ftzListed: (items, st, v) =>
    `本次資料含本片區負面清單（${v} 版）項目：${items.map((i) => `${i.id}「${i.name}」`).join('、')}。依其中最嚴格的項目 ${st.id}，須${ROUTE_ZH_TW[st.route]}（《促進和規範數據跨境流動規定》第六條）。`,
  ftzFiling: (it) => `項目 ${it.id} 僅要求備案：出境前須向片區資料跨境服務中心備案，備案後免於申報安全評估、訂立標準契約或認證。`,
  ftzCiio: () =>
    '輸出方為關鍵資訊基礎設施營運者：請確認本片區負面清單是否適用於關鍵資訊基礎設施營運者（部分自由貿易試驗區的清單明定不適用）；不適用時，將個人資料提供至境外須申報資料出境安全評估（第七條第（一）項）。',
  ftzIndustryNotCovered: (ind) =>
    `輸出方雖位於自由貿易試驗區內，但${INDUSTRY_NAMES['zh-TW'][ind]}產業不在本片區負面清單的涵蓋範圍內，適用國家規定。`,
  itemsIgnoredOutsideZone: (ids) => `輸出方不在自由貿易試驗區內，所申報的負面清單項目（${ids.join('、')}）不作為判定依據，適用國家規定。`,
  ciio: (p, s) =>
    `輸出方為關鍵資訊基礎設施營運者，本次將 ${describeZhTW(p, s)}提供至境外，不論人數多寡，均須申報資料出境安全評估（《促進和規範數據跨境流動規定》第七條第（一）項）。`,
  assessment: (pt, st) => {
    const parts: string[] = [];
    if (pt) parts.push(`本年度累計將 ${n(pt.total)} 人的個人資料（不含敏感個人資料${breakdownZh(pt, '；', '先前', '本次')}）提供至境外，達到 100 萬人`);
    if (st) parts.push(`本年度累計將 ${n(st.total)} 人的敏感個人資料${st.already > 0 ? `（先前 ${n(st.already)} 人、本次 ${n(st.now)} 人）` : ''}提供至境外，達到 1 萬人`);
    return `${parts.join('；')}，須申報資料出境安全評估（《促進和規範數據跨境流動規定》第七條第（二）項）。`;
  },
  contract: (pt, st) => {
    const parts: string[] = [];
    if (pt) parts.push(`本年度累計將 ${n(pt.total)} 人的個人資料（不含敏感個人資料${breakdownZh(pt, '；', '先前', '本次')}）提供至境外，達到 10 萬人、未滿 100 萬人`);
    if (st) parts.push(`本次含 ${n(st.now)} 人的敏感個人資料，本年度累計 ${n(st.total)} 人，未滿 1 萬人`);
    return `${parts.join('；')}，須訂立個人資料出境標準契約或通過個人資料保護認證（《促進和規範數據跨境流動規定》第八條）。`;
  },
  smallExempt: (pt) =>
    `本年度累計將 ${n(pt.total)} 人的個人資料（不含敏感個人資料${breakdownZh(pt, '；', '先前', '本次')}）提供至境外，未滿 10 萬人，且本次不含敏感個人資料，免於申報資料出境安全評估、訂立個人資料出境標準契約及通過個人資料保護認證（《促進和規範數據跨境流動規定》第五條第（四）項）。`,
  notRegulated: () =>
    '本次出境資料不含個人資料，也不含經主管機關告知或公開發布的重要資料，無須申報資料出境安全評估、訂立標準契約或認證（《促進和規範數據跨境流動規定》第二條）。',
  notCounted: (kind, a) =>
    kind === 'sensitive'
      ? `本次不含敏感個人資料，先前已出境的 ${n(a)} 人敏感個人資料不計入本次判定。`
      : `本次不含非敏感個人資料，先前已出境的 ${n(a)} 人非敏感個人資料不計入本次判定。`,
  suspected: () =>
    '本次資料被標示為疑似重要資料。僅經主管機關告知或公開發布的資料才屬於重要資料，「疑似」不影響本次判定；請向所在地網信部門或產業主管機關諮詢確認，一經告知為重要資料，即須申報資料出境安全評估。',
  duties: () =>
    '免於申報不代表免除其他義務：將個人資料提供至境外，仍須告知當事人、取得單獨同意，並進行個人資料保護影響評估（《個人信息保護法》第三十九條、第五十五條）。',
  beforeOrder16: (y) => `《促進和規範數據跨境流動規定》自 2024 年 3 月 22 日起施行；${y} 年的出境應依當時施行的規定重新檢視。`,
};

const ROUTE_EN: Record<ListRoute, string> = {
  security_assessment: 'a security assessment',
  standard_contract_or_certification: 'a standard contract or a personal-information protection certification',
  exempt_with_filing: 'a filing with the zone before export, and no assessment, standard contract or certification',
};

function describeEn(p: number, s: number): string {
  const parts: string[] = [];
  if (p > 0) parts.push(`personal information (excluding sensitive) of ${n(p)} ${p === 1 ? 'person' : 'persons'}`);
  if (s > 0) parts.push(`sensitive personal information of ${n(s)} ${s === 1 ? 'person' : 'persons'}`);
  return parts.join(' and ');
}

function breakdownEn(t: Tally): string {
  return t.already > 0 ? ` (${n(t.already)} earlier + ${n(t.now)} now)` : '';
}

const PROVISIONS = 'the Provisions on Promoting and Regulating Cross-border Data Flows';

const en: Messages = {
  core: () =>
    'The transfer contains core data. Under Art. 21 of the Data Security Law core data is subject to a stricter regime; this platform treats core data as prohibited from leaving China, and no exemption applies.',
  notified: (ciio) =>
    ciio
      ? `The exporter operates critical information infrastructure and the transfer contains data notified or published as important data: a security assessment is required (${PROVISIONS}, Art. 7(1)). The exemptions of Arts. 3–6 do not cover important data.`
      : `The transfer contains data notified or published by the authorities as important data: a security assessment must be requested through the provincial cyberspace administration (${PROVISIONS}, Art. 7(2)). The exemptions of Arts. 3–6 do not cover important data.`,
  exemptionOverridden: (ex, by) => `The exemption claimed (${EN_EXEMPTION[ex].article}) does not apply to ${by} data.`,
  exempted: (ex, p, s) => {
    const e = EN_EXEMPTION[ex];
    const counts = p + s > 0 ? ` The transfer covers ${describeEn(p, s)}; this exemption has no volume threshold.` : '';
    return `The transfer is ${e.text}: it needs no security assessment, standard contract or certification (${PROVISIONS}, ${e.article}).${counts}`;
  },
  tradeExemptionNotApplicable: (p, s) =>
    `The Art. 3 exemption claimed covers only data without personal information; this transfer includes ${describeEn(p, s)}, so it does not apply and the other rules decide.`,
  ftzOffList: (ind, v) =>
    `The exporter is registered in the pilot free-trade zone and the zone's negative list (version ${v}) covers the ${INDUSTRY_NAMES.en[ind]} industry; the data is not on the list, so it needs no security assessment, standard contract or certification (${PROVISIONS}, Art. 6).`,
  ftzOffListCaveat: () =>
    'This decision relies on the negative-list items declared; if the data does fall under an item (for example by reaching its number of persons), that item\'s route applies.',
  ftzListed: (items, st, v) =>
    `The data contains items of the zone's negative list (version ${v}): ${items.map((i) => `${i.id} "${i.name}"`).join(', ')}. The strictest, ${st.id}, requires ${ROUTE_EN[st.route]} (${PROVISIONS}, Art. 6).`,
  ftzFiling: (it) =>
    `Item ${it.id} requires only a filing: file the transfer with the zone's cross-border data service centre before export; no assessment, standard contract or certification is needed after that.`,
  ftzCiio: () =>
    "The exporter operates critical information infrastructure: check whether the zone's negative list applies to such operators (some zones' lists expressly exclude them); if it does not, any personal information sent abroad needs a security assessment (Art. 7(1)).",
  ftzIndustryNotCovered: (ind) =>
    `Although the exporter is in the pilot free-trade zone, the zone's negative list does not cover the ${INDUSTRY_NAMES.en[ind]} industry, so the national rules apply.`,
  itemsIgnoredOutsideZone: (ids) =>
    `The exporter is not in the pilot free-trade zone, so the negative-list items declared (${ids.join(', ')}) do not decide the route; the national rules apply.`,
  ciio: (p, s) =>
    `The exporter operates critical information infrastructure and sends ${describeEn(p, s)} abroad: a security assessment is required whatever the number (${PROVISIONS}, Art. 7(1)).`,
  assessment: (pt, st) => {
    const parts: string[] = [];
    if (pt) parts.push(`personal information (excluding sensitive) of ${n(pt.total)} persons${breakdownEn(pt)} has been sent abroad this year, reaching 1,000,000`);
    if (st) parts.push(`sensitive personal information of ${n(st.total)} persons${breakdownEn(st)} has been sent abroad this year, reaching 10,000`);
    const text = parts.join('; ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}: a security assessment is required (${PROVISIONS}, Art. 7(2)).`;
  },
  contract: (pt, st) => {
    const parts: string[] = [];
    if (pt) parts.push(`personal information (excluding sensitive) of ${n(pt.total)} persons${breakdownEn(pt)} has been sent abroad this year, at least 100,000 and fewer than 1,000,000`);
    if (st) parts.push(`this transfer includes sensitive personal information of ${n(st.now)} ${st.now === 1 ? 'person' : 'persons'}, ${n(st.total)} this year, fewer than 10,000`);
    const text = parts.join('; ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}: a standard contract or a personal-information protection certification is required (${PROVISIONS}, Art. 8).`;
  },
  smallExempt: (pt) =>
    `Personal information (excluding sensitive) of ${n(pt.total)} persons${breakdownEn(pt)} has been sent abroad this year, fewer than 100,000, and the transfer holds no sensitive personal information: no security assessment, standard contract or certification is needed (${PROVISIONS}, Art. 5(4)).`,
  notRegulated: () =>
    `The transfer holds no personal information and no data notified or published as important data: no security assessment, standard contract or certification is needed (${PROVISIONS}, Art. 2).`,
  notCounted: (kind, a) =>
    kind === 'sensitive'
      ? `This transfer holds no sensitive personal information, so the ${n(a)} persons' sensitive personal information sent earlier this year is not counted.`
      : `This transfer holds no non-sensitive personal information, so the ${n(a)} persons' non-sensitive personal information sent earlier this year is not counted.`,
  suspected: () =>
    'The data is marked as suspected important data. Only data notified or published by the authorities is legally important, so this does not change the decision; ask the local cyberspace administration or the sector regulator, and if the data is notified as important, a security assessment is required.',
  duties: () =>
    'The exemption does not lift other duties: the individuals must still be informed, their separate consent obtained and a personal-information protection impact assessment made (Personal Information Protection Law, Arts. 39 and 55).',
  beforeOrder16: (y) => `The Provisions took effect on 22 March 2024; transfers in ${y} must be reviewed under the rules then in force.`,
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
