import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
}

/**
 * The OpenAPI document an integrator generates a client from: each request body lists what the
 * server validates, and requires exactly what it refuses to do without.
 */
describe('the OpenAPI document at /api/docs-json', () => {
  let t: TestApp;
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    t = await startTestApp();
    const document = (await httpClient(t.baseUrl).get<{ components: { schemas: Record<string, Schema> } }>('/api/docs-json')).body;
    schemas = document.components.schemas;
  });
  afterAll(async () => t?.close());

  it.each([
    ['CreateBatchDto', ['productId', 'lotCode', 'productionDate'], ['quantity', 'unit', 'locationId', 'originLocationId', 'expiryDate']],
    ['CreateLocationDto', ['kind', 'name', 'address', 'province'], ['gln', 'latitude', 'longitude']],
    ['CreateProductDto', ['name', 'category', 'unit'], ['gtin', 'brand', 'shelfLifeDays']],
    ['CreateBusinessDto', ['legalName', 'taxCode', 'address'], ['gs1Prefixes', 'gln', 'phone', 'email']],
    ['RecordStageDto', ['stage'], ['quantity', 'locationId', 'destinationBusinessId', 'overrideMassBalance', 'bizTransactions']],
    ['DeclareEventErrorDto', ['reason', 'explanation'], ['corrected', 'overrideMassBalance']],
  ])('%s requires %j and offers %j', (name, required, optional) => {
    const schema = schemas[name]!;
    expect([...(schema.required ?? [])].sort()).toEqual([...required].sort());
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining([...required, ...optional]));
  });

  it('says which values an identifier or a choice takes', () => {
    expect(schemas.CreateBatchDto!.properties!.productId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(schemas.RecordStageDto!.properties!.stage!.enum).toEqual(expect.arrayContaining(['harvesting', 'shipping', 'receiving']));
    expect(schemas.DeclareEventErrorDto!.properties!.corrected).toEqual({ $ref: '#/components/schemas/CorrectedStageDto' });
  });

  it('never requires a property it does not list', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      for (const property of schema.required ?? [])
        expect([name, property, property in (schema.properties ?? {})]).toEqual([name, property, true]);
    }
  });
});
