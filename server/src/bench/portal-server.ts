import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';

/** The portal in a process of its own for the load runs; the environment it runs with comes as JSON in argv. */
const app = await createApp(loadConfig(JSON.parse(process.argv[2] ?? '{}') as NodeJS.ProcessEnv), { logger: false });
await app.nest.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.nest.getHttpServer().address() as AddressInfo).port });
// Closed by its parent: the scans it holds are written before the database closes.
process.on(
  'disconnect',
  () =>
    void app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    ),
);
