/**
 * Declarations, review and clearances over HTTP. Routes stay thin: parse, call the service, shape the
 * answer. The public verification routes (/api/public/customs/...) need no login.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../../http/auth.ts';
import { AppError } from '../../../kernel/errors.ts';
import { actorOf } from '../../identity/index.ts';
import { langFromAcceptLanguage } from '../rules/assess.routes.ts';
import { isLang, type Lang } from '../rules/text.ts';
import { SCOPES, type DeclarationService } from './declarations.service.ts';
import { clearancePdf, complianceReportPdf } from './printouts.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const langQuery = z.object({ lang: z.string().optional() });

const actionBody = z
  .object({
    comment: z.string().max(4000).nullish(),
    reason: z.string().max(4000).nullish(),
    routeEvidence: z.string().max(500).nullish(),
    validityDays: z.number().int().nullish(),
  })
  .strict()
  .default({});

const ACTION_ROUTES = ['submit', 'resubmit', 'withdraw', 'request_info', 'reject', 'approve', 'revoke'] as const;

function langOf(req: FastifyRequest, query?: string): Lang {
  if (query !== undefined) {
    if (!isLang(query)) throw new AppError('validation_failed', `lang: unknown language ${JSON.stringify(query)} (expected zh-CN, zh-TW or en)`, { field: 'lang' });
    return query;
  }
  if (req.principal?.kind === 'user') return req.principal.locale;
  return langFromAcceptLanguage(req.headers['accept-language']) ?? 'zh-CN';
}

function pdfName(name: string): string {
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerDeclarationRoutes(svc: DeclarationService, deps: { orgName(orgId: number): Promise<string> }) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/customs/declarations', { schema: { tags: ['customs'], description: 'Start a declaration (draft) from the declaration form.', body: z.unknown() } }, async (req, reply) => {
      const p = requireScope(req, SCOPES.declare);
      return reply.status(201).send(await svc.create(p, actorOf(p), req.body));
    });

    r.get(
      '/customs/declarations',
      {
        schema: {
          tags: ['customs'],
          querystring: z.object({ state: z.string().optional(), q: z.string().max(100).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
        },
      },
      async (req) => svc.list(requireScope(req, SCOPES.read), req.query),
    );

    r.get('/customs/declarations/:id', { schema: { tags: ['customs'], params: idParams } }, async (req) => svc.get(requireScope(req, SCOPES.read), req.params.id));

    r.put('/customs/declarations/:id', { schema: { tags: ['customs'], params: idParams, body: z.unknown() } }, async (req) => {
      const p = requireScope(req, SCOPES.declare);
      return svc.edit(p, actorOf(p), req.params.id, req.body);
    });

    r.post(
      '/customs/declarations/:id/file',
      { schema: { tags: ['customs'], description: 'Upload the data or a sample (multipart field "file"); replaces an earlier upload.', params: idParams } },
      async (req) => {
        const p = requireScope(req, SCOPES.declare);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data in a field named "file"');
        const part = await req.file();
        if (!part) throw new AppError('bad_request', 'no file in the request (multipart field "file")');
        return svc.attach(p, actorOf(p), req.params.id, { filename: part.filename, file: part.file, truncated: () => part.file.truncated });
      },
    );

    r.post(
      '/customs/declarations/:id/actions/:action',
      {
        schema: {
          tags: ['customs'],
          description: 'A workflow action. An action the state does not allow is a 409 listing details.allowedActions.',
          params: idParams.extend({ action: z.enum(ACTION_ROUTES) }),
          body: actionBody,
        },
      },
      async (req) => {
        const p = requireScope(req, SCOPES.read);
        const a = actorOf(p);
        const { id, action } = req.params;
        const b = req.body ?? {};
        switch (action) {
          case 'submit':
            return svc.submit(p, a, id, b.comment);
          case 'resubmit':
            return svc.resubmit(p, a, id, b.comment);
          case 'withdraw':
            return svc.withdraw(p, a, id, b.comment);
          case 'request_info':
            return svc.requestInfo(p, a, id, b.comment ?? '');
          case 'reject':
            return svc.reject(p, a, id, b.comment ?? '');
          case 'approve':
            return svc.approve(p, a, id, { comment: b.comment ?? null, routeEvidence: b.routeEvidence ?? null, validityDays: b.validityDays ?? null });
          case 'revoke':
            return svc.revoke(p, a, id, b.reason ?? b.comment ?? '');
        }
      },
    );

    r.get('/customs/declarations/:id/clearance', { schema: { tags: ['customs'], params: idParams } }, async (req) => svc.clearanceDocument(requireScope(req, SCOPES.read), req.params.id));

    r.get('/customs/declarations/:id/clearance.pdf', { schema: { tags: ['customs'], params: idParams, querystring: langQuery } }, async (req, reply) => {
      const p = requireScope(req, SCOPES.read);
      const doc = await svc.clearanceDocument(p, req.params.id);
      const pdf = await clearancePdf(doc, langOf(req, req.query.lang));
      return reply.type('application/pdf').header('content-disposition', pdfName(`${doc.payload.no}.pdf`)).send(pdf);
    });

    r.get('/customs/declarations/:id/report.pdf', { schema: { tags: ['customs'], params: idParams, querystring: langQuery } }, async (req, reply) => {
      const p = requireScope(req, SCOPES.read);
      const d = await svc.get(p, req.params.id);
      const pdf = await complianceReportPdf(d, await deps.orgName(d.exporterOrgId), langOf(req, req.query.lang));
      return reply.type('application/pdf').header('content-disposition', pdfName(`${d.no}-report.pdf`)).send(pdf);
    });

    r.get(
      '/customs/statistics',
      { schema: { tags: ['customs'], querystring: z.object({ year: z.coerce.number().int().min(2000).max(2999).default(new Date().getUTCFullYear()) }) } },
      async (req) => svc.statistics(requireScope(req, SCOPES.statistics), req.query.year),
    );

    // ── public verification (no login) ──

    r.get('/public/customs/clearances/:no', { schema: { tags: ['customs', 'public'], params: z.object({ no: z.string().regex(/^CL\d{10}$/, { error: 'must be a clearance number such as CL2026000001' }) }) } }, async (req) =>
      svc.verifyByNumber(req.params.no),
    );

    r.get(
      '/public/customs/clearances/:no/pdf',
      { schema: { tags: ['customs', 'public'], params: z.object({ no: z.string().regex(/^CL\d{10}$/) }), querystring: langQuery } },
      async (req, reply) => {
        const v = await svc.verifyByNumber(req.params.no);
        if (!v.document) throw new AppError('not_found', `clearance ${req.params.no} not found`);
        const pdf = await clearancePdf(v.document, langOf(req, req.query.lang), v.status ?? undefined);
        return reply.type('application/pdf').header('content-disposition', pdfName(`${req.params.no}.pdf`)).send(pdf);
      },
    );

    r.post(
      '/public/customs/clearances/verify',
      {
        config: { csrfExempt: true },
        schema: { tags: ['customs', 'public'], description: 'Verify a clearance document (the JSON as issued): signature, registration and status now.', body: z.unknown() },
      },
      async (req) => svc.verifyDocument(req.body),
    );

    r.get('/public/customs/signing-key.pem', { schema: { tags: ['customs', 'public'] } }, async (_req, reply) => reply.type('application/x-pem-file').send(svc.publicKeyPem()));
  };
}
