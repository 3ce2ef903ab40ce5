import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../http/auth.ts';
import { AppError } from '../../kernel/errors.ts';
import type { ArchiveService } from './archives.service.ts';
import { reportText } from './four-checks.ts';
import { RECORD_STATUSES } from './archives.repo.ts';
import { LOAN_STATES } from './loans.ts';
import { RETENTIONS } from './schedule.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const fileSchema = z.object({
  name: z.string().min(1).max(255),
  contentBase64: z.string().min(1),
  sha512: z.string().regex(/^[0-9a-fA-F]{128}$/).optional(),
  sm3: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
});

/** Electronic archives: search and read records, their 四性 reports, API submissions, corrections, fixity alerts. */
export function registerArchivesRoutes(archives: ArchiveService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['archives'];

    r.get('/archives/schedule', { schema: { tags, summary: 'Categories and the retention schedule (保管期限表)' } }, async (req) => {
      requirePrincipal(req);
      return archives.schedule;
    });

    r.get(
      '/archives/records',
      {
        schema: {
          tags,
          summary: 'Records by category, year, retention and words of the title, document number or 档号 (own department; all with :all)',
          querystring: z.object({
            category: z.string().regex(/^[A-Z]{2}$/).optional(),
            year: z.coerce.number().int().min(1900).max(2999).optional(),
            retention: z.enum(RETENTIONS).optional(),
            q: z.string().trim().min(1).max(100).optional(),
            afterId: z.coerce.number().int().min(0).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            status: z.enum(RECORD_STATUSES).default('active').describe('active (default): living records; destroyed: the tombstones; all: both'),
          }),
        },
      },
      async (req) => ({ items: await archives.list(requirePrincipal(req), req.query) }),
    );

    r.get(
      '/archives/search',
      {
        schema: {
          tags,
          summary: 'Full-text search (jieba-segmented metadata and file text) with filters, newest first; or browse a 档号 path prefix in path order',
          querystring: z.object({
            q: z.string().trim().max(200).optional(),
            category: z.string().regex(/^[A-Z]{2}$/).optional(),
            year: z.coerce.number().int().min(1900).max(2999).optional(),
            retention: z.enum(RETENTIONS).optional(),
            org: z.string().regex(/^[A-Z0-9]{1,8}$/).optional(),
            department: z.coerce.number().int().positive().optional(),
            dateFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
            dateTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
            path: z.string().max(60).optional(),
            cursor: z.string().max(80).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(20),
            status: z.enum(['active', 'destroyed']).default('active').describe('destroyed: the tombstones of destroyed records (out of the full-text index: words match title, document number, 档号)'),
          }),
        },
      },
      async (req) => {
        const { status, ...query } = { ...req.query, q: req.query.q === '' ? undefined : req.query.q };
        return status === 'destroyed' ? archives.searchTombstones(requirePrincipal(req), query) : archives.search.search(requirePrincipal(req), query);
      },
    );

    r.post(
      '/archives/records',
      {
        schema: {
          tags,
          summary: 'Submit a package from another system (files base64; archived with 档号 and 四性检测)',
          body: z.object({
            sourceRef: z.string(),
            category: z.string(),
            title: z.string(),
            responsible: z.string(),
            date: z.string(),
            documentNo: z.string().optional(),
            documentType: z.string().optional(),
            caseRef: z.string().optional(),
            retention: z.enum(RETENTIONS).optional(),
            metadata: z.record(z.string(), z.string()).optional(),
            files: z.array(fileSchema).min(1).max(100),
          }),
        },
      },
      async (req, reply) => {
        const { files, ...d } = req.body;
        const r0 = await archives.submit(requirePrincipal(req), { ...d, source: 'api', files: files.map((f) => ({ name: f.name, buffer: Buffer.from(f.contentBase64, 'base64'), sha512: f.sha512, sm3: f.sm3 })) });
        return reply.status(r0.created ? 201 : 200).send(r0);
      },
    );

    r.get('/archives/records/:id', { schema: { tags, params: idParams } }, async (req) => archives.get(requirePrincipal(req), req.params.id));

    r.get(
      '/archives/records/:id/report',
      { schema: { tags, summary: '四性检测 report of a version (JSON, or ?format=text)', params: idParams, querystring: z.object({ version: z.coerce.number().int().positive().optional(), format: z.enum(['json', 'text']).default('json') }) } },
      async (req, reply) => {
        const report = await archives.report(requirePrincipal(req), req.params.id, req.query.version);
        return req.query.format === 'text' ? reply.type('text/plain; charset=utf-8').send(reportText(report)) : report;
      },
    );

    r.post(
      '/archives/records/:id/corrections',
      { schema: { tags, summary: 'Correct a record: a new version, the old kept', params: idParams, body: z.object({ reason: z.string().trim().min(1).max(500), title: z.string().optional(), responsible: z.string().optional(), documentNo: z.string().optional(), date: z.string().optional() }) } },
      async (req, reply) => {
        const { reason, ...description } = req.body;
        if (Object.keys(description).length === 0) throw new AppError('validation_failed', 'a correction changes at least one of title, responsible, documentNo, date', { problems: [{ field: 'title', reason: 'required' }] });
        return reply.status(201).send(await archives.correct(requirePrincipal(req), req.params.id, { reason, description }));
      },
    );

    r.get('/archives/records/:id/files/:name', { schema: { tags, summary: 'Download a content file (logged)', params: z.object({ id: z.coerce.number().int().positive(), name: z.string().min(1).max(255) }) } }, async (req, reply) => {
      const f = await archives.download(requirePrincipal(req), req.params.id, req.params.name);
      return reply
        .type(f.mediaType)
        .header('content-length', f.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(f.stream);
    });

    r.post('/archives/loans', { schema: { tags, summary: '借阅: request another department’s record by 档号 for a purpose and period', body: z.unknown() } }, async (req, reply) =>
      reply.status(201).send(await archives.requestLoan(requirePrincipal(req), req.body)),
    );
    r.get('/archives/loans', { schema: { tags, summary: 'Loans (own department; all for the archive)', querystring: z.object({ state: z.enum(LOAN_STATES).optional() }) } }, async (req) => ({
      items: await archives.listLoans(requirePrincipal(req), req.query),
    }));
    r.post(
      '/archives/loans/:id/:action',
      { schema: { tags, summary: 'approve / reject (the archive) or withdraw (the requester)', params: z.object({ id: z.coerce.number().int().positive(), action: z.enum(['approve', 'reject', 'withdraw']) }), body: z.object({ note: z.string().trim().max(500).optional() }).optional() } },
      async (req) => archives.actOnLoan(requirePrincipal(req), req.params.id, req.params.action, req.body?.note),
    );

    r.get('/archives/usage', { schema: { tags, summary: 'Views and downloads per category, department and month', querystring: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).optional() }) } }, async (req) => ({
      items: await archives.usage(requirePrincipal(req), req.query.month),
    }));

    r.get('/archives/disposal-review', { schema: { tags, summary: 'Records past their retention period (永久 never listed)', querystring: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }) } }, async (req) => ({
      items: await archives.disposalReview(requirePrincipal(req), req.query.asOf),
    }));

    r.get('/archives/alerts', { schema: { tags, summary: 'Fixity alerts naming changed, missing and extra files' } }, async (req) => ({ items: await archives.alerts(requirePrincipal(req)) }));
  };
}
