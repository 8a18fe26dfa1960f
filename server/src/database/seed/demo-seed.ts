import type { Logger } from '@nestjs/common';
import type { App } from '../../app.factory.js';
import { BusinessEntity } from '../../businesses/business.entity.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { createDemoUsers, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { createDemoBusinesses } from './demo-businesses.js';
import { seedHoneyChain } from './demo-chain-honey.js';
import { seedJuiceChain } from './demo-chain-juice.js';
import { seedPomeloChain } from './demo-chain-pomelo.js';
import { DemoSeedContext } from './demo-context.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
export { DEMO_GTINS, DEMO_LOTS, demoLinks } from './demo-codes.js';

export type DemoSeedResult = 'seeded' | 'skipped';

/**
 * Seeds the demo chains (DOMAIN.md §9) on first start, that is when no business exists yet; on
 * any later start it does nothing. Everything but the user accounts goes through the portal's
 * own use cases (see DemoSeedContext), so the demo obeys the same rules as real data.
 */
export async function seedDemoData(app: App, logger: Logger): Promise<DemoSeedResult> {
  const db = app.database.dataSource;
  if (await db.getRepository(BusinessEntity).exists()) {
    logger.log('Demo data: the database already has businesses, nothing seeded');
    return 'skipped';
  }
  const started = Date.now();
  try {
    await createDemoUsers(db);
    const ctx = new DemoSeedContext(app);
    const businesses = await createDemoBusinesses(ctx);
    const pomelo = await seedPomeloChain(ctx, businesses);
    const { oranges, juice } = await seedJuiceChain(ctx, businesses);
    const { honey, recalled, pollen } = await seedHoneyChain(ctx, businesses);
    // The producers have printed their labels: their overviews show their work, not first steps.
    await ctx.printLabels('pomeloOwner', pomelo.id, 24);
    for (const batch of oranges) await ctx.printLabels('orangeOwner', batch.id, 24);
    await ctx.printLabels('juiceOwner', juice.id, 24);
    await ctx.printLabels('honeyOwner', honey.id, 24);

    const { publicBaseUrl } = app.nest.get<AppConfig>(APP_CONFIG);
    const lines = [
      `Demo data seeded in ${Date.now() - started} ms. Codes to open:`,
      `  Phúc Trạch pomelo, farm to Hà Nội shop:   ${pomelo.identityUrl}`,
      `  Hương Sơn orange juice from two batches:   ${juice.identityUrl}`,
      `  Vũ Quang honey with a lab test:            ${honey.identityUrl}`,
      `  Recalled honey batch:                      ${recalled.identityUrl}`,
      `  Bee pollen, a product without a GTIN:      ${pollen.identityUrl}`,
      `Demo accounts (password "${DEMO_PASSWORD}"; sign in at ${publicBaseUrl}/login):`,
      ...Object.values(DEMO_ACCOUNTS).map((a) => `  ${a.email.padEnd(34)} ${a.purpose}`),
    ];
    logger.log(lines.join('\n'));
    return 'seeded';
  } catch (error) {
    logger.error('Demo data could not be seeded completely. Stop the portal and delete the data folder (or the database) to start over.');
    throw error;
  }
}
