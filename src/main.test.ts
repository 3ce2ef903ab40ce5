/**
 * The platform's warm-up, which `landao serve` runs in the background once it listens: the CJK fonts and pdf.js are
 * loaded before the first document needs them, and a failure to load them is logged without stopping the server.
 */
import { expect, it, vi } from 'vitest';
import { describeApp } from '../test/helpers/app.ts';
import type * as Printing from './kernel/documents/pdf.ts';
import { renderPdf } from './kernel/documents/pdf.ts';

// The printing kernel as it is, except where a test makes it fail as missing font files would.
vi.mock('./kernel/documents/pdf.ts', async (importOriginal) => {
  const pdf = await importOriginal<typeof Printing>();
  return { ...pdf, renderPdf: vi.fn(pdf.renderPdf) };
});

describeApp('warming up the PDF fonts and pdf.js', (get) => {
  it('prints and reads a PDF when asked, and logs that the fonts and pdf.js are loaded', async () => {
    const { platform } = get();
    const info = vi.spyOn(platform.http.log, 'info');
    const warn = vi.spyOn(platform.http.log, 'warn');
    try {
      const printed = vi.mocked(renderPdf).mock.calls.length;
      await platform.warmUp();
      expect(vi.mocked(renderPdf).mock.calls.length).toBe(printed + 1);
      expect(info).toHaveBeenCalledWith({ ms: expect.any(Number) as number }, 'PDF fonts and pdf.js loaded');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
  });

  it('logs a warm-up that cannot load the fonts and goes on answering requests', async () => {
    const app = get();
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'NotoSansSC_400Regular.ttf'"), { code: 'ENOENT' });
    vi.mocked(renderPdf).mockRejectedValueOnce(missing);
    const warn = vi.spyOn(app.platform.http.log, 'warn');
    try {
      await expect(app.platform.warmUp()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith({ err: missing }, 'could not load the PDF fonts and pdf.js ahead of use; the first document will try again');
    } finally {
      warn.mockRestore();
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // The failure is not kept: the next document loads the fonts.
    const pdf = await renderPdf({ title: '数据出境通关凭证', sections: [] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
