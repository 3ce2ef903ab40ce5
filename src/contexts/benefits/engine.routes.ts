/**
 * HTTP of the benefits engine (thin: zod in, service call, DTO out): /api/benefits/sources/…,
 * /api/benefits/policies/…, /api/benefits/runs/…
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../http/auth.ts';
import { AppError } from '../../kernel/errors.ts';
import type { MatchingService, RunResultDto } from './matching/matching.service.ts';
import type { PoliciesService } from './policies/policies.service.ts';
import type { SourcesService } from './sources/sources.service.ts';

const tags = ['benefits'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const keyParams = z.object({ key: z.string().min(1).max(64) });
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const EXPORT_COLUMNS = ['maskedId', 'name', 'eligible', 'amountYuan', 'failedClauses', 'hasAccount'] as const;
function exportRow(r: RunResultDto): (string | number | boolean)[] {
  return [r.maskedId, r.displayName, r.eligible, r.amountFen / 100, r.clauses.filter((c) => !c.passed).map((c) => c.id).join(' '), r.hasAccount];
}

export function registerEngineRoutes(sources: SourcesService, policies: PoliciesService, matching: MatchingService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    // ---- sources -------------------------------------------------------------------------------

    r.get('/benefits/sources/kinds', { schema: { tags, description: 'The source kinds and their columns (data: kinds.json).' } }, async (req) => {
      requirePrincipal(req);
      return sources.kinds();
    });

    r.post(
      '/benefits/sources/uploads',
      {
        schema: {
          tags,
          description: 'Upload a CSV (UTF-8, BOM or GBK), TSV or XLSX file of one source kind (multipart: file, and kind, sourceSystem?, orgId? as fields or in the query); loads as one batch, bad rows reported per row.',
          querystring: z.object({ kind: z.string().max(40).optional(), sourceSystem: z.string().max(100).optional(), orgId: z.string().max(20).optional() }),
        },
      },
      async (req, reply) => {
        const p = requirePrincipal(req);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send multipart/form-data with "kind" and "file" fields');
        let file: { filename: string; data: Buffer } | undefined;
        const fields: Record<string, string | undefined> = { ...req.query };
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            if (part.file.truncated) throw new AppError('payload_too_large', `${part.filename}: larger than the upload limit`);
            file = { filename: part.filename, data };
          } else fields[part.fieldname] = String(part.value);
        }
        if (!file) throw new AppError('validation_failed', 'file: required', [{ field: 'file', reason: 'required' }]);
        if (!fields.kind) throw new AppError('validation_failed', 'kind: required', [{ field: 'kind', reason: 'required' }]);
        const orgId = fields.orgId ? Number(fields.orgId) : undefined;
        if (orgId !== undefined && !Number.isSafeInteger(orgId)) throw new AppError('validation_failed', 'orgId: not a number', [{ field: 'orgId', reason: 'format' }]);
        return reply.status(201).send(await sources.upload(p, { kind: fields.kind, orgId, sourceSystem: fields.sourceSystem, filename: file.filename, data: file.data }));
      },
    );

    r.post(
      '/benefits/sources/push',
      {
        schema: {
          tags,
          description: 'Push records (objects keyed by field name) of one kind as one batch — the tax bureau system’s interface. Send an Idempotency-Key: a retry replays the answer.',
          body: z.object({ kind: z.string().min(1).max(40), sourceSystem: z.string().max(100).optional(), orgId: z.number().int().positive().optional(), records: z.array(z.record(z.string(), z.unknown())).min(1) }),
        },
      },
      async (req, reply) => reply.status(201).send(await sources.push(requirePrincipal(req), req.body)),
    );

    r.get('/benefits/sources/batches', { schema: { tags, querystring: z.object({ kind: z.string().max(40).optional(), ...page }) } }, async (req) =>
      sources.listBatches(requirePrincipal(req), req.query),
    );
    r.get('/benefits/sources/batches/:id', { schema: { tags, params: idParams } }, async (req) => sources.batch(requirePrincipal(req), req.params.id));
    r.get('/benefits/sources/batches/:id/rejects', { schema: { tags, params: idParams, querystring: z.object(page) } }, async (req) =>
      sources.rejects(requirePrincipal(req), req.params.id, req.query.page, req.query.pageSize),
    );

    // ---- policies ------------------------------------------------------------------------------

    r.get('/benefits/policies', { schema: { tags, description: 'Every policy with its version in force.' } }, async (req) => policies.list(requirePrincipal(req)));
    r.post(
      '/benefits/policies',
      { schema: { tags, description: 'A new policy (version 1).', body: z.object({ document: z.unknown(), note: z.string().max(2000).nullish() }) } },
      async (req, reply) => reply.status(201).send(await policies.saveVersion(requirePrincipal(req), null, req.body.document, req.body.note ?? null)),
    );
    r.post(
      '/benefits/policies/validate',
      { schema: { tags, description: 'Checks a policy document without saving it (400 naming each wrong path).', body: z.object({ document: z.unknown() }) } },
      async (req) => policies.validate(requirePrincipal(req), req.body.document),
    );
    r.get('/benefits/policies/:key', { schema: { tags, params: keyParams, querystring: z.object({ version: z.coerce.number().int().positive().optional() }) } }, async (req) =>
      policies.get(requirePrincipal(req), req.params.key, req.query.version),
    );
    r.get('/benefits/policies/:key/versions', { schema: { tags, params: keyParams } }, async (req) => policies.versions(requirePrincipal(req), req.params.key));
    r.post(
      '/benefits/policies/:key/versions',
      { schema: { tags, description: 'Saves an edited policy as its next version (the runs keep the version they used).', params: keyParams, body: z.object({ document: z.unknown(), note: z.string().max(2000).nullish() }) } },
      async (req, reply) => reply.status(201).send(await policies.saveVersion(requirePrincipal(req), req.params.key, req.body.document, req.body.note ?? null)),
    );

    // ---- runs ----------------------------------------------------------------------------------

    r.post(
      '/benefits/runs',
      { schema: { tags, description: 'Starts a matching run of the policy version in force for a period (a job; 202).', body: z.object({ policyKey: z.string().min(1).max(64), period: z.string().regex(/^\d{4}$/) }) } },
      async (req, reply) => reply.status(202).send(await matching.start(requirePrincipal(req), req.body)),
    );
    r.get('/benefits/runs', { schema: { tags, querystring: z.object({ policyKey: z.string().max(64).optional(), ...page }) } }, async (req) => matching.list(requirePrincipal(req), req.query));
    r.get('/benefits/runs/:id', { schema: { tags, params: idParams } }, async (req) => matching.get(requirePrincipal(req), req.params.id));
    const resultQuery = z.object({ eligible: z.enum(['true', 'false']).optional(), q: z.string().max(100).optional() });
    r.get('/benefits/runs/:id/results', { schema: { tags, params: idParams, querystring: resultQuery.extend(page) } }, async (req) =>
      matching.results(requirePrincipal(req), req.params.id, { ...req.query, eligible: req.query.eligible === undefined ? undefined : req.query.eligible === 'true' }),
    );
    r.get(
      '/benefits/runs/:id/results/:subjectKey',
      { schema: { tags, description: 'One result with the records it used, recomputed under the recorded policy version (full figures; identical = the recorded outcome).', params: z.object({ id: z.coerce.number().int().positive(), subjectKey: z.string().regex(/^[0-9a-f]{16,128}$/) }) } },
      async (req) => matching.recompute(requirePrincipal(req), req.params.id, req.params.subjectKey),
    );
    r.get(
      '/benefits/runs/:id/results/export',
      { schema: { tags, params: idParams, querystring: resultQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }) } },
      async (req, reply) => {
        const filter = { q: req.query.q, eligible: req.query.eligible === undefined ? undefined : req.query.eligible === 'true' };
        const rows = matching.allResults(requirePrincipal(req), req.params.id, filter);
        const name = `benefits-run-${req.params.id}.${req.query.format}`;
        if (req.query.format === 'csv') {
          let out = '\ufeff' + EXPORT_COLUMNS.join(',') + '\r\n';
          for await (const page of rows) for (const row of page) out += exportRow(row).map(csvCell).join(',') + '\r\n';
          return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(out);
        }
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('results');
        ws.addRow([...EXPORT_COLUMNS]);
        for await (const page of rows) for (const row of page) ws.addRow(exportRow(row));
        const data = Buffer.from(await wb.xlsx.writeBuffer());
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${name}"`).send(data);
      },
    );
  };
}
