/**
 * The type of an uploaded attachment, from its first bytes (magic numbers), never from its name or
 * the browser's Content-Type: PDF, JPEG, PNG, and OFD (the Chinese fixed-layout format, GB/T 33190:
 * a ZIP package with OFD.xml at its root).
 */
import { AppError } from '../../../kernel/errors.ts';

export type AttachmentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/ofd';

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

export function sniffMediaType(head: Buffer): AttachmentMediaType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // ZIP local file header; an OFD package names OFD.xml among its entries.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && head.includes('OFD.xml')) return 'application/ofd';
  return null;
}

/** The media type, or 400 naming the file. */
export function expectAttachmentType(filename: string, head: Buffer): AttachmentMediaType {
  const t = sniffMediaType(head);
  if (!t) throw new AppError('validation_failed', `${filename}: not a PDF, JPEG, PNG or OFD file`, { field: 'file', filename });
  return t;
}
