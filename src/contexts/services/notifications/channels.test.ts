import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SmsHttpChannel, SmtpChannel, type OutboundMessage } from './channels.ts';

const message: OutboundMessage = { notificationId: 1, template: 'case.approved', locale: 'zh-TW', to: '', userId: 11, title: '案件已辦結（核准）', body: '案件 PT2026000001 已辦結。' };

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

function listen(server: http.Server | net.Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** A minimal SMTP server: records the commands and the message, answers like a relay that accepts everything. */
function fakeSmtp(): { server: net.Server; commands: string[]; data: string[] } {
  const commands: string[] = [];
  const data: string[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = '';
    socket.on('error', () => undefined); // the client may drop the connection
    socket.write('220 relay.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            data.push(current);
            current = '';
            socket.write('250 queued\r\n');
          } else current += `${line}\r\n`;
          continue;
        }
        commands.push(line);
        if (line.startsWith('EHLO')) socket.write('250-relay.test\r\n250 AUTH PLAIN\r\n');
        else if (line.startsWith('AUTH')) socket.write('235 ok\r\n');
        else if (line === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (line === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return { server, commands, data };
}

describe('outbound channels', () => {
  it('posts an SMS to the gateway with its key, and fails on a refusal so the job retries', async () => {
    const received: { auth: string | undefined; body: unknown }[] = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.statusCode = status;
        res.end('{}');
      });
    });
    const port = await listen(server);
    const sms = new SmsHttpChannel({ url: `http://127.0.0.1:${port}/send`, key: 'gateway-key', timeoutMs: 5000, sign: '【平潭政务】' });
    expect(sms.addressOf({ userId: 11, displayName: 'x', locale: 'zh-TW', email: null, phone: null })).toBeNull();
    await sms.send({ ...message, to: '0912345678' }, new AbortController().signal);
    expect(received).toEqual([{ auth: 'Bearer gateway-key', body: { to: '0912345678', text: '案件已辦結（核准）：案件 PT2026000001 已辦結。', sign: '【平潭政務】'.replace('務', '务') } }]);
    status = 503;
    await expect(sms.send({ ...message, to: '0912345678' }, new AbortController().signal)).rejects.toThrow('SMS gateway answered 503');
  });

  it('hands an e-mail to an SMTP relay with AUTH PLAIN and a UTF-8 subject and body', async () => {
    const smtp = fakeSmtp();
    const port = await listen(smtp.server);
    const email = new SmtpChannel({ host: '127.0.0.1', port, security: 'none', user: 'notify', password: 'secret', from: 'notify@pingtan.gov.cn', timeoutMs: 5000 });
    await email.send({ ...message, to: 'li@example.com' }, new AbortController().signal);
    expect(smtp.commands[0]).toBe('EHLO landao.local');
    expect(smtp.commands).toContain(`AUTH PLAIN ${Buffer.from('\0notify\0secret').toString('base64')}`);
    expect(smtp.commands).toContain('MAIL FROM:<notify@pingtan.gov.cn>');
    expect(smtp.commands).toContain('RCPT TO:<li@example.com>');
    const [head, body] = smtp.data[0]!.split('\r\n\r\n');
    expect(head).toMatch(/Subject: =\?UTF-8\?[BQ]\?/);
    expect(head).toContain('Content-Language: zh-TW');
    expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(message.body);
  });

  it('refuses to send over plain text when STARTTLS is required and the relay does not offer it', async () => {
    const smtp = fakeSmtp();
    const port = await listen(smtp.server);
    const email = new SmtpChannel({ host: '127.0.0.1', port, security: 'starttls', from: 'notify@pingtan.gov.cn', timeoutMs: 5000 });
    await expect(email.send({ ...message, to: 'li@example.com' }, new AbortController().signal)).rejects.toThrow();
    expect(smtp.commands[0]).toBe('EHLO landao.local');
    expect(smtp.commands.some((c) => c.startsWith('MAIL FROM'))).toBe(false);
    expect(smtp.data).toEqual([]);
  });
});
