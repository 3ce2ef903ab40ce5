/**
 * The versioned catalog and lists over HTTP: read the version in force or any earlier one, the
 * history, publish a new version (JSON), import/export one list as CSV or XLSX.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal, requireScope } from '../../../http/auth.ts';
import { AppError } from '../../../kernel/errors.ts';
import { actorOf } from '../../identity/index.ts';
import { REFERENCE_WRITE_SCOPE, type ReferenceService } from './reference.service.ts';

const kindParams = z.object({ kind: z.enum(['catalog', 'lists'], { error: 'must be catalog or lists' }) });
const listQuery = z.object({ list: z.enum(['negative', 'general'], { error: 'must be negative or general' }) });

export function registerReferenceVersionRoutes(ref: ReferenceService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/customs/reference/:kind',
      {
        schema: {
          tags: ['customs'],
          description: 'The version in force, version `versionId`, or with `shipped=true` the version shipped with Landao (the first of the history).',
          params: kindParams,
          querystring: z.object({ versionId: z.coerce.number().int().positive().optional(), shipped: z.enum(['true', 'false'], { error: 'must be true or false' }).optional() }),
        },
      },
      async (req) => {
        requirePrincipal(req);
        if (req.query.shipped === 'true') return ref.shippedDocument(req.params.kind);
        return ref.document(req.params.kind, req.query.versionId ?? null);
      },
    );

    r.get('/customs/reference/:kind/versions', { schema: { tags: ['customs'], params: kindParams } }, async (req) => {
      requirePrincipal(req);
      return { items: await ref.history(req.params.kind) };
    });

    r.post(
      '/customs/reference/:kind/versions',
      { schema: { tags: ['customs'], description: 'Publish a new version (the whole document); it is in force from now on.', params: kindParams, body: z.object({ document: z.unknown(), note: z.string().max(2000).nullish() }) } },
      async (req, reply) => {
        const p = requireScope(req, REFERENCE_WRITE_SCOPE);
        return reply.status(201).send(await ref.publish(p, actorOf(p), req.params.kind, req.body.document, req.body.note ?? null));
      },
    );

    r.get(
      '/customs/reference/lists/export',
      { schema: { tags: ['customs'], querystring: listQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), versionId: z.coerce.number().int().positive().optional() }) } },
      async (req, reply) => {
        requirePrincipal(req);
        const { list, format } = req.query;
        const data = await ref.exportList(list, format, req.query.versionId ?? null);
        const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return reply.type(type).header('content-disposition', `attachment; filename="${list}-list.${format}"`).send(data);
      },
    );

    r.post(
      '/customs/reference/lists/import',
      {
        schema: {
          tags: ['customs'],
          description: 'Replace one list with an uploaded CSV/XLSX (multipart: file, version, effectiveFrom?, note?) and publish it.',
          querystring: listQuery,
        },
      },
      async (req, reply) => {
        const p = requireScope(req, REFERENCE_WRITE_SCOPE);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send multipart/form-data with a "file" field');
        const fields: Record<string, string> = {};
        let file: { filename: string; data: Buffer } | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            if (part.file.truncated) throw new AppError('payload_too_large', `${part.filename}: larger than the upload limit`);
            file = { filename: part.filename, data };
          } else fields[part.fieldname] = String(part.value);
        }
        if (!file) throw new AppError('validation_failed', 'file: required', { field: 'file' });
        const res = await ref.importList(p, actorOf(p), req.query.list, file, { version: fields.version ?? '', effectiveFrom: fields.effectiveFrom, note: fields.note ?? null });
        return reply.status(201).send(res);
      },
    );
  };
}
