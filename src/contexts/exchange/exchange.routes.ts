import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../http/auth.ts';
import { validationDetails } from '../../http/errors.ts';
import { CREDENTIAL_HEADER, type ExchangeService } from './exchange.service.ts';
import { GRANT_STATES, GrantRequestSchema } from './grants.model.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const reasonBody = z.object({ reason: z.string().trim().min(2).max(1000) });

const LookupBody = z.object({
  datasetId: z.number().int().positive(),
  /** One value per key field of the dataset, or the single key value. */
  key: z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(5)]),
  fields: z.array(z.string().min(1).max(63)).min(1).max(200).optional(),
  purpose: z.string().trim().min(2).max(500),
});

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function registerExchangeRoutes(exchange: ExchangeService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['exchange'];

    r.post('/exchange/grants', { schema: { tags, summary: 'Request a dataset (共享申请)', body: GrantRequestSchema } }, async (req, reply) => {
      const out = await exchange.request(requirePrincipal(req), req.body);
      return reply.status(201).send(out);
    });

    r.get(
      '/exchange/grants',
      {
        schema: {
          tags,
          querystring: z.object({
            side: z.enum(['consumer', 'owner']).optional(),
            state: z.enum(GRANT_STATES).optional(),
            datasetId: z.coerce.number().int().positive().optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
        },
      },
      async (req) => exchange.list(requirePrincipal(req), req.query),
    );

    r.get('/exchange/grants/:id', { schema: { tags, params: idParams } }, async (req) => exchange.get(requirePrincipal(req), req.params.id));

    r.post('/exchange/grants/:id/approve', { schema: { tags, params: idParams, body: z.object({ note: z.string().trim().max(1000).optional() }).optional() } }, async (req) =>
      exchange.approve(requirePrincipal(req), req.params.id, req.body?.note),
    );
    r.post('/exchange/grants/:id/reject', { schema: { tags, params: idParams, body: reasonBody } }, async (req) => exchange.reject(requirePrincipal(req), req.params.id, req.body.reason));
    r.post('/exchange/grants/:id/revoke', { schema: { tags, params: idParams, body: reasonBody } }, async (req) => exchange.revoke(requirePrincipal(req), req.params.id, req.body.reason));
    r.post('/exchange/grants/:id/credential', { schema: { tags, summary: 'Collect the credential of an approved grant (shown once)', params: idParams } }, async (req, reply) =>
      reply.status(201).send(await exchange.issueCredential(requirePrincipal(req), req.params.id)),
    );

    // The credential, not a session, authenticates the data API and its evidence download. The answer
    // is the canonical JSON its evidence hashed, as sent. Machines call this route, not browsers: it
    // skips helmet's document headers (which @fastify/helmet rebuilds on every request, ~6 % of a
    // lookup's CPU) and sends the two that matter for personal data in JSON.
    r.post(
      '/exchange/lookup',
      // A body that fails the schema still reaches the handler: once the credential is known, the 400 is evidence too.
      { config: { public: true, csrfExempt: true }, helmet: false, attachValidation: true, schema: { tags, summary: `Look up a record by key (header ${CREDENTIAL_HEADER})`, body: LookupBody } },
      async (req, reply) => {
        const credential = header(req.headers[CREDENTIAL_HEADER]);
        const a = req.validationError ? await exchange.refuseInvalid(credential, req.body as unknown, validationDetails(req.validationError)) : await exchange.lookup(credential, req.body);
        return reply
          .status(a.status)
          .headers({ 'x-exchange-transaction': a.txId, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
          .send(a.bodyText);
      },
    );

    r.get('/exchange/evidence/:txId', { config: { public: true }, schema: { tags, summary: 'The evidence package of a lookup (202 while its batch is not sealed)', params: z.object({ txId: z.uuid() }) } }, async (req, reply) => {
      const out = await exchange.evidence(req.principal, header(req.headers[CREDENTIAL_HEADER]), req.params.txId);
      return out.status === 'sealed' ? out.package : reply.status(202).send(out);
    });

    r.get(
      '/exchange/usage',
      { schema: { tags, querystring: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).optional(), datasetId: z.coerce.number().int().positive().optional() }) } },
      async (req) => ({ items: await exchange.usage(requirePrincipal(req), req.query) }),
    );
  };
}
