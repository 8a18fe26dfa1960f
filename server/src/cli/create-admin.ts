import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { PASSWORD_MIN_LENGTH } from '@nguon/shared';
import { AuditTrail } from '../audit/audit-trail.js';
import { hashPassword } from '../auth/password.js';
import { UserEntity } from '../auth/user.entity.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source.js';

/**
 * `npm run create-admin -- --email a@b.vn --name "..."`, password from NGUON_ADMIN_PASSWORD or
 * asked for on the terminal: the first administrator comes from whoever runs the portal, never
 * from a default password. An existing account with that email is made an administrator.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email) throw new ConfigError('usage: npm run create-admin -- --email admin@example.vn [--name "Full name"]');
  const password =
    process.env.NGUON_ADMIN_PASSWORD ?? (await ask(`Password for ${values.email} (at least ${PASSWORD_MIN_LENGTH} characters): `));
  if (password.length < PASSWORD_MIN_LENGTH) throw new ConfigError(`the password needs at least ${PASSWORD_MIN_LENGTH} characters`);

  const database = await openDatabase(loadConfig());
  try {
    const passwordHash = await hashPassword(password);
    const message = await database.dataSource.transaction(async (tx) => {
      const users = tx.getRepository(UserEntity);
      const existing = await users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: values.email }).getOne();
      const user = existing
        ? await users.save({
            ...existing,
            role: 'admin' as const,
            passwordHash,
            disabledAt: null,
            emailVerifiedAt: existing.emailVerifiedAt ?? new Date(),
          })
        : await users.save(
            users.create({
              email: values.email,
              displayName: values.name ?? values.email,
              passwordHash,
              role: 'admin',
              disabledAt: null,
              emailVerifiedAt: new Date(),
            }),
          );
      // No request and no signed-in actor: the entry says it came from the command line.
      await new AuditTrail().record(tx, null, {
        action: 'user.create_admin',
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email, via: 'command line' },
      });
      return existing ? `${user.email} is now an administrator (password changed).` : `Administrator ${user.email} created.`;
    });
    console.log(message);
  } finally {
    await database.close();
  }
}

async function ask(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return (await terminal.question(question)).trim();
  } finally {
    terminal.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
