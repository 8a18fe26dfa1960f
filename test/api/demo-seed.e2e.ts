import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import { hasValidCheckDigit, type DashboardView, type PublicBatchView } from '@nguon/shared';
import type { App } from '../../server/src/app.factory.js';
import { DEMO_ACCOUNTS, DEMO_GTINS, DEMO_LOTS, DEMO_PASSWORD, demoLinks, seedDemoData } from '../../server/src/database/seed/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The public address startTestApp gives API tests. */
const BASE = 'http://nguon.test';

function quietLogger() {
  return { log: jest.fn(), error: jest.fn(), warn: jest.fn() } as unknown as Logger & { log: jest.Mock };
}

describe('demo seed', () => {
  let t: TestApp;
  let app: App;
  let firstRun: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = t.app;
    firstRun = await seedDemoData(app, quietLogger());
  }, 60_000);
  afterAll(async () => t?.close());

  async function publicView(link: string): Promise<PublicBatchView> {
    const response = await app.nest.inject({ method: 'GET', url: link.replace(BASE, ''), headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it('uses GTINs under the 893 prefix with valid check digits', () => {
    for (const gtin of Object.values(DEMO_GTINS)) {
      expect(gtin).toMatch(/^893\d{10}$/);
      expect(hasValidCheckDigit(gtin)).toBe(true);
    }
  });

  it('seeds the pomelo chain from planting to retail in Hà Nội', async () => {
    expect(firstRun).toBe('seeded');
    const view = await publicView(demoLinks(BASE)[0]!.url);
    expect(view.lotCode).toBe(DEMO_LOTS.pomelo);
    expect(view.timeline.map((t) => t.stage)).toEqual([
      'registration',
      'planting',
      'growing',
      'harvesting',
      'preprocessing',
      'packing',
      'inspecting',
      'shipping',
      'receiving',
      'storing',
      'retail',
    ]);
    const shipping = view.timeline.find((t) => t.stage === 'shipping')!;
    expect(shipping.destination?.name).toBe('Công ty TNHH Nông sản Sạch Thủ Đô');
    expect(shipping.documents).toContainEqual({ type: 'inv', id: 'HD-0000231' });
    expect(view.timeline.find((t) => t.stage === 'inspecting')).toMatchObject({
      passed: true,
      documents: [{ type: 'testres', id: 'KQ-2026-0917-PT' }],
    });
    expect(view.producer.certificates.map((c) => c.kind)).toEqual(['vietgap', 'ocop']);
  });

  it('makes the juice batch from both orange batches', async () => {
    const view = await publicView(demoLinks(BASE)[1]!.url);
    const sources = view.sources.map((s) => [s.lotCode, s.quantityUsed, s.unit, s.link]).sort();
    expect(sources).toEqual([
      [DEMO_LOTS.orangeGardenHoa, 1500, 'KGM', 'processing'],
      [DEMO_LOTS.orangeGardenHanh, 1200, 'KGM', 'processing'],
    ]);
  });

  it('has a lab-inspected honey batch and a recalled one', async () => {
    const [, , honey, recalled] = await Promise.all(demoLinks(BASE).map((l) => publicView(l.url)));
    expect(honey!.timeline.find((t) => t.stage === 'inspecting')?.passed).toBe(true);
    expect(recalled!.status).toBe('recalled');
    expect(recalled!.recall?.reason).toMatch(/độ ẩm/);
  });

  it('has a product without a GTIN, reached by its short code', async () => {
    const [row] = await app.database.dataSource.query(
      `SELECT b.short_code FROM batches b JOIN products p ON p.id = b.product_id WHERE b.lot_code = $1 AND p.gtin IS NULL`,
      [DEMO_LOTS.pollen],
    );
    const view = await publicView(`/q/${row.short_code}`);
    expect(view.identityUrl).toMatch(new RegExp(`^${BASE}/q/${row.short_code}\\?10=${DEMO_LOTS.pollen}&17=\\d{6}&by=[\\w-]{22}&sig=`));
  });

  it('lets every demo account sign in with the demo password, its address already confirmed', async () => {
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      const response = await app.nest.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: account.email, password: DEMO_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json<{ user: { emailVerified: boolean } }>().user.emailVerified).toBe(true);
    }
  });

  it("leaves the producers' overviews to their work: every first step taken, labels printed included", async () => {
    for (const key of ['pomeloOwner', 'orangeOwner', 'juiceOwner', 'honeyOwner'] as const) {
      const login = await app.nest.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: DEMO_ACCOUNTS[key].email, password: DEMO_PASSWORD },
      });
      const { accessToken, user } = login.json<{ accessToken: string; user: { memberships: { businessId: string }[] } }>();
      const dashboard = await app.nest.inject({
        method: 'GET',
        url: `/api/businesses/${user.memberships[0]!.businessId}/dashboard`,
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(Object.values(dashboard.json<DashboardView>().onboarding.done).every(Boolean)).toBe(true);
    }
  });

  it('does nothing on a later start', async () => {
    const logger = quietLogger();
    const before = await app.database.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    expect(await seedDemoData(app, logger)).toBe('skipped');
    expect(await app.database.dataSource.query(`SELECT count(*)::int AS n FROM events`)).toEqual(before);
    expect(logger.log).toHaveBeenCalledWith(expect.stringContaining('nothing seeded'));
  });

  it('is what the README names', () => {
    const text = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(text).toContain(new URL(demoLinks(BASE)[0]!.url).pathname);
    expect(text).toContain(DEMO_PASSWORD);
    for (const account of Object.values(DEMO_ACCOUNTS)) expect(text).toContain(account.email);
  });
});
