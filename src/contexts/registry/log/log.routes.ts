import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../kernel/errors.ts';
import type { TransparencyLog } from './transparency-log.ts';

/** Public routes: anyone (a bank, a court) reads the log without an account. */
const PUBLIC = { public: true } as const;
const index = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const size = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const hex = z.string().regex(/^[0-9a-f]+$/);

const checkpointDto = z.object({
  origin: z.string(),
  treeSize: z.number(),
  rootHash: hex,
  timestamp: z.string(),
  signature: hex,
  publicKeyPem: z.string(),
});

/**
 * The transparency log over HTTP (contract: shared/contracts/transparency-log.md), mounted under /api:
 * the latest signed checkpoint, one entry, an inclusion proof and a consistency proof. Hashes and
 * signatures are lowercase hex. Parameters outside the tree give 400 `validation_failed` naming them.
 */
export function registerRegistryLogRoutes(log: TransparencyLog) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/registry/log/checkpoint',
      { config: PUBLIC, schema: { tags: ['registry'], response: { 200: checkpointDto } } },
      async () => {
        const c = await log.latestCheckpoint();
        if (!c) throw notFound('checkpoint', 'latest');
        return c;
      },
    );
    r.get(
      '/registry/log/entries/:index',
      {
        config: PUBLIC,
        schema: {
          tags: ['registry'],
          params: z.object({ index }),
          response: { 200: z.object({ index: z.number(), entry: z.record(z.string(), z.unknown()), leafHash: hex }) },
        },
      },
      async (req) => {
        const e = await log.entry(req.params.index);
        if (!e) throw notFound('log entry', req.params.index);
        return e;
      },
    );
    r.get(
      '/registry/log/proof/inclusion',
      {
        config: PUBLIC,
        schema: {
          tags: ['registry'],
          querystring: z.object({ index, treeSize: size }),
          response: { 200: z.object({ index: z.number(), treeSize: z.number(), auditPath: z.array(hex) }) },
        },
      },
      async (req) => {
        const { index, treeSize } = req.query;
        return { index, treeSize, auditPath: await log.inclusionProof(index, treeSize) };
      },
    );
    r.get(
      '/registry/log/proof/consistency',
      {
        config: PUBLIC,
        schema: {
          tags: ['registry'],
          querystring: z.object({ from: size, to: size }),
          response: { 200: z.object({ from: z.number(), to: z.number(), proof: z.array(hex) }) },
        },
      },
      async (req) => {
        const { from, to } = req.query;
        return { from, to, proof: await log.consistencyProof(from, to) };
      },
    );
  };
}
