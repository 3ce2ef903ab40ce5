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
import { ExchangeService, SEAL_INTERVAL_MS, SEAL_JOB, registerExchangeRoutes, seedPrefillGrants } from './contexts/exchange/index.ts';
import { DeclarationService, LedgerService, ReferenceService, registerAssessRoutes, registerDeclarationRoutes, registerReferenceRoutes, registerReferenceVersionRoutes } from './contexts/customs/index.ts';
import { AccountService, REVERIFY_INTERVAL_MS, REVERIFY_JOB, createPermitVerifier, registerAccountRoutes, seedAccountsDemo } from './contexts/services/index.ts';
import { ServiceItemCatalog, registerItemRoutes } from './contexts/services/index.ts';
import { CASE_DEADLINE_SCAN_JOB, CaseService, ExchangePrefillSource, PREFILL_PURPOSE, SERVICE_HALL_ORG, prefillFieldsByDataset, readShippedCatalog, registerCaseRoutes, seedCasesDemo } from './contexts/services/index.ts';
import { CaseEventNotifier, NotificationService, RatingService, createOutboundChannels, registerNotificationRoutes, registerRatingRoutes } from './contexts/services/index.ts';
import { toSimplified } from './contexts/services/index.ts';
import { ArchiveCollector, ArchiveService, COLLECT_INTERVAL_MS, COLLECT_JOB, DisposalService, FIXITY_INTERVAL_MS, FIXITY_JOB, certificateSource, clearanceSource, closedCaseSource, registerArchivesFlowRoutes, registerArchivesRoutes, seedArchivesDemo, warmUpPdfText } from './contexts/archives/index.ts';
import { MatchingService, PoliciesService, SourcesService, registerEngineRoutes, seedBenefitsDemo } from './contexts/benefits/index.ts';
import { NOTIFY_PENDING_INTERVAL_MS, NOTIFY_PENDING_JOB, PayoutService, registerPayoutRoutes, seedPayoutsDemo } from './contexts/benefits/index.ts';
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
  /** Applications and cases of the service hall (services context). */
  cases: CaseService;
  /** Electronic archives: other contexts archive a closed unit with `archives.archive(tx, …)`. */
  archives: ArchiveService;
  /** Benefits payouts: the matching runs' CandidateSink. */
  payouts: PayoutService;
  http: HttpApp;
  version: string;
  /** Starts background work (job workers, periodic checkpoints). `landao serve` calls it; tests may not. */
  start(): Promise<void>;
  /**
   * Loads what the first printed PDF (clearance, certificate, destruction record) and the first archived PDF would
   * otherwise load inside a request: the CJK fonts, parsed, and pdf.js. `landao serve` calls it in the background once
   * it listens. Never rejects: a failure (fonts missing) is logged, and the first document tries again.
   */
  warmUp(): Promise<void>;
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
    const aggregation = new AggregationService(catalog, { blobs, jobs, uploadLimit: config.uploadLimit, sourceKey: Buffer.from(sm3(`landao/catalog/source-key/${config.sessionSecret}`), 'hex') });
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
    // Service-hall sign-up: document numbers sealed with a key derived like customs' source key.
    const servicesIdKey = Buffer.from(sm3(`landao/services/id-key/${config.sessionSecret}`), 'hex');
    const accounts = new AccountService({
      db: database.db,
      audit,
      identity,
      verifier: createPermitVerifier(config.permitVerifier),
      personHashKey: config.personHashKey,
      idKey: servicesIdKey,
    });
    accounts.registerJobs(jobs);
    // The service item catalog (事项目录): departments are identity organisations, looked up by code.
    const serviceItems = new ServiceItemCatalog({ db: database.db, audit, departments: (code) => identity.orgByCode(code) });
    // Applications and cases (办件): items from the catalog, identities from accounts, prefill from the public data foundation.
    const cases: CaseService = new CaseService({
      db: database.db,
      idKey: servicesIdKey,
      audit,
      jobs,
      blobs,
      calendar,
      items: (code) => serviceItems.itemForCase(code),
      identities: (userId) => accounts.identityOf(userId),
      orgs: { byId: (id) => identity.orgById(id), byCode: (code) => identity.orgByCode(code) },
      users: async (id) => {
        const u = await identity.sessionUser(id).catch(() => undefined);
        return u && { id: u.id, name: u.displayName, orgId: u.org?.id ?? null, scopes: u.scopes };
      },
      // Prefill goes through the exchange: the grants the service hall (行政审批局) holds for the prefill purpose.
      prefill: new ExchangePrefillSource({
        dataset: async (identifier) => {
          const r = await catalog.repo.datasetByIdentifier(catalog.db, identifier);
          if (!r || r.state !== 'published') return undefined;
          const m = JSON.parse(r.metadata) as { keyFields: string[]; fields: { name: string; title?: string; detectorType?: string }[] };
          const keyFields = m.keyFields.map((k) => ({ name: k, detectorType: m.fields.find((f) => f.name === k)?.detectorType }));
          const fieldTitles = Object.fromEntries(m.fields.map((f) => [f.name, f.title ?? f.name]));
          return { id: r.id, identifier: r.identifier, title: r.title, department: (await catalog.orgInfo(r.org_id)).name, keyFields, fieldTitles, lastLoadedAt: r.last_loaded_at };
        },
        grant: async (datasetId, purpose) => {
          const hall = await identity.orgByCode(SERVICE_HALL_ORG);
          return hall && (await exchange.grantsHeldFor(hall.id, purpose)).find((g) => g.datasetId === datasetId);
        },
        lookup: async (input) => {
          const a = await exchange.lookupForPrefill(input);
          return { status: a.answer.status, body: a.answer.body, txId: a.answer.txId, request: a.request, outcome: a.outcome, reason: a.reason };
        },
      }),
      uploadLimit: config.uploadLimit,
      // The daily deadline scan warns the departments through notifications (caseNotifier is built below).
      onDeadline: (caseId, kind, deadline): Promise<void> => caseNotifier.deadline(caseId, kind, deadline),
    });
    await cases.syncDefinitions();
    cases.registerJobs();
    // Notifications (in-app, plus outbound channels from LANDAO_NOTIFY_*) and 好差评 read cases through cases.caseLookup.
    const officerReader: Principal = { kind: 'token', id: 0, name: 'notifications', orgId: null, orgKind: null, roles: [], scopes: new Set(['identity.users:read:all']), locale: 'zh-CN', ip: null };
    const notifications = new NotificationService({
      db: database.db,
      jobs,
      channels: createOutboundChannels(config.notify, config.dataDir),
      directory: {
        recipient: async (userId) => {
          const u = await identity.sessionUser(userId).catch(() => undefined);
          // Identity keeps no e-mail address yet, so only SMS can reach a user outside the web.
          return u && { userId: u.id, displayName: u.displayName, locale: u.locale, email: null, phone: (await identity.contactOf(userId))?.phone ?? null };
        },
        officersOf: async (orgId) =>
          (await identity.listUsers(officerReader, { orgId, page: 1, pageSize: 1000 })).items.filter((u) => u.status === 'active' && scopesOf(u.roles).has('services.cases:handle')).map((u) => u.id),
      },
    });
    notifications.registerJobs();
    const caseNotifier: CaseEventNotifier = new CaseEventNotifier(notifications, jobs, (id) => cases.caseLookup(id), (id) => identity.orgById(id));
    caseNotifier.registerJobs();
    const unsubscribeCaseNotifier = cases.onEvent(caseNotifier.subscriber);
    // Electronic archives (档案): packages in the blob store; the fixity job is scheduled in start().
    const archives = new ArchiveService({ db: database.db, audit, blobs });
    archives.registerJobs(jobs);
    // Online archiving: archives.collect pulls closed cases, issued certificates and clearances (scheduled in start());
    // a case that closes queues it at once. Disposal proposals (鉴定销毁) and destruction.
    const archiveDisposals = new DisposalService(archives);
    const archiveCollector = new ArchiveCollector(archives, [closedCaseSource(cases), certificateSource(registry, registryPublic), clearanceSource(declarations)], archiveDisposals);
    archiveCollector.registerJobs(jobs);
    const unsubscribeArchiver = cases.onEvent(archiveCollector.caseListener(jobs));
    // Proactive benefits (免申即享): sources, policies as data, matching runs; the payouts part is the runs' sink (matching.setSink).
    const benefitSources = new SourcesService({ db: database.db, audit, personHashKey: config.personHashKey });
    const benefitPolicies = new PoliciesService({ db: database.db, audit, orgIdByCode: async (code) => (await identity.orgByCode(code))?.id });
    const matching = new MatchingService({ db: database.db, audit, jobs, policies: benefitPolicies, accountsOf: (hashes) => accounts.idHashesWithAccount(hashes) });
    matching.registerJobs(jobs);
    // Payouts (confirm → notify → authorise → pay): bank account numbers sealed with a key derived like the hall's id key.
    const payouts = new PayoutService({
      db: database.db,
      audit,
      notifications,
      accounts: { accountByIdHash: (h) => accounts.accountByIdHash(h), subjectOf: (userId) => accounts.subjectOf(userId) },
      accountKey: Buffer.from(sm3(`landao/benefits/account-key/${config.sessionSecret}`), 'hex'),
      normaliseName: toSimplified,
      // Names as the stored policy's current version gives them (an edited name shows), not the shipped files'.
      policyName: async (key) => (await benefitPolicies.version(key).catch(() => undefined))?.document.names,
    });
    payouts.registerJobs(jobs);
    matching.setSink(payouts);
    const ratings = new RatingService({ db: database.db, audit, calendar, cases: (id) => cases.caseLookup(id), notifications, departmentName: (id) => identity.orgById(id), followUpDays: config.ratingFollowUpDays });

    let demoAccounts: Platform['demoAccounts'] = null;
    if (config.seedDemo && (await identity.isEmpty())) {
      demoAccounts = await seedIdentityDemo(identity);
    }
    // The demo seeds act as the demo users: their principals, built without verifying passwords.
    const demoUserReader: Principal = { kind: 'token', id: 0, name: 'demo seed', orgId: null, orgKind: null, roles: [], scopes: new Set(['identity.users:read:all']), locale: 'zh-CN', ip: null };
    const demoUser = async (username: string) => (await identity.listUsers(demoUserReader, { q: username, page: 1, pageSize: 20 })).items.find((x) => x.username === username)!;
    const demoPrincipal = async (username: string): Promise<Principal> => {
      const u = await demoUser(username);
      return { kind: 'user', id: u.id, name: u.displayName, orgId: u.org?.id ?? null, orgKind: u.org?.kind ?? null, roles: u.roles, scopes: scopesOf(u.roles), locale: u.locale, ip: null };
    };
    if (demoAccounts) {
      await seedRegistryDemo(registry, demoPrincipal);
      await seedCatalogDemo(catalog, aggregation, async (code) => (await identity.orgByCode(code))?.id);
      demoAccounts.push(...(await seedAccountsDemo(accounts, async (username) => (await demoUser(username)).id)));
      // The service hall's prefill grants, for the fields the shipped forms map.
      const approvers: Record<string, string> = { 'PT-SHSY': 'minzheng', 'PT-SCJG': 'shichang' };
      await seedPrefillGrants(exchange, catalog, {
        consumer: await demoPrincipal('shenpi'),
        approver: async (orgId) => {
          const username = approvers[(await identity.orgById(orgId))?.code ?? ''];
          return username ? demoPrincipal(username) : undefined;
        },
        purpose: PREFILL_PURPOSE,
        fieldsByDataset: prefillFieldsByDataset((readShippedCatalog() as { items: { formSchema?: Record<string, unknown> }[] }).items.flatMap((i) => (i.formSchema ? [i.formSchema] : []))),
      });
      await audit.checkpoint();
      await registryLog.checkpoint();
    }
    // The zone's catalog is real data, not demo data: installed as version 1 into any empty catalog.
    await serviceItems.installShipped();
    await benefitPolicies.installShipped();
    if (demoAccounts) {
      await seedCasesDemo(cases, demoPrincipal);
      const benefitRuns = await seedBenefitsDemo({ sources: benefitSources, policies: benefitPolicies, matching }, async (code) => (await identity.orgByCode(code))?.id);
      const subsidyRun = benefitRuns.find((r) => r.policyKey === 'tw-iit-subsidy');
      if (subsidyRun) await seedPayoutsDemo(payouts, subsidyRun, demoPrincipal);
      await seedArchivesDemo(archives, async (code) => (await identity.orgByCode(code))?.id);
      // The demo's closed cases and issued certificates/clearances are archived by the collector (drained below).
      await jobs.enqueue(COLLECT_JOB, {});
      // Settle the demo: deliver the notifications its cases queued, so a fresh database starts with an empty queue
      // (timers due later stay queued).
      while ((await jobs.runOnce({ limit: 50 })) > 0);
    }

    const http = await buildHttp({
      config,
      resolver: identity,
      db: database.db,
      health: async () => ({ dialect: database.dialect, version: VERSION }),
      routes: [registerIdentityRoutes(identity, { secureCookies: config.env === 'production' }), registerAuditRoutes(audit), registerJobRoutes(jobs), registerDetectionRoutes(detection, jobs), registerRegistryRoutes(registry, registryPublic, registryOperation), registerRegistryLogRoutes(registryLog), registerCatalogRoutes(catalog, aggregation, openData), registerExchangeRoutes(exchange), registerAssessRoutes(() => reference.lists()), registerReferenceRoutes(reference), registerDeclarationRoutes(declarations, { orgName }), registerReferenceVersionRoutes(reference), registerAccountRoutes(accounts, { signupPerIp: config.signupPerIp }), registerItemRoutes(serviceItems), registerCaseRoutes(cases), registerNotificationRoutes(notifications), registerRatingRoutes(ratings), registerArchivesRoutes(archives), registerArchivesFlowRoutes(archiveDisposals, archiveCollector), registerEngineRoutes(benefitSources, benefitPolicies, matching), registerPayoutRoutes(payouts)],
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
      cases,
      archives,
      payouts,
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
        await jobs.schedule(REVERIFY_JOB, REVERIFY_INTERVAL_MS, REVERIFY_JOB, {});
        await jobs.schedule(FIXITY_JOB, FIXITY_INTERVAL_MS, FIXITY_JOB, {});
        await jobs.schedule(COLLECT_JOB, COLLECT_INTERVAL_MS, COLLECT_JOB, {});
        await jobs.schedule(NOTIFY_PENDING_JOB, NOTIFY_PENDING_INTERVAL_MS, NOTIFY_PENDING_JOB, {});
        // Deadline warnings (due soon / overdue) once a day.
        await jobs.schedule(CASE_DEADLINE_SCAN_JOB, 24 * 3600_000, CASE_DEADLINE_SCAN_JOB, {});
        if (config.jobWorkers > 0) jobs.start({ workers: config.jobWorkers });
        started = true;
      },
      warmUp: async () => {
        const t0 = performance.now();
        try {
          await warmUpPdfText();
          http.log.info({ ms: Math.round(performance.now() - t0) }, 'PDF fonts and pdf.js loaded');
        } catch (err) {
          http.log.warn({ err }, 'could not load the PDF fonts and pdf.js ahead of use; the first document will try again');
        }
      },
      close: async () => {
        unsubscribeCaseNotifier();
        unsubscribeArchiver();
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
