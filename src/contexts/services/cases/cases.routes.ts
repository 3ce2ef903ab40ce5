import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal, requireScope } from '../../../http/auth.ts';
import { AppError } from '../../../kernel/errors.ts';
import { APPLY_SCOPE, type CaseService } from './cases.service.ts';
import { CONSENT_VALID_DAYS, DEFAULT_CONSENT_VALID_DAYS } from './consent.service.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');
const cursorPage = { cursor: z.string().max(64).optional(), limit: z.coerce.number().int().positive().max(100).default(20) };
const form = z.record(z.string(), z.unknown());

/**
 * Applications and cases: citizens apply, track, resubmit and withdraw; officers work their
 * department's inbox; time limits and statistics. The form is checked against the item's JSON Schema
 * in the service; POSTs honour `Idempotency-Key` (http/idempotency.ts).
 */
export function registerCaseRoutes(cases: CaseService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['services'];
    const id = z.object({ id: z.coerce.number().int().positive() });

    r.get(
      '/services/items/:code/prefill',
      { schema: { tags, description: 'What the government already holds for the signed-in applicant and this item, with the source, date and exchange transaction of each field (零材料); 409 consent_required (listing what would be looked up) until the applicant consents.', params: z.object({ code: z.string().min(1).max(100) }) } },
      async (req) => ({ fields: await cases.prefillFor(requireScope(req, APPLY_SCOPE), req.params.code) }),
    );

    r.get(
      '/services/items/:code/prefill/consent',
      { schema: { tags, description: "What prefilling this item's form would look up through the exchange (datasets with their departments, fields, purpose) and the applicant's consent to it, if any.", params: z.object({ code: z.string().min(1).max(100) }) } },
      async (req) => cases.prefillConsentState(requireScope(req, APPLY_SCOPE), req.params.code),
    );

    r.post(
      '/services/items/:code/prefill/consent',
      {
        schema: {
          tags,
          description: 'The applicant consents (数据授权) to the prefill lookups of this item, as listed by GET …/prefill/consent, for validDays days (30, 90 or 365; 365 without a body): from expiresAt on the consent covers no lookup.',
          params: z.object({ code: z.string().min(1).max(100) }),
          body: z.object({ validDays: z.literal(CONSENT_VALID_DAYS).default(DEFAULT_CONSENT_VALID_DAYS) }).nullish(),
        },
      },
      async (req, reply) => reply.status(201).send(await cases.consentToPrefill(requireScope(req, APPLY_SCOPE), req.params.code, req.body?.validDays)),
    );

    r.get('/services/my/prefill-consents', { schema: { tags, description: "The applicant's prefill consents, newest first, each with the exchange lookups made under it (transaction ids)." } }, async (req) => ({
      items: await cases.myPrefillConsents(requireScope(req, APPLY_SCOPE)),
    }));

    r.post(
      '/services/prefill-consents/:id/revoke',
      { schema: { tags, description: 'The applicant revokes an active prefill consent: no lookup is made under it any more (an expired or revoked one → 409 illegal_transition).', params: id, body: z.object({ reason: z.string().trim().max(500).optional() }).optional() } },
      async (req) => cases.revokePrefillConsent(requireScope(req, APPLY_SCOPE), req.params.id, req.body?.reason || undefined),
    );

    r.post(
      '/services/cases',
      { schema: { tags, description: 'Apply for a service item. The form is validated against the item\'s JSON Schema (400 validation_failed, one entry per field).', body: z.object({ itemCode: z.string().min(1).max(100), form }) } },
      async (req, reply) => reply.status(201).send(await cases.submit(requireScope(req, APPLY_SCOPE), req.body)),
    );

    r.get('/services/my/cases', { schema: { tags, description: "The signed-in applicant's cases, newest first (keyset: pass nextCursor as cursor).", querystring: z.object(cursorPage) } }, async (req) =>
      cases.myCases(requirePrincipal(req), req.query),
    );

    r.get('/services/cases/:id', { schema: { tags, description: 'One case: state, tasks with departments, allowed actions for the caller, deadline, timeline.', params: id } }, async (req) =>
      cases.getCase(requirePrincipal(req), req.params.id),
    );

    r.post(
      '/services/cases/:id/actions',
      {
        schema: {
          tags,
          description: 'Act on a case: an officer on a task of their department (accept, request_correction, approve, reject, hand_over, …), the applicant resubmit or withdraw. 409 illegal_transition lists allowedActions.',
          params: id,
          body: z.object({
            action: z.string().regex(/^[a-z][a-z_]{0,39}$/),
            taskId: z.string().max(64).optional(),
            reason: z.string().max(2000).optional(),
            missing: z.array(z.string().max(500)).max(100).optional(),
            to: z.object({ userId: z.number().int().positive().optional(), department: z.string().max(64).optional() }).optional(),
            form: form.optional(),
          }),
        },
      },
      async (req) => cases.act(requirePrincipal(req), req.params.id, req.body),
    );

    r.post(
      '/services/cases/:id/attachments',
      { schema: { tags, description: 'Attach a PDF, JPEG, PNG or OFD file (multipart field "file"; type checked by its bytes).', params: id, querystring: z.object({ kind: z.string().max(40).default('other') }) } },
      async (req, reply) => {
        const p = requirePrincipal(req);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data in a field named "file"');
        const part = await req.file();
        if (!part) throw new AppError('bad_request', 'no file in the request (multipart field "file")');
        return reply.status(201).send(await cases.addAttachment(p, req.params.id, req.query.kind, { filename: part.filename, file: part.file, truncated: () => part.file.truncated }));
      },
    );

    r.get('/services/cases/:id/attachments/:attachmentId', { schema: { tags, params: z.object({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() }) } }, async (req, reply) => {
      const { attachment, stream } = await cases.attachmentBlob(requirePrincipal(req), req.params.id, req.params.attachmentId);
      void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
      return reply.type(attachment.media_type).send(stream);
    });

    r.get(
      '/services/inbox',
      {
        schema: {
          tags,
          description: "The officer's department's tasks (state: open by default, or awaiting_applicant, done, cancelled, comma-separated), newest first; overdue=true for tasks past the deadline; q = case number.",
          querystring: z.object({ state: z.string().max(100).optional(), overdue: z.enum(['true', 'false']).optional(), q: z.string().max(40).optional(), ...cursorPage }),
        },
      },
      async (req) => cases.inbox(requirePrincipal(req), { ...req.query, overdue: req.query.overdue === 'true' }),
    );

    r.get('/services/overdue', { schema: { tags, description: 'Open cases past their deadline, oldest deadline first.', querystring: z.object({ cursor: z.string().max(64).optional(), limit: z.coerce.number().int().positive().max(500).default(50) }) } }, async (req) =>
      cases.overdue(requirePrincipal(req), req.query),
    );

    r.get('/services/statistics', { schema: { tags, description: 'Per department: received, closed, on-time rate, open, overdue.', querystring: z.object({ from: date, to: date }) } }, async (req) =>
      cases.statistics(requirePrincipal(req), req.query),
    );

    r.get('/services/processes/:key', { schema: { tags, description: 'The current version of a process definition (nodes, departments, data exchanges).', params: z.object({ key: z.string().max(64) }) } }, async (req) => {
      const { version, definition } = await cases.currentProcess(req.params.key);
      return { version, ...definition };
    });
  };
}
