import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../http/auth.ts';
import { AppError } from '../../kernel/errors.ts';
import { canActOnOrg } from '../../kernel/principal.ts';
import { actorOf } from '../identity/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { SCAN_JOB, type DetectionService } from './detection.service.ts';
import { renderHtmlReport } from './scan/html-report.ts';
import type { ScanReport } from './scan/report.ts';

export function registerDetectionRoutes(detection: DetectionService, jobs: JobQueue) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/detection/scans',
      {
        schema: {
          tags: ['detection'],
          description: 'Upload a file (multipart field "file") to scan in the background; poll GET /api/detection/scans/{jobId}.',
          querystring: z.object({ sample: z.coerce.number().int().positive().optional() }),
          response: { 202: z.object({ jobId: z.number() }) },
        },
      },
      async (req, reply) => {
        const p = requireScope(req, 'detection:scan');
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data in a field named "file"');
        const part = await req.file();
        if (!part) throw new AppError('bad_request', 'no file in the request (multipart field "file")');
        const res = await detection.startUploadScan(p, actorOf(p), { filename: part.filename, file: part.file, truncated: () => part.file.truncated }, req.query);
        return reply.status(202).send(res);
      },
    );

    const ownScan = async (req: Parameters<typeof requireScope>[0], id: number) => {
      const p = requireScope(req, 'detection:scan');
      const job = await jobs.get(id).catch(() => null);
      if (!job || job.type !== SCAN_JOB || !canActOnOrg(p, 'detection:scan', job.orgId)) throw new AppError('not_found', `scan ${id} not found`);
      return job;
    };

    r.get(
      '/detection/scans/:id',
      {
        schema: {
          tags: ['detection'],
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: {
            200: z.object({ id: z.number(), status: z.string(), progress: z.number(), progressMessage: z.string().nullable(), error: z.string().nullable(), report: z.unknown().nullable() }),
          },
        },
      },
      async (req) => {
        const job = await ownScan(req, req.params.id);
        return {
          id: job.id,
          status: job.status,
          progress: job.progress,
          progressMessage: job.progressMessage,
          error: job.status === 'dead' ? job.lastError : null,
          report: job.status === 'succeeded' ? job.result : null,
        };
      },
    );

    r.get(
      '/detection/scans/:id/report.html',
      { schema: { tags: ['detection'], params: z.object({ id: z.coerce.number().int().positive() }) } },
      async (req, reply) => {
        const job = await ownScan(req, req.params.id);
        if (job.status !== 'succeeded') throw new AppError('conflict', `scan ${job.id} is ${job.status}, not finished`);
        return reply.type('text/html; charset=utf-8').send(renderHtmlReport([job.result as ScanReport]));
      },
    );
  };
}
