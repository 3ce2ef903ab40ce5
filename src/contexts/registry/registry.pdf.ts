/** The printable certificate: one page with the registration data, a QR code to the public verification page and the SM2 signature. */
import { renderPdf } from '../../kernel/documents/pdf.ts';
import { notFound } from '../../kernel/errors.ts';
import type { CertificateDocument } from './registry.certificates.ts';
import type { RegistryPublic } from './registry.public.ts';
import type { RegistryService } from './registry.service.ts';

const STATUS_ZH: Record<string, string> = { valid: '有效', pledged: '有效（已质押）', suspended: '中止', cancelled: '已注销', expired: '已过期', superseded: '已换发' };

export async function renderCertificatePdf(registry: RegistryService, pub: RegistryPublic, certificateNo: string): Promise<Buffer> {
  const c = await registry.certificate(certificateNo);
  if (!c) throw notFound('certificate', certificateNo);
  const doc = JSON.parse(c.certificate.document) as CertificateDocument;
  const p = doc.payload;
  const status = await pub.status(certificateNo);
  const book = registry.config.books.find((b) => b.id === p.book)!;
  const rights = p.rights.map((r) => registry.config.rights.find((x) => x.id === r)!.zh).join('、');
  return renderPdf({
    title: `${book.zh}登记证书`,
    subtitle: `Data Property Registration Certificate · ${book.en}`,
    sections: [
      {
        rows: [
          ['证书编号 Certificate No.', p.certificateNo],
          ['登记号 Registration No.', p.registrationNo],
          ['登记主体 Holder', p.holder.name],
          ['数据名称 Data name', p.data.name],
          ['登记权利 Rights', rights],
          ['数据SM3摘要 Data SM3', p.data.sm3],
          ['有效期 Validity', `${p.validFrom} 至 ${p.validUntil}`],
          ['签发时间 Issued', p.issuedAt],
          ['透明日志序号 Log index', String(p.logIndex)],
          ['当前状态 Status', `${STATUS_ZH[status.status] ?? status.status}（${status.checkedAt.slice(0, 10)}）`],
        ],
      },
      {
        heading: '说明 Notes',
        paragraphs: [
          '本证书是数据持有、取得合法性的初步证明，不代表对数据权属的终局认定。扫描二维码查看登记的当前状态、权利负担和有效期。',
          'This certificate is prima facie evidence only. Scan the QR code for the current status, encumbrances and validity.',
        ],
      },
    ],
    qr: { url: p.verifyUrl, caption: '扫码核验 Verify' },
    footer: [
      `${p.issuer.name} · SM2-SM3 签名 key ${doc.signature.keyId}`,
      `签名 Signature: ${doc.signature.value}`,
    ],
    author: p.issuer.name,
  });
}
