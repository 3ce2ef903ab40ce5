/**
 * PDF text extraction for the archive search (pdf-text.ts, pdf.js): CPU time (user + system) per PDF for the
 * first PDF of a process (pdf.js loads), a one-page printed document with an embedded CJK font (renderPdf, as
 * clearances and certificates are), the demo's text-less page, and what the startxref check saves on a
 * PDF-shaped file of random bytes (pdf.js would rebuild its cross-references by scanning the whole file).
 *
 *   npx tsx bench/archives/pdf-text.bench.ts [--n 50] [--mb 16]
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { demoPdf } from '../../src/contexts/archives/archives.demo.ts';
import { pdfText } from '../../src/contexts/archives/pdf-text.ts';
import { renderPdf } from '../../src/kernel/documents/pdf.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '50' }, mb: { type: 'string', default: '16' } } });
const n = Number(values.n);
const mb = Number(values.mb);

async function cpu(fn: () => Promise<unknown>): Promise<number> {
  const c = process.cpuUsage();
  await fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
}

console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, node ${process.version}`);
const printed = await renderPdf({ title: '数据出境通关凭证', subtitle: 'CL2026000007', sections: [{ heading: '基本信息', rows: [['数据出境方', '平潭岚岛生物医药科技有限公司'], ['境外接收方', '臺灣某某臨床研究股份有限公司（TW）']], paragraphs: ['多中心临床试验汇总分析的随访数据，传输加密（SM4）。'] }] });
console.log(`first PDF of the process (loads pdf.js):   ${(await cpu(() => pdfText(printed, 200_000))).toFixed(1)} ms CPU`);
const each = async (label: string, pdf: Buffer) => {
  const ms = await cpu(async () => {
    for (let i = 0; i < n; i++) await pdfText(pdf, 200_000);
  });
  console.log(`${label.padEnd(42)} ${(ms / n).toFixed(2)} ms CPU each (${n} runs, ${pdf.length} bytes)`);
};
await each('printed page, embedded Noto Sans SC:', printed);
await each('demo page without text:', demoPdf('bench'));
const shaped = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(mb * 1048576 - 30), Buffer.from('\nstartxref\n0\n%%EOF\n')]);
console.log(`${`${mb} MiB PDF-shaped random bytes (skipped):`.padEnd(42)} ${(await cpu(() => pdfText(shaped, 200_000))).toFixed(2)} ms CPU`);
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const rebuilt = await cpu(async () => {
  const task = getDocument({ data: new Uint8Array(shaped), isEvalSupported: false, verbosity: 0 });
  await task.promise.catch(() => undefined);
  await task.destroy();
});
console.log(`${`the same opened by pdf.js (rebuilds xref):`.padEnd(42)} ${rebuilt.toFixed(0)} ms CPU (${(rebuilt / mb).toFixed(1)} ms/MiB)`);
console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
