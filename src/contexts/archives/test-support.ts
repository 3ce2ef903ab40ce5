/** Shared by the archives tests: a service on a fresh database and blob directory, and sample inputs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnyDb } from '../../db/database.ts';
import { LocalBlobStore } from '../../kernel/blob/local-blob-store.ts';
import { LocalKeySigner } from '../../kernel/crypto/signer.ts';
import { AuditService } from '../audit/index.ts';
import { demoPdf, DEMO_PNG } from './archives.demo.ts';
import { ArchiveService, type ArchiveInput } from './archives.service.ts';
import type { VirusScanner } from './four-checks.ts';

/** A machine without ClamAV, whatever this one has installed. */
export const NO_SCANNER: VirusScanner = { available: () => null, scan: async () => ({ clean: true, evidence: '' }) };

/** `blobDir` shares another fixture's blob store (a second process in the crash test). */
export function archiveFixture(db: AnyDb, scanner: VirusScanner = NO_SCANNER, blobDir?: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-archives-'));
  const blobs = new LocalBlobStore(blobDir ?? path.join(dir, 'blobs'));
  const archives = new ArchiveService({ db, audit: new AuditService(db, LocalKeySigner.generate()), blobs, fonds: 'PT01', scanner, now: () => new Date('2026-11-20T02:00:00Z') });
  return { dir, blobs, archives, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function marriageCase(ref: string, over: Partial<ArchiveInput> = {}): ArchiveInput {
  return {
    source: 'services.case',
    sourceRef: ref,
    category: 'HY',
    title: `结婚登记 ${ref}`,
    responsible: '平潭综合实验区社会事业局',
    date: '2026-03-12',
    documentNo: `岚婚字〔2026〕${ref}号`,
    caseRef: ref,
    metadata: { 摘要: '演示' },
    files: [
      { name: '结婚登记审查处理表.pdf', buffer: demoPdf(ref) },
      { name: '合影.png', buffer: DEMO_PNG },
    ],
    ...over,
  };
}
