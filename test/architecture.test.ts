import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const depcruise = path.join(root, 'node_modules/.bin/depcruise');

async function cruise(cwd: string): Promise<{ code: number; out: string }> {
  try {
    const r = await run(depcruise, ['src', '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('architecture lint', () => {
  it('fails a context that imports another context’s internals, and names the rule and the file', async () => {
    const r = await cruise(path.join(root, 'test/fixtures/boundary'));
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('no-context-internals');
    expect(r.out).toContain('src/contexts/beta/bad.ts');
    expect(r.out).not.toContain('src/contexts/beta/good.ts');
  });

  it('passes on the platform’s own source tree', async () => {
    const r = await cruise(root);
    expect(r.out).not.toMatch(/error /);
    expect(r.code).toBe(0);
  });
});
