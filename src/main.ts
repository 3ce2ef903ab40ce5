/**
 * Composition root: the only place that knows every context. It opens the database, runs
 * migrations, wires services to each other through their index.ts, seeds demo data into an empty
 * database, and builds the HTTP server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildHttp, type HttpApp } from './http/server.ts';
import { purgeIdempotencyRecords } from './http/idempotency.ts';
import { LocalKeySigner, type Signer } from './kernel/crypto/signer.ts';
import { AuditService, registerAuditRoutes } from './contexts/audit/index.ts';
import { IdentityService, registerIdentityRoutes, seedIdentityDemo } from './contexts/identity/index.ts';
import { JobQueue, registerJobRoutes } from './contexts/jobs/index.ts';
import { DetectionService, registerDetectionRoutes } from './contexts/detection/index.ts';
import { LocalBlobStore } from './kernel/blob/local-blob-store.ts';
import type { BlobStore } from './kernel/blob/blob-store.ts';
import { loadCalendar, type WorkingCalendar } from './kernel/calendar/calendar.ts';

export const VERSION = (
  JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../package.json'), 'utf8')) as { version: string }
).version;

export interface Platform {
  config: Config;
  database: Database;
  signer: Signer;
  audit: AuditService;
  identity: IdentityService;
  jobs: JobQueue;
  blobs: BlobStore;
  calendar: WorkingCalendar;
  http: HttpApp;
  version: string;
  /** Starts background work (job workers, periodic checkpoints). `landao serve` calls it; tests may not. */
  start(): Promise<void>;
  /** Logins printed by `landao serve` when demo data was seeded in this start. */
  demoAccounts: { username: string; displayName: string; roles: string[] }[] | null;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
  signer?: Signer;
}

export async function createPlatform(config: Config, opts: PlatformOptions = {}): Promise<Platform> {
  const database = opts.database ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const signer = opts.signer ?? LocalKeySigner.fromFile(config.signingKeyFile, { create: config.env !== 'production' });
    const audit = new AuditService(database.db, signer);
    const identity = new IdentityService(database.db, audit, { passwordCost: config.env === 'test' ? 'fast' : 'standard' });
    const blobs = new LocalBlobStore(path.join(config.dataDir, 'blobs'));
    const calendar = loadCalendar();
    const jobs = new JobQueue(database.db);
    jobs.register('audit.checkpoint', async () => (await audit.checkpoint()) ?? { signed: false }, { maxAttempts: 3, timeoutMs: 60_000 });
    jobs.register('identity.purge-sessions', async () => ({ deleted: await identity.purgeExpiredSessions() }), { maxAttempts: 3 });
    const detection = new DetectionService({ db: database.db, blobs, jobs, audit, uploadLimit: config.uploadLimit, workers: Math.max(1, config.jobWorkers) });
    detection.registerJobs();
    jobs.register('http.purge-idempotency', async () => ({ deleted: await purgeIdempotencyRecords(database.db) }), { maxAttempts: 3 });

    let demoAccounts: Platform['demoAccounts'] = null;
    if (config.seedDemo && (await identity.isEmpty())) {
      demoAccounts = await seedIdentityDemo(identity);
      await audit.checkpoint();
    }

    const http = await buildHttp({
      config,
      resolver: identity,
      db: database.db,
      health: async () => ({ dialect: database.dialect, version: VERSION }),
      routes: [registerIdentityRoutes(identity, { secureCookies: config.env === 'production' }), registerAuditRoutes(audit), registerJobRoutes(jobs), registerDetectionRoutes(detection, jobs)],
    });

    let started = false;
    return {
      config,
      database,
      signer,
      audit,
      identity,
      jobs,
      blobs,
      calendar,
      http,
      version: VERSION,
      demoAccounts,
      start: async () => {
        // Periodic work goes through the queue, so several processes sign each period once.
        await jobs.schedule('audit.checkpoint', config.checkpointIntervalS * 1000, 'audit.checkpoint', {});
        await jobs.schedule('identity.purge-sessions', 3600_000, 'identity.purge-sessions', {});
        await jobs.schedule('http.purge-idempotency', 3600_000, 'http.purge-idempotency', {});
        if (config.jobWorkers > 0) jobs.start({ workers: config.jobWorkers });
        started = true;
      },
      close: async () => {
        if (started) await jobs.stop({ timeoutMs: 10_000 });
        await http.close();
        if (!opts.database) await database.close();
      },
    };
  } catch (e) {
    if (!opts.database) await database.close();
    throw e;
  }
}
