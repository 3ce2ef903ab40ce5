import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('starts in development with defaults: port 8080 and ./var', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.dataDir.endsWith('/var')).toBe(true);
    expect(c.seedDemo).toBe(true);
  });

  it('refuses to start in production with the demo secrets and lists every problem', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      const msg = (e as Error).message;
      for (const k of ['LANDAO_PERSON_HASH_KEY', 'LANDAO_SESSION_SECRET', 'LANDAO_SIGNING_KEY_FILE', 'LANDAO_SEED_DEMO']) expect(msg).toContain(k);
    }
  });

  it('accepts production with its own secrets, key file and no demo data', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      LANDAO_PERSON_HASH_KEY: 'a-real-secret-of-enough-length',
      LANDAO_SESSION_SECRET: 'another-real-secret-of-length',
      LANDAO_SIGNING_KEY_FILE: '/etc/landao/sm2.json',
      LANDAO_SEED_DEMO: 'never',
      LANDAO_PERMIT_VERIFIER: 'http',
      LANDAO_PERMIT_VERIFIER_URL: 'https://verify.example.gov.cn/permits',
      LANDAO_PERMIT_VERIFIER_APP_KEY: 'pingtan-hall',
      LANDAO_PERMIT_VERIFIER_SECRET: 'a-verifier-secret-of-length',
    });
    expect(c.env).toBe('production');
    expect(c.seedDemo).toBe(false);
    expect(c.permitVerifier).toEqual({ kind: 'http', url: 'https://verify.example.gov.cn/permits', appKey: 'pingtan-hall', secret: 'a-verifier-secret-of-length', timeoutMs: 5000, retries: 2 });
  });

  it('verifies identities with the simulator in development, and refuses it in production unless explicitly allowed', () => {
    expect(loadConfig({}).permitVerifier).toEqual({ kind: 'simulator' });
    const production = { NODE_ENV: 'production', LANDAO_PERSON_HASH_KEY: 'a-real-secret-of-enough-length', LANDAO_SESSION_SECRET: 'another-real-secret-of-length', LANDAO_SIGNING_KEY_FILE: '/k.json', LANDAO_SEED_DEMO: 'never' };
    expect(() => loadConfig(production)).toThrow(/LANDAO_PERMIT_VERIFIER: production verifies identities/);
    expect(loadConfig({ ...production, LANDAO_PERMIT_VERIFIER_ALLOW_SIMULATOR: '1' }).permitVerifier.kind).toBe('simulator');
  });

  it('names the missing URL, app key and secret of the HTTP verifier', () => {
    expect(() => loadConfig({ LANDAO_PERMIT_VERIFIER: 'http' })).toThrow(/LANDAO_PERMIT_VERIFIER_URL.*LANDAO_PERMIT_VERIFIER_APP_KEY.*LANDAO_PERMIT_VERIFIER_SECRET/);
  });

  it('names the variable when a value has the wrong type', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
