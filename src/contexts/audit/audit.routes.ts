import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../http/auth.ts';
import { orgFilterFor } from '../../kernel/principal.ts';
import type { AuditService } from './audit.service.ts';

const event = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), orgId: z.number().nullable() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
const problem = z.object({ seq: z.number(), reason: z.string() });

export function registerAuditRoutes(audit: AuditService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/audit/events',
      {
        schema: {
          tags: ['audit'],
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(50),
            beforeSeq: z.coerce.number().int().positive().optional(),
            entityType: z.string().max(60).optional(),
            entityId: z.string().max(120).optional(),
            action: z.string().max(120).optional(),
          }),
          response: { 200: z.object({ items: z.array(event) }) },
        },
      },
      async (req) => {
        const p = requireScope(req, 'audit:read');
        const items = await audit.list({ ...req.query, orgId: orgFilterFor(p, 'audit:read') });
        return { items: items.map((e) => ({ ...e, actor: { kind: e.actor.kind, id: e.actor.id, orgId: e.actor.orgId } })) };
      },
    );
    r.get(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          response: {
            200: z.object({ ok: z.boolean(), events: z.number(), checkpoints: z.number(), headSeq: z.number(), firstBroken: problem.optional(), problems: z.array(problem) }),
          },
        },
      },
      async (req) => {
        requireScope(req, 'audit:verify');
        return audit.verify();
      },
    );
  };
}
