/**
 * Printable forms of a declaration: the clearance (通关凭证) with its QR code, and the compliance
 * report an exporter files (申报合规报告). Labels follow the reader's language; the data stays as
 * declared.
 */
import { renderPdf, type PrintableSection } from '../../../kernel/documents/pdf.ts';
import type { SignedDocument } from '../../../kernel/documents/signed-document.ts';
import { subclassName } from '../rules/catalog.ts';
import type { Lang } from '../rules/text.ts';
import type { ClearancePayload, DeclarationDto } from './declarations.service.ts';

const T = {
  'zh-CN': {
    clearance: '数据出境通关凭证',
    report: '数据出境申报合规报告',
    no: '凭证编号', declarationNo: '申报编号', exporter: '数据出境方', recipient: '境外接收方', country: '国家/地区', purpose: '出境目的',
    industry: '行业', scenario: '场景', route: '出境路径', basis: '依据', evidence: '路径凭据', scope: '出境范围', subclasses: '数据子类', fields: '字段',
    grade: '数据级别', maxPersons: '人数上限', personal: '个人信息', sensitive: '敏感个人信息', validity: '有效期', issuedAt: '签发时间', dataSm3: '数据 SM3',
    scan: '识别结果', columns: '字段识别', decision: '路径判定', notes: '说明', history: '办理记录', state: '状态', none: '无', persons: '人',
    scanQr: '扫码核验凭证', signedBy: '签名算法 SM2/SM3，签名密钥', signature: '签名值', verifyAt: '核验地址',
    listItems: '命中负面清单条目', already: '本年已出境', thisTransfer: '本次出境',
  },
  'zh-TW': {
    clearance: '資料出境通關憑證',
    report: '資料出境申報合規報告',
    no: '憑證編號', declarationNo: '申報編號', exporter: '資料出境方', recipient: '境外接收方', country: '國家/地區', purpose: '出境目的',
    industry: '行業', scenario: '情境', route: '出境路徑', basis: '依據', evidence: '路徑憑據', scope: '出境範圍', subclasses: '資料子類', fields: '欄位',
    grade: '資料等級', maxPersons: '人數上限', personal: '個人資料', sensitive: '敏感個人資料', validity: '有效期間', issuedAt: '簽發時間', dataSm3: '資料 SM3',
    scan: '識別結果', columns: '欄位識別', decision: '路徑判定', notes: '說明', history: '辦理紀錄', state: '狀態', none: '無', persons: '人',
    scanQr: '掃碼核驗憑證', signedBy: '簽章演算法 SM2/SM3，簽章金鑰', signature: '簽章值', verifyAt: '核驗網址',
    listItems: '命中負面清單條目', already: '本年已出境', thisTransfer: '本次出境',
  },
  en: {
    clearance: 'Outbound Data Clearance',
    report: 'Outbound Data Declaration — Compliance Report',
    no: 'Clearance no.', declarationNo: 'Declaration no.', exporter: 'Exporter', recipient: 'Recipient abroad', country: 'Country/region', purpose: 'Purpose',
    industry: 'Industry', scenario: 'Scenario', route: 'Route', basis: 'Basis', evidence: 'Route reference', scope: 'Scope', subclasses: 'Data subclasses', fields: 'Fields',
    grade: 'Grade', maxPersons: 'Maximum persons', personal: 'personal information', sensitive: 'sensitive personal information', validity: 'Valid', issuedAt: 'Issued', dataSm3: 'Data SM3',
    scan: 'Scan', columns: 'Columns', decision: 'Route decision', notes: 'Explanation', history: 'History', state: 'State', none: 'none', persons: 'persons',
    scanQr: 'Scan to verify', signedBy: 'Signed with SM2/SM3, key', signature: 'Signature', verifyAt: 'Verify at',
    listItems: 'Negative-list items', already: 'Already exported this year', thisTransfer: 'This transfer',
  },
} as const;

const ROUTE: Record<Lang, Record<string, string>> = {
  'zh-CN': { prohibited: '禁止出境', security_assessment: '数据出境安全评估', standard_contract_or_certification: '个人信息出境标准合同或保护认证', exempt: '免予申报' },
  'zh-TW': { prohibited: '禁止出境', security_assessment: '資料出境安全評估', standard_contract_or_certification: '個人資料出境標準契約或保護認證', exempt: '免予申報' },
  en: { prohibited: 'Prohibited', security_assessment: 'Security assessment', standard_contract_or_certification: 'Standard contract or certification', exempt: 'Exempt' },
};

const fmt = (n: number) => n.toLocaleString('en-US');

export async function clearancePdf(doc: SignedDocument<ClearancePayload>, lang: Lang, status?: string): Promise<Buffer> {
  const t = T[lang];
  const c = doc.payload;
  const rows: [string, string][] = [
    [t.no, c.no],
    [t.declarationNo, c.declarationNo],
    [t.exporter, c.exporter.name],
    [t.recipient, `${c.recipient.name}（${c.recipient.country}）`],
    [t.purpose, c.purpose],
    [t.industry, c.industry + (c.scenario ? ` / ${c.scenario}` : '')],
    [t.route, ROUTE[lang][c.route] ?? c.route],
    [t.basis, c.basis.join('; ')],
    [t.evidence, c.routeEvidence ?? t.none],
    [t.validity, `${c.validFrom} — ${c.validUntil}`],
    [t.issuedAt, c.issuedAt],
  ];
  if (status) rows.push([t.state, status]);
  const scope: [string, string][] = [
    [t.subclasses, c.scope.subclasses.map((s) => `${s} ${subclassName(s, lang) ?? ''}`.trim()).join('\n') || t.none],
    [t.fields, c.scope.fields.join('、') || t.none],
    [t.grade, c.scope.grade],
    [t.maxPersons, `${t.personal} ${fmt(c.scope.maxPersons.personalSubjects)} ${t.persons}; ${t.sensitive} ${fmt(c.scope.maxPersons.sensitiveSubjects)} ${t.persons}`],
  ];
  if (c.dataSm3) scope.push([t.dataSm3, c.dataSm3]);
  return renderPdf({
    title: t.clearance,
    subtitle: c.issuer,
    qr: { url: c.verifyUrl, caption: t.scanQr },
    sections: [{ rows }, { heading: t.scope, rows: scope }],
    footer: [`${t.verifyAt} ${c.verifyUrl}`, `${t.signedBy} ${doc.signature.keyId}`, `${t.signature} ${doc.signature.value}`],
  });
}

export async function complianceReportPdf(d: DeclarationDto, exporterName: string, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const sections: PrintableSection[] = [
    {
      rows: [
        [t.declarationNo, d.no],
        [t.exporter, exporterName],
        [t.recipient, `${d.form.recipient.name}（${d.form.recipient.country}）`],
        [t.purpose, d.form.purpose],
        [t.industry, d.form.industry + (d.form.scenario ? ` / ${d.form.scenario}` : '')],
        [t.state, d.state],
      ],
    },
  ];
  if (d.analysis) {
    const a = d.analysis;
    sections.push({
      heading: t.scan,
      rows: [
        [t.grade, a.grade],
        [t.subclasses, a.subclasses.map((s) => `${s} ${subclassName(s, lang) ?? ''}`.trim()).join('\n') || t.none],
        [t.thisTransfer, `${t.personal} ${fmt(a.transfer.personalSubjects)}; ${t.sensitive} ${fmt(a.transfer.sensitiveSubjects)}`],
        [t.already, `${t.personal} ${fmt(a.alreadyExportedThisYear.personalSubjects)}; ${t.sensitive} ${fmt(a.alreadyExportedThisYear.sensitiveSubjects)}`],
        [t.listItems, a.negativeListItems.map((i) => `${i.id} → ${ROUTE[lang][i.route === 'exempt_with_filing' ? 'exempt' : i.route] ?? i.route}`).join('\n') || t.none],
      ],
    });
    sections.push({
      heading: t.columns,
      rows: a.columns
        .filter((c) => c.labels.length || c.detections.length)
        .slice(0, 60)
        .map((c) => [c.name, [c.detections.map((x) => `${x.type} ${(x.ratio * 100).toFixed(0)}%`).join(', '), c.labels.map((l) => l.subclassId).join(', ')].filter(Boolean).join(' · ')] as [string, string]),
    });
  }
  if (d.decision) {
    sections.push({ heading: t.decision, rows: [[t.route, ROUTE[lang][d.decision.outcome] ?? d.decision.outcome], [t.basis, d.decision.basis.join('; ')]], paragraphs: d.decision.notes[lang] });
  }
  sections.push({ heading: t.history, rows: d.history.map((h) => [h.at.slice(0, 16).replace('T', ' '), `${h.action}${h.actorName ? ` · ${h.actorName}` : ''}${h.comment ? ` — ${h.comment}` : ''}`] as [string, string]) });
  return renderPdf({ title: t.report, subtitle: d.no, sections, footer: ['Landao · 平潭综合实验区数据海关'] });
}
