import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { seedDemoData } from './database/seed/demo-seed.js';

async function main(): Promise<void> {
  // A background loop's promise that nobody awaited must not end the process: each loop already
  // logs its own failures, so one that arrives here is a bug, and it is logged as one.
  process.on('unhandledRejection', (reason) => {
    new Logger('Process').error('unhandled promise rejection', reason instanceof Error ? reason.stack : String(reason));
  });
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Nguồn');
  if (config.seedDemo) await seedDemoData(app, logger);
  await app.nest.listen({ port: config.port, host: '0.0.0.0' });
  logger.log(
    `Portal on http://localhost:${config.port} (API docs /api/docs), database: ${config.databaseUrl ? 'PostgreSQL' : `embedded in ${config.dataDir}`}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: shutting down`);
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
