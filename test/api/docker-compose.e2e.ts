import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

/**
 * `docker compose up` is the documented way to run Nguồn with PostgreSQL. No Docker engine runs
 * here, so the file is checked the way Compose itself reads it: `docker-compose config`.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const COMPOSE_FILE = `${ROOT}docker-compose.yml`;
const SECRET = 'a-test-secret-of-at-least-32-characters';

interface ComposeService {
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
  volumes?: (string | { type?: string; source?: string })[];
  environment?: Record<string, string>;
  ports?: unknown[];
}
interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function compose(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync('docker-compose', ['-f', COMPOSE_FILE, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
}

/** The environment without any AUTH_SECRET the developer may have exported, plus `extra`. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { AUTH_SECRET: _ignored, ...rest } = process.env;
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

describe('docker-compose.yml', () => {
  it('is a valid Compose file with PostgreSQL and the app, each with a health check', () => {
    if (!composeIsAvailable()) return;
    const config = parsedConfig(envWith({ AUTH_SECRET: SECRET, MAIL_TRANSPORT: 'smtp://mail.example.vn:587' }));

    expect(Object.keys(config.services).sort()).toEqual(['app', 'db']);
    const { app, db } = config.services as { app: ComposeService; db: ComposeService };

    const dependsOn = app.depends_on;
    expect(Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn ?? {})).toContain('db');
    if (!Array.isArray(dependsOn)) expect(dependsOn?.db?.condition).toBe('service_healthy');

    expect(Object.keys(config.volumes ?? {})).toHaveLength(1);
    const volumeName = Object.keys(config.volumes ?? {})[0]!;
    const mounts = (db.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[0] : v.source));
    expect(mounts).toContain(volumeName);

    expect(db.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringContaining('pg_isready')]));
    expect(JSON.stringify(app.healthcheck?.test)).toContain('/api/health');

    expect(app.environment?.AUTH_SECRET).toBe(SECRET);
    expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@db:5432\//);
    expect(app.environment?.PUBLIC_BASE_URL).toBeTruthy();
    expect(app.environment?.MAIL_TRANSPORT).toBe('smtp://mail.example.vn:587');
  });

  it('refuses to start without MAIL_TRANSPORT, saying which variable to set', () => {
    if (!composeIsAvailable()) return;
    const result = compose(['config', '--quiet'], envWith({ AUTH_SECRET: SECRET }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set MAIL_TRANSPORT');
  });

  it('refuses to start without AUTH_SECRET, saying which variable to set', () => {
    if (!composeIsAvailable()) return;
    const result = compose(['config', '--quiet'], envWith({}));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set AUTH_SECRET');
  });
});
