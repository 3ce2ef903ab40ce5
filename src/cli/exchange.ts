import fs from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { LocalKeySigner } from '../kernel/crypto/signer.ts';
import { sm2KeyId, sm2PublicKeyPem } from '../kernel/crypto/sm.ts';
import { AppError } from '../kernel/errors.ts';
// The exchange context loads only when one of its commands runs: `landao --help` stays light.
import type { EvidenceAuditReport } from '../contexts/exchange/index.ts';

const exchangeModule = () => import('../contexts/exchange/index.ts');

function readKey(file: string, publicKeyHexFromPem: (pem: string) => string | null): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('bad_request', `--key: cannot read ${file}`);
  }
  const hex = publicKeyHexFromPem(text);
  if (!hex) throw new AppError('bad_request', `--key: ${file} is not an SM2 public key PEM (SubjectPublicKeyInfo)`);
  return hex;
}

function platformKey(): string {
  const config = loadConfig();
  if (!fs.existsSync(config.signingKeyFile)) throw new AppError('bad_request', `no trusted key: ${config.signingKeyFile} does not exist (pass --key <pem>)`);
  return LocalKeySigner.fromFile(config.signingKeyFile, { create: false }).publicKeyHex;
}

function printAudit(r: EvidenceAuditReport): void {
  if (r.ok) {
    process.stdout.write(`exchange evidence intact: ${r.records} records, ${r.batches} signed batches, head ${r.headSeq}, ${r.unsealed} not sealed yet\n`);
    return;
  }
  process.stdout.write(`exchange evidence BROKEN: first bad record ${r.firstBad!.seq}: ${r.firstBad!.reason}\n`);
  for (const p of r.problems.slice(1, 20)) process.stdout.write(`  also: record ${p.seq}: ${p.reason}\n`);
  if (r.problems.length > 20) process.stdout.write(`  … ${r.problems.length - 20} more\n`);
}

export function exchangeCommands(): Command {
  const exchange = new Command('exchange').description('the data exchange (数据即时互通) and its evidence');
  exchange
    .command('verify')
    .argument('<package>', 'an evidence package (JSON) from GET /api/exchange/evidence/<txId>')
    .description('check an evidence package offline: record hash, Merkle audit path, SM2 batch signature (exit 0 ok, 1 bad with the reason, 2 unreadable input)')
    .option('--key <pem>', 'the trusted SM2 public key (default: the key inside the package, whose id is printed to compare with the published key)')
    .option('--json', 'print the verdict as JSON')
    .action(async (file: string, opts: { key?: string; json?: boolean }) => {
      const { publicKeyHexFromPem, verifyEvidencePackage } = await exchangeModule();
      let pkg: unknown;
      try {
        pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        throw new AppError('bad_request', `${file}: cannot read an evidence package (${(e as Error).message.split('\n')[0]})`);
      }
      let pem: string;
      let keyNote: string;
      if (opts.key) {
        pem = sm2PublicKeyPem(readKey(opts.key, publicKeyHexFromPem));
        keyNote = `key ${opts.key}`;
      } else {
        const embedded = (pkg as { batch?: { publicKeyPem?: unknown } } | null)?.batch?.publicKeyPem;
        const hex = typeof embedded === 'string' ? publicKeyHexFromPem(embedded) : null;
        if (!hex) throw new AppError('bad_request', `${file}: no SM2 public key in batch.publicKeyPem (pass --key <pem>)`);
        pem = embedded as string;
        keyNote = `the package's own key ${sm2KeyId(hex)} (compare with the platform's published key id)`;
      }
      const verdict = verifyEvidencePackage(pkg, pem);
      if (opts.json) process.stdout.write(JSON.stringify(verdict, null, 2) + '\n');
      else if (verdict.ok) {
        const r = (pkg as { record: { txId: string; seq: number }; batch: { id: number } }).record;
        process.stdout.write(`evidence verified: transaction ${r.txId}, record ${r.seq} in batch ${(pkg as { batch: { id: number } }).batch.id}, signed by ${keyNote}\n`);
      } else process.stdout.write(`evidence NOT verified: ${verdict.failed}: ${verdict.reason}\n`);
      process.exitCode = verdict.ok ? 0 : 1;
    });
  exchange
    .command('audit')
    .description('recheck every evidence record and every signed batch in the database; names the first bad record (exit 0 intact, 1 broken, 2 bad input)')
    .option('--key <pem...>', 'trusted SM2 public key(s) of the batches (default: the platform signing key)')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { key?: string[]; json?: boolean }) => {
      const config = loadConfig();
      const { auditEvidence, publicKeyHexFromPem } = await exchangeModule();
      const trusted = opts.key?.length ? opts.key.map((k) => readKey(k, publicKeyHexFromPem)) : [platformKey()];
      const { openDatabase } = await import('../db/database.ts');
      const { migrateToLatest } = await import('../db/migrate.ts');
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest(database.db);
        const report = await auditEvidence(database.db, trusted);
        if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else printAudit(report);
        process.exitCode = report.ok ? 0 : 1;
      } finally {
        await database.close();
      }
    });
  exchange
    .command('seal')
    .description('seal the unsealed evidence records into signed batches now (normally a background job does this)')
    .action(async () => {
      const { createPlatform } = await import('../main.ts');
      const platform = await createPlatform({ ...loadConfig(), seedDemo: false, logLevel: 'silent' });
      try {
        const r = await platform.exchange.seal();
        process.stdout.write(r.batches ? `sealed ${r.records} records in ${r.batches} batches\n` : 'nothing new to seal\n');
      } finally {
        await platform.close();
      }
    });
  return exchange;
}
