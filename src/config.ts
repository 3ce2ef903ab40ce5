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
    /** Public sign-ups per client address in 15 minutes (each asks the national verification interface); 0 = no limit. */
    LANDAO_SIGNUP_PER_IP: z.coerce.number().int().min(0).default(30),
    LANDAO_CHECKPOINT_INTERVAL_S: z.coerce.number().int().positive().default(300),
    LANDAO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Evidence of exchange lookups; `off` exists only to benchmark its overhead. */
    LANDAO_EXCHANGE_EVIDENCE: z.enum(['on', 'off']).default('on'),
    /** Identity verification of service-hall sign-ups: the local simulator or the national interface over HTTP. */
    LANDAO_PERMIT_VERIFIER: z.enum(['simulator', 'http']).default('simulator'),
    LANDAO_PERMIT_VERIFIER_URL: z.string().url().optional(),
    LANDAO_PERMIT_VERIFIER_APP_KEY: z.string().min(1).optional(),
    LANDAO_PERMIT_VERIFIER_SECRET: z.string().min(16).optional(),
    LANDAO_PERMIT_VERIFIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    LANDAO_PERMIT_VERIFIER_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    /** `1` lets production run with the simulator (a staging system without the national interface). */
    LANDAO_PERMIT_VERIFIER_ALLOW_SIMULATOR: z.enum(['0', '1']).default('0'),
    /** Service hall notifications: a development channel (JSON lines under the data dir, or the log), e-mail over SMTP, SMS over an HTTP gateway. */
    LANDAO_NOTIFY_DEV_CHANNEL: z.enum(['file', 'console', 'off']).optional(),
    LANDAO_NOTIFY_EMAIL_HOST: z.string().min(1).optional(),
    LANDAO_NOTIFY_EMAIL_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    LANDAO_NOTIFY_EMAIL_SECURITY: z.enum(['tls', 'starttls', 'none']).default('starttls'),
    LANDAO_NOTIFY_EMAIL_USER: z.string().min(1).optional(),
    LANDAO_NOTIFY_EMAIL_PASSWORD: z.string().min(1).optional(),
    LANDAO_NOTIFY_EMAIL_FROM: z.email().optional(),
    LANDAO_NOTIFY_EMAIL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    LANDAO_NOTIFY_SMS_URL: z.string().url().optional(),
    LANDAO_NOTIFY_SMS_KEY: z.string().min(1).optional(),
    LANDAO_NOTIFY_SMS_SIGN: z.string().min(1).max(20).optional(),
    LANDAO_NOTIFY_SMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    /** Working days a department has to answer a bad rating (差评整改时限). */
    LANDAO_RATING_FOLLOWUP_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  })
  .superRefine((v, ctx) => {
    if (v.LANDAO_PERMIT_VERIFIER === 'http')
      for (const k of ['LANDAO_PERMIT_VERIFIER_URL', 'LANDAO_PERMIT_VERIFIER_APP_KEY', 'LANDAO_PERMIT_VERIFIER_SECRET'] as const)
        if (v[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'required when LANDAO_PERMIT_VERIFIER=http' });
    if (v.LANDAO_NOTIFY_EMAIL_HOST !== undefined && v.LANDAO_NOTIFY_EMAIL_FROM === undefined)
      ctx.addIssue({ code: 'custom', path: ['LANDAO_NOTIFY_EMAIL_FROM'], message: 'required when LANDAO_NOTIFY_EMAIL_HOST is set' });
    if (v.LANDAO_NOTIFY_SMS_URL !== undefined && v.LANDAO_NOTIFY_SMS_KEY === undefined)
      ctx.addIssue({ code: 'custom', path: ['LANDAO_NOTIFY_SMS_KEY'], message: 'required when LANDAO_NOTIFY_SMS_URL is set' });
    if (v.NODE_ENV !== 'production') return;
    if (v.LANDAO_PERMIT_VERIFIER === 'simulator' && v.LANDAO_PERMIT_VERIFIER_ALLOW_SIMULATOR !== '1')
      ctx.addIssue({ code: 'custom', path: ['LANDAO_PERMIT_VERIFIER'], message: 'production verifies identities with the national interface (http), or set LANDAO_PERMIT_VERIFIER_ALLOW_SIMULATOR=1' });
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
  /** Public sign-ups per client address in 15 minutes; 0 = no limit. */
  signupPerIp: number;
  checkpointIntervalS: number;
  logLevel: string;
  exchangeEvidence: boolean;
  permitVerifier: { kind: 'simulator' } | { kind: 'http'; url: string; appKey: string; secret: string; timeoutMs: number; retries: number };
  notify: {
    /** Development channel; off by default in production. */
    devChannel: 'file' | 'console' | 'off';
    email: { host: string; port: number; security: 'tls' | 'starttls' | 'none'; user: string | undefined; password: string | undefined; from: string; timeoutMs: number } | null;
    sms: { url: string; key: string; sign: string | undefined; timeoutMs: number } | null;
  };
  ratingFollowUpDays: number;
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
    signupPerIp: v.LANDAO_SIGNUP_PER_IP,
    checkpointIntervalS: v.LANDAO_CHECKPOINT_INTERVAL_S,
    logLevel: v.LANDAO_LOG_LEVEL,
    exchangeEvidence: v.LANDAO_EXCHANGE_EVIDENCE === 'on',
    permitVerifier:
      v.LANDAO_PERMIT_VERIFIER === 'http'
        ? {
            kind: 'http',
            url: v.LANDAO_PERMIT_VERIFIER_URL!,
            appKey: v.LANDAO_PERMIT_VERIFIER_APP_KEY!,
            secret: v.LANDAO_PERMIT_VERIFIER_SECRET!,
            timeoutMs: v.LANDAO_PERMIT_VERIFIER_TIMEOUT_MS,
            retries: v.LANDAO_PERMIT_VERIFIER_RETRIES,
          }
        : { kind: 'simulator' },
    notify: {
      devChannel: v.LANDAO_NOTIFY_DEV_CHANNEL ?? (v.NODE_ENV === 'production' ? 'off' : 'file'),
      email: v.LANDAO_NOTIFY_EMAIL_HOST
        ? {
            host: v.LANDAO_NOTIFY_EMAIL_HOST,
            port: v.LANDAO_NOTIFY_EMAIL_PORT,
            security: v.LANDAO_NOTIFY_EMAIL_SECURITY,
            user: v.LANDAO_NOTIFY_EMAIL_USER,
            password: v.LANDAO_NOTIFY_EMAIL_PASSWORD,
            from: v.LANDAO_NOTIFY_EMAIL_FROM!,
            timeoutMs: v.LANDAO_NOTIFY_EMAIL_TIMEOUT_MS,
          }
        : null,
      sms: v.LANDAO_NOTIFY_SMS_URL ? { url: v.LANDAO_NOTIFY_SMS_URL, key: v.LANDAO_NOTIFY_SMS_KEY!, sign: v.LANDAO_NOTIFY_SMS_SIGN, timeoutMs: v.LANDAO_NOTIFY_SMS_TIMEOUT_MS } : null,
    },
    ratingFollowUpDays: v.LANDAO_RATING_FOLLOWUP_DAYS,
  };
}
