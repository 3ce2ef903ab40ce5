import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.ts';
import { createOutboundChannels } from './channel-factory.ts';

const base = { LANDAO_DATA_DIR: '/srv/landao' };

describe('outbound channels from the configuration', () => {
  it('writes to a file under the data directory in development and sends nothing by default in production', () => {
    const dev = loadConfig({ ...base, NODE_ENV: 'development' });
    expect(createOutboundChannels(dev.notify, dev.dataDir).map((c) => c.name)).toEqual(['file']);
    expect(dev.ratingFollowUpDays).toBe(5);
    expect(loadConfig({ ...base, NODE_ENV: 'test', LANDAO_NOTIFY_DEV_CHANNEL: 'off' }).notify.devChannel).toBe('off');
  });

  it('adds e-mail and SMS when their relay and gateway are configured', () => {
    const c = loadConfig({
      ...base,
      NODE_ENV: 'test',
      LANDAO_NOTIFY_DEV_CHANNEL: 'console',
      LANDAO_NOTIFY_EMAIL_HOST: 'smtp.pingtan.gov.cn',
      LANDAO_NOTIFY_EMAIL_FROM: 'notify@pingtan.gov.cn',
      LANDAO_NOTIFY_SMS_URL: 'https://sms.example.cn/send',
      LANDAO_NOTIFY_SMS_KEY: 'k',
      LANDAO_RATING_FOLLOWUP_DAYS: '15',
    });
    expect(createOutboundChannels(c.notify, c.dataDir).map((ch) => ch.name)).toEqual(['console', 'email', 'sms']);
    expect(c.notify.email).toMatchObject({ port: 587, security: 'starttls' });
    expect(c.ratingFollowUpDays).toBe(15);
  });

  it('refuses a relay without a sender and a gateway without a key, naming the variable', () => {
    expect(() => loadConfig({ ...base, LANDAO_NOTIFY_EMAIL_HOST: 'smtp.pingtan.gov.cn' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, LANDAO_NOTIFY_EMAIL_HOST: 'smtp.pingtan.gov.cn' })).toThrow(/LANDAO_NOTIFY_EMAIL_FROM/);
    expect(() => loadConfig({ ...base, LANDAO_NOTIFY_SMS_URL: 'https://sms.example.cn/send' })).toThrow(/LANDAO_NOTIFY_SMS_KEY/);
  });
});
