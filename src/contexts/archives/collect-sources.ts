/**
 * The collector's sources: adapters from the read ports of services (closed cases), registry (issued
 * certificates) and customs (issued clearances) to archive inputs with DA/T 46 metadata. Those contexts
 * never import archives; archives reads them through their index.ts.
 */
import { renderPdf } from '../../kernel/documents/pdf.ts';
import type { CaseService } from '../services/index.ts';
import { renderCertificatePdf, type RegistryPublic, type RegistryService } from '../registry/index.ts';
import { clearancePdf, type DeclarationService } from '../customs/index.ts';
import { chinaDate } from './archives.service.ts';
import type { CollectSource } from './collect.ts';

const day = (iso: string) => chinaDate(new Date(iso));
const jsonFile = (name: string, value: unknown) => ({ name, buffer: Buffer.from(JSON.stringify(value, null, 2) + '\n'), mediaType: 'application/json' });
/** 机构 code of the 档号 from a department code: `PT-BDC` → `BDC`. */
const orgCode = (code: string) => code.replace(/^PT-/, '').replace(/[^A-Z0-9]/g, '').slice(0, 8) || 'TB';
const OUTCOME_ZH: Record<string, string> = { approved: '办结（准予）', rejected: '办结（不予）', withdrawn: '撤回' };

/** Closed service-hall cases (办件) → category TB: the case summary (JSON + PDF of form, timeline, decision) and its attachments. */
export function closedCaseSource(cases: Pick<CaseService, 'closedCasesSince' | 'caseArchivePackage'>): CollectSource {
  return {
    name: 'services.case',
    since: async (cursor, limit) => (await cases.closedCasesSince(cursor, limit)).map((c) => ({ ref: String(c.id), at: c.closedAt, id: c.id })),
    package: async (ref) => {
      const c = await cases.caseArchivePackage(Number(ref));
      if (!c) return undefined;
      const { attachments, ...rest } = c;
      const summary = { kind: 'landao.services.case-summary', ...rest, attachments: attachments.map(({ open: _open, ...a }) => a) };
      const itemName = c.item.name['zh-CN'] ?? c.item.code;
      const pdf = await renderPdf({
        title: `${itemName} 办件摘要`,
        subtitle: `Case summary ${c.caseNo}`,
        sections: [
          {
            rows: [
              ['办件编号 Case no.', c.caseNo],
              ['事项 Item', `${itemName}（${c.item.code} v${c.item.version}）`],
              ['承办部门 Department', c.department.name],
              ['申请人 Applicant', c.applicant.name],
              ['提交 Submitted', c.submittedAt],
              ['受理 Accepted', c.acceptedAt ?? '-'],
              ['办结 Closed', c.closedAt],
              ['结果 Outcome', OUTCOME_ZH[c.outcome] ?? c.outcome],
            ],
          },
          { heading: '表单 Form', rows: Object.entries(c.form).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as const) },
          { heading: '办理过程 Timeline', rows: c.timeline.map((t) => [`${t.seq}. ${t.at}`, `${t.action}${t.taskId ? ` · ${t.taskId}` : ''}${t.actorName ? ` · ${t.actorName}` : ''}${Object.keys(t.detail).length ? ` · ${JSON.stringify(t.detail)}` : ''}`] as const) },
        ],
      });
      return {
        source: 'services.case',
        sourceRef: ref,
        category: 'TB',
        org: orgCode(c.department.code),
        title: `${itemName}（${c.caseNo}）`,
        responsible: c.department.name,
        date: day(c.closedAt),
        documentNo: c.caseNo,
        caseRef: c.caseNo,
        metadata: { 事项编码: c.item.code, 申请人: c.applicant.name, 办理结果: OUTCOME_ZH[c.outcome] ?? c.outcome, 受理时间: c.acceptedAt ?? '', 办结时间: c.closedAt },
        ownerOrgId: c.department.orgId,
        files: [
          jsonFile(`办件摘要-${c.caseNo}.json`, summary),
          { name: `办件摘要-${c.caseNo}.pdf`, buffer: pdf, mediaType: 'application/pdf' },
          ...(await Promise.all(attachments.map(async (a) => ({ name: `${a.kind}-${a.filename}`, stream: await a.open(), mediaType: a.mediaType, sm3: a.sm3 })))),
        ],
      };
    },
  };
}

/** Issued data property certificates → category SJ: the signed JSON, the Verifiable Credential and the printable PDF. */
export function certificateSource(registry: RegistryService, pub: RegistryPublic): CollectSource {
  return {
    name: 'registry.certificate',
    since: async (cursor, limit) => (await registry.certificatesIssuedSince(cursor, limit)).map((c) => ({ ref: c.certificateNo, at: c.issuedAt, id: c.id })),
    package: async (no) => {
      const c = await registry.certificateArchivePackage(no);
      if (!c) return undefined;
      return {
        source: 'registry.certificate',
        sourceRef: no,
        category: 'SJ',
        title: `数据产权登记证书 ${no}（${c.dataName}）`,
        responsible: c.document.payload.issuer.name,
        date: day(c.issuedAt),
        documentNo: no,
        caseRef: c.registrationNo,
        metadata: { 登记号: c.registrationNo, 登记主体: c.holderName, 数据名称: c.dataName, 登记簿: c.book },
        ownerOrgId: null,
        files: [jsonFile(`证书-${no}.json`, c.document), jsonFile(`证书-${no}.vc.json`, c.credential), { name: `证书-${no}.pdf`, buffer: await renderCertificatePdf(registry, pub, no), mediaType: 'application/pdf' }],
      };
    },
  };
}

/** Issued customs clearances (通关凭证) → category CJ: the signed JSON and the printable PDF. */
export function clearanceSource(declarations: Pick<DeclarationService, 'clearancesIssuedSince' | 'clearanceArchivePackage'>): CollectSource {
  return {
    name: 'customs.clearance',
    since: async (cursor, limit) => (await declarations.clearancesIssuedSince(cursor, limit)).map((c) => ({ ref: c.no, at: c.issuedAt, id: c.id })),
    package: async (no) => {
      const c = await declarations.clearanceArchivePackage(no);
      if (!c) return undefined;
      return {
        source: 'customs.clearance',
        sourceRef: no,
        category: 'CJ',
        documentType: '出境通关',
        title: `数据出境通关凭证 ${no}（${c.exporterName}）`,
        responsible: c.document.payload.issuer,
        date: day(c.issuedAt),
        documentNo: no,
        caseRef: c.declarationNo,
        metadata: { 申报编号: c.declarationNo, 数据出境方: c.exporterName, 境外接收方: `${c.document.payload.recipient.name}（${c.document.payload.recipient.country}）` },
        ownerOrgId: null,
        files: [jsonFile(`通关凭证-${no}.json`, c.document), { name: `通关凭证-${no}.pdf`, buffer: await clearancePdf(c.document, 'zh-CN'), mediaType: 'application/pdf' }],
      };
    },
  };
}
