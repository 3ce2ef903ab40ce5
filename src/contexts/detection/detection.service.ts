import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { AnyDb } from '../../db/database.ts';
import type { BlobStore } from '../../kernel/blob/blob-store.ts';
import { AppError } from '../../kernel/errors.ts';
import { hasScope, type Principal } from '../../kernel/principal.ts';
import type { Actor, AuditService } from '../audit/index.ts';
import type { JobContext, JobQueue } from '../jobs/index.ts';
import { SUPPORTED_EXTENSIONS } from './readers/index.ts';
import type { ScanReport } from './scan/report.ts';
import { scanSource } from './scan/scan-source.ts';

export const SCAN_JOB = 'detection.scan';

interface ScanJobPayload {
  blobKey: string;
  filename: string;
  sample?: number | undefined;
}

/**
 * Scans of uploaded files as background jobs: the upload streams into the blob store (refused
 * before it fills the disk when over the limit or of an unsupported type), a job scans it with
 * progress, and the report is the job's result.
 */
export class DetectionService {
  constructor(
    private readonly deps: { db: AnyDb; blobs: BlobStore; jobs: JobQueue; audit: AuditService; uploadLimit: number; workers: number },
  ) {}

  registerJobs(): void {
    this.deps.jobs.register<ScanJobPayload>(SCAN_JOB, (p, ctx) => this.runScanJob(p, ctx), { maxAttempts: 2, timeoutMs: 2 * 3600_000 });
  }

  async startUploadScan(p: Principal, actor: Actor, upload: { filename: string; file: Readable; truncated: () => boolean }, opts: { sample?: number | undefined } = {}): Promise<{ jobId: number }> {
    if (!hasScope(p, 'detection:scan')) throw new AppError('forbidden', 'missing scope detection:scan');
    const filename = path.basename(upload.filename || 'upload');
    const ext = path.extname(filename).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.includes(ext)) {
      upload.file.resume();
      throw new AppError('unsupported_media_type', `${filename}: unsupported file type (${SUPPORTED_EXTENSIONS.join(' ')})`);
    }
    const blobKey = `scans/${new Date().toISOString().slice(0, 10)}/${crypto.randomUUID()}${ext}`;
    const stored = await this.deps.blobs.put(blobKey, upload.file, { maxBytes: this.deps.uploadLimit });
    if (upload.truncated()) {
      await this.deps.blobs.delete(blobKey);
      throw new AppError('payload_too_large', `${filename}: larger than the upload limit of ${this.deps.uploadLimit} bytes`);
    }
    return this.deps.db.transaction().execute(async (tx) => {
      const jobId = await this.deps.jobs.enqueue(SCAN_JOB, { blobKey, filename, sample: opts.sample } satisfies ScanJobPayload, { orgId: p.orgId ?? undefined, createdBy: `${p.kind}:${p.id}` }, tx);
      await this.deps.audit.record(tx, actor, {
        action: 'detection.scan.requested',
        entityType: 'job',
        entityId: jobId,
        detail: { filename, bytes: stored.size, sm3: stored.sm3 },
      });
      return { jobId };
    });
  }

  private async runScanJob(p: ScanJobPayload, ctx: JobContext): Promise<ScanReport> {
    let file = await this.deps.blobs.localPath(p.blobKey);
    let temp: string | undefined;
    if (!file) {
      temp = path.join(os.tmpdir(), `landao-scan-${crypto.randomUUID()}${path.extname(p.filename)}`);
      await pipeline(await this.deps.blobs.get(p.blobKey), fs.createWriteStream(temp));
      file = temp;
    }
    try {
      return await scanSource(file, {
        source: p.filename,
        workers: this.deps.workers,
        signal: ctx.signal,
        ...(p.sample ? { sample: p.sample } : {}),
        onProgress: (pr) => {
          const f = pr.totalBytes ? pr.bytesRead / pr.totalBytes : 0;
          void ctx.progress(Math.min(0.99, f), `${pr.rows} rows`);
        },
      });
    } finally {
      if (temp) fs.rmSync(temp, { force: true });
    }
  }
}
