import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nowIso, type AnyDb } from '../db/database.ts';
import { canonicalJson } from '../kernel/canonical-json.ts';
import { sm3 } from '../kernel/crypto/sm.ts';
import { AppError } from '../kernel/errors.ts';
import { IdempotencyRepo } from './idempotency.repo.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const HEADER = 'idempotency-key';

/**
 * `Idempotency-Key` on any POST: the first request with a key runs and its response (2xx–4xx) is
 * kept for 24 hours; a retry with the same key and body gets the same response replayed
 * (`idempotent-replayed: true`) instead of acting twice (double clicks, network retries). The same key
 * with a different body is a 409; a retry while the first is still running is a 409 too. Keys are
 * per caller, so two users cannot collide.
 */
export function registerIdempotency(app: FastifyInstance, db: AnyDb): void {
  const repo = new IdempotencyRepo();
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'POST') return;
    const given = req.headers[HEADER];
    if (given === undefined) return;
    if (typeof given !== 'string' || given.length < 8 || given.length > 200)
      throw new AppError('bad_request', 'Idempotency-Key must be 8 to 200 characters');
    const who = req.principal ? `${req.principal.kind}:${req.principal.id}` : `anon:${req.ip}`;
    const key = sm3(`${who}|${req.routeOptions.url ?? req.url}|${given}`);
    const requestHash = sm3(canonicalJson(req.body ?? null));
    if (await repo.claim(db, key, requestHash, nowIso())) {
      req.idempotencyKey = key;
      return;
    }
    const prior = await repo.get(db, key);
    if (!prior) throw new AppError('conflict', 'idempotency record vanished; retry the request');
    if (prior.request_hash !== requestHash) throw new AppError('conflict', 'this Idempotency-Key was already used for a different request');
    if (prior.status_code === 0) throw new AppError('conflict', 'an identical request with this Idempotency-Key is still being processed');
    return reply.status(prior.status_code).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(prior.response);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    if (!key) return payload;
    req.idempotencyKey = null;
    if (reply.statusCode >= 500 || typeof payload !== 'string') await repo.release(db, key);
    else await repo.complete(db, key, reply.statusCode, payload);
    return payload;
  });

  // A request that died before sending (client gone, crash in a hook) must not block retries.
  app.addHook('onResponse', async (req) => {
    if (req.idempotencyKey) await repo.release(db, req.idempotencyKey);
  });
}

export async function purgeIdempotencyRecords(db: AnyDb, olderThanMs = 24 * 3600_000): Promise<number> {
  return new IdempotencyRepo().purgeBefore(db, new Date(Date.now() - olderThanMs).toISOString());
}
