/**
 * The service item catalog over HTTP. Public (no sign-in): search, one item's guide, areas with counts.
 * Officers with `services.items:write`: version history, one version, publish (JSON), import
 * (multipart CSV/XLSX) and export.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../../http/auth.ts';
import { AppError } from '../../../kernel/errors.ts';
import { actorOf } from '../../identity/index.ts';
import { AREAS, LANGS, LEVELS } from './items.model.ts';
import { ITEMS_WRITE_SCOPE, type ServiceItemCatalog } from './items.service.ts';

const PUBLIC = { public: true } as const;
const tags = ['services'];
const lang = z.enum(LANGS, { error: 'must be zh-CN, zh-TW or en' }).default('zh-CN');

export function registerItemRoutes(items: ServiceItemCatalog) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/public/services/items',
      {
        config: PUBLIC,
        schema: {
          tags,
          description: 'Search the service items in force (names, codes and keywords in Simplified, Traditional or English). Lists 业务办理项 unless level says otherwise.',
          querystring: z.object({
            q: z.string().max(100).optional(),
            area: z.enum(AREAS).optional(),
            department: z.string().max(64).optional(),
            level: z.enum(LEVELS).optional(),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
            lang,
          }),
        },
      },
      async (req) => items.search(req.query),
    );

    r.get(
      '/public/services/items/:code',
      { config: PUBLIC, schema: { tags, params: z.object({ code: z.string().min(1).max(64) }), querystring: z.object({ lang }) } },
      async (req) => items.get(req.params.code, req.query.lang),
    );

    r.get('/public/services/areas', { config: PUBLIC, schema: { tags, description: 'Areas with the number of 业务办理项 in force in each.' } }, async () => ({ items: await items.areas() }));

    r.get('/services/items/versions', { schema: { tags } }, async (req) => ({ items: await items.history(requireScope(req, ITEMS_WRITE_SCOPE)) }));

    r.get('/services/items/versions/:version', { schema: { tags, params: z.object({ version: z.coerce.number().int().positive() }) } }, async (req) =>
      items.version(requireScope(req, ITEMS_WRITE_SCOPE), req.params.version),
    );

    r.post(
      '/services/items/versions',
      {
        schema: {
          tags,
          description: 'Publish the whole catalog as a new version (validated whole); it is in force from now on.',
          body: z.object({ document: z.unknown(), note: z.string().max(2000).nullish() }),
        },
      },
      async (req, reply) => {
        const p = requireScope(req, ITEMS_WRITE_SCOPE);
        return reply.status(201).send(await items.publish(p, actorOf(p), req.body.document, req.body.note ?? null));
      },
    );

    r.post(
      '/services/items/import',
      { schema: { tags, description: 'Publish a catalog uploaded as CSV or XLSX (multipart: file, note?), one row per item.' } },
      async (req, reply) => {
        const p = requireScope(req, ITEMS_WRITE_SCOPE);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send multipart/form-data with a "file" field');
        let file: { filename: string; data: Buffer } | undefined;
        let note: string | null = null;
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            if (part.file.truncated) throw new AppError('payload_too_large', `${part.filename}: larger than the upload limit`);
            file = { filename: part.filename, data };
          } else if (part.fieldname === 'note') note = String(part.value);
        }
        if (!file) throw new AppError('validation_failed', 'file: required', { field: 'file' });
        return reply.status(201).send(await items.importFile(p, actorOf(p), file, note));
      },
    );

    r.get(
      '/services/items/export',
      { schema: { tags, querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), version: z.coerce.number().int().positive().optional() }) } },
      async (req, reply) => {
        const p = requireScope(req, ITEMS_WRITE_SCOPE);
        const data = await items.exportFile(p, req.query.format, req.query.version);
        const type = req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return reply.type(type).header('content-disposition', `attachment; filename="service-items.${req.query.format}"`).send(data);
      },
    );
  };
}
