import crypto from 'node:crypto';
import { hmacSm3 } from '../../../kernel/crypto/sm.ts';
import { VerifierUnavailable, type PermitVerifier, type VerifyRequest, type VerifyResult } from './permit-verifier.ts';

export interface HttpPermitVerifierOptions {
  url: string;
  appKey: string;
  /** Shared secret of the HMAC-SM3 request signature. */
  secret: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Further attempts after a network error, a timeout or a 5xx answer (0 = one attempt only). */
  retries: number;
  /** First retry delay; doubled for each further retry (default 250 ms). */
  backoffMs?: number;
  now?: () => Date;
}

export const SIGNATURE_HEADERS = { appKey: 'x-landao-app-key', timestamp: 'x-landao-timestamp', signature: 'x-landao-signature', requestId: 'x-landao-request-id' } as const;

/** The bytes the signature covers: the timestamp header, a newline, the request body exactly as sent. */
export function signatureBase(timestamp: string, body: string): string {
  return `${timestamp}\n${body}`;
}

const OUTCOMES = new Set(['verified', 'mismatch', 'not_found']);

/**
 * Adapter for the national verification interface. We do not have its specification: the wire format
 * here is ours (docs/ARCHITECTURE.md, "Inside services: accounts") and a gateway in front of the real
 * interface translates. One POST per check, JSON body `{requestId, idType, idNumber, name}`, headers
 * app key, timestamp (ISO-8601 UTC) and `hex(HMAC-SM3(secret, timestamp + "\n" + body))`; answer 200
 * `{result: verified|mismatch|not_found, reference}`. Network errors, timeouts and 5xx are retried with
 * exponential backoff; a 4xx (bad credentials, bad request) is not — every failure ends as
 * `VerifierUnavailable`, never as an outcome.
 */
export class HttpPermitVerifier implements PermitVerifier {
  private readonly backoffMs: number;
  private readonly now: () => Date;

  constructor(private readonly opts: HttpPermitVerifierOptions) {
    this.backoffMs = opts.backoffMs ?? 250;
    this.now = opts.now ?? (() => new Date());
  }

  async verify(req: VerifyRequest): Promise<VerifyResult> {
    const requestId = crypto.randomUUID();
    const body = JSON.stringify({ requestId, idType: req.idType, idNumber: req.idNumber, name: req.name });
    let last: VerifierUnavailable | undefined;
    for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, this.backoffMs * 2 ** (attempt - 1)));
      try {
        return await this.attempt(requestId, body);
      } catch (e) {
        if (!(e instanceof VerifierUnavailable)) throw e;
        last = e;
        if (e.reason !== 'timeout' && e.reason !== 'network' && e.reason !== 'server_error') throw e;
      }
    }
    throw last!;
  }

  private async attempt(requestId: string, body: string): Promise<VerifyResult> {
    const timestamp = this.now().toISOString();
    let res: Response;
    try {
      res = await fetch(this.opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          [SIGNATURE_HEADERS.appKey]: this.opts.appKey,
          [SIGNATURE_HEADERS.timestamp]: timestamp,
          [SIGNATURE_HEADERS.requestId]: requestId,
          [SIGNATURE_HEADERS.signature]: hmacSm3(this.opts.secret, signatureBase(timestamp, body)),
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new VerifierUnavailable('timeout', `verification interface did not answer within ${this.opts.timeoutMs} ms`);
      throw new VerifierUnavailable('network', `verification interface unreachable: ${(e as Error).message}`);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      const name = (e as Error).name;
      throw new VerifierUnavailable(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', `verification interface answer broke off: ${(e as Error).message}`);
    }
    if (res.status >= 500) throw new VerifierUnavailable('server_error', `verification interface answered ${res.status}`, res.status);
    if (res.status !== 200) throw new VerifierUnavailable('refused', `verification interface refused the request with ${res.status}`, res.status);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new VerifierUnavailable('bad_response', 'verification interface answered with something that is not JSON', res.status);
    }
    const { result, reference } = (parsed ?? {}) as { result?: unknown; reference?: unknown };
    if (typeof result !== 'string' || !OUTCOMES.has(result) || typeof reference !== 'string' || reference.length === 0 || reference.length > 200)
      throw new VerifierUnavailable('bad_response', 'verification interface answer lacks a known result or a reference', res.status);
    return { outcome: result as VerifyResult['outcome'], reference };
  }
}
