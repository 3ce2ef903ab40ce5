import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import { TransparencyLog } from './transparency-log.ts';

/*
 * The auditor's page (docs/registry-log-verification.md) must stay true: its verification script is
 * taken from the page as written and run with bash, jq, xxd and openssl on what the API serves.
 */
const DOC = path.resolve(import.meta.dirname, '../../../../docs/registry-log-verification.md');
const tools = ['bash', 'jq', 'xxd', 'openssl'];
const haveTools = tools.every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);

function recipe(): string {
  const doc = fs.readFileSync(DOC, 'utf8');
  const m = /<!-- registry-log-recipe[^>]*-->\s*```bash\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error('the recipe block is missing from docs/registry-log-verification.md');
  return m[1]!;
}

describe('the auditor’s recipe', () => {
  it('is on the page', () => {
    expect(recipe()).toMatch(/openssl pkeyutl -verify/);
  });
});

describeEachDialect('the auditor’s openssl recipe', (get) => {
  const signer = LocalKeySigner.generate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-recipe-'));
  const write = (name: string, v: unknown) => fs.writeFileSync(path.join(dir, name), JSON.stringify(v, null, 2));
  const runRecipe = () => spawnSync('bash', [path.join(dir, 'verify.sh')], { cwd: dir, encoding: 'utf8' });

  beforeAll(async () => {
    const log = new TransparencyLog(get().db, signer, { origin: 'landao.test/registry' });
    for (let i = 0; i < 11; i++) await log.append(get().db, { type: 'application.filed', registrationId: `R${i}`, 名称: '生物医药分子式数据集', amountFen: 200000000, consent: i % 2 === 0 });
    const old = await log.checkpoint();
    for (let i = 11; i < 27; i++) await log.append(get().db, { type: 'pledge.registered', registrationId: `R${i}`, pledgee: '某银行平潭分行' });
    const cp = await log.checkpoint();
    write('old-checkpoint.json', old);
    write('checkpoint.json', cp);
    write('entry.json', await log.entry(5));
    write('inclusion.json', { index: 5, treeSize: cp.treeSize, auditPath: await log.inclusionProof(5, cp.treeSize) });
    write('consistency.json', { from: old.treeSize, to: cp.treeSize, proof: await log.consistencyProof(old.treeSize, cp.treeSize) });
    fs.writeFileSync(path.join(dir, 'registry-log.pem'), signer.publicKeyPem);
    fs.writeFileSync(path.join(dir, 'verify.sh'), recipe());
  });

  it.runIf(haveTools)('verifies signature, leaf, inclusion and consistency with openssl alone', { timeout: 120_000 }, () => {
    const r = runRecipe();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^checkpoint signature verified: tree size 27, root [0-9a-f]{64}$/),
      'leaf hash verified: index 5',
      'inclusion verified: entry 5 is in the signed tree',
      'consistency verified: tree 27 extends tree 11',
    ]);
  });

  it.runIf(haveTools)('fails on a flipped byte in the audit path, the consistency proof or the entry, and on another key', () => {
    const keep = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    const tamper = (f: string, edit: (s: string) => string, expectOut: RegExp) => {
      const original = keep(f);
      fs.writeFileSync(path.join(dir, f), edit(original));
      const r = runRecipe();
      fs.writeFileSync(path.join(dir, f), original);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(expectOut);
    };
    const flipFirstHash = (key: string) => (s: string) => {
      const v = JSON.parse(s) as Record<string, string[]>;
      const h = v[key]![0]!;
      v[key]![0] = (h[0] === '0' ? '1' : '0') + h.slice(1);
      return JSON.stringify(v);
    };
    tamper('inclusion.json', flipFirstHash('auditPath'), /inclusion proof INVALID/);
    tamper('consistency.json', flipFirstHash('proof'), /consistency proof INVALID/);
    tamper('entry.json', (s) => s.replace('R5', 'R6'), /leaf hash MISMATCH/);
    tamper('checkpoint.json', (s) => s.replace(/"treeSize": 27/, '"treeSize": 28'), /checkpoint signature INVALID/);
    tamper('registry-log.pem', () => LocalKeySigner.generate().publicKeyPem, /checkpoint signature INVALID/);
    expect(execFileSync('bash', [path.join(dir, 'verify.sh')], { cwd: dir }).toString()).toMatch(/consistency verified/);
  }, 300_000); // about 6 runs of a script that spawns openssl and jq some 200 times each
});
