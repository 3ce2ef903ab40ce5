import path from 'node:path';
import { ConsoleChannel, FileChannel, SmsHttpChannel, SmtpChannel, type OutboundChannel } from './channels.ts';
import type { SmtpOptions } from './smtp.ts';

/** The `notify` part of the platform configuration (config.ts, LANDAO_NOTIFY_*). */
export interface NotifyChannelConfig {
  devChannel: 'file' | 'console' | 'off';
  email: Omit<SmtpOptions, 'clientName' | 'rejectUnauthorized'> | null;
  sms: { url: string; key: string; sign: string | undefined; timeoutMs: number } | null;
}

/** The outbound channels the configuration asks for; the file channel writes `<dataDir>/notify/outbox.jsonl`. */
export function createOutboundChannels(cfg: NotifyChannelConfig, dataDir: string): OutboundChannel[] {
  const channels: OutboundChannel[] = [];
  if (cfg.devChannel === 'file') channels.push(new FileChannel(path.join(dataDir, 'notify', 'outbox.jsonl')));
  if (cfg.devChannel === 'console') channels.push(new ConsoleChannel());
  if (cfg.email) channels.push(new SmtpChannel(cfg.email));
  if (cfg.sms) channels.push(new SmsHttpChannel(cfg.sms));
  return channels;
}
