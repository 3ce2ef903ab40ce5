import { describe, expect, it } from 'vitest';
import { expectAttachmentType, sniffMediaType } from './attachment-type.ts';

describe('attachment types by magic bytes', () => {
  it('recognises PDF, JPEG, PNG and OFD from their first bytes, whatever the name says', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMediaType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('OFD.xml')]))).toBe('application/ofd');
  });

  it('refuses a ZIP that is not an OFD package and any other file, naming the file', () => {
    expect(sniffMediaType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]))).toBeNull();
    expect(() => expectAttachmentType('证明.pdf', Buffer.from('MZ\x90\x00'))).toThrow(/证明\.pdf: not a PDF, JPEG, PNG or OFD file/);
  });
});
