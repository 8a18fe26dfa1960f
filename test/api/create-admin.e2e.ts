import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/database/scratch-database.js';
import { httpClient } from '../support/http.js';
import { startTestApp } from '../support/test-app.js';

const run = promisify(execFile);
const command = path.resolve('server/dist/cli/create-admin.js');

/** `npm run create-admin`: the first administrator comes from the operator, not a default password. */
describe('the create-admin command', () => {
  let database: ScratchDatabase;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createScratchDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nguon-admin-'));
    env = {
      ...process.env,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { DATABASE_URL: '' }),
    };
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  it('creates an administrator who can then sign in, and records it in the audit log', async () => {
    const { stdout } = await run('node', [command, '--email', 'quantri@so-khcn.vn', '--name', 'Quản trị Sở KH&CN'], {
      env: { ...env, NGUON_ADMIN_PASSWORD: 'mat-khau-rat-dai-2026' },
    });
    expect(stdout).toContain('Administrator quantri@so-khcn.vn created.');

    const t = await startTestApp(database.databaseUrl ? { database } : { embeddedDataDir: dataDir });
    try {
      const http = httpClient(t.baseUrl);
      const login = await http.post('/api/auth/login', { email: 'QuanTri@so-khcn.vn', password: 'mat-khau-rat-dai-2026' });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ email: 'quantri@so-khcn.vn', role: 'admin', displayName: 'Quản trị Sở KH&CN' });
      const audit = await http.get('/api/audit?action=user.create_admin', { token: login.body.accessToken });
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          targetId: login.body.user.id,
          userId: null,
          details: { email: 'quantri@so-khcn.vn', via: 'command line' },
        }),
      ]);
    } finally {
      await t.close();
    }
  });

  it('refuses a password shorter than ten characters, creating nobody', async () => {
    await expect(
      run('node', [command, '--email', 'ngan@so-khcn.vn'], { env: { ...env, NGUON_ADMIN_PASSWORD: 'short' } }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('at least 10 characters'),
    });
  });

  it('says how to use it when the email is missing', async () => {
    await expect(run('node', [command], { env })).rejects.toMatchObject({ stderr: expect.stringContaining('usage: npm run create-admin') });
  });
});
