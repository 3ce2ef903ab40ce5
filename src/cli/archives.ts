import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { LocalKeySigner } from '../kernel/crypto/signer.ts';
import { AppError } from '../kernel/errors.ts';
import type { Principal } from '../kernel/principal.ts';
// The archives context loads only when one of its commands runs: `landao --help` stays light.
import type { ArchiveService } from '../contexts/archives/index.ts';

/** The operator at the console of the archive server acts as the platform (every scope). */
const OPERATOR: Principal = { kind: 'token', id: 0, name: 'landao archives (command line)', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN', ip: null };

async function withArchive<T>(fn: (archives: ArchiveService) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { openDatabase } = await import('../db/database.ts');
  const { migrateToLatest } = await import('../db/migrate.ts');
  const { AuditService } = await import('../contexts/audit/index.ts');
  const { LocalBlobStore } = await import('../kernel/blob/local-blob-store.ts');
  const { ArchiveService } = await import('../contexts/archives/index.ts');
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const signer = LocalKeySigner.fromFile(config.signingKeyFile, { create: config.env !== 'production' });
    const archives = new ArchiveService({ db: database.db, audit: new AuditService(database.db, signer), blobs: new LocalBlobStore(path.join(config.dataDir, 'blobs')) });
    return await fn(archives);
  } finally {
    await database.close();
  }
}

function year(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new AppError('bad_request', `--year: a 4-digit year, not ${JSON.stringify(v)}`);
  return Number(v);
}

export function archivesCommands(): Command {
  const archives = new Command('archives').description('electronic archives (电子档案): BagIt export and import, fixity audits');
  archives
    .command('export')
    .description('write one BagIt bag per record (current version) into DIR/<档号>/ (exit 0 ok, 2 bad input)')
    .requiredOption('--out <dir>', 'target directory (created if missing)')
    .option('--category <code>', 'category code, e.g. HY')
    .option('--year <yyyy>', 'year of the records', year)
    .option('--retention <Y|D30|D10>', 'retention period')
    .option('--zip', 'write each bag as DIR/<档号>.zip instead of a directory')
    .option('--json', 'print the exported bags as JSON')
    .action(async (opts: { out: string; category?: string; year?: number; retention?: string; zip?: boolean; json?: boolean }) => {
      if (opts.retention && !['Y', 'D30', 'D10'].includes(opts.retention)) throw new AppError('bad_request', `--retention: Y, D30 or D10, not ${opts.retention}`);
      const done = await withArchive((a) => a.exportBags(OPERATOR, path.resolve(opts.out), { category: opts.category, year: opts.year, retention: opts.retention }, { zip: opts.zip }));
      if (opts.json) process.stdout.write(JSON.stringify(done, null, 2) + '\n');
      else {
        for (const d of done) process.stdout.write(`${d.archivalCode}  ${d.dir}\n`);
        process.stdout.write(`exported ${done.length} bags\n`);
      }
    });
  archives
    .command('import')
    .argument('<dir...>', 'bag directories or zipped bags (.zip: checked for zip bombs, traversal and links before unpacking)')
    .description('validate each bag (listing every problem) and archive the valid ones as new records (exit 0 all imported, 1 a bag was refused, 2 unreadable input)')
    .option('--check-only', 'validate without importing')
    .option('--json', 'print the results as JSON')
    .action(async (dirs: string[], opts: { checkOnly?: boolean; json?: boolean }) => {
      for (const d of dirs) if (!fs.existsSync(d) || (!fs.statSync(d).isDirectory() && !d.toLowerCase().endsWith('.zip'))) throw new AppError('bad_request', `${d}: not a bag directory or a .zip`);
      const { importBagPath } = await import('../contexts/archives/index.ts');
      const results = await withArchive(async (a) => {
        const out = [];
        for (const d of dirs) {
          if (opts.checkOnly) out.push({ dir: d, report: (await importBagPath(a, OPERATOR, d, { checkOnly: true })).report, result: undefined });
          else {
            try {
              out.push({ dir: d, ...(await importBagPath(a, OPERATOR, d)) });
            } catch (e) {
              if (!(e instanceof AppError) || e.code !== 'unprocessable') throw e;
              const { report } = await importBagPath(a, OPERATOR, d, { checkOnly: true });
              out.push({ dir: d, report: { ...report, ok: false, problems: [...report.problems, { code: 'bad_metadata' as const, message: e.message }] }, result: undefined });
            }
          }
        }
        return out;
      });
      if (opts.json) process.stdout.write(JSON.stringify(results.map((r) => ({ dir: r.dir, ok: r.report.ok, problems: r.report.problems, archivalCode: r.result?.archivalCode, created: r.result?.created })), null, 2) + '\n');
      else
        for (const r of results) {
          if (!r.report.ok) {
            process.stdout.write(`REFUSED ${r.dir}: ${r.report.problems.length} problems\n`);
            for (const p of r.report.problems) process.stdout.write(`  ${p.code}: ${p.message}\n`);
          } else if (r.result) process.stdout.write(`imported ${r.dir} as ${r.result.archivalCode}${r.result.created ? '' : ' (already archived)'}\n`);
          else process.stdout.write(`valid ${r.dir}\n`);
        }
      process.exitCode = results.every((r) => r.report.ok) ? 0 : 1;
    });
  archives
    .command('reindex')
    .description('put every record whose current version is not in the search index into it (records archived before search existed)')
    .action(async () => {
      const n = await withArchive((a) => a.search.reindexStale());
      process.stdout.write(`${n} records indexed\n`);
    });
  archives
    .command('report')
    .argument('<archivalCode>', '档号, e.g. PT01-HY·2026-Y-SHSY-0001')
    .description('print the 四性检测 report of a record (exit 0 pass or warn, 1 fail, 2 unknown record)')
    .option('--version-no <n>', 'a version other than the current one', (v) => Number(v))
    .option('--json', 'print the report as JSON')
    .action(async (code: string, opts: { versionNo?: number; json?: boolean }) => {
      const { reportText } = await import('../contexts/archives/index.ts');
      const report = await withArchive((a) => a.reportByCode(OPERATOR, code, opts.versionNo));
      process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : reportText(report));
      process.exitCode = report.result === 'fail' ? 1 : 0;
    });
  archives
    .command('fixity')
    .description('run one fixity pass now: re-hash the packages due in the rotation (exit 0 intact, 1 an alert was raised)')
    .option('--max-age-days <n>', 'every package at least every n days', (v) => Number(v), 90)
    .option('--all', 'check every package')
    .action(async (opts: { maxAgeDays: number; all?: boolean }) => {
      if (!Number.isInteger(opts.maxAgeDays) || opts.maxAgeDays < 1) throw new AppError('bad_request', '--max-age-days: a positive whole number');
      const { alertText } = await import('../contexts/archives/index.ts');
      const r = await withArchive(async (a) => a.fixityRun({ maxAgeDays: opts.maxAgeDays, limit: opts.all ? Number.MAX_SAFE_INTEGER : undefined }));
      for (const f of r.failed) process.stdout.write(`${alertText(f)}\n`);
      process.stdout.write(`fixity: ${r.checked} packages checked, ${r.failed.length} failed\n`);
      process.exitCode = r.failed.length === 0 ? 0 : 1;
    });
  archives
    .command('backup')
    .description('back up the archive store (every bag of every version) and the catalog (NDJSON) with SHA-512 + SM3 manifests (DA/T 92; exit 0 ok, 2 bad input)')
    .requiredOption('--out <dir>', 'a new directory (written as DIR.tmp-… and renamed when complete)')
    .action(async (opts: { out: string }) => {
      const { ArchiveBackup } = await import('../contexts/archives/index.ts');
      const r = await withArchive((a) => new ArchiveBackup(a).backup(OPERATOR, path.resolve(opts.out)));
      process.stdout.write(`backup ${r.dir}: ${r.manifest.counts['archives_records']} records, ${r.manifest.bags} bags, ${r.manifest.files.length} files\n`);
    });
  archives
    .command('restore')
    .argument('<dir>', 'a backup directory')
    .description('verify a backup and restore it into an EMPTY archive, then check bags, counts, 档号s and fixity (exit 0 ok, 1 a check failed, 2 bad input or a non-empty archive)')
    .option('--verify-only', 'check the backup without restoring')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, opts: { verifyOnly?: boolean; json?: boolean }) => {
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError('bad_request', `${dir}: not a directory`);
      const { ArchiveBackup } = await import('../contexts/archives/index.ts');
      const r = await withArchive((a) => new ArchiveBackup(a).restore(OPERATOR, path.resolve(dir), { verifyOnly: opts.verifyOnly }));
      if (opts.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      else {
        for (const p of r.verification.problems) process.stdout.write(`  ${p}\n`);
        process.stdout.write(`backup ${r.verification.ok ? 'verified' : `REFUSED (${r.verification.problems.length} problems)`}: ${r.verification.bags} bags, ${r.verification.files} files\n`);
        if (r.restored) {
          for (const f of r.restored.fixity.failed) process.stdout.write(`  fixity FAILED ${f}\n`);
          process.stdout.write(`restored: ${r.restored.counts['archives_records']} records; counts ${r.restored.countsEqual ? 'equal' : 'DIFFER'}, 档号s ${r.restored.archivalCodesEqual ? 'equal' : 'DIFFER'}, fixity ${r.restored.fixity.checked - r.restored.fixity.failed.length}/${r.restored.fixity.checked} intact\n`);
        }
      }
      process.exitCode = r.ok ? 0 : 1;
    });
  return archives;
}
