/**
 * An open-loop, evenly paced HTTP/1.1 load generator (wrk2-style) for latency at a fixed rate.
 *
 * Request i is due at start + i / rate. A 1 ms ticker sends every due request on an idle keep-alive
 * connection (one request in flight per connection, no pipelining); when none is idle the request
 * waits in the generator. Latency is measured from the DUE time, so a slow server (or a stalled
 * generator) shows in the figures instead of silently lowering the rate (coordinated omission).
 * The time from the actual write is reported beside it, and `sendLagP99` says how late the generator
 * itself was: if it is not near 0 the client, not the server, is the bottleneck.
 *
 * Why not autocannon's `overallRate`: it gives each connection rate/connections requests per second
 * as a bucket refilled by a 1 s interval, sent back to back as fast as the server answers — so the
 * whole second's requests arrive as a burst at the start of each second (closed loop over all
 * connections) and the rest of the second is idle; and its coordinated-omission correction uses an
 * expected interval of ceil(1 / perConnectionRate) = 1 ms, which adds v − 1 synthetic samples for
 * every v ms answer. Both inflate p99 far beyond what evenly arriving requests see.
 */
import net from 'node:net';

export interface PacedOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Requests per second. */
  rate: number;
  durationS: number;
  connections: number;
  /** Called with the HTTP status of every answer (e.g. to count non-200s). */
  onStatus?: (status: number) => void;
}

export interface PacedResult {
  due: number;
  completed: number;
  errors: number;
  statuses: Record<number, number>;
  /** Achieved answers per second over the run. */
  achieved: number;
  /** Latency from the due time, ms. */
  latency: Percentiles;
  /** Latency from the write on the socket, ms. */
  service: Percentiles;
  /** How late the generator wrote requests after their due time, ms. */
  sendLagP99: number;
  /** Answers per 100 ms slot of each second, summed over the run: evenly paced load gives flat slots. */
  perSlot: number[];
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export function percentiles(values: Float64Array | number[]): Percentiles {
  const s = Float64Array.from(values).sort();
  const at = (q: number) => (s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!);
  const r = (v: number) => Math.round(v * 100) / 100;
  return { p50: r(at(0.5)), p90: r(at(0.9)), p99: r(at(0.99)), p999: r(at(0.999)), max: r(s.length ? s[s.length - 1]! : 0) };
}

interface Conn {
  socket: net.Socket;
  busy: boolean;
  buf: Buffer;
  /** Due time and write time of the request in flight. */
  due: number;
  sent: number;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Parses whole responses out of `c.buf`; returns the statuses of those complete. */
function takeResponses(c: Conn): number[] {
  const out: number[] = [];
  for (;;) {
    const end = c.buf.indexOf('\r\n\r\n');
    if (end < 0) return out;
    const head = c.buf.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!m) throw new Error(`paced-load: response without content-length: ${head.split('\r\n')[0]}`);
    const total = end + 4 + Number(m[1]);
    if (c.buf.length < total) return out;
    out.push(status);
    c.buf = c.buf.subarray(total);
  }
}

export async function pacedLoad(o: PacedOptions): Promise<PacedResult> {
  const u = new URL(o.url);
  const body = o.body ?? '';
  const headers = { host: u.host, connection: 'keep-alive', ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...o.headers };
  const request = Buffer.from(`${o.method ?? 'GET'} ${u.pathname}${u.search} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
  const total = Math.round(o.rate * o.durationS);
  const latency = new Float64Array(total);
  const service = new Float64Array(total);
  const lag = new Float64Array(total);
  const perSlot = new Array<number>(10).fill(0);
  const statuses: Record<number, number> = {};
  let completed = 0;
  let errors = 0;
  let next = 0; // index of the next request to send
  let start = 0;
  const idle: Conn[] = [];

  const conns = await Promise.all(
    Array.from(
      { length: o.connections },
      () =>
        new Promise<Conn>((resolve, reject) => {
          const socket = net.connect(Number(u.port), u.hostname, () => resolve(c));
          socket.setNoDelay(true);
          const c: Conn = { socket, busy: false, buf: Buffer.alloc(0), due: 0, sent: 0 };
          socket.on('error', (e) => {
            errors++;
            reject(e);
          });
          socket.on('data', (chunk: Buffer) => {
            c.buf = c.buf.length ? Buffer.concat([c.buf, chunk]) : chunk;
            for (const status of takeResponses(c)) {
              const t = nowMs();
              latency[completed] = t - c.due;
              service[completed] = t - c.sent;
              completed++;
              perSlot[Math.floor(((t - start) % 1000) / 100)]!++;
              statuses[status] = (statuses[status] ?? 0) + 1;
              o.onStatus?.(status);
              c.busy = false;
              idle.push(c);
            }
            pump();
          });
        }),
    ),
  );
  idle.push(...conns);

  function pump(): void {
    const t = nowMs();
    while (next < total && idle.length > 0) {
      const due = start + (next * 1000) / o.rate;
      if (due > t) return;
      const c = idle.pop()!;
      c.busy = true;
      c.due = due;
      c.sent = t;
      lag[next] = t - due;
      next++;
      c.socket.write(request);
    }
  }

  start = nowMs();
  await new Promise<void>((resolve) => {
    const ticker = setInterval(() => {
      pump();
      if (completed >= total || nowMs() - start > o.durationS * 1000 + 30_000) {
        clearInterval(ticker);
        resolve();
      }
    }, 1);
  });
  const elapsed = nowMs() - start;
  for (const c of conns) c.socket.destroy();
  return {
    due: total,
    completed,
    errors,
    statuses,
    achieved: (completed * 1000) / elapsed,
    latency: percentiles(latency.subarray(0, completed)),
    service: percentiles(service.subarray(0, completed)),
    sendLagP99: percentiles(lag.subarray(0, next)).p99,
    perSlot,
  };
}
