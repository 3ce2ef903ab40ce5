/**
 * Text of a PDF for the archive's full-text index, read with pdf.js (pdfjs-dist 4.10, the legacy build:
 * the last line that runs on Node 20). Only the text layer is read — nothing is rendered — page by page
 * until `maxChars` (or MAX_PAGES); CJK text in fonts without a ToUnicode map is decoded with the CMaps
 * pdfjs-dist ships (no network, no fonts of the machine). Scripts in a PDF never run (`isEvalSupported: false`).
 *
 * A PDF whose `startxref` does not point at a cross-reference section is left unread: pdf.js would rebuild
 * the table by scanning the whole file (about 40 ms of CPU per MiB), which an archive ingest must not pay
 * for a damaged or PDF-shaped file. A PDF pdf.js cannot open (damaged, encrypted with a user password)
 * gives '' as well — its 四性 checks report it; search simply has no words from it.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { renderPdf } from '../../kernel/documents/pdf.ts';

/** Pages read at most per PDF. */
export const MAX_PAGES = 2000;

const dist = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_DIR = `${path.join(dist, 'cmaps')}${path.sep}`;
const FONT_DIR = `${path.join(dist, 'standard_fonts')}${path.sep}`;

/** Whether the last `startxref` of the file points at an `xref` table or a cross-reference stream object. */
export function hasIntactXref(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF/.exec(tail.slice(tail.lastIndexOf('startxref')));
  if (!m) return false;
  const at = Number(m[1]);
  if (!(at > 0 && at < bytes.length)) return false;
  return /^\s*(xref\b|\d+\s+\d+\s+obj\b)/.test(bytes.subarray(at, at + 64).toString('latin1'));
}

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

/** The text of `bytes` (a PDF), pages separated by newlines, at most `maxChars` characters. */
export async function pdfText(bytes: Buffer, maxChars: number): Promise<string> {
  if (!hasIntactXref(bytes)) return '';
  // Loaded on the first PDF (or by warmUpPdfText): a process that never reads one does not load pdf.js. Node keeps the
  // module; pdf.js keeps its in-process worker, loaded on the first document.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (and detaches) the array it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: FONT_DIR,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  const pages: string[] = [];
  let length = 0;
  try {
    const doc = await task.promise;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && length < maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = (content.items as TextItem[])
        .map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : ''))
        .join('')
        .replace(/[ \t]+/g, ' ')
        .trim();
      page.cleanup();
      if (text !== '') {
        pages.push(text);
        length += text.length + 1;
      }
    }
  } catch {
    return '';
  } finally {
    await task.destroy();
  }
  return pages.join('\n').slice(0, maxChars);
}

const WARM_UP_TEXT = '岚岛电子档案';

/**
 * Prints a small PDF with the kernel's CJK fonts and reads its text back, so that what the first archived PDF would
 * otherwise load inside a request is in memory: the parsed fonts (pdf.ts keeps them) and pdf.js with its worker
 * (about 0.5 s of CPU on a quiet machine). `landao serve` calls it in the background once it listens. Rejects if the
 * fonts cannot be loaded or pdf.js reads something else.
 */
export async function warmUpPdfText(): Promise<void> {
  const text = await pdfText(await renderPdf({ title: WARM_UP_TEXT, sections: [{ paragraphs: [WARM_UP_TEXT] }] }), 100);
  if (text !== `${WARM_UP_TEXT}\n${WARM_UP_TEXT}`) throw new Error(`pdf.js read ${JSON.stringify(text)} from the warm-up PDF`);
}
