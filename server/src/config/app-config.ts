import { randomBytes } from 'node:crypto';
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
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  production: boolean;
  /** How mail leaves: an SMTP server, files in a folder (one JSON file per message), or the log. */
  mail: MailConfig;
}

export type MailConfig =
  | { transport: 'smtp'; url: string; from: string }
  | { transport: 'dir'; dir: string; from: string }
  | { transport: 'log'; from: string };

export class ConfigError extends Error {}

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
    trustProxy: flag(env, 'TRUST_PROXY', false),
    production,
    mail: mailConfig(env, cwd, dataDir, publicBaseUrl, production),
  };
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
