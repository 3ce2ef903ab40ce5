import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import { hasScope, type Principal } from '../kernel/principal.ts';

export const SESSION_COOKIE = 'landao_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The raw session token when the request came with a session cookie. */
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a CSRF header (login). */
    csrfExempt?: boolean;
    /**
     * Public routes (open data, CKAN API): no principal needed, and an Authorization header that is
     * not a Landao token (a CKAN client's API key) is ignored instead of refused.
     */
    public?: boolean;
  }
}

export interface PrincipalResolver {
  resolveSession(token: string, ip: string | null): Promise<{ principal: Principal; csrfToken: string } | null>;
  resolveApiToken(bearer: string, ip: string | null): Promise<Principal | null>;
}

/**
 * Resolves the principal from an API token (Authorization: Bearer) or a session cookie, and enforces
 * CSRF on state-changing requests that rely on the cookie (header `x-csrf-token` must equal the
 * session's token). Token-authenticated requests are not exposed to CSRF and need no header.
 */
export function authHook(resolver: PrincipalResolver) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    req.principal = null;
    req.sessionToken = null;
    req.csrfToken = null;
    const ip = req.ip ?? null;
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const p = m ? await resolver.resolveApiToken(m[1]!, ip) : null;
      if (!p && req.routeOptions.config?.public) return;
      if (!p) throw new AppError('unauthenticated', 'invalid or revoked API token');
      req.principal = p;
      return;
    }
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const s = await resolver.resolveSession(token, ip);
      if (s) {
        req.principal = s.principal;
        req.sessionToken = token;
        req.csrfToken = s.csrfToken;
      }
    }
    if (UNSAFE.has(req.method) && req.sessionToken && !req.routeOptions.config?.csrfExempt) {
      const given = req.headers['x-csrf-token'];
      const ok =
        typeof given === 'string' &&
        req.csrfToken !== null &&
        given.length === req.csrfToken.length &&
        crypto.timingSafeEqual(Buffer.from(given), Buffer.from(req.csrfToken));
      if (!ok) throw new AppError('csrf_failed', 'missing or wrong x-csrf-token header');
    }
  };
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated', 'sign in first');
  return req.principal;
}

export function requireScope(req: FastifyRequest, scope: string): Principal {
  const p = requirePrincipal(req);
  if (!hasScope(p, scope)) throw new AppError('forbidden', `missing scope ${scope}`, { scope });
  return p;
}
