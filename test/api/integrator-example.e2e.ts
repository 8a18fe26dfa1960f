import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import type { CreatedApiKey, IncomingShipmentView, LoginResponse, Page, PublicBatchView } from '@nguon/shared';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../server/src/database/seed/demo-seed.js';
import { finishedCaptureJob } from '../support/capture-jobs.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../docs/integrator-example.jsonld', import.meta.url), 'utf8')) as unknown;

/**
 * The README's integrator guide, step by step on the demo data: sign in, make an API key, send
 * the example document of an ERP (EPC URNs for the lot, the place and the parties), and find the
 * lot on the portal, placed, and shipped to the distributor.
 */
describe("the README's integrator guide on the demo data", () => {
  let t: TestApp;
  const http = () => httpClient(t.baseUrl);
  const signIn = async (email: string) => (await http().post<LoginResponse>('/api/auth/login', { email, password: DEMO_PASSWORD })).body;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app, { log: jest.fn(), error: jest.fn(), warn: jest.fn() } as unknown as Logger);
  }, 60_000);
  afterAll(async () => t?.close());

  it('captures the example document with a new key: the lot exists, at the packing house, shipped to the distributor', async () => {
    const owner = await signIn(DEMO_ACCOUNTS.pomeloOwner.email);
    const businessId = owner.user.memberships[0]!.businessId;
    const key = await http().post<CreatedApiKey>(
      `/api/businesses/${businessId}/api-keys`,
      { name: 'ERP', scopes: ['capture', 'read', 'manage'] },
      { token: owner.accessToken },
    );
    expect(key.status).toBe(201);

    const capture = await http().post('/epcis/capture', EXAMPLE, {
      token: key.body.key,
      headers: { 'content-type': 'application/ld+json' },
    });
    expect(capture.status).toBe(202);
    expect(capture.headers.get('location')).toBe(`/epcis/capture/${capture.body.captureID}`);
    const job = await finishedCaptureJob(http(), capture.body.captureID, key.body.key);
    expect(job).toMatchObject({ success: true, capturedCount: 2, errors: [], warnings: [] });

    const view = await http().get<PublicBatchView>('/01/08938512000114/10/PT-ERP-2612', { headers: { accept: 'application/json' } });
    expect(view.status).toBe(200);
    const packingHouse = 'Nhà sơ chế, đóng gói HTX Bưởi Phúc Trạch';
    expect(view.body.timeline.map((entry) => [entry.stage, entry.place?.name])).toEqual([
      ['registration', packingHouse],
      ['shipping', packingHouse],
    ]);

    const distributor = await signIn(DEMO_ACCOUNTS.distributorOwner.email);
    const incoming = await http().get<Page<IncomingShipmentView>>(
      `/api/businesses/${distributor.user.memberships[0]!.businessId}/incoming-shipments?status=pending`,
      { token: distributor.accessToken },
    );
    expect(incoming.body.items.find((s) => s.batch.lotCode === 'PT-ERP-2612')).toMatchObject({
      quantity: 1000,
      documents: [expect.objectContaining({ id: 'PXK-2612' })],
    });
  });
});
