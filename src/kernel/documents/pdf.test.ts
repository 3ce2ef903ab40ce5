import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { describe, expect, it, vi } from 'vitest';
import { renderPdf } from './pdf.ts';

// fontkit as it is, counting the font files it parses.
const parsed = vi.hoisted(() => ({ files: 0 }));
vi.mock('fontkit', async (importOriginal) => {
  const fontkit = await importOriginal<typeof Fontkit>();
  return {
    ...fontkit,
    create: (...args: Parameters<typeof Fontkit.create>) => {
      parsed.files++;
      return fontkit.create(...args);
    },
  };
});

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

  it('parses each of its two font files once, however many documents it prints', async () => {
    await renderPdf(sample);
    await renderPdf({ title: '档案销毁清册', sections: [{ rows: [['销毁原因', '保管期满']] }] });
    await renderPdf(sample);
    expect(parsed.files).toBe(2);
  });

  it.runIf(hasPdftotext)('embeds in each document the characters it prints, with the fonts shared between documents', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-pdf-'));
    const texts: string[] = [];
    for (const [i, spec] of [sample, { title: '档案销毁清册', sections: [{ rows: [['销毁原因', '保管期满，经鉴定无继续保存价值']] as const }] }].entries()) {
      const file = path.join(dir, `${i}.pdf`);
      fs.writeFileSync(file, await renderPdf(spec));
      texts.push(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    }
    expect(texts[0]).toContain('臺灣某某股份有限公司');
    expect(texts[1]).toContain('档案销毁清册');
    expect(texts[1]).toContain('保管期满，经鉴定无继续保存价值');
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
