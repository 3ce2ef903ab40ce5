import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../http/auth.ts';
import { AppError } from '../../kernel/errors.ts';
import { canActOnOrg, orgFilterFor } from '../../kernel/principal.ts';
import { JOB_STATUSES, type Job, type JobQueue } from './jobs.service.ts';

const jobDto = z.object({
  id: z.number(),
  type: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number(),
  progressMessage: z.string().nullable(),
  attempts: z.number(),
  maxAttempts: z.number(),
  lastError: z.string().nullable(),
  result: z.unknown(),
  orgId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const toDto = (j: Job) => ({
  id: j.id,
  type: j.type,
  status: j.status,
  progress: j.progress,
  progressMessage: j.progressMessage,
  attempts: j.attempts,
  maxAttempts: j.maxAttempts,
  lastError: j.lastError,
  result: j.result,
  orgId: j.orgId,
  createdAt: j.createdAt,
  updatedAt: j.updatedAt,
  startedAt: j.startedAt,
  finishedAt: j.finishedAt,
});

/** Jobs are visible to their organisation (jobs:read) or to everyone with jobs:read:all. */
export function registerJobRoutes(queue: JobQueue) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/jobs',
      {
        schema: {
          tags: ['jobs'],
          querystring: z.object({
            status: z.enum(JOB_STATUSES).optional(),
            type: z.string().max(100).optional(),
            beforeId: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: z.object({ items: z.array(jobDto) }) },
        },
      },
      async (req) => {
        const p = requireScope(req, 'jobs:read');
        const items = await queue.list({ ...req.query, orgId: orgFilterFor(p, 'jobs:read') });
        return { items: items.map(toDto) };
      },
    );
    const byId = async (p: Parameters<typeof canActOnOrg>[0], id: number): Promise<Job> => {
      const job = await queue.get(id);
      // Someone else's job is reported as absent, not as forbidden, so ids reveal nothing.
      if (!canActOnOrg(p, 'jobs:read', job.orgId)) throw new AppError('not_found', `job ${id} not found`);
      return job;
    };
    r.get(
      '/jobs/:id',
      { schema: { tags: ['jobs'], params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: jobDto } } },
      async (req) => toDto(await byId(requireScope(req, 'jobs:read'), req.params.id)),
    );
    r.post(
      '/jobs/:id/cancel',
      { schema: { tags: ['jobs'], params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: jobDto } } },
      async (req) => {
        const p = requireScope(req, 'jobs:read');
        await byId(p, req.params.id);
        return toDto(await queue.cancel(req.params.id));
      },
    );
  };
}
