import path from 'node:path';
import { z } from 'zod';

/** Secrets that ship with the repository for development; production refuses to start with them. */
export const DEMO_SECRETS = {
  personHashKey: 'landao-demo-person-hash-key-not-secret',
  sessionSecret: 'landao-demo-session-secret-not-secret',
} as const;

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().default('0.0.0.0'),
    LANDAO_DATA_DIR: z.string().default('./var'),
    DATABASE_URL: z.string().url().optional(),
    LANDAO_PUBLIC_URL: z.string().url().optional(),
    LANDAO_PERSON_HASH_KEY: z.string().min(16).default(DEMO_SECRETS.personHashKey),
    LANDAO_SESSION_SECRET: z.string().min(16).default(DEMO_SECRETS.sessionSecret),
    LANDAO_SIGNING_KEY_FILE: z.string().optional(),
    LANDAO_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
    LANDAO_JOB_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
    LANDAO_BODY_LIMIT: z.coerce.number().int().positive().default(1024 * 1024),
    LANDAO_UPLOAD_LIMIT: z.coerce.number().int().positive().default(2 * 1024 * 1024 * 1024),
    LANDAO_CHECKPOINT_INTERVAL_S: z.coerce.number().int().positive().default(300),
    LANDAO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Evidence of exchange lookups; `off` exists only to benchmark its overhead. */
    LANDAO_EXCHANGE_EVIDENCE: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((v, ctx) => {
    if (v.NODE_ENV !== 'production') return;
    if (v.LANDAO_PERSON_HASH_KEY === DEMO_SECRETS.personHashKey)
      ctx.addIssue({ code: 'custom', path: ['LANDAO_PERSON_HASH_KEY'], message: 'production needs its own key' });
    if (v.LANDAO_SESSION_SECRET === DEMO_SECRETS.sessionSecret)
      ctx.addIssue({ code: 'custom', path: ['LANDAO_SESSION_SECRET'], message: 'production needs its own secret' });
    if (!v.LANDAO_SIGNING_KEY_FILE)
      ctx.addIssue({ code: 'custom', path: ['LANDAO_SIGNING_KEY_FILE'], message: 'production needs an SM2 key file' });
    if (v.LANDAO_SEED_DEMO !== 'never')
      ctx.addIssue({ code: 'custom', path: ['LANDAO_SEED_DEMO'], message: 'production must set LANDAO_SEED_DEMO=never' });
    if (v.LANDAO_EXCHANGE_EVIDENCE === 'off') ctx.addIssue({ code: 'custom', path: ['LANDAO_EXCHANGE_EVIDENCE'], message: 'production keeps the evidence of every exchange lookup' });
  });

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  personHashKey: string;
  sessionSecret: string;
  signingKeyFile: string;
  seedDemo: boolean;
  jobWorkers: number;
  bodyLimit: number;
  uploadLimit: number;
  checkpointIntervalS: number;
  logLevel: string;
  exchangeEvidence: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment once. Throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  const v = parsed.data;
  const dataDir = path.resolve(v.LANDAO_DATA_DIR);
  return {
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    dataDir,
    databaseUrl: v.DATABASE_URL,
    publicUrl: v.LANDAO_PUBLIC_URL ?? `http://localhost:${v.PORT}`,
    personHashKey: v.LANDAO_PERSON_HASH_KEY,
    sessionSecret: v.LANDAO_SESSION_SECRET,
    signingKeyFile: v.LANDAO_SIGNING_KEY_FILE ?? path.join(dataDir, 'keys', 'platform-sm2.json'),
    seedDemo: v.LANDAO_SEED_DEMO === 'auto',
    jobWorkers: v.LANDAO_JOB_WORKERS,
    bodyLimit: v.LANDAO_BODY_LIMIT,
    uploadLimit: v.LANDAO_UPLOAD_LIMIT,
    checkpointIntervalS: v.LANDAO_CHECKPOINT_INTERVAL_S,
    logLevel: v.LANDAO_LOG_LEVEL,
    exchangeEvidence: v.LANDAO_EXCHANGE_EVIDENCE === 'on',
  };
}
