import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('runs on the embedded database with the demo data when nothing is set', () => {
    const config = loadConfig({}, '/srv/nguon');
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: '/srv/nguon/data', seedDemo: true, publicBaseUrl: 'http://localhost:3000', loginRateLimit: 10 });
  });

  it('does not seed demo data into a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/nguon' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/nguon', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('demands a real AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon', AUTH_SECRET: SECRET, MAIL_TRANSPORT: 'log' }).authSecret).toBe(SECRET);
  });

  it('writes mail to the data folder outside production, and demands a way to send it in production', () => {
    expect(loadConfig({}, '/srv/nguon').mail).toEqual({ transport: 'dir', dir: '/srv/nguon/data/mail', from: 'Nguồn <no-reply@localhost>' });
    expect(loadConfig({ MAIL_DIR: 'outbox', PUBLIC_BASE_URL: 'https://nguon.vn' }, '/srv/nguon').mail).toEqual({ transport: 'dir', dir: '/srv/nguon/outbox', from: 'Nguồn <no-reply@nguon.vn>' });
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon', AUTH_SECRET: SECRET };
    expect(() => loadConfig(production)).toThrow(/MAIL_TRANSPORT must be set in production/);
    expect(() => loadConfig({ ...production, MAIL_TRANSPORT: 'ftp://mail' })).toThrow(/MAIL_TRANSPORT/);
    expect(loadConfig({ ...production, MAIL_TRANSPORT: 'smtps://u:p@smtp.example.vn:465', MAIL_FROM: 'HTX <a@b.vn>' }).mail)
      .toEqual({ transport: 'smtp', url: 'smtps://u:p@smtp.example.vn:465', from: 'HTX <a@b.vn>' });
    expect(loadConfig({ ...production, MAIL_TRANSPORT: 'log' }).mail.transport).toBe('log');
  });

  it('refuses the demo accounts (a public password) in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon', AUTH_SECRET: SECRET, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET })).toThrow(/SEED_DEMO/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db'],
    ['PUBLIC_BASE_URL', 'ftp://x'],
    ['SEED_DEMO', 'maybe'],
    ['PUBLIC_RATE_LIMIT', '0'],
    ['ATTACHMENT_MAX_BYTES', '10MB'],
  ])('says what is wrong with %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('drops a trailing slash from PUBLIC_BASE_URL, so QR codes never hold "//"', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://truyxuat.hatinh.gov.vn/' }).publicBaseUrl).toBe('https://truyxuat.hatinh.gov.vn');
  });

  it('keeps uploads beside the data, 10 MiB at most, unless told otherwise; an in-memory database gets a temporary folder', () => {
    expect(loadConfig({}, '/srv/nguon')).toMatchObject({ attachmentsDir: '/srv/nguon/data/attachments', attachmentMaxBytes: 10 * 1024 * 1024 });
    expect(loadConfig({ ATTACHMENTS_DIR: '/mnt/files', ATTACHMENT_MAX_BYTES: '2097152' }, '/srv/nguon')).toMatchObject({ attachmentsDir: '/mnt/files', attachmentMaxBytes: 2097152 });
    expect(loadConfig({ DATA_DIR: 'memory://' }).attachmentsDir).not.toMatch(/^memory:/);
  });
});
