/**
 * Benefits payouts over HTTP (issue 8): the funding department's list, detail, confirm / exclude and bulk
 * confirmation; payment batches (create, list, detail, file download, results upload); statistics; and the
 * person's "my benefits" with the authorisation (免申即享授权).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../../http/auth.ts';
import { AppError } from '../../../kernel/errors.ts';
import { PAYOUT_STATES } from './workflow.ts';
import type { PayoutService } from './payouts.service.ts';

const tags = ['benefits'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const policyKey = z.string().trim().min(1).max(100);

export function registerPayoutRoutes(payouts: PayoutService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    // ---- the funding department ----
    r.get(
      '/benefits/payouts',
      {
        schema: {
          tags,
          summary: 'Payouts (own department, or all for the bureau and auditor), newest first',
          querystring: z.object({
            policy: policyKey.optional(),
            runId: z.coerce.number().int().positive().optional(),
            state: z.enum(PAYOUT_STATES).optional(),
            q: z.string().trim().max(100).optional(),
            cursor: z.string().max(20).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
        },
      },
      async (req) => payouts.list(requirePrincipal(req), { policyKey: req.query.policy, runId: req.query.runId, state: req.query.state, q: req.query.q, cursor: req.query.cursor, limit: req.query.limit }),
    );
    r.get(
      '/benefits/payouts/summary',
      { schema: { tags, summary: 'Count and total (fen) of the payouts matching the filter', querystring: z.object({ policy: policyKey.optional(), runId: z.coerce.number().int().positive().optional(), state: z.enum(PAYOUT_STATES).optional() }) } },
      async (req) => payouts.summary(requirePrincipal(req), { policyKey: req.query.policy, runId: req.query.runId, state: req.query.state }),
    );
    r.post(
      '/benefits/payouts/confirm-run',
      {
        schema: {
          tags,
          summary: 'Confirm every payout of a run awaiting confirmation (二次确认); the expected count and total must match',
          body: z.object({ runId: z.number().int().positive(), expectedCount: z.number().int().min(0), expectedTotalFen: z.number().int().min(0) }),
        },
      },
      async (req) => payouts.confirmRun(requirePrincipal(req), req.body),
    );
    r.get('/benefits/payouts/:id', { schema: { tags, summary: 'One payout: figures, inputs, timeline, allowed actions', params: idParams } }, async (req) => payouts.get(requirePrincipal(req), req.params.id));
    r.post(
      '/benefits/payouts/:id/actions',
      { schema: { tags, summary: 'confirm, or exclude with a reason', params: idParams, body: z.object({ action: z.enum(['confirm', 'exclude']), reason: z.string().trim().max(2000).optional() }) } },
      async (req) => {
        const p = requirePrincipal(req);
        if (req.body.action === 'confirm') return payouts.confirm(p, req.params.id);
        if (!req.body.reason) throw new AppError('validation_failed', 'reason: an exclusion needs a reason', { field: 'reason' });
        return payouts.exclude(p, req.params.id, req.body.reason);
      },
    );

    // ---- payment batches ----
    r.post(
      '/benefits/payment-batches',
      { schema: { tags, summary: 'Gather the authorised payouts of a policy into a payment batch', body: z.object({ policyKey, fundingOrgId: z.number().int().positive().optional() }) } },
      async (req, reply) => reply.status(201).send(await payouts.createBatch(requirePrincipal(req), req.body)),
    );
    r.get(
      '/benefits/payment-batches',
      { schema: { tags, querystring: z.object({ cursor: z.string().max(20).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
      async (req) => payouts.listBatches(requirePrincipal(req), req.query),
    );
    r.get('/benefits/payment-batches/:id', { schema: { tags, params: idParams } }, async (req) => payouts.getBatch(requirePrincipal(req), req.params.id));
    r.get(
      '/benefits/payment-batches/:id/file',
      { schema: { tags, summary: 'The batch file for the finance bureau (account numbers in clear; audited)', params: idParams, querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }) } },
      async (req, reply) => {
        const f = await payouts.batchFile(requirePrincipal(req), req.params.id, req.query.format);
        const type = req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return reply.type(type).header('content-disposition', `attachment; filename="${f.filename}"`).header('x-landao-sm3', f.sm3).header('cache-control', 'no-store').send(f.data);
      },
    );
    r.post(
      '/benefits/payment-batches/:id/results',
      { schema: { tags, summary: 'Import the payment results (multipart file: CSV or XLSX); bad rows are listed, not fatal', params: idParams } },
      async (req) => {
        const p = requirePrincipal(req);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send multipart/form-data with a "file" field');
        let file: { filename: string; data: Buffer } | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            if (part.file.truncated) throw new AppError('payload_too_large', `${part.filename}: larger than the upload limit`);
            file = { filename: part.filename, data };
          }
        }
        if (!file) throw new AppError('validation_failed', 'file: required', { field: 'file' });
        return payouts.importResults(p, req.params.id, file);
      },
    );

    // ---- statistics ----
    r.get(
      '/benefits/statistics',
      { schema: { tags, summary: 'People and amounts by policy, paid by month, payouts by state (format=csv for a file)', querystring: z.object({ policy: policyKey.optional(), format: z.enum(['json', 'csv']).default('json') }) } },
      async (req, reply) => {
        const p = requirePrincipal(req);
        if (req.query.format === 'csv')
          return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="benefits-statistics.csv"').send(await payouts.statisticsCsv(p, { policyKey: req.query.policy }));
        return payouts.statistics(p, { policyKey: req.query.policy });
      },
    );

    // ---- my benefits ----
    r.get('/benefits/my', { schema: { tags, summary: 'My benefits (免申即享): payouts confirmed for me' } }, async (req) => payouts.my(requirePrincipal(req)));
    r.get('/benefits/my/:id', { schema: { tags, params: idParams } }, async (req) => payouts.myOne(requirePrincipal(req), req.params.id));
    r.post(
      '/benefits/my/:id/authorise',
      {
        schema: {
          tags,
          summary: 'Authorise the payment (免申即享授权) into my bank account',
          params: idParams,
          body: z.object({
            bankName: z.string().max(100),
            accountNo: z.string().max(60),
            accountName: z.string().max(100),
            consentVersion: z.string().max(100),
            agree: z.literal(true, { error: 'the authorisation must be agreed to' }),
          }),
        },
      },
      async (req) => payouts.authorise(requirePrincipal(req), req.params.id, req.body),
    );
    r.post(
      '/benefits/my/:id/decline',
      { schema: { tags, summary: 'Decline the benefit', params: idParams, body: z.object({ reason: z.string().trim().max(2000).optional() }).optional() } },
      async (req) => payouts.decline(requirePrincipal(req), req.params.id, req.body?.reason ? req.body.reason : null),
    );
  };
}
