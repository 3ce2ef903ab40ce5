import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const sample = {
  title: '数据出境通关凭证',
  subtitle: '平潭综合实验区数据海关',
  sections: [
    { heading: '基本信息', rows: [['出境方', '平潭某某科技有限公司'], ['接收方', '臺灣某某股份有限公司'], ['有效期', '2026-12-01 至 2027-11-30']] as const },
    { heading: '说明', paragraphs: ['本凭证由平台以 SM2 签名，可扫描二维码在线核验。'] },
  ],
  qr: { url: 'https://landao.example/verify/clearance/abc', caption: '扫码核验' },
  footer: ['签名密钥 0123abcd', 'SM3 0000'],
};

describe('printable PDF', () => {
  it('renders a PDF document', async () => {
    const pdf = await renderPdf(sample);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
  });

  it('renders the same bytes for the same input', async () => {
    const a = await renderPdf(sample);
    const b = await renderPdf(sample);
    expect(a.equals(b)).toBe(true);
  });

  it.runIf(hasPdftotext)('embeds a font that carries Simplified and Traditional Chinese text', async () => {
    const pdf = await renderPdf(sample);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'landao-pdf-')), 'a.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('数据出境通关凭证');
    expect(text).toContain('臺灣某某股份有限公司');
    expect(text).toContain('扫码核验');
  });
});
