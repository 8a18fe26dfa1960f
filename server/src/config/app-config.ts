import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '@nguon/shared';

/** Everything the app reads from the environment, checked once at start-up. */
export interface AppConfig {
  port: number;
  /** Real PostgreSQL when set; otherwise the embedded database in `dataDir`. */
  databaseUrl: string | null;
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
}

export class ConfigError extends Error {}

export type TrustProxy = false | number | string[];

/** An address, a CIDR range, or one of proxy-addr's names for the usual private ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  return version !== 0 && extra === undefined && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)));
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
  const list = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (!list.length || !list.every(isProxyAddress)) {
    throw new ConfigError(`TRUST_PROXY must be false, a number of proxy hops (1 for one reverse proxy) or a comma-separated list of proxy addresses/CIDR ranges, got "${env.TRUST_PROXY}"`);
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
    dataDir,
    publicBaseUrl,
    // Outside production a random secret is fine: sign-ins just do not survive a restart.
    authSecret: authSecret || randomBytes(32).toString('hex'),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 86400),
    seedDemo,
    webDistDir: env.WEB_DIST_DIR === '' ? null : path.resolve(cwd, env.WEB_DIST_DIR ?? 'web/dist'),
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
  };
}
