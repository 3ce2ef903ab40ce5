import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hmacSm3 } from '../../../kernel/crypto/sm.ts';
import { HttpPermitVerifier, SIGNATURE_HEADERS, signatureBase } from './http-permit-verifier.ts';
import { VerifierUnavailable } from './permit-verifier.ts';

interface Seen {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on a free local port; each test says how it answers the n-th request. */
let server: http.Server;
let url: string;
let answer: (n: number, res: http.ServerResponse) => void;
let seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      answer(seen.length, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/verify`;
});
afterEach(() => {
  seen = [];
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const json = (res: http.ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const verifier = (over: { timeoutMs?: number; retries?: number } = {}) =>
  new HttpPermitVerifier({ url, appKey: 'pingtan-hall', secret: 'verifier-secret-0123456789', timeoutMs: over.timeoutMs ?? 2000, retries: over.retries ?? 2, backoffMs: 5 });
const request = { idType: 'residence_permit', idNumber: '830000199001010012', name: '李志明' } as const;

async function unavailable(p: Promise<unknown>): Promise<VerifierUnavailable> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(VerifierUnavailable);
  return e as VerifierUnavailable;
}

describe('HTTP permit verifier against a local server', () => {
  it('sends the document as JSON with the app key and an HMAC-SM3 signature over timestamp and body, and returns the answer', async () => {
    answer = (_n, res) => json(res, 200, { result: 'verified', reference: 'NIA-2026-000123' });
    expect(await verifier().verify(request)).toEqual({ outcome: 'verified', reference: 'NIA-2026-000123' });
    expect(seen).toHaveLength(1);
    const { headers, body } = seen[0]!;
    expect(JSON.parse(body)).toMatchObject(request);
    expect(headers[SIGNATURE_HEADERS.appKey]).toBe('pingtan-hall');
    const timestamp = headers[SIGNATURE_HEADERS.timestamp] as string;
    expect(Number.isNaN(Date.parse(timestamp))).toBe(false);
    expect(headers[SIGNATURE_HEADERS.signature]).toBe(hmacSm3('verifier-secret-0123456789', signatureBase(timestamp, body)));
    expect(headers[SIGNATURE_HEADERS.requestId]).toBe(JSON.parse(body).requestId);
  });

  it('passes mismatch and not_found through as outcomes', async () => {
    answer = (n, res) => json(res, 200, { result: n === 1 ? 'mismatch' : 'not_found', reference: `R${n}` });
    expect((await verifier().verify(request)).outcome).toBe('mismatch');
    expect((await verifier().verify(request)).outcome).toBe('not_found');
  });

  it('retries after 5xx answers and succeeds with the same request id', async () => {
    answer = (n, res) => (n < 3 ? json(res, 503, { error: 'busy' }) : json(res, 200, { result: 'verified', reference: 'R3' }));
    expect(await verifier({ retries: 2 }).verify(request)).toEqual({ outcome: 'verified', reference: 'R3' });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => JSON.parse(s.body).requestId)).size).toBe(1);
  });

  it('gives up after the configured retries with server_error', async () => {
    answer = (_n, res) => json(res, 500, {});
    const e = await unavailable(verifier({ retries: 1 }).verify(request));
    expect(e.reason).toBe('server_error');
    expect(e.status).toBe(500);
    expect(seen).toHaveLength(2);
  });

  it('does not retry a 4xx answer (bad credentials or request) and reports it as refused', async () => {
    answer = (_n, res) => json(res, 401, { error: 'bad signature' });
    const e = await unavailable(verifier({ retries: 3 }).verify(request));
    expect(e.reason).toBe('refused');
    expect(e.status).toBe(401);
    expect(seen).toHaveLength(1);
  });

  it('times out on a server that does not answer', async () => {
    answer = () => undefined;
    const e = await unavailable(verifier({ timeoutMs: 200, retries: 1 }).verify(request));
    expect(e.reason).toBe('timeout');
    expect(seen).toHaveLength(2);
    server.closeAllConnections();
  });

  it('treats an answer without a known result as unavailable, never as a pass', async () => {
    answer = (_n, res) => json(res, 200, { result: 'ok' });
    expect((await unavailable(verifier().verify(request))).reason).toBe('bad_response');
    answer = (_n, res) => res.writeHead(200).end('<html>gateway</html>');
    expect((await unavailable(verifier().verify(request))).reason).toBe('bad_response');
  });

  it('reports a closed port as a network failure', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const v = new HttpPermitVerifier({ url: `http://127.0.0.1:${port}/verify`, appKey: 'k', secret: 'verifier-secret-0123456789', timeoutMs: 1000, retries: 1, backoffMs: 5 });
    expect((await unavailable(v.verify(request))).reason).toBe('network');
  });
});
