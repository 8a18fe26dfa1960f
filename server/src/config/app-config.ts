import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_ATTACHMENT_MAX_BYTES, IMPORT_MAX_ROWS } from '@nguon/shared';
import { parseNetwork } from './network.js';

/** Everything the app reads from the environment, checked once at start-up. */
export interface AppConfig {
  port: number;
  /** Real PostgreSQL when set; otherwise the embedded database in `dataDir`. */
  databaseUrl: string | null;
  /** Streaming replicas of DATABASE_URL that the read side reads from (decision record 0034); none by default. */
  databaseReplicaUrls: string[];
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Scheme and host the QR codes point at, without a trailing slash. */
  publicBaseUrl: string;
  /** Secret that signs access tokens. */
  authSecret: string;
  tokenTtlSeconds: number;
  seedDemo: boolean;
  /** Built web app to serve, or null to serve only the API. */
  webDistDir: string | null;
  /** The web app's server entry (consumer pages rendered on the server); null renders none. */
  webSsrDir: string | null;
  /** Requests per minute per client address on public endpoints. */
  publicRateLimit: number;
  /** Sign-in and sign-up attempts per minute per client address. */
  loginRateLimit: number;
  /** Consumer reports per minute per client address. */
  reportRateLimit: number;
  /** Hours after which a shipment nobody confirmed receiving is flagged for inspectors. */
  unreceivedShipmentHours: number;
  /** Folder of uploaded files (the disk attachment storage). */
  attachmentsDir: string;
  /** Largest upload accepted, in bytes. */
  attachmentMaxBytes: number;
  /** An open batch with no event for this many days is flagged on its business's dashboard. */
  staleBatchDays: number;
  /**
   * Which X-Forwarded-For entries to believe: false (none: the socket's address), a number of
   * proxy hops in front of the portal, or the addresses/CIDR ranges of the trusted proxies.
   */
  trustProxy: TrustProxy;
  production: boolean;
  /** Networks outbound calls (webhooks) may reach although private or loopback; none by default. */
  outboundAllowedNetworks: string[];
  /** Longest an outbound call (webhook delivery) may take, from lookup to the answer's status. */
  outboundTimeoutMs: number;
  /** Longest wait to open a database connection, or for a free one in the pool. */
  databaseConnectTimeoutMs: number;
  /** Longest a statement may run before PostgreSQL cancels it (0: no limit). */
  databaseStatementTimeoutMs: number;
  /** Longest a transaction may sit idle before PostgreSQL ends its session (0: no limit). */
  databaseIdleInTransactionTimeoutMs: number;
  /** Longest a request may take to be answered (a streamed body may take longer to send). */
  requestTimeoutMs: number;
  /** How much one uploaded spreadsheet may hold, and how many are read at once (each in its own worker thread). */
  importLimits: ImportLimits;
  /** Background jobs (imports, captures): how often a run writes its progress, and when one is taken for dead. */
  jobs: JobTimings;
  /** EPCIS capture jobs on the job queue (decision record 0025). */
  captureJobs: CaptureJobSettings;
  /** Import jobs on the same queue (decision record 0025). */
  importJobs: QueuedJobSettings;
  /** One client address adds at most one scan of a batch per this many minutes (0: every scan counts). */
  scanCountWindowMinutes: number;
  /** Scans are answered from memory and written in batches this often (a crash loses at most this much). */
  scanFlushMs: number;
  /** Largest QR image (px) drawn for anyone but members of the batch's business. */
  qrPublicMaxSize: number;
  /** Memory kept for drawn QR images, in bytes. */
  qrCacheBytes: number;
  /** Worker threads that draw QR images, and how many requests may wait for one. */
  qrRenderThreads: number;
  qrRenderQueue: number;
  /** How mail leaves: an SMTP server, files in a folder (one JSON file per message), or the log. */
  mail: MailConfig;
  /** The raster tiles the consumer pages' journey map is drawn on. */
  mapTiles: MapTiles;
  /** Who runs the portal, as the resolver's description names them (GS1: `contact`). */
  operator: OperatorContact;
  transparencyLog: TransparencyLogConfig;
  labelSigning: LabelSigningConfig;
}

export interface OperatorContact {
  name: string;
  email: string | null;
}

export interface MapTiles {
  /** `http(s)://…/{z}/{x}/{y}.png`, optionally with `{s}` for subdomains. */
  url: string;
  attribution: string;
  maxZoom: number;
}

export interface ImportLimits {
  rows: number;
  columns: number;
  /** Characters in one cell. */
  cellChars: number;
  /** Inflated size of all the entries of an XLSX (a zip), declared and actual. */
  uncompressedBytes: number;
  /** Files read at the same time; more wait in a queue of `queue`, beyond it 503 with Retry-After. */
  concurrency: number;
  queue: number;
  /** A file still being read after this long is refused. */
  timeoutMs: number;
}

export interface JobTimings {
  /** How often an instance writes the progress of its runs. */
  heartbeatMs: number;
  /** A run started this long ago by another instance and holding no lock is taken for dead by the sweep. */
  staleMs: number;
  /** How often each instance sweeps (the jobs it takes are locked, so two sweeps never take one job). */
  sweepMs: number;
}

/** One kind of job on the job queue. */
export interface QueuedJobSettings {
  /** How often an idle worker asks the queue for a job another instance enqueued (its own are started at once). */
  pollingSeconds: number;
  /** Runs of one job before it is failed: a job that kills its worker each time must stop somewhere. */
  maxAttempts: number;
  /** The queue's own limit on one run; a live run past it is run again, which then finds the job done. */
  expireSeconds: number;
}

export interface CaptureJobSettings extends QueuedJobSettings {
  /** How often the queue's maintenance runs (expiry, archiving). */
  maintenanceSeconds: number;
}

export type MailConfig =
  { transport: 'smtp'; url: string; from: string } | { transport: 'dir'; dir: string; from: string } | { transport: 'log'; from: string };

export class ConfigError extends Error {}

export type TrustProxy = false | number | string[];

/** An address, a CIDR range, or one of proxy-addr's names for the usual private ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  return (
    version !== 0 &&
    extra === undefined &&
    (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)))
  );
}

/**
 * TRUST_PROXY: unset/false/0 → none; a whole number → that many proxy hops (`true` = 1, the usual
 * single reverse proxy); otherwise a comma-separated list of proxy addresses, CIDR ranges or
 * `loopback` / `linklocal` / `uniquelocal`.
 * Never Fastify's `true` (trust every hop): the client writes the leftmost X-Forwarded-For itself.
 */
function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.TRUST_PROXY?.trim().toLowerCase() ?? '';
  if (['', 'false', 'no', '0'].includes(raw)) return false;
  if (['true', 'yes'].includes(raw)) return 1;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const list = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!list.length || !list.every(isProxyAddress)) {
    throw new ConfigError(
      `TRUST_PROXY must be false, a number of proxy hops (1 for one reverse proxy) or a comma-separated list of proxy addresses/CIDR ranges, got "${env.TRUST_PROXY}"`,
    );
  }
  return list;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const production = env.NODE_ENV === 'production';
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const databaseReplicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (databaseReplicaUrls.length && !databaseUrl) {
    throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas are of a PostgreSQL server, not of the embedded database');
  }
  // Which entry, not its text: a URL may hold a password.
  const notPostgres = databaseReplicaUrls.findIndex((url) => !/^postgres(ql)?:\/\//.test(url));
  if (notPostgres >= 0) {
    throw new ConfigError(`DATABASE_REPLICA_URLS must list postgres:// or postgresql:// URLs: entry ${notPostgres + 1} is not one`);
  }
  const publicBaseUrl = (env.PUBLIC_BASE_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+(\/.*)?$/.test(publicBaseUrl)) {
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) URL, got "${publicBaseUrl}"`);
  }
  const authSecret = env.AUTH_SECRET?.trim() || '';
  if (production && authSecret.length < 32) {
    throw new ConfigError('AUTH_SECRET must be set to at least 32 characters in production');
  }
  const seedDemo = flag(env, 'SEED_DEMO', !databaseUrl);
  if (production && seedDemo) {
    throw new ConfigError('SEED_DEMO cannot be used with NODE_ENV=production: the demo accounts have a public password');
  }
  const dataDir = env.DATA_DIR?.trim() || path.resolve(cwd, 'data');
  return {
    port,
    databaseUrl,
    databaseReplicaUrls,
    dataDir,
    publicBaseUrl,
    // Outside production a random secret is fine: sign-ins just do not survive a restart.
    authSecret: authSecret || randomBytes(32).toString('hex'),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 86400),
    seedDemo,
    webDistDir: env.WEB_DIST_DIR === '' ? null : path.resolve(cwd, env.WEB_DIST_DIR ?? 'web/dist'),
    webSsrDir:
      env.WEB_SSR_DIR === '' ? null : path.resolve(cwd, env.WEB_SSR_DIR ?? path.join(env.WEB_DIST_DIR || 'web/dist', '..', 'dist-ssr')),
    publicRateLimit: integer(env, 'PUBLIC_RATE_LIMIT', 600, 1, 1_000_000),
    loginRateLimit: integer(env, 'LOGIN_RATE_LIMIT', 10, 1, 1_000_000),
    reportRateLimit: integer(env, 'REPORT_RATE_LIMIT', 5, 1, 1_000_000),
    unreceivedShipmentHours: integer(env, 'FLAG_UNRECEIVED_HOURS', 72, 1, 24 * 365),
    // An in-memory database (tests) keeps its files in a fresh temporary folder, not beside a data folder.
    attachmentsDir: env.ATTACHMENTS_DIR?.trim()
      ? path.resolve(cwd, env.ATTACHMENTS_DIR.trim())
      : dataDir.startsWith('memory://')
        ? path.join(os.tmpdir(), `nguon-attachments-${randomBytes(6).toString('hex')}`)
        : path.join(dataDir, 'attachments'),
    attachmentMaxBytes: integer(env, 'ATTACHMENT_MAX_BYTES', DEFAULT_ATTACHMENT_MAX_BYTES, 1024, 1024 * 1024 * 1024),
    staleBatchDays: integer(env, 'STALE_BATCH_DAYS', 30, 1, 3650),
    trustProxy: trustProxy(env),
    production,
    outboundAllowedNetworks: networks(env, 'OUTBOUND_ALLOWED_NETWORKS'),
    outboundTimeoutMs: integer(env, 'OUTBOUND_TIMEOUT_MS', 5_000, 100, 60_000),
    databaseConnectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000, 100, 600_000),
    databaseStatementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000, 0, 86_400_000),
    databaseIdleInTransactionTimeoutMs: integer(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 0, 86_400_000),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 20_000, 100, 3_600_000),
    importLimits: {
      rows: integer(env, 'IMPORT_MAX_ROWS', IMPORT_MAX_ROWS, 1, 1_000_000),
      columns: integer(env, 'IMPORT_MAX_COLUMNS', 50, 1, 16_384),
      cellChars: integer(env, 'IMPORT_MAX_CELL_CHARS', 2_000, 1, 1_000_000),
      uncompressedBytes: integer(env, 'IMPORT_MAX_UNCOMPRESSED_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      concurrency: integer(env, 'IMPORT_CHECK_CONCURRENCY', 1, 1, 64),
      queue: integer(env, 'IMPORT_CHECK_QUEUE', 8, 0, 1000),
      timeoutMs: integer(env, 'IMPORT_CHECK_TIMEOUT_SECONDS', 30, 1, 3600) * 1000,
    },
    jobs: {
      heartbeatMs: integer(env, 'JOB_HEARTBEAT_SECONDS', 10, 1, 3600) * 1000,
      staleMs: integer(env, 'JOB_STALE_SECONDS', 60, 2, 86_400) * 1000,
      sweepMs: integer(env, 'JOB_SWEEP_SECONDS', 60, 1, 86_400) * 1000,
    },
    captureJobs: {
      pollingSeconds: integer(env, 'CAPTURE_JOB_POLL_SECONDS', 2, 1, 3600),
      maxAttempts: integer(env, 'CAPTURE_JOB_ATTEMPTS', 3, 1, 100),
      expireSeconds: integer(env, 'CAPTURE_JOB_EXPIRE_SECONDS', 3600, 60, 23 * 3600),
      maintenanceSeconds: integer(env, 'CAPTURE_JOB_MAINTENANCE_SECONDS', 120, 1, 3600),
    },
    importJobs: {
      pollingSeconds: integer(env, 'IMPORT_JOB_POLL_SECONDS', 2, 1, 3600),
      maxAttempts: integer(env, 'IMPORT_JOB_ATTEMPTS', 3, 1, 100),
      expireSeconds: integer(env, 'IMPORT_JOB_EXPIRE_SECONDS', 3600, 60, 23 * 3600),
    },
    scanCountWindowMinutes: integer(env, 'SCAN_COUNT_WINDOW_MINUTES', 10, 0, 24 * 60),
    scanFlushMs: integer(env, 'SCAN_FLUSH_MS', 250, 10, 60_000),
    qrPublicMaxSize: integer(env, 'QR_PUBLIC_MAX_SIZE', 1024, 64, 4096),
    qrCacheBytes: integer(env, 'QR_CACHE_BYTES', 64 * 1024 * 1024, 0, 4 * 1024 * 1024 * 1024),
    qrRenderThreads: integer(env, 'QR_RENDER_THREADS', Math.max(1, Math.min(2, os.availableParallelism() - 1)), 1, 64),
    qrRenderQueue: integer(env, 'QR_RENDER_QUEUE', 32, 0, 10_000),
    mail: mailConfig(env, cwd, dataDir, publicBaseUrl, production),
    mapTiles: mapTiles(env),
    operator: operatorContact(env),
    transparencyLog: transparencyLog(env, cwd, dataDir, publicBaseUrl, production && databaseUrl !== null),
    labelSigning: labelSigning(env, cwd, dataDir, production && databaseUrl !== null),
  };
}

/** Where a signing key comes from: given in PEM, else read from its file, made there on first start. */
export interface SigningKeyConfig {
  /** An Ed25519 private key in PEM, given (an environment variable); else null. */
  signingKey: string | null;
  keyFile: string;
}

/** The transparency log's name and its signing key (decision record 0037). */
export interface TransparencyLogConfig extends SigningKeyConfig {
  /** The log's origin line in its checkpoints, and its key's name: the portal's host and path, then `/log`. */
  origin: string;
}

/** The key that signs printed labels' codes, and the public keys of earlier ones still honoured (decision record 0038). */
export interface LabelSigningConfig extends SigningKeyConfig {
  /** LABEL_PREVIOUS_PUBLIC_KEYS: raw Ed25519 public keys, base64url, whose labels still verify after a key change. */
  previousPublicKeys: string[];
}

function transparencyLog(
  env: NodeJS.ProcessEnv,
  cwd: string,
  dataDir: string,
  publicBaseUrl: string,
  shared: boolean,
): TransparencyLogConfig {
  const url = new URL(publicBaseUrl);
  const origin = env.LOG_ORIGIN?.trim() || `${url.host}${url.pathname.replace(/\/+$/, '')}/log`;
  if (/\s/.test(origin)) throw new ConfigError(`LOG_ORIGIN must not contain spaces, got "${origin}"`);
  return {
    origin,
    ...signingKey(env, cwd, dataDir, shared, { variable: 'LOG_SIGNING_KEY', file: 'log-signing-key.pem', signs: 'the log' }),
  };
}

function labelSigning(env: NodeJS.ProcessEnv, cwd: string, dataDir: string, shared: boolean): LabelSigningConfig {
  const previousPublicKeys = (env.LABEL_PREVIOUS_PUBLIC_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  const notAKey = previousPublicKeys.findIndex((key) => !/^[A-Za-z0-9_-]{43}$/.test(key));
  if (notAKey >= 0) {
    throw new ConfigError(
      `LABEL_PREVIOUS_PUBLIC_KEYS must list raw Ed25519 public keys in base64url (43 characters): entry ${notAKey + 1} is not one`,
    );
  }
  const key = signingKey(env, cwd, dataDir, shared, {
    variable: 'LABEL_SIGNING_KEY',
    file: 'label-signing-key.pem',
    signs: 'printed labels',
  });
  return { ...key, previousPublicKeys };
}

/**
 * {variable} (PEM) or {variable}_FILE. Instances sharing a PostgreSQL in production must share one
 * key, which they cannot each make: one of the two is then required. Otherwise a key is made in
 * the data folder on first start.
 */
function signingKey(
  env: NodeJS.ProcessEnv,
  cwd: string,
  dataDir: string,
  shared: boolean,
  { variable, file, signs }: { variable: string; file: string; signs: string },
): SigningKeyConfig {
  const pem = env[variable]?.trim().replace(/\\n/g, '\n') || null;
  const keyFileSet = env[`${variable}_FILE`]?.trim();
  if (shared && !pem && !keyFileSet) {
    throw new ConfigError(
      `${variable} (or ${variable}_FILE) must be set in production with PostgreSQL: every instance signs ${signs} with the same key (openssl genpkey -algorithm ed25519)`,
    );
  }
  const keyFile = keyFileSet
    ? path.resolve(cwd, keyFileSet)
    : dataDir.startsWith('memory://')
      ? path.join(os.tmpdir(), `nguon-test-${file}`)
      : path.join(dataDir, file);
  return { signingKey: pem, keyFile };
}

/** OPERATOR_NAME (the portal's name by default) and OPERATOR_EMAIL, where people reach who runs it. */
function operatorContact(env: NodeJS.ProcessEnv): OperatorContact {
  const email = env.OPERATOR_EMAIL?.trim() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new ConfigError(`OPERATOR_EMAIL must be an email address, got "${email}"`);
  return { name: env.OPERATOR_NAME?.trim() || 'Nguồn: cổng truy xuất nguồn gốc sản phẩm', email };
}

/** MAP_TILE_URL (OpenStreetMap's tiles by default), its credit, and how far it zooms. */
function mapTiles(env: NodeJS.ProcessEnv): MapTiles {
  const url = env.MAP_TILE_URL?.trim() || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
  if (!/^https?:\/\/[^/]+\//.test(url) || !['{z}', '{x}', '{y}'].every((part) => url.includes(part))) {
    throw new ConfigError(`MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}, got "${url}"`);
  }
  return {
    url,
    attribution: env.MAP_TILE_ATTRIBUTION?.trim() || '© OpenStreetMap contributors',
    maxZoom: integer(env, 'MAP_TILE_MAX_ZOOM', 19, 1, 22),
  };
}

function networks(env: NodeJS.ProcessEnv, name: string): string[] {
  const list = (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const wrong = list.find((item) => !parseNetwork(item));
  if (wrong) throw new ConfigError(`${name} must list networks like 10.0.0.0/8,127.0.0.1/32, got "${wrong}"`);
  return list;
}

/**
 * MAIL_TRANSPORT: `smtp://…` or `smtps://…` (production), `dir` (default elsewhere: MAIL_DIR or
 * the data folder's mail/), or `log`. Production refuses to start without SMTP unless `log` is
 * chosen on purpose: sign-up and invitations cannot work without mail.
 */
function mailConfig(env: NodeJS.ProcessEnv, cwd: string, dataDir: string, publicBaseUrl: string, production: boolean): MailConfig {
  const from = env.MAIL_FROM?.trim() || `Nguồn <no-reply@${new URL(publicBaseUrl).hostname}>`;
  const transport = env.MAIL_TRANSPORT?.trim() || (production ? '' : 'dir');
  if (/^smtps?:\/\//.test(transport)) return { transport: 'smtp', url: transport, from };
  if (transport === 'log') return { transport: 'log', from };
  if (transport === 'dir') {
    const dir = env.MAIL_DIR?.trim()
      ? path.resolve(cwd, env.MAIL_DIR.trim())
      : dataDir.startsWith('memory://')
        ? path.join(os.tmpdir(), `nguon-mail-${randomBytes(6).toString('hex')}`)
        : path.join(dataDir, 'mail');
    return { transport: 'dir', dir, from };
  }
  if (!transport) throw new ConfigError('MAIL_TRANSPORT must be set in production: an smtp:// or smtps:// URL (or "log" to only log mail)');
  throw new ConfigError(`MAIL_TRANSPORT must be an smtp:// or smtps:// URL, "dir" or "log", got "${transport}"`);
}
