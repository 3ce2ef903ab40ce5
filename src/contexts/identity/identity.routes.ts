import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal, requireScope, SESSION_COOKIE } from '../../http/auth.ts';
import { LOCALES } from '../../kernel/principal.ts';
import { actorOf, type IdentityService } from './identity.service.ts';

const locale = z.enum(LOCALES as ['zh-CN', 'zh-TW', 'en']);
const org = z.object({ id: z.number(), code: z.string(), name: z.string(), nameEn: z.string().nullable(), kind: z.string() });
const user = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  kind: z.string(),
  locale,
  status: z.string(),
  org: org.nullable(),
  roles: z.array(z.string()),
});
const sessionUser = user.extend({ scopes: z.array(z.string()) });

export function registerIdentityRoutes(identity: IdentityService, opts: { secureCookies: boolean }) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/auth/login',
      {
        config: { csrfExempt: true },
        schema: {
          tags: ['auth'],
          body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
          response: { 200: z.object({ user: sessionUser, csrfToken: z.string() }) },
        },
      },
      async (req, reply) => {
        const res = await identity.login(req.body.username, req.body.password, { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });
        void reply.setCookie(SESSION_COOKIE, res.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: opts.secureCookies,
          expires: new Date(res.expiresAt),
        });
        return { user: res.user, csrfToken: res.csrfToken };
      },
    );

    r.post('/auth/logout', { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req, reply) => {
      const p = requirePrincipal(req);
      if (req.sessionToken) await identity.logout(p, req.sessionToken);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    r.get(
      '/auth/session',
      { schema: { tags: ['auth'], response: { 200: z.object({ user: sessionUser.nullable(), csrfToken: z.string().nullable() }) } } },
      async (req) => {
        if (!req.principal || req.principal.kind !== 'user') return { user: null, csrfToken: null };
        return { user: await identity.sessionUser(req.principal.id), csrfToken: req.csrfToken };
      },
    );

    r.patch(
      '/auth/me',
      { schema: { tags: ['auth'], body: z.object({ locale }), response: { 200: z.object({ user: sessionUser }) } } },
      async (req) => ({ user: await identity.setLocale(requirePrincipal(req), req.body.locale) }),
    );

    r.get('/identity/orgs', { schema: { tags: ['identity'], response: { 200: z.object({ items: z.array(org) }) } } }, async (req) => ({
      items: await identity.listOrgs(requirePrincipal(req)),
    }));

    r.get(
      '/identity/users',
      {
        schema: {
          tags: ['identity'],
          querystring: z.object({
            orgId: z.coerce.number().int().positive().optional(),
            q: z.string().max(100).optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: z.object({ items: z.array(user), total: z.number() }) },
        },
      },
      async (req) => identity.listUsers(requirePrincipal(req), req.query),
    );

    r.post(
      '/identity/users',
      {
        schema: {
          tags: ['identity'],
          body: z.object({
            orgId: z.number().int().positive().nullable(),
            username: z.string().regex(/^[a-z0-9_.-]{3,40}$/i, 'letters, digits, _ . - (3–40)'),
            displayName: z.string().min(1).max(100),
            kind: z.enum(['officer', 'enterprise', 'citizen', 'bank']),
            password: z.string().min(8).max(200),
            locale: locale.optional(),
            roles: z.array(z.string()).max(10),
            phone: z.string().max(30).optional(),
          }),
          response: { 201: user },
        },
      },
      async (req, reply) => {
        const p = requireScope(req, 'identity.users:write');
        const created = await identity.createUser(actorOf(p), p, req.body);
        return reply.status(201).send(created);
      },
    );

    r.post(
      '/identity/tokens',
      {
        schema: {
          tags: ['identity'],
          body: z.object({ orgId: z.number().int().positive(), name: z.string().min(1).max(100), scopes: z.array(z.string()).min(1).max(50), expiresAt: z.iso.datetime().optional() }),
          response: { 201: z.object({ id: z.number(), token: z.string() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await identity.createApiToken(requireScope(req, 'identity.tokens:write'), req.body)),
    );

    r.delete(
      '/identity/tokens/:id',
      { schema: { tags: ['identity'], params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: z.object({ ok: z.literal(true) }) } } },
      async (req) => {
        await identity.revokeApiToken(requireScope(req, 'identity.tokens:write'), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
