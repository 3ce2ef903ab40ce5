/**
 * Demo archive: a few closed units in several categories, archived through the service as the hooks of
 * the service hall, the registry and customs will (run on an empty database after the identity demo).
 */
import { sm3 } from '../../kernel/crypto/sm.ts';
import type { ArchiveService } from './archives.service.ts';

/** A small, well-formed PDF (one empty page) that claims PDF/A-2B in its XMP. */
export function demoPdf(title: string): Buffer {
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B"/></rdf:RDF></x:xmpmeta>`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(xmp)} >>\nstream\n${xmp}\nendstream`,
  ];
  let body = `%PDF-1.7\n% ${sm3(title).slice(0, 16)}\n`;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export const DEMO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * Document numbers of the invented registry and customs units. Real certificate numbers are digits only and
 * real clearance numbers `CL` + digits (the collector archives those as CJ/SJ records with the number as
 * 文号), so a `DEMO-` number can never equal one.
 */
export const DEMO_DOCUMENT_NOS = { SJ: 'DEMO-SJ-0001', CJ: 'DEMO-CJ-0001' } as const;

/** `orgIdOf` finds the owning departments (identity org codes) of the demo records. */
export async function seedArchivesDemo(archives: ArchiveService, orgIdOf: (code: string) => Promise<number | undefined> = async () => undefined): Promise<number> {
  const units = [
    { source: 'services.case' as const, sourceRef: 'DEMO-HY-0001', category: 'HY', owner: 'PT-SHSY', title: '结婚登记 王某某与林某某', responsible: '平潭综合实验区社会事业局', date: '2026-03-12', documentNo: '岚婚字〔2026〕12号', documentType: '结婚登记' },
    { source: 'services.case' as const, sourceRef: 'DEMO-QY-0001', category: 'QY', owner: 'PT-XZSP', title: '平潭海峡两岸电商科技有限公司设立登记', responsible: '平潭综合实验区行政审批局', date: '2026-04-02', documentNo: '岚审企〔2026〕88号', documentType: '设立登记' },
    { source: 'services.case' as const, sourceRef: 'DEMO-GJ-0001', category: 'GJ', owner: 'PT-CZJR', title: '住房公积金提取 陈某某', responsible: '平潭住房公积金管理部', date: '2026-05-20', documentType: '提取' },
    { source: 'registry.certificate' as const, sourceRef: 'DEMO-SJ-0001', category: 'SJ', owner: 'PT-BDB', title: '数据产权登记证书 港口物流数据集', responsible: '平潭综合实验区大数据管理局', date: '2026-06-08', documentNo: DEMO_DOCUMENT_NOS.SJ },
    { source: 'customs.clearance' as const, sourceRef: 'DEMO-CJ-0001', category: 'CJ', owner: 'PT-BDB', title: '数据出境通关 跨境电商订单数据', responsible: '平潭综合实验区大数据管理局', date: '2026-07-15', documentNo: DEMO_DOCUMENT_NOS.CJ, documentType: '出境通关' },
  ];
  let n = 0;
  for (const u of units) {
    const { owner, ...unit } = u;
    const r = await archives.archive(undefined, {
      ...unit,
      ownerOrgId: (await orgIdOf(owner)) ?? null,
      caseRef: u.sourceRef,
      metadata: { 摘要: `${u.title}（演示数据）` },
      files: [
        { name: `${u.title}.pdf`, buffer: demoPdf(u.title) },
        { name: '现场照片.png', buffer: DEMO_PNG },
      ],
    });
    if (r.created) n++;
  }
  return n;
}
