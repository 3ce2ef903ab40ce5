import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal, requireScope } from '../../http/auth.ts';
import { AppError, isAppError } from '../../kernel/errors.ts';
import type { AggregationService } from './aggregation.service.ts';
import { DATASET_STATES, DatasetInputSchema, THEMES } from './catalog.model.ts';
import type { CatalogService } from './catalog.service.ts';
import type { OpenDataService } from './open-data.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
const PUBLIC = { public: true } as const;

function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

async function* csvLines(columns: string[], rows: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
  yield '\ufeff' + columns.map(csvCell).join(',') + '\r\n';
  let chunk = '';
  for await (const r of rows) {
    chunk += columns.map((c) => csvCell(r[c])).join(',') + '\r\n';
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function* jsonArray(rows: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const r of rows) {
    yield (first ? '\n' : ',\n') + JSON.stringify(r);
    first = false;
  }
  yield '\n]\n';
}

/** CKAN's action API envelope: {help, success, result} or {help, success: false, error}. */
async function ckan(req: FastifyRequest, reply: FastifyReply, action: string, run: () => Promise<unknown>): Promise<unknown> {
  const help = `${baseUrl(req)}/api/3/action/help_show?name=${action}`;
  try {
    return { help, success: true, result: await run() };
  } catch (e) {
    if (!isAppError(e)) throw e;
    const type = e.code === 'not_found' ? 'Not Found Error' : e.status === 403 ? 'Authorization Error' : 'Validation Error';
    return reply.status(e.status).send({ help, success: false, error: { __type: type, message: e.message } });
  }
}

export function registerCatalogRoutes(catalog: CatalogService, aggregation: AggregationService, open: OpenDataService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['catalog'];

    // ---- catalog ----------------------------------------------------------------------------

    r.get(
      '/catalog/datasets',
      {
        schema: {
          tags,
          querystring: z.object({
            q: z.string().max(100).optional(),
            orgId: z.coerce.number().int().positive().optional(),
            state: z.enum(DATASET_STATES).optional(),
            theme: z.enum(THEMES).optional(),
            ...page,
          }),
        },
      },
      async (req) => catalog.list(requirePrincipal(req), req.query),
    );

    r.post(
      '/catalog/datasets',
      { schema: { tags, body: DatasetInputSchema.extend({ orgId: z.number().int().positive().optional() }) } },
      async (req, reply) => {
        const p = requireScope(req, 'catalog:write');
        const { orgId, ...input } = req.body;
        return reply.status(201).send(await catalog.register(p, input, orgId));
      },
    );

    r.get('/catalog/datasets/:id', { schema: { tags, params: idParams } }, async (req) => catalog.get(requirePrincipal(req), req.params.id));

    r.put(
      '/catalog/datasets/:id',
      { schema: { tags, params: idParams, body: DatasetInputSchema.extend({ note: z.string().max(500).optional() }) } },
      async (req) => {
        const p = requireScope(req, 'catalog:write');
        const { note, ...input } = req.body;
        return catalog.update(p, req.params.id, input, note);
      },
    );

    r.get('/catalog/datasets/:id/versions', { schema: { tags, params: idParams } }, async (req) => ({
      items: await catalog.versions(requirePrincipal(req), req.params.id),
    }));

    r.post('/catalog/datasets/:id/classify', { schema: { tags, params: idParams } }, async (req) =>
      catalog.classify(requireScope(req, 'catalog:write'), req.params.id),
    );

    r.post(
      '/catalog/datasets/:id/confirm-grade',
      { schema: { tags, params: idParams, body: z.object({ subclasses: z.record(z.string(), z.string().max(64).nullable()).default({}) }) } },
      async (req) => catalog.confirmGrade(requireScope(req, 'catalog:write'), req.params.id, req.body.subclasses),
    );

    r.post('/catalog/datasets/:id/publish', { schema: { tags, params: idParams } }, async (req) => catalog.publish(requireScope(req, 'catalog:write'), req.params.id));

    r.post(
      '/catalog/datasets/:id/retire',
      { schema: { tags, params: idParams, body: z.object({ reason: z.string().trim().min(1).max(500) }) } },
      async (req) => catalog.retire(requireScope(req, 'catalog:write'), req.params.id, req.body.reason),
    );

    // ---- aggregation ------------------------------------------------------------------------

    r.post(
      '/catalog/datasets/:id/uploads',
      {
        schema: {
          tags,
          params: idParams,
          description: 'Upload a CSV, TSV or XLSX file (multipart field "file"); it loads as a batch in the background.',
          response: { 202: z.object({ batchId: z.number(), jobId: z.number() }) },
        },
      },
      async (req, reply) => {
        const p = requireScope(req, 'catalog.data:load');
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data in a field named "file"');
        const part = await req.file();
        if (!part) throw new AppError('bad_request', 'no file in the request (multipart field "file")');
        const res = await aggregation.startUpload(p, req.params.id, { filename: part.filename, file: part.file, truncated: () => part.file.truncated });
        return reply.status(202).send(res);
      },
    );

    r.post(
      '/catalog/datasets/:id/rows',
      {
        schema: {
          tags,
          params: idParams,
          description: 'Push rows (objects keyed by field name) as one batch; the reply is the batch with its quality report.',
          body: z.object({ rows: z.array(z.record(z.string(), z.unknown())).min(1), system: z.string().max(100).optional() }),
        },
      },
      async (req, reply) => reply.status(201).send(await aggregation.push(requireScope(req, 'catalog.data:load'), req.params.id, req.body.rows, { system: req.body.system })),
    );

    r.get(
      '/catalog/datasets/:id/rows',
      { schema: { tags, params: idParams, querystring: z.object({ after: z.string().max(1000).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }) } },
      async (req) => aggregation.rows(requirePrincipal(req), req.params.id, req.query.after ?? null, req.query.limit),
    );

    r.get(
      '/catalog/datasets/:id/lookup',
      {
        schema: {
          tags,
          params: idParams,
          description: 'The record under a key (one `key` per key field, in order); `fields` limits the answer.',
          querystring: z.object({
            key: z.union([z.string().max(200), z.array(z.string().max(200)).max(5)]).transform((k) => (Array.isArray(k) ? k : [k])),
            fields: z.string().max(2000).optional(),
          }),
        },
      },
      async (req) => aggregation.lookupAs(requirePrincipal(req), req.params.id, req.query.key, req.query.fields?.split(',').map((f) => f.trim()).filter(Boolean)),
    );

    r.get('/catalog/datasets/:id/sources', { schema: { tags, params: idParams } }, async (req) => ({
      items: await aggregation.sources(requireScope(req, 'catalog.data:load'), req.params.id),
    }));

    r.post(
      '/catalog/datasets/:id/sources',
      {
        schema: {
          tags,
          params: idParams,
          body: z.object({
            url: z.string().min(1).max(2000),
            table: z.string().min(1).max(130),
            changeColumn: z.string().min(1).max(63),
            everyMinutes: z.number().int().min(1).max(60 * 24 * 31),
          }),
        },
      },
      async (req, reply) => reply.status(201).send(await aggregation.addSource(requireScope(req, 'catalog.data:load'), req.params.id, req.body)),
    );

    r.post('/catalog/sources/:id/pull', { schema: { tags, params: idParams, response: { 202: z.object({ jobId: z.number() }) } } }, async (req, reply) =>
      reply.status(202).send(await aggregation.pullNow(requireScope(req, 'catalog.data:load'), req.params.id)),
    );

    r.get(
      '/catalog/batches',
      { schema: { tags, querystring: z.object({ datasetId: z.coerce.number().int().positive().optional(), ...page }) } },
      async (req) => aggregation.batches(requirePrincipal(req), req.query),
    );

    r.get('/catalog/batches/:id', { schema: { tags, params: idParams } }, async (req) => aggregation.batch(requirePrincipal(req), req.params.id));

    r.get(
      '/catalog/batches/:id/rejects',
      { schema: { tags, params: idParams, querystring: z.object({ ...page }) } },
      async (req) => aggregation.rejects(requirePrincipal(req), req.params.id, req.query.page, req.query.pageSize),
    );

    // ---- quality ----------------------------------------------------------------------------

    r.get('/catalog/datasets/:id/quality', { schema: { tags, params: idParams } }, async (req) => aggregation.datasetQuality(requirePrincipal(req), req.params.id));

    r.get(
      '/catalog/issues',
      { schema: { tags, querystring: z.object({ datasetId: z.coerce.number().int().positive().optional(), status: z.enum(['open', 'resolved']).optional(), ...page }) } },
      async (req) => aggregation.issues(requirePrincipal(req), req.query),
    );

    r.post(
      '/catalog/issues/:id/resolve',
      { schema: { tags, params: idParams, body: z.object({ resolution: z.string().trim().min(1).max(1000) }) } },
      async (req) => aggregation.resolveIssue(requireScope(req, 'catalog.quality:resolve'), req.params.id, req.body.resolution),
    );

    // ---- open data (public, no sign-in) -----------------------------------------------------

    const openTags = ['open-data'];
    const nameParams = z.object({ id: z.string().min(1).max(64) });

    r.get(
      '/open/datasets',
      { config: PUBLIC, schema: { tags: openTags, querystring: z.object({ q: z.string().max(100).optional(), theme: z.enum(THEMES).optional(), ...page }) } },
      async (req) => open.list(req.query),
    );

    r.get('/open/catalog.jsonld', { config: PUBLIC, schema: { tags: openTags } }, async (req, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(await open.dcatCatalog(baseUrl(req)))),
    );

    r.get('/open/datasets/:id', { config: PUBLIC, schema: { tags: openTags, params: nameParams } }, async (req) => open.get(req.params.id));

    r.get('/open/datasets/:id/dcat.jsonld', { config: PUBLIC, schema: { tags: openTags, params: nameParams } }, async (req, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(await open.dcat(req.params.id, baseUrl(req)))),
    );

    r.get(
      '/open/datasets/:id/download.:format',
      { config: PUBLIC, schema: { tags: openTags, params: z.object({ id: z.string().min(1).max(64), format: z.enum(['csv', 'json']) }) } },
      async (req, reply) => {
        const { dataset, rows } = await open.download(req.params.id);
        const columns = dataset.fields.map((f) => f.name);
        void reply.header('content-disposition', `attachment; filename="${dataset.identifier}.${req.params.format}"`);
        if (req.params.format === 'csv') return reply.type('text/csv; charset=utf-8').send(Readable.from(csvLines(columns, rows)));
        return reply.type('application/json; charset=utf-8').send(Readable.from(jsonArray(rows)));
      },
    );

    // CKAN-compatible read API: /api/3/action/…
    const ckanTags = ['ckan'];
    r.get('/3/action/package_list', { config: PUBLIC, schema: { tags: ckanTags } }, async (req, reply) => ckan(req, reply, 'package_list', () => open.ckanPackageList()));

    r.get(
      '/3/action/package_show',
      { config: PUBLIC, schema: { tags: ckanTags, querystring: z.object({ id: z.string().min(1).max(64) }) } },
      async (req, reply) => ckan(req, reply, 'package_show', () => open.ckanPackageShow(req.query.id, baseUrl(req))),
    );

    r.get(
      '/3/action/package_search',
      {
        config: PUBLIC,
        schema: {
          tags: ckanTags,
          querystring: z.object({
            q: z.string().max(200).optional(),
            rows: z.coerce.number().int().min(0).max(1000).default(10),
            start: z.coerce.number().int().min(0).default(0),
          }),
        },
      },
      async (req, reply) =>
        ckan(req, reply, 'package_search', () => open.ckanPackageSearch({ q: req.query.q === '*:*' ? undefined : req.query.q, rows: req.query.rows, start: req.query.start }, baseUrl(req))),
    );
  };
}
