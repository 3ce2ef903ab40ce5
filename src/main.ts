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
import { sm3 } from './kernel/crypto/sm.ts';
import { AuditService, registerAuditRoutes } from './contexts/audit/index.ts';
import { IdentityService, registerIdentityRoutes, scopesOf, seedIdentityDemo } from './contexts/identity/index.ts';
import { JobQueue, registerJobRoutes } from './contexts/jobs/index.ts';
import { DetectionService, registerDetectionRoutes } from './contexts/detection/index.ts';
import type { Principal } from './kernel/principal.ts';
import { OperationService, REGISTRY_LOG_CHECKPOINT_JOB, RegistryPublic, RegistryService, TransparencyLog, registerRegistryLogJobs, registerRegistryLogRoutes, registerRegistryRoutes, registryLogOrigin, seedRegistryDemo } from './contexts/registry/index.ts';
import { AggregationService, CatalogService, OpenDataService, PULL_DUE_JOB, TIMELINESS_JOB, registerCatalogRoutes, seedCatalogDemo } from './contexts/catalog/index.ts';
import { ExchangeService, SEAL_INTERVAL_MS, SEAL_JOB, registerExchangeRoutes } from './contexts/exchange/index.ts';
import { DeclarationService, LedgerService, ReferenceService, registerAssessRoutes, registerDeclarationRoutes, registerReferenceRoutes, registerReferenceVersionRoutes } from './contexts/customs/index.ts';
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
  registry: RegistryService;
  registryLog: TransparencyLog;
  exchange: ExchangeService;
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
    // The catalog reads publishers' names through identity's public face.
    const catalog = new CatalogService(database.db, audit, { org: (id) => identity.orgById(id) });
    const aggregation = new AggregationService(catalog, { blobs, jobs, uploadLimit: config.uploadLimit });
    aggregation.registerJobs();
    const openData = new OpenDataService(catalog, aggregation);
    const exchange = new ExchangeService({ db: database.db, audit, signer, catalog, aggregation, evidence: config.exchangeEvidence });
    exchange.registerJobs(jobs);
    const orgName = async (id: number) => (await identity.orgById(id))?.name ?? `#${id}`;
    const reference = new ReferenceService(database.db, audit);
    const declarations = new DeclarationService({
      db: database.db,
      audit,
      jobs,
      blobs,
      signer,
      ledger: new LedgerService(),
      reference,
      personHashKey: config.personHashKey,
      sourceKey: Buffer.from(sm3(`landao/customs/source-key/${config.sessionSecret}`), 'hex'),
      uploadLimit: config.uploadLimit,
      scanWorkers: Math.max(1, config.jobWorkers),
      orgName,
      publicUrl: config.publicUrl,
    });
    declarations.registerJobs();
    const registryLog = new TransparencyLog(database.db, signer, { origin: registryLogOrigin(config.publicUrl) });
    registerRegistryLogJobs(jobs, registryLog);
    const registry = new RegistryService({
      db: database.db,
      audit,
      log: registryLog,
      signer,
      blobs,
      calendar,
      origin: config.publicUrl,
      uploadLimit: config.uploadLimit,
      orgs: { byId: (id) => identity.orgById(id), byCode: (code) => identity.orgByCode(code) },
    });
    const registryPublic = new RegistryPublic(registry);
    const registryOperation = new OperationService(registry);
    jobs.register('http.purge-idempotency', async () => ({ deleted: await purgeIdempotencyRecords(database.db) }), { maxAttempts: 3 });

    let demoAccounts: Platform['demoAccounts'] = null;
    if (config.seedDemo && (await identity.isEmpty())) {
      demoAccounts = await seedIdentityDemo(identity);
      // The registry's demo acts as its demo users (their principals, without verifying passwords).
      const userReader: Principal = { kind: 'token', id: 0, name: 'registry demo', orgId: null, orgKind: null, roles: [], scopes: new Set(['identity.users:read:all']), locale: 'zh-CN', ip: null };
      await seedRegistryDemo(registry, async (username) => {
        const u = (await identity.listUsers(userReader, { q: username, page: 1, pageSize: 20 })).items.find((x) => x.username === username)!;
        return { kind: 'user', id: u.id, name: u.displayName, orgId: u.org?.id ?? null, orgKind: u.org?.kind ?? null, roles: u.roles, scopes: scopesOf(u.roles), locale: u.locale, ip: null };
      });
      await seedCatalogDemo(catalog, aggregation, async (code) => (await identity.orgByCode(code))?.id);
      await audit.checkpoint();
      await registryLog.checkpoint();
    }

    const http = await buildHttp({
      config,
      resolver: identity,
      db: database.db,
      health: async () => ({ dialect: database.dialect, version: VERSION }),
      routes: [registerIdentityRoutes(identity, { secureCookies: config.env === 'production' }), registerAuditRoutes(audit), registerJobRoutes(jobs), registerDetectionRoutes(detection, jobs), registerRegistryRoutes(registry, registryPublic, registryOperation), registerRegistryLogRoutes(registryLog), registerCatalogRoutes(catalog, aggregation, openData), registerExchangeRoutes(exchange), registerAssessRoutes(() => reference.lists()), registerReferenceRoutes(reference), registerDeclarationRoutes(declarations, { orgName }), registerReferenceVersionRoutes(reference)],
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
      registry,
      registryLog,
      exchange,
      http,
      version: VERSION,
      demoAccounts,
      start: async () => {
        // Periodic work goes through the queue, so several processes sign each period once.
        await jobs.schedule('audit.checkpoint', config.checkpointIntervalS * 1000, 'audit.checkpoint', {});
        await jobs.schedule('identity.purge-sessions', 3600_000, 'identity.purge-sessions', {});
        await jobs.schedule('http.purge-idempotency', 3600_000, 'http.purge-idempotency', {});
        await jobs.schedule(REGISTRY_LOG_CHECKPOINT_JOB, config.checkpointIntervalS * 1000, REGISTRY_LOG_CHECKPOINT_JOB, {});
        await jobs.schedule(PULL_DUE_JOB, 60_000, PULL_DUE_JOB, {});
        await jobs.schedule(TIMELINESS_JOB, 3600_000, TIMELINESS_JOB, {});
        await jobs.schedule(SEAL_JOB, SEAL_INTERVAL_MS, SEAL_JOB, {});
        if (config.jobWorkers > 0) jobs.start({ workers: config.jobWorkers });
        started = true;
      },
      close: async () => {
        if (started) await jobs.stop({ timeoutMs: 10_000 });
        await http.close();
        await exchange.close();
        if (!opts.database) await database.close();
      },
    };
  } catch (e) {
    if (!opts.database) await database.close();
    throw e;
  }
}
