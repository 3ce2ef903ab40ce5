/**
 * E-mail submission to the zone's mail relay through nodemailer: implicit TLS (port 465), required
 * STARTTLS (587) or plain (a local relay only), optional authentication, one plain-text UTF-8 message.
 */
import nodemailer from 'nodemailer';

export interface SmtpOptions {
  host: string;
  port: number;
  /** 'tls': TLS from the first byte; 'starttls': upgrade after EHLO (refuses a server without it); 'none': plain (a local relay only). */
  security: 'tls' | 'starttls' | 'none';
  user?: string | undefined;
  password?: string | undefined;
  from: string;
  timeoutMs: number;
  /** Name sent in EHLO. */
  clientName?: string | undefined;
  /** Test relays with self-signed certificates only. */
  rejectUnauthorized?: boolean | undefined;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  language: string;
}

/** Sends one message; rejects (so the delivery job retries) on any refusal, timeout or abort. */
export async function sendMail(o: SmtpOptions, m: MailMessage, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  const transport = nodemailer.createTransport({
    host: o.host,
    port: o.port,
    secure: o.security === 'tls',
    requireTLS: o.security === 'starttls',
    ignoreTLS: o.security === 'none',
    name: o.clientName ?? 'landao.local',
    connectionTimeout: o.timeoutMs,
    greetingTimeout: o.timeoutMs,
    socketTimeout: o.timeoutMs,
    ...(o.user ? { auth: { user: o.user, pass: o.password ?? '' } } : {}),
    tls: { rejectUnauthorized: o.rejectUnauthorized ?? true },
  });
  const onAbort = () => transport.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await transport.sendMail({
      from: o.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      textEncoding: 'base64',
      headers: { 'Content-Language': m.language },
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    transport.close();
  }
}
