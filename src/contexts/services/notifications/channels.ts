/**
 * Outbound delivery of notifications (SMS, e-mail, or a development channel). The in-app copy is
 * stored first and never depends on these: a channel that throws makes the delivery job retry.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../../../kernel/principal.ts';
import { sendMail, type SmtpOptions } from './smtp.ts';

/** Who a notification goes to, as the directory knows them. */
export interface Recipient {
  userId: number;
  displayName: string;
  locale: Locale;
  email: string | null;
  phone: string | null;
}

export interface OutboundMessage {
  notificationId: number;
  template: string;
  locale: Locale;
  /** The channel's address for the recipient (e-mail, phone), or the user id for development channels. */
  to: string;
  userId: number;
  title: string;
  body: string;
}

export interface OutboundChannel {
  /** Stored with each delivery: 'file', 'console', 'email', 'sms'. */
  readonly name: string;
  /** The recipient's address on this channel; null skips the channel for this recipient. */
  addressOf(r: Recipient): string | null;
  send(m: OutboundMessage, signal: AbortSignal): Promise<void>;
}

/** Development: appends one JSON line per message to a file (under the data directory). */
export class FileChannel implements OutboundChannel {
  readonly name = 'file';
  constructor(private readonly file: string) {}

  addressOf(r: Recipient): string {
    return `user:${r.userId}`;
  }

  async send(m: OutboundMessage): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify({ at: new Date().toISOString(), ...m })}\n`, 'utf8');
  }
}

/** Development: writes each message to the process log. */
export class ConsoleChannel implements OutboundChannel {
  readonly name = 'console';
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  addressOf(r: Recipient): string {
    return `user:${r.userId}`;
  }

  async send(m: OutboundMessage): Promise<void> {
    this.write(`[notify] ${m.to} (${m.locale}) ${m.title}: ${m.body}`);
  }
}

export interface SmsHttpOptions {
  url: string;
  key: string;
  timeoutMs: number;
  /** The SMS signature (短信签名) the gateway prefixes, e.g. 【平潭政务】. */
  sign?: string | undefined;
}

/**
 * An HTTP SMS gateway: `POST url` with `Authorization: Bearer key` and the JSON body
 * `{ to, text, sign? }`; any 2xx is sent, anything else (or a timeout) throws so the job retries.
 */
export class SmsHttpChannel implements OutboundChannel {
  readonly name = 'sms';
  constructor(private readonly opts: SmsHttpOptions) {}

  addressOf(r: Recipient): string | null {
    return r.phone;
  }

  async send(m: OutboundMessage, signal: AbortSignal): Promise<void> {
    const res = await fetch(this.opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.opts.key}` },
      body: JSON.stringify({ to: m.to, text: `${m.title}：${m.body}`, ...(this.opts.sign ? { sign: this.opts.sign } : {}) }),
      signal: AbortSignal.any([signal, AbortSignal.timeout(this.opts.timeoutMs)]),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}

/** E-mail through an SMTP relay (see smtp.ts). */
export class SmtpChannel implements OutboundChannel {
  readonly name = 'email';
  constructor(private readonly opts: SmtpOptions) {}

  addressOf(r: Recipient): string | null {
    return r.email;
  }

  async send(m: OutboundMessage, signal: AbortSignal): Promise<void> {
    await sendMail(this.opts, { to: m.to, subject: m.title, text: m.body, language: m.locale }, signal);
  }
}
