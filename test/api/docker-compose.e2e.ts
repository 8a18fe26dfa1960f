import { generateKeyPairSync } from 'node:crypto';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { IMPORT_MAX_BYTES } from '@nguon/shared';
import { describe, expect, it } from '@jest/globals';
import { BODY_LIMIT_BYTES } from '../../server/src/config/limits.js';

/**
 * `docker compose up` is the documented way to run Nguồn with PostgreSQL: nginx in front of two
 * instances of the app, on a primary and its streaming replica. No Docker engine runs here, so the
 * file is checked the way Compose itself reads it (`docker-compose config`), the scripts it mounts
 * with `bash -n`, and nginx's configuration by reading it (no nginx here either).
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const COMPOSE_FILE = `${ROOT}docker-compose.yml`;
const SECRET = 'a-test-secret-of-at-least-32-characters';
/** An Ed25519 key in PEM, as `openssl genpkey -algorithm ed25519` prints one: it reaches both instances whole, newlines and all. */
const newKey = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const SIGNING_KEY = newKey();
const LABEL_KEY = newKey();

type Mount = string | { type?: string; source?: string; target?: string };
interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  entrypoint?: string[] | string;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
  volumes?: Mount[];
  environment?: Record<string, string>;
  ports?: (string | number | { published?: string | number; target?: string | number })[];
}
interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function compose(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync('docker-compose', ['-f', COMPOSE_FILE, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
}

/** The environment without any AUTH_SECRET or signing key the developer may have exported, plus `extra`. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { AUTH_SECRET: _ignored, LOG_SIGNING_KEY: _key, LABEL_SIGNING_KEY: _labelKey, ...rest } = process.env;
  return { ...rest, ...extra };
}

const version = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
const available = !version.error && version.status === 0;
/** Compose v2 prints JSON when asked; v1 (Debian's, written in Python) only YAML, read here with its own PyYAML. */
const major = Number(/^v?(\d+)/.exec(version.stdout?.trim() ?? '')?.[1] ?? 0);

function parsedConfig(env: NodeJS.ProcessEnv): ComposeConfig {
  if (major >= 2) {
    const result = compose(['config', '--format', 'json'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as ComposeConfig;
  }
  const result = compose(['config'], env);
  expect(result.status).toBe(0);
  const json = spawnSync('python3', ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], {
    input: result.stdout,
    encoding: 'utf8',
  });
  expect(json.status).toBe(0);
  return JSON.parse(json.stdout) as ComposeConfig;
}

/** Skips (with a notice) where docker-compose is not installed; under CI it must be. */
function composeIsAvailable(): boolean {
  if (available) return true;
  if (process.env.CI === 'true')
    throw new Error('docker-compose is not installed, and CI=true requires it (apt-get install -y docker-compose)');
  console.warn('docker-compose is not installed: docker-compose.yml was not checked (apt-get install -y docker-compose)');
  return false;
}

/** The configuration a user gets with the two required variables set. */
function userConfig(): ComposeConfig {
  return parsedConfig(
    envWith({
      AUTH_SECRET: SECRET,
      LOG_SIGNING_KEY: SIGNING_KEY,
      LABEL_SIGNING_KEY: LABEL_KEY,
      MAIL_TRANSPORT: 'smtp://mail.example.vn:587',
    }),
  );
}

/** Volumes and bind mounts as source and target, from the short (v1) or long (v2) syntax. */
function mounts(service: ComposeService): { source: string; target: string }[] {
  return (service.volumes ?? []).map((v) => {
    if (typeof v !== 'string') return { source: v.source ?? '', target: v.target ?? '' };
    const [source = '', target = ''] = v.split(':');
    return { source, target };
  });
}

/** The file on this machine that `service` sees at `target` (a bind mount of the repository's). */
function mountedFile(service: ComposeService, target: string): string {
  const mount = mounts(service).find((m) => m.target === target);
  expect(mount?.source).toMatch(/^\//);
  return mount!.source;
}

function words(value: string[] | string | undefined): string[] {
  return Array.isArray(value) ? value : (value ?? '').split(/\s+/).filter(Boolean);
}

function dependencies(service: ComposeService): Record<string, string | undefined> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, { condition }]) => [name, condition]));
}

/** `published:target` for each published port. */
function published(service: ComposeService): string[] {
  return (service.ports ?? []).map((p) => (typeof p === 'object' ? `${p.published}:${p.target}` : String(p)));
}

function bashSyntax(path: string): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-n', path], { encoding: 'utf8' });
}

/** nginx's `client_max_body_size` value in bytes (k, m, g suffixes). */
function sizeInBytes(value: string): number {
  const [, digits, unit = ''] = /^(\d+)([kmg]?)$/i.exec(value) ?? [];
  return Number(digits) * 1024 ** ['', 'k', 'm', 'g'].indexOf(unit.toLowerCase());
}

describe('docker-compose.yml', () => {
  it('runs nginx, two instances of the app, the PostgreSQL primary and its replica, each with a health check', () => {
    if (!composeIsAvailable()) return;
    const config = userConfig();

    expect(Object.keys(config.services).sort()).toEqual(['app-1', 'app-2', 'db', 'db-replica', 'proxy']);
    for (const [name, service] of Object.entries(config.services)) {
      expect({ name, healthcheck: service.healthcheck?.test }).toEqual({ name, healthcheck: expect.anything() });
    }
    const { db, 'db-replica': replica } = config.services as Record<string, ComposeService>;
    expect(db!.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringContaining('pg_isready')]));
    expect(replica!.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringContaining('pg_isready')]));

    // Each database in a named volume of its own, kept across `docker compose down`.
    const volumes = Object.keys(config.volumes ?? {});
    const dataVolume = (service: ComposeService) => mounts(service).find((m) => m.target === '/var/lib/postgresql/data')?.source;
    expect(volumes).toContain(dataVolume(db!));
    expect(volumes).toContain(dataVolume(replica!));
    expect(dataVolume(db!)).not.toBe(dataVolume(replica!));
  });

  it('publishes only the proxy, which shares the requests between both app instances', () => {
    if (!composeIsAvailable()) return;
    const config = userConfig();

    const publishing = Object.entries(config.services).filter(([, service]) => published(service).length);
    expect(publishing.map(([name]) => name)).toEqual(['proxy']);
    const proxy = config.services.proxy!;
    expect(published(proxy)).toEqual(['3000:80']);
    expect(Object.keys(dependencies(proxy)).sort()).toEqual(['app-1', 'app-2']);

    // `server … resolve` in an upstream is nginx 1.27.3 or later: a tag that cannot be older.
    const [, tagMajor, tagMinor] = /^nginx:(\d+)\.(\d+)/.exec(proxy.image ?? '') ?? [];
    expect(Number(tagMajor) * 1000 + Number(tagMinor)).toBeGreaterThanOrEqual(1028);

    const nginx = readFileSync(mountedFile(proxy, '/etc/nginx/conf.d/default.conf'), 'utf8').replace(/#.*$/gm, '');
    const upstreams = [...nginx.matchAll(/\bupstream\s+([\w-]+)\s*\{([^}]*)\}/g)];
    expect(upstreams).toHaveLength(1);
    const [, upstream, body] = upstreams[0]!;
    const servers = [...body!.matchAll(/^\s*server\s+([^\s;]+)/gm)].map((m) => m[1]);
    expect(servers.sort()).toEqual(['app-1:3000', 'app-2:3000']);
    if (/\bresolve\b/.test(body!)) {
      expect(body).toMatch(/^\s*zone\s/m);
      expect(nginx).toMatch(/^\s*resolver\s+127\.0\.0\.11[\s;]/m);
    }

    const passes = [...nginx.matchAll(/^\s*proxy_pass\s+([^;]+);/gm)].map((m) => m[1]);
    expect(passes.length).toBeGreaterThan(0);
    expect(new Set(passes)).toEqual(new Set([`http://${upstream}`]));
    expect(nginx).toMatch(/^\s*proxy_next_upstream\s+error\s+timeout\s*;/m);
    for (const header of ['Host', 'X-Forwarded-For', 'X-Forwarded-Proto']) {
      expect(nginx).toMatch(new RegExp(`^\\s*proxy_set_header\\s+${header}\\s`, 'm'));
    }
    const bodySize = /^\s*client_max_body_size\s+(\w+)\s*;/m.exec(nginx)?.[1] ?? '';
    expect(sizeInBytes(bodySize)).toBeGreaterThanOrEqual(Math.max(BODY_LIMIT_BYTES, IMPORT_MAX_BYTES));
  });

  it('runs both app instances alike, on the primary, with reads on the replica and the proxy trusted', () => {
    if (!composeIsAvailable()) return;
    const { services } = userConfig();
    const [app1, app2] = [services['app-1']!, services['app-2']!];

    expect(app1).toEqual(app2);
    expect(app1.build).toBeTruthy();
    expect(dependencies(app1)).toEqual({ db: 'service_healthy', 'db-replica': expect.any(String) });
    expect(JSON.stringify(app1.healthcheck?.test)).toContain('/api/health');

    const env = app1.environment ?? {};
    expect(env.AUTH_SECRET).toBe(SECRET);
    expect(env.LOG_SIGNING_KEY?.trim()).toBe(SIGNING_KEY.trim());
    expect(env.LABEL_SIGNING_KEY?.trim()).toBe(LABEL_KEY.trim());
    expect(env.MAIL_TRANSPORT).toBe('smtp://mail.example.vn:587');
    expect(env.PUBLIC_BASE_URL).toBeTruthy();
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@db:5432\//);
    const replicas = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((url) => new URL(url.trim()));
    expect(replicas.map((url) => [url.protocol, url.host])).toEqual([['postgres:', 'db-replica:5432']]);
    // The replica is a copy of the primary: the same database, user and password.
    const primary = new URL(env.DATABASE_URL!);
    expect([replicas[0]!.pathname, replicas[0]!.username, replicas[0]!.password]).toEqual([
      primary.pathname,
      primary.username,
      primary.password,
    ]);
    expect(env.TRUST_PROXY).toBe('1');
  });

  it('creates the primary with a replication role, which the replica copies and streams it as', () => {
    if (!composeIsAvailable()) return;
    const { services } = userConfig();
    const db = services.db!;

    expect(db.image).toMatch(/^postgres:16\b/);
    const command = words(db.command);
    expect(command[0]).toBe('postgres');
    expect(command).toContain('wal_level=replica');
    expect(command.some((arg) => /^max_wal_senders=[1-9]/.test(arg))).toBe(true);

    const init = mountedFile(db, '/docker-entrypoint-initdb.d/primary-init.sh');
    expect(bashSyntax(init)).toMatchObject({ status: 0, stderr: '' });
    const script = readFileSync(init, 'utf8');
    expect(script).toMatch(/CREATE ROLE %I WITH REPLICATION LOGIN PASSWORD/);
    expect(script).toContain('REPLICATION_PASSWORD');
    expect(script).toMatch(/host replication \$replication_user all scram-sha-256/);
    expect(db.environment?.REPLICATION_PASSWORD).toBeTruthy();
    expect(services['db-replica']!.environment?.REPLICATION_PASSWORD).toBe(db.environment?.REPLICATION_PASSWORD);
  });

  it('starts the replica as a copy of the primary (pg_basebackup -R) and runs it as a hot standby', () => {
    if (!composeIsAvailable()) return;
    const { services } = userConfig();
    const replica = services['db-replica']!;

    expect(replica.image).toBe(services.db!.image);
    expect(dependencies(replica)).toEqual({ db: 'service_healthy' });
    expect(replica.environment?.PRIMARY_HOST).toBe('db');
    expect(words(replica.command)).toEqual(expect.arrayContaining(['postgres', 'hot_standby=on']));

    const entrypoint = words(replica.entrypoint);
    const scriptTarget = entrypoint.find((word) => word.endsWith('.sh'));
    expect(scriptTarget).toBeDefined();
    const path = mountedFile(replica, scriptTarget!);
    expect(bashSyntax(path)).toMatchObject({ status: 0, stderr: '' });

    // The pg_basebackup command, its continued lines joined.
    const script = readFileSync(path, 'utf8').replace(/\\\n\s*/g, ' ');
    const backup = script.split('\n').find((line) => /^\s*[^#]*\bpg_basebackup\s+-/.test(line)) ?? '';
    const args = backup.slice(backup.indexOf('pg_basebackup')).split(/\s+/);
    expect(args).toEqual(expect.arrayContaining(['-R', '-D', '"$PGDATA"', '-h', '"$primary_host"']));
    expect(backup).toMatch(/\s-X stream\b/);
    expect(script).toMatch(/primary_host="\$\{PRIMARY_HOST:-db\}"/);
    expect(script).toMatch(/^exec "\$@"$/m);
  });

  it('refuses to start without MAIL_TRANSPORT, saying which variable to set', () => {
    if (!composeIsAvailable()) return;
    const result = compose(
      ['config', '--quiet'],
      envWith({ AUTH_SECRET: SECRET, LOG_SIGNING_KEY: SIGNING_KEY, LABEL_SIGNING_KEY: LABEL_KEY }),
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set MAIL_TRANSPORT');
  });

  it('refuses to start without the log signing key, saying which variable to set', () => {
    if (!composeIsAvailable()) return;
    const result = compose(
      ['config', '--quiet'],
      envWith({ AUTH_SECRET: SECRET, LABEL_SIGNING_KEY: LABEL_KEY, MAIL_TRANSPORT: 'smtp://mail.example.vn:587' }),
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set LOG_SIGNING_KEY');
  });

  it('refuses to start without the label signing key, saying which variable to set', () => {
    if (!composeIsAvailable()) return;
    const result = compose(
      ['config', '--quiet'],
      envWith({ AUTH_SECRET: SECRET, LOG_SIGNING_KEY: SIGNING_KEY, MAIL_TRANSPORT: 'smtp://mail.example.vn:587' }),
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set LABEL_SIGNING_KEY');
  });

  it('refuses to start without AUTH_SECRET, saying which variable to set', () => {
    if (!composeIsAvailable()) return;
    const result = compose(['config', '--quiet'], envWith({}));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set AUTH_SECRET');
  });
});
