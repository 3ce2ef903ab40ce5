/**
 * Printable documents (certificates, clearances, compliance reports) as PDF with an embedded
 * Chinese font, so they print the same on any machine. The font ships with the project
 * (@expo-google-fonts/noto-sans-sc, OFL): nothing depends on fonts installed on the server.
 * pdfkit subsets the font, so a one-page certificate stays small.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create as parseFontFile, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface PrintableSection {
  heading?: string;
  /** Label/value rows, printed as a two-column table. */
  rows?: readonly (readonly [string, string])[];
  paragraphs?: readonly string[];
}

export interface PrintableDoc {
  title: string;
  subtitle?: string;
  sections: readonly PrintableSection[];
  /** A QR code (e.g. the public verification page) printed beside the first section. */
  qr?: { url: string; caption?: string };
  /** Small print at the bottom of the last page (signature key id, hash, disclaimer). */
  footer?: readonly string[];
  /** PDF metadata author; defaults to Landao. */
  author?: string;
}

interface DocumentFonts {
  regular: Font;
  bold: Font;
}

let fonts: DocumentFonts | undefined;

/**
 * Noto Sans SC in both weights (two TrueType files of 10 MB), read and parsed once per process and shared by every
 * document: given the bytes, pdfkit would parse each file again for every document, and decode again the tables
 * a layout needs (character map, metrics, GSUB/GPOS), which fontkit keeps on the parsed font. Each document still
 * embeds a subset of its own. A failure (files missing) is not kept: the next document tries again.
 */
function loadFonts(): DocumentFonts {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    fonts = {
      regular: parseFont(path.join(dir, '400Regular/NotoSansSC_400Regular.ttf')),
      bold: parseFont(path.join(dir, '700Bold/NotoSansSC_700Bold.ttf')),
    };
  }
  return fonts;
}

function parseFont(file: string): Font {
  const font = parseFontFile(fs.readFileSync(file));
  if ('fonts' in font) throw new Error(`${file} is a font collection, not a single font`);
  return font;
}

const MARGIN = 56;
const LABEL_WIDTH = 150;
const QR_SIZE = 110;

export async function renderPdf(spec: PrintableDoc): Promise<Buffer> {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // Fixed dates (and no random ID below) make identical input render identical bytes.
    info: { Title: spec.title, Author: spec.author ?? 'Landao', Creator: 'Landao', Producer: 'Landao', CreationDate: new Date(0), ModDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font (anything with `layout`) as well as bytes; its types name only bytes and paths.
  doc.registerFont('body', f.regular as unknown as Buffer);
  doc.registerFont('bold', f.bold as unknown as Buffer);

  const pageWidth = doc.page.width - MARGIN * 2;
  const textWidth = spec.qr ? pageWidth - QR_SIZE - 16 : pageWidth;

  doc.font('bold').fontSize(20).fillColor('#111').text(spec.title, MARGIN, MARGIN, { width: textWidth });
  if (spec.subtitle) doc.moveDown(0.2).font('body').fontSize(11).fillColor('#555').text(spec.subtitle, { width: textWidth });
  const headerBottom = doc.y;

  if (spec.qr) {
    const qr = QRCode.create(spec.qr.url, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const cell = QR_SIZE / (n + 2);
    const x0 = MARGIN + pageWidth - QR_SIZE;
    const y0 = MARGIN;
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) doc.rect(x0 + (x + 1) * cell, y0 + (y + 1) * cell, cell, cell);
    doc.fillColor('#000').fill();
    if (spec.qr.caption) doc.font('body').fontSize(8).fillColor('#555').text(spec.qr.caption, x0, y0 + QR_SIZE + 2, { width: QR_SIZE, align: 'center' });
    doc.y = Math.max(headerBottom, y0 + QR_SIZE + 16);
  }
  doc.x = MARGIN;
  doc.moveDown(0.8);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + pageWidth, doc.y).lineWidth(0.5).strokeColor('#999').stroke();
  doc.moveDown(0.6);

  for (const section of spec.sections) {
    if (section.heading) {
      ensureSpace(doc, 40);
      doc.font('bold').fontSize(13).fillColor('#111').text(section.heading, MARGIN, doc.y, { width: pageWidth });
      doc.moveDown(0.3);
    }
    for (const [label, value] of section.rows ?? []) {
      doc.font('body').fontSize(10.5);
      const h = Math.max(doc.heightOfString(label, { width: LABEL_WIDTH - 8 }), doc.heightOfString(value || '—', { width: pageWidth - LABEL_WIDTH }));
      ensureSpace(doc, h + 6);
      const y = doc.y;
      doc.fillColor('#555').text(label, MARGIN, y, { width: LABEL_WIDTH - 8 });
      doc.fillColor('#111').text(value || '—', MARGIN + LABEL_WIDTH, y, { width: pageWidth - LABEL_WIDTH });
      doc.y = y + h + 5;
    }
    for (const p of section.paragraphs ?? []) {
      doc.font('body').fontSize(10.5).fillColor('#111').text(p, MARGIN, doc.y, { width: pageWidth, align: 'left' });
      doc.moveDown(0.4);
    }
    doc.moveDown(0.6);
  }

  if (spec.footer?.length) {
    doc.font('body').fontSize(7.5).fillColor('#666');
    const h = spec.footer.reduce((s, line) => s + doc.heightOfString(line, { width: pageWidth }) + 2, 0);
    const bottom = doc.page.height - MARGIN;
    if (doc.y + h > bottom) doc.addPage();
    let y = Math.max(doc.y, bottom - h);
    for (const line of spec.footer) {
      doc.text(line, MARGIN, y, { width: pageWidth, lineBreak: true });
      y = doc.y + 2;
    }
  }
  doc.end();
  return done;
}

function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > doc.page.height - MARGIN) {
    doc.addPage();
    doc.y = MARGIN;
  }
}
