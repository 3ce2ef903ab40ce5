import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeApp } from './helpers/app.ts';

describeApp('HTTP bad input', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);

  it('answers malformed JSON with 400 invalid_json and no stack trace', async () => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers wrong types with 400 validation_failed naming each field', async () => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.username', 'body.password']);
  });

  it('answers an oversize body with 413 payload_too_large', async () => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers an unknown API route with 404 route_not_found', async () => {
    const res = await inject({ method: 'GET', url: '/api/no/such/thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-foo' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('sends security headers and serves the OpenAPI document', async () => {
    const res = await inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', dialect: get().dialect });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const doc = await inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain('/api/auth/login');
  });
});
