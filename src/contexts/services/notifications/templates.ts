/**
 * Notification templates as data, one title and body per language. `{name}` is replaced by the
 * parameter of that name (see `render`); a template names the parameters it needs so a caller that
 * forgets one fails at once instead of sending "{reason}" to a citizen.
 *
 * zh-TW texts are written for Taiwan readers (案件編號, 補正, 核准, 駁回), with mainland
 * institutions and documents under their mainland names in Traditional characters.
 */
import type { Locale } from '../../../kernel/principal.ts';
import { officerTextFor } from './officer-text.ts';

export type LocalizedText = Record<Locale, string>;

/** A parameter: plain text, text in each language, an officer's Simplified words, or a list of those. */
export type ParamValue = string | number | LocalizedText | { officerText: string } | ParamValue[];
export type NotificationParams = Record<string, ParamValue>;

interface Template {
  /** Who it is for, for the web to pick an icon and for the docs. */
  audience: 'applicant' | 'department';
  params: readonly string[];
  text: Record<Locale, { title: string; body: string }>;
}

export const TEMPLATES = {
  'case.submitted': {
    audience: 'applicant',
    params: ['item', 'caseNo'],
    text: {
      'zh-CN': { title: '申请已提交', body: '您申请的“{item}”已提交，办件编号 {caseNo}。部门受理后会通知您。' },
      'zh-TW': { title: '申請已送出', body: '您申請的「{item}」已送出，案件編號 {caseNo}。部門受理後會通知您。' },
      en: { title: 'Application submitted', body: 'Your application for "{item}" has been submitted (case {caseNo}). We will tell you when the department accepts it.' },
    },
  },
  'case.accepted': {
    audience: 'applicant',
    params: ['item', 'caseNo', 'dueDate'],
    text: {
      'zh-CN': { title: '申请已受理', body: '办件 {caseNo}（{item}）已受理，承诺于 {dueDate} 前办结。' },
      'zh-TW': { title: '申請已受理', body: '案件 {caseNo}（{item}）已受理，預計於 {dueDate} 前辦結。' },
      en: { title: 'Application accepted', body: 'Case {caseNo} ({item}) has been accepted and will be decided by {dueDate}.' },
    },
  },
  'case.correction_requested': {
    audience: 'applicant',
    params: ['item', 'caseNo', 'missing'],
    text: {
      'zh-CN': { title: '请补正材料', body: '办件 {caseNo}（{item}）需要补正：{missing}。请一次补齐后重新提交。' },
      'zh-TW': { title: '請補正資料', body: '案件 {caseNo}（{item}）需要補正：{missing}。請一次補齊後重新送出。' },
      en: { title: 'Please complete your application', body: 'Case {caseNo} ({item}) needs: {missing}. Please provide everything listed and submit again.' },
    },
  },
  'case.approved': {
    audience: 'applicant',
    params: ['item', 'caseNo'],
    text: {
      'zh-CN': { title: '办件已办结（准予）', body: '办件 {caseNo}（{item}）已办结，结果为准予。欢迎对本次服务进行评价。' },
      'zh-TW': { title: '案件已辦結（核准）', body: '案件 {caseNo}（{item}）已辦結，結果為核准。歡迎為本次服務評分。' },
      en: { title: 'Case approved', body: 'Case {caseNo} ({item}) has been approved. Please rate this service.' },
    },
  },
  'case.rejected': {
    audience: 'applicant',
    params: ['item', 'caseNo', 'reason'],
    text: {
      'zh-CN': { title: '办件已办结（不予）', body: '办件 {caseNo}（{item}）未获准予。理由：{reason}。欢迎对本次服务进行评价。' },
      'zh-TW': { title: '案件已辦結（駁回）', body: '案件 {caseNo}（{item}）未獲核准。理由：{reason}。歡迎為本次服務評分。' },
      en: { title: 'Case refused', body: 'Case {caseNo} ({item}) was refused. Reason: {reason}. Please rate this service.' },
    },
  },
  'case.handed_over': {
    audience: 'applicant',
    params: ['item', 'caseNo', 'department'],
    text: {
      'zh-CN': { title: '办件已转交', body: '办件 {caseNo}（{item}）已转交{department}办理。' },
      'zh-TW': { title: '案件已轉交', body: '案件 {caseNo}（{item}）已轉交{department}辦理。' },
      en: { title: 'Case handed over', body: 'Case {caseNo} ({item}) has been handed over to {department}.' },
    },
  },
  'task.assigned': {
    audience: 'department',
    params: ['item', 'caseNo'],
    text: {
      'zh-CN': { title: '新的待办件', body: '办件 {caseNo}（{item}）已进入本部门待办。' },
      'zh-TW': { title: '新的待辦案件', body: '案件 {caseNo}（{item}）已進入本部門待辦。' },
      en: { title: 'New case in your inbox', body: 'Case {caseNo} ({item}) is waiting for your department.' },
    },
  },
  'task.due_soon': {
    audience: 'department',
    params: ['item', 'caseNo', 'dueDate'],
    text: {
      'zh-CN': { title: '办件即将到期', body: '办件 {caseNo}（{item}）将于 {dueDate} 到期，请及时办理。' },
      'zh-TW': { title: '案件即將到期', body: '案件 {caseNo}（{item}）將於 {dueDate} 到期，請及時辦理。' },
      en: { title: 'Case due soon', body: 'Case {caseNo} ({item}) is due on {dueDate}.' },
    },
  },
  'task.overdue': {
    audience: 'department',
    params: ['item', 'caseNo', 'dueDate'],
    text: {
      'zh-CN': { title: '办件已超期', body: '办件 {caseNo}（{item}）已超过办结时限（{dueDate}）。' },
      'zh-TW': { title: '案件已逾期', body: '案件 {caseNo}（{item}）已超過辦結期限（{dueDate}）。' },
      en: { title: 'Case overdue', body: 'Case {caseNo} ({item}) passed its deadline ({dueDate}).' },
    },
  },
  'rating.followup_opened': {
    audience: 'department',
    params: ['item', 'caseNo', 'level', 'dueDate'],
    text: {
      'zh-CN': { title: '差评待整改', body: '办件 {caseNo}（{item}）收到差评（{level} 星），请于 {dueDate} 前回访核实并答复整改情况。' },
      'zh-TW': { title: '負評待改善', body: '案件 {caseNo}（{item}）收到負評（{level} 星），請於 {dueDate} 前回訪核實並答覆改善情形。' },
      en: { title: 'Bad rating to follow up', body: 'Case {caseNo} ({item}) was rated {level} star(s). Please follow up and answer by {dueDate}.' },
    },
  },
  'rating.followup_returned': {
    audience: 'department',
    params: ['item', 'caseNo', 'note'],
    text: {
      'zh-CN': { title: '整改答复被退回', body: '办件 {caseNo}（{item}）的整改答复被退回：{note}' },
      'zh-TW': { title: '改善答覆被退回', body: '案件 {caseNo}（{item}）的改善答覆被退回：{note}' },
      en: { title: 'Follow-up answer returned', body: 'The follow-up answer for case {caseNo} ({item}) was returned: {note}' },
    },
  },
  'rating.followup_answered': {
    audience: 'applicant',
    params: ['item', 'caseNo', 'answer'],
    text: {
      'zh-CN': { title: '您的评价已有答复', body: '关于办件 {caseNo}（{item}）的评价，部门答复：{answer}' },
      'zh-TW': { title: '您的評價已有答覆', body: '關於案件 {caseNo}（{item}）的評價，部門答覆：{answer}' },
      en: { title: 'Reply to your rating', body: 'The department replied to your rating of case {caseNo} ({item}): {answer}' },
    },
  },
  'benefit.offered': {
    audience: 'applicant',
    params: ['policy', 'period', 'amount'],
    text: {
      'zh-CN': { title: '您有一项免申即享待遇', body: '经数据比对，您可享受“{policy}”（{period}年度）{amount} 元，无需申请。请在“我的免申即享”中授权发放并确认收款银行账户。' },
      'zh-TW': { title: '您有一項免申即享補助', body: '經資料比對，您可領取「{policy}」（{period}年度）{amount} 元，無需申請。請至「我的免申即享」授權撥付並確認收款銀行帳戶。' },
      en: { title: 'A benefit is waiting for you', body: 'From the data we hold you are entitled to "{policy}" ({period}): CNY {amount}, with no application. Please authorise the payment and confirm your bank account in "My benefits".' },
    },
  },
  'benefit.paid': {
    audience: 'applicant',
    params: ['policy', 'period', 'amount', 'account'],
    text: {
      'zh-CN': { title: '待遇已发放', body: '“{policy}”（{period}年度）{amount} 元已发放至您的账户 {account}。' },
      'zh-TW': { title: '補助已撥付', body: '「{policy}」（{period}年度）{amount} 元已撥入您的帳戶 {account}。' },
      en: { title: 'Benefit paid', body: '"{policy}" ({period}): CNY {amount} has been paid into your account {account}.' },
    },
  },
  'benefit.failed': {
    audience: 'applicant',
    params: ['policy', 'period', 'amount', 'reason'],
    text: {
      'zh-CN': { title: '待遇发放未成功', body: '“{policy}”（{period}年度）{amount} 元未能发放：{reason}。请在“我的免申即享”中更正收款账户后重新授权。' },
      'zh-TW': { title: '補助撥付未成功', body: '「{policy}」（{period}年度）{amount} 元未能撥付：{reason}。請至「我的免申即享」更正收款帳戶後重新授權。' },
      en: { title: 'Benefit payment failed', body: '"{policy}" ({period}): CNY {amount} could not be paid: {reason}. Please correct your bank account in "My benefits" and authorise again.' },
    },
  },
} as const satisfies Record<string, Template>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export function isTemplateKey(s: string): s is TemplateKey {
  return Object.hasOwn(TEMPLATES, s);
}

function isLocalized(v: object): v is LocalizedText {
  return 'zh-CN' in v && 'zh-TW' in v && 'en' in v;
}

/** One parameter as a reader in `locale` sees it. */
export function renderParam(v: ParamValue, locale: Locale): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x) => renderParam(x, locale)).join(locale === 'en' ? '; ' : '、');
  if ('officerText' in v) return officerTextFor(v.officerText, locale);
  if (isLocalized(v)) return v[locale];
  return '';
}

/** The parameters a template needs and the call did not give. */
export function missingParams(template: TemplateKey, params: NotificationParams): string[] {
  return TEMPLATES[template].params.filter((p) => !Object.hasOwn(params, p));
}

/** Title and body of `template` in `locale`. An unknown placeholder is left as written. */
export function render(template: TemplateKey, params: NotificationParams, locale: Locale): { title: string; body: string } {
  const t = TEMPLATES[template].text[locale];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? renderParam(params[name]!, locale) : m));
  return { title: fill(t.title), body: fill(t.body) };
}
