import type { Logger } from '@nestjs/common';
import type { App } from '../../app.factory.js';

/** Seeds the demo chains on first start (an empty database). */
export async function seedDemoData(app: App, logger: Logger): Promise<void> {
  void app;
  logger.log('demo seed: not written yet');
}
