import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import { renderPdf } from '../../kernel/documents/pdf.ts';
import { hasIntactXref, pdfText, warmUpPdfText } from './pdf-text.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

const ADMIN: Principal = { kind: 'user', id: 1, name: 'admin', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN', ip: null };

/** A PDF from its objects (numbered from 1, the first the catalog) with a correct cross-reference table. */
function pdfOf(objects: string[]): Buffer {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** One page of text set in STSong-Light, a font the PDF does not embed: UCS-2 codes through the predefined UniGB-UCS2-H CMap, no ToUnicode. */
function songtiPdf(text: string): Buffer {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  const content = `BT /F1 18 Tf 72 760 Td <${hex}> Tj ET`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

describe('PDF text for the search index', () => {
  it('reads the Chinese text of a PDF printed with the embedded Noto font, in reading order', async () => {
    const pdf = await renderPdf({ title: '数据出境通关凭证', sections: [{ heading: '基本信息', rows: [['数据出境方', '平潭岚岛生物医药科技有限公司']], paragraphs: ['多中心临床试验汇总分析'] }] });
    const text = await pdfText(pdf, 10_000);
    expect(text.split('\n')).toEqual(['数据出境通关凭证', '基本信息', '数据出境方 平潭岚岛生物医药科技有限公司', '多中心临床试验汇总分析']);
  });

  it('warms up by printing a PDF with the CJK fonts and reading its text back', async () => {
    await expect(warmUpPdfText()).resolves.toBeUndefined();
  });

  it('reads text set in a font the PDF does not embed, through the CJK CMaps pdfjs-dist ships', async () => {
    expect(await pdfText(songtiPdf('岚岛海峡两岸冷链物流补正通知'), 10_000)).toBe('岚岛海峡两岸冷链物流补正通知');
  });

  it('stops at the character limit', async () => {
    expect(await pdfText(songtiPdf('一二三四五六七八九十'), 4)).toBe('一二三四');
  });

  it('leaves a PDF-shaped file whose startxref points at no cross-reference section unread, and gives nothing for a damaged one', async () => {
    const shaped = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x41), Buffer.from('\nstartxref\n0\n%%EOF\n')]);
    expect(hasIntactXref(shaped)).toBe(false);
    expect(await pdfText(shaped, 10_000)).toBe('');
    const good = songtiPdf('完好');
    expect(hasIntactXref(good)).toBe(true);
    const damaged = Buffer.from(good);
    damaged.write('garbage!', good.indexOf('xref\n0 ') + 1, 'latin1');
    expect(hasIntactXref(damaged)).toBe(false);
    // Intact cross-references, but the catalog names pages that do not exist: pdf.js fails, the text is empty.
    const broken = Buffer.from(good.toString('latin1').replace('/Pages 2 0 R >>', '/Pages 9 0 R >>'), 'latin1');
    expect(hasIntactXref(broken)).toBe(true);
    expect(await pdfText(broken, 10_000)).toBe('');
  });
});

describeEachDialect('searching the text of archived PDFs', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  beforeAll(() => {
    fx = archiveFixture(get().db);
  });
  afterAll(() => fx.dispose());

  it('finds a record by a word that only its PDF contains, with a snippet from the PDF', async () => {
    const r = await fx.archives.archive(undefined, marriageCase('PDF-1', { files: [{ name: '补正通知书.pdf', buffer: songtiPdf('申请人应补正冷链仓储许可证明') }] }));
    const found = await fx.archives.search.search(ADMIN, { q: '冷链仓储' });
    expect(found.items.map((i) => i.archivalCode)).toEqual([r.archivalCode]);
    expect(found.items[0]!.snippet).toContain('【冷链】【仓储】');
  });
});
