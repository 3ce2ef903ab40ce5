import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../http/auth.ts';
import type { ArchiveCollector } from './collect.ts';
import { DISPOSAL_STATES } from './disposal.ts';
import type { DisposalService } from './disposal.service.ts';

/** Disposal proposals (鉴定销毁) and the online-archiving collector's failures. */
export function registerArchivesFlowRoutes(disposals: DisposalService, collector: ArchiveCollector) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['archives'];
    const idParams = z.object({ id: z.coerce.number().int().positive() });

    r.get('/archives/disposals', { schema: { tags, summary: 'Disposal proposals (鉴定销毁), newest first', querystring: z.object({ state: z.enum(DISPOSAL_STATES).optional() }) } }, async (req) => ({
      items: await disposals.list(requirePrincipal(req), req.query),
    }));
    r.post('/archives/disposals', { schema: { tags, summary: 'Propose destroying records past their retention {recordIds, reason}; every record that may not be destroyed is named', body: z.unknown() } }, async (req, reply) =>
      reply.status(201).send(await disposals.propose(requirePrincipal(req), req.body)),
    );
    r.get('/archives/disposals/:id', { schema: { tags, summary: 'A proposal: records, actions, allowed actions, destruction record', params: idParams } }, async (req) => disposals.get(requirePrincipal(req), req.params.id));
    r.post(
      '/archives/disposals/:id/:action',
      {
        schema: {
          tags,
          summary: 'approve / reject (the archive, not the proposer), withdraw (the proposer), destroy (the archive, after approval)',
          params: z.object({ id: z.coerce.number().int().positive(), action: z.enum(['approve', 'reject', 'withdraw', 'destroy']) }),
          body: z.object({ note: z.string().trim().max(500).optional() }).optional(),
        },
      },
      async (req) => disposals.act(requirePrincipal(req), req.params.id, req.params.action, req.body?.note),
    );
    r.get('/archives/collect/failures', { schema: { tags, summary: 'Closed cases, certificates and clearances the archive could not archive yet' } }, async (req) => ({ items: await collector.failures(requirePrincipal(req)) }));
  };
}
