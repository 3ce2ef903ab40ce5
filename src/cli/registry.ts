import fs from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { LocalKeySigner } from '../kernel/crypto/signer.ts';
import { sm2PublicKeyPem } from '../kernel/crypto/sm.ts';
import { AppError } from '../kernel/errors.ts';
// The registry context (PDF, fonts, VC) loads only when the command runs: `landao --help` stays light.
import type { LogVerifyReport } from '../contexts/registry/index.ts';

/** The hex public key inside an SM2 SubjectPublicKeyInfo PEM; bad input (exit 2) naming the file otherwise. */
function publicKeyFromPem(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('bad_request', `--key: cannot read ${file}`);
  }
  const b64 = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(text)?.[1]?.replace(/\s+/g, '');
  const der = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
  const hex = der.subarray(der.length - 65).toString('hex');
  try {
    if (der.length === 91 && sm2PublicKeyPem(hex).replace(/\s+/g, '') === text.trim().replace(/\s+/g, '')) return hex;
  } catch {
    // not an uncompressed point: reported below
  }
  throw new AppError('bad_request', `--key: ${file} is not an SM2 public key PEM (SubjectPublicKeyInfo)`);
}

function print(report: LogVerifyReport): void {
  if (report.ok) {
    process.stdout.write(`registry log intact: ${report.leaves} entries, root ${report.rootHash}, ${report.checkpoints} signed checkpoints verified and consistent\n`);
    return;
  }
  const f = report.firstBad!;
  const where = f.index !== undefined ? `first bad index ${f.index}` : f.checkpoint !== undefined ? `checkpoint at tree size ${f.checkpoint}` : 'head';
  process.stdout.write(`registry log BROKEN: ${where}: ${f.reason}\n`);
  const rest = report.problems.filter((p) => p !== f);
  for (const p of rest.slice(0, 20)) process.stdout.write(`  also: ${p.reason}\n`);
  if (rest.length > 20) process.stdout.write(`  … ${rest.length - 20} more\n`);
}

export function registryCommands(): Command {
  const registry = new Command('registry').description('the data property registry (数据产权登记)');
  registry
    .command('verify')
    .description(
      'recompute the transparency log end to end: every leaf from its entry, every stored subtree, the root, every checkpoint signature and consistency; names the first bad index (exit 0 intact, 1 broken, 2 bad input)',
    )
    .option('--key <pem...>', 'trusted SM2 public key(s) for checkpoints (default: the platform signing key)')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { key?: string[]; json?: boolean }) => {
      const config = loadConfig();
      let trusted: string[];
      if (opts.key?.length) trusted = opts.key.map(publicKeyFromPem);
      else {
        if (!fs.existsSync(config.signingKeyFile)) throw new AppError('bad_request', `no trusted key: ${config.signingKeyFile} does not exist (pass --key <pem>)`);
        trusted = [LocalKeySigner.fromFile(config.signingKeyFile, { create: false }).publicKeyHex];
      }
      const { openDatabase } = await import('../db/database.ts');
      const { migrateToLatest } = await import('../db/migrate.ts');
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await migrateToLatest(database.db);
        const { verifyLog } = await import('../contexts/registry/index.ts');
        const report = await verifyLog(database.db, { trustedPublicKeys: trusted });
        if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else print(report);
        process.exitCode = report.ok ? 0 : 1;
      } finally {
        await database.close();
      }
    });
  return registry;
}
