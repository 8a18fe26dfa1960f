import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('runs on the embedded database with the demo data when nothing is set', () => {
    const config = loadConfig({}, '/srv/nguon');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/nguon/data',
      seedDemo: true,
      publicBaseUrl: 'http://localhost:3000',
      loginRateLimit: 10,
    });
  });

  it('does not seed demo data into a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/nguon' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/nguon', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reads the replicas of DATABASE_URL, and refuses them without it or in another form, without echoing a password', () => {
    const primary = { DATABASE_URL: 'postgres://db/nguon' };
    expect(loadConfig(primary).databaseReplicaUrls).toEqual([]);
    expect(loadConfig({ ...primary, DATABASE_REPLICA_URLS: ' postgres://r1/nguon , postgresql://r2/nguon,' }).databaseReplicaUrls).toEqual([
      'postgres://r1/nguon',
      'postgresql://r2/nguon',
    ]);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/nguon' })).toThrow(/DATABASE_REPLICA_URLS needs DATABASE_URL/);
    const wrong = () => loadConfig({ ...primary, DATABASE_REPLICA_URLS: 'postgres://r1/nguon,mysql://user:secret@r2/nguon' });
    expect(wrong).toThrow(/entry 2 is not one/);
    expect(wrong).not.toThrow(/secret/);
  });

  it('demands a real AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/nguon',
        AUTH_SECRET: SECRET,
        MAIL_TRANSPORT: 'log',
        LOG_SIGNING_KEY_FILE: 'key.pem',
        LABEL_SIGNING_KEY_FILE: 'labels.pem',
      }).authSecret,
    ).toBe(SECRET);
  });

  it('writes mail to the data folder outside production, and demands a way to send it in production', () => {
    expect(loadConfig({}, '/srv/nguon').mail).toEqual({
      transport: 'dir',
      dir: '/srv/nguon/data/mail',
      from: 'Nguồn <no-reply@localhost>',
    });
    expect(loadConfig({ MAIL_DIR: 'outbox', PUBLIC_BASE_URL: 'https://nguon.vn' }, '/srv/nguon').mail).toEqual({
      transport: 'dir',
      dir: '/srv/nguon/outbox',
      from: 'Nguồn <no-reply@nguon.vn>',
    });
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/nguon',
      AUTH_SECRET: SECRET,
      LOG_SIGNING_KEY_FILE: 'key.pem',
      LABEL_SIGNING_KEY_FILE: 'labels.pem',
    };
    expect(() => loadConfig(production)).toThrow(/MAIL_TRANSPORT must be set in production/);
    expect(() => loadConfig({ ...production, MAIL_TRANSPORT: 'ftp://mail' })).toThrow(/MAIL_TRANSPORT/);
    expect(loadConfig({ ...production, MAIL_TRANSPORT: 'smtps://u:p@smtp.example.vn:465', MAIL_FROM: 'HTX <a@b.vn>' }).mail).toEqual({
      transport: 'smtp',
      url: 'smtps://u:p@smtp.example.vn:465',
      from: 'HTX <a@b.vn>',
    });
    expect(loadConfig({ ...production, MAIL_TRANSPORT: 'log' }).mail.transport).toBe('log');
  });

  it('names the transparency log after the portal, and demands one shared signing key of instances on PostgreSQL in production', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://truyxuat.hatinh.gov.vn/nguon/' }, '/srv/nguon').transparencyLog).toEqual({
      origin: 'truyxuat.hatinh.gov.vn/nguon/log',
      signingKey: null,
      keyFile: '/srv/nguon/data/log-signing-key.pem',
    });
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/nguon',
      AUTH_SECRET: SECRET,
      MAIL_TRANSPORT: 'log',
      LABEL_SIGNING_KEY_FILE: 'labels.pem',
    };
    expect(() => loadConfig(production)).toThrow(/LOG_SIGNING_KEY/);
    const pem = '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----';
    expect(loadConfig({ ...production, LOG_SIGNING_KEY: pem }).transparencyLog.signingKey).toBe(
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----',
    );
    expect(loadConfig({ ...production, LOG_SIGNING_KEY_FILE: 'secrets/log.pem' }, '/srv/nguon').transparencyLog.keyFile).toBe(
      '/srv/nguon/secrets/log.pem',
    );
    expect(() => loadConfig({ LOG_ORIGIN: 'two words' })).toThrow(/LOG_ORIGIN/);
  });

  it('keeps the label signing key apart from the log key, demands it too on PostgreSQL in production, and reads earlier public keys', () => {
    expect(loadConfig({}, '/srv/nguon').labelSigning).toEqual({
      signingKey: null,
      keyFile: '/srv/nguon/data/label-signing-key.pem',
      previousPublicKeys: [],
    });
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon', AUTH_SECRET: SECRET, MAIL_TRANSPORT: 'log' };
    expect(() => loadConfig({ ...production, LOG_SIGNING_KEY_FILE: 'log.pem' })).toThrow(/LABEL_SIGNING_KEY/);
    const given = loadConfig({ ...production, LOG_SIGNING_KEY_FILE: 'log.pem', LABEL_SIGNING_KEY_FILE: 'labels.pem' }, '/srv/nguon');
    expect(given.labelSigning.keyFile).toBe('/srv/nguon/labels.pem');
    const earlier = 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik';
    expect(loadConfig({ LABEL_PREVIOUS_PUBLIC_KEYS: ` ${earlier} ,` }).labelSigning.previousPublicKeys).toEqual([earlier]);
    expect(() => loadConfig({ LABEL_PREVIOUS_PUBLIC_KEYS: `${earlier},not-a-key` })).toThrow(/entry 2 is not one/);
  });

  it('refuses the demo accounts (a public password) in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/nguon', AUTH_SECRET: SECRET, SEED_DEMO: 'true' }),
    ).toThrow(/SEED_DEMO/);
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
    ['SCAN_COUNT_WINDOW_MINUTES', '-1'],
    ['QR_PUBLIC_MAX_SIZE', '5000'],
    ['QR_RENDER_THREADS', '0'],
    ['OPERATOR_EMAIL', 'not an address'],
  ])('says what is wrong with %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('drops a trailing slash from PUBLIC_BASE_URL, so QR codes never hold "//"', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://truyxuat.hatinh.gov.vn/' }).publicBaseUrl).toBe('https://truyxuat.hatinh.gov.vn');
  });

  it('keeps uploads beside the data, 10 MiB at most, unless told otherwise; an in-memory database gets a temporary folder', () => {
    expect(loadConfig({}, '/srv/nguon')).toMatchObject({
      attachmentsDir: '/srv/nguon/data/attachments',
      attachmentMaxBytes: 10 * 1024 * 1024,
    });
    expect(loadConfig({ ATTACHMENTS_DIR: '/mnt/files', ATTACHMENT_MAX_BYTES: '2097152' }, '/srv/nguon')).toMatchObject({
      attachmentsDir: '/mnt/files',
      attachmentMaxBytes: 2097152,
    });
    expect(loadConfig({ DATA_DIR: 'memory://' }).attachmentsDir).not.toMatch(/^memory:/);
  });

  it('lets outbound calls reach no private network unless the operator lists it', () => {
    expect(loadConfig({})).toMatchObject({ outboundAllowedNetworks: [], outboundTimeoutMs: 5000 });
    expect(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: ' 10.0.0.0/8, 127.0.0.1/32,::1 ' }).outboundAllowedNetworks).toEqual([
      '10.0.0.0/8',
      '127.0.0.1/32',
      '::1',
    ]);
    expect(() => loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '10.0.0.0/8,intranet' })).toThrow(/OUTBOUND_ALLOWED_NETWORKS.*"intranet"/);
    expect(() => loadConfig({ OUTBOUND_TIMEOUT_MS: '0' })).toThrow(/OUTBOUND_TIMEOUT_MS/);
  });

  it('bounds every wait on the database and on a request, with limits an operator can change', () => {
    expect(loadConfig({})).toMatchObject({
      databaseConnectTimeoutMs: 5_000,
      databaseStatementTimeoutMs: 15_000,
      databaseIdleInTransactionTimeoutMs: 60_000,
      requestTimeoutMs: 20_000,
    });
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0', REQUEST_TIMEOUT_MS: '60000' })).toMatchObject({
      databaseStatementTimeoutMs: 0,
      requestTimeoutMs: 60_000,
    });
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '-1' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });

  it('reads import files under limits and watches jobs with defaults an operator can change', () => {
    expect(loadConfig({})).toMatchObject({
      importLimits: {
        rows: 10_000,
        columns: 50,
        cellChars: 2_000,
        uncompressedBytes: 50 * 1024 * 1024,
        concurrency: 1,
        queue: 8,
        timeoutMs: 30_000,
      },
      jobs: { heartbeatMs: 10_000, staleMs: 60_000, sweepMs: 60_000 },
      importJobs: { pollingSeconds: 2, maxAttempts: 3, expireSeconds: 3600 },
    });
    expect(loadConfig({ IMPORT_MAX_ROWS: '500', JOB_STALE_SECONDS: '120', IMPORT_JOB_ATTEMPTS: '5' })).toMatchObject({
      importLimits: { rows: 500 },
      jobs: { staleMs: 120_000 },
      importJobs: { maxAttempts: 5 },
    });
    expect(() => loadConfig({ IMPORT_CHECK_CONCURRENCY: '0' })).toThrow(/IMPORT_CHECK_CONCURRENCY/);
  });

  it("draws journey maps on OpenStreetMap's tiles unless the operator names a tile server, which must take {z}, {x} and {y}", () => {
    expect(loadConfig({}).mapTiles).toEqual({
      url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
      maxZoom: 19,
    });
    expect(
      loadConfig({ MAP_TILE_URL: 'http://tiles.hatinh.gov.vn/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Sở KH&CN Hà Tĩnh' }).mapTiles,
    ).toMatchObject({ url: 'http://tiles.hatinh.gov.vn/{z}/{x}/{y}.png', attribution: 'Sở KH&CN Hà Tĩnh' });
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example/{z}/{x}.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: 'ftp://tiles.example/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['true', 1],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, fd00::/8,loopback', ['10.0.0.0/8', 'fd00::/8', 'loopback']],
  ])('reads %s as %j: never "every hop", which would believe a forged leftmost X-Forwarded-For', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['11', 'maybe', '10.0.0.0/33', '10.0.0.1/8/1', 'proxy.example.com'])('refuses %s and says what to set', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^TRUST_PROXY must be/);
  });
});
