import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError } from '../kernel/errors.ts';
import { authHook, type PrincipalResolver } from './auth.ts';
import { errorHandler } from './errors.ts';
import { registerIdempotency } from './idempotency.ts';
import type { AnyDb } from '../db/database.ts';

export type HttpApp = FastifyInstance;
/** A context's routes: registered under /api by the composition root. */
export type RouteModule = (app: HttpApp) => void | Promise<void>;

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface HttpDeps {
  config: Config;
  resolver: PrincipalResolver;
  /** For Idempotency-Key records. */
  db: AnyDb;
  health: () => Promise<{ dialect: string; version: string }>;
  routes: RouteModule[];
  /** Where the built web front end is; defaults to web/dist. */
  webDist?: string;
}

export async function buildHttp(deps: HttpDeps): Promise<HttpApp> {
  const { config } = deps;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // One access-log line per request (below), not Fastify's two: logging was a tenth of a request's CPU.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    trustProxy: process.env.LANDAO_TRUST_PROXY === '1',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(config.env === 'production'));
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Off by default; a route opts in with `config: { rateLimit: {max, timeWindow} }` (public sign-up).
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('too_many_requests', `too many requests from this address: at most ${ctx.max} in ${ctx.after}; try again later`, { retryAfterS: Math.ceil(ctx.ttl / 1000) }),
  });
  // Uploads stream to the blob store; the limits refuse oversize files before they fill the disk.
  await app.register(multipart, { limits: { fileSize: config.uploadLimit, files: 10, fields: 50, parts: 60, fieldSize: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Landao 岚岛 API', version: '0.1.0', description: 'Digital-government data platform of the Pingtan Comprehensive Experimental Zone' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', authHook(deps.resolver));
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, url: req.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });
  registerIdempotency(app, deps.db);

  await app.register(
    async (api) => {
      const r = api.withTypeProvider<ZodTypeProvider>();
      r.get(
        '/health',
        { schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), dialect: z.string(), version: z.string() }) } } },
        async () => ({ status: 'ok' as const, ...(await deps.health()) }),
      );
      for (const mod of deps.routes) await mod(api);
    },
    { prefix: '/api' },
  );

  const webDist = deps.webDist ?? WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && hasWeb && !url.startsWith('/api/') && !path.extname(url)) {
      // Client-side routes (/console/..., /portal/...) get the single-page app.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'route_not_found', message: `no route ${req.method} ${url}` } });
  });
  return app;
}
