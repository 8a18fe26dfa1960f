import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ERROR_CODES } from '@nguon/shared';
import { createBatch, createProducer, createUser, recordStage, type Factory, type TestUser } from '../factories/index.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * Every route of the OpenAPI document, called with generated paths, query strings, bodies and
 * headers (NUL, deep nesting, huge strings, wrong types, unicode, extreme numbers, arrays for
 * scalars), anonymously, as a business owner and as an administrator. No answer may be a 5xx,
 * and every 4xx must be the one error shape. Seeded: FUZZ_SEED=<seed> repeats a run.
 * FUZZ_ITERATIONS (requests per route and caller, default 3) and FUZZ_SECONDS make longer runs.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3);
const BUDGET_MS = Number(process.env.FUZZ_SECONDS ?? (process.env.FUZZ_ITERATIONS ? 3600 : 40)) * 1000;
/** Requests in flight at once: enough to find races, few enough for a two-core machine. */
const PARALLEL = 4;
const ERROR_KEYS = new Set(['statusCode', 'code', 'message', 'fieldErrors', 'requestId']);
/** The EPCIS interface's errors are RFC 7807 problems of GS1's types: these keys beside the others. */
const PROBLEM_KEYS = new Set(['type', 'title', 'status', 'detail', 'instance']);

/** mulberry32: small, seedable, good enough to pick test inputs. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Random = ReturnType<typeof random>;

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** JSON nested `depth` deep, written as text (JSON.stringify itself overflows the stack at 10,000). */
const deepText = (depth: number) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;

/** Text meant to break things: NUL, huge, unicode edge cases, injections, malformed dates and numbers. */
const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  'x'.repeat(200_000),
  'Bưởi 🌾 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e\u200b\ufeff',
  '\ud800',
  '',
  '   ',
  "'; DROP TABLE users; --",
  '<img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  '%00',
  '9'.repeat(500),
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '2026-02-30',
  '2026-11-20T25:61:00+07:00',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  'urn:epc:id:sgtin:893.1.x',
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_TEXT,
  -1,
  0,
  -(2 ** 31),
  2 ** 53 + 2,
  1e308,
  -1e308,
  1.5,
  true,
  false,
  null,
  [],
  [1, 'a', null],
  {},
  { a: { b: 1 } },
  nested(40),
  nested(70),
  Array.from({ length: 5000 }, (_, i) => i),
  [HOSTILE_TEXT[2]],
];
/** Raw query-string text, sent unencoded: malformed percent-encodings and odd structure. */
const RAW_QUERY = ['%00', '%FF%FE', '%', '%E0%A4%A', '&&&', '==', 'a[b]=c', '__proto__[x]=1', 'limit=1&limit=2', 'limit=-5', 'offset=1e99'];

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface FuzzRequest {
  caller: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

describe('fuzzing every route of the OpenAPI document', () => {
  let t: TestApp;
  let f: Factory;
  let doc: OpenApi;
  const callers: Record<string, TestUser | null> = { anonymous: null };
  /** Ids of real records, so that generated requests reach the services, not only validation. */
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    const grower = await createProducer(f, admin);
    const buyer = await createProducer(f, admin);
    const batch = await createBatch(f, grower.owner, grower.product.id);
    const shipping = await recordStage(f, grower.owner, batch.id, {
      stage: 'shipping',
      destinationBusinessId: buyer.business.id,
      quantity: 10,
    });
    const bystander = await createUser(f);
    callers.owner = grower.owner;
    callers.admin = admin;
    ids.business = [grower.business.id, buyer.business.id];
    ids.batch = [batch.id];
    ids.product = [grower.product.id];
    ids.location = [grower.location.id];
    ids.event = [shipping.id];
    ids.user = [bystander.id];
    doc = (await f.http.get<OpenApi>('/api/docs-json')).body;
  }, 120_000);
  afterAll(async () => t?.close());

  function resolve(schema: Schema | undefined): Schema | undefined {
    if (!schema?.$ref) return schema;
    return doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  }

  /** A value that fits the schema, to get past validation and into the service. */
  function fitting(rng: Random, raw: Schema | undefined, depth = 0): unknown {
    const schema = resolve(raw) ?? {};
    if (schema.example !== undefined && rng.chance(0.7)) return structuredClone(schema.example);
    if (schema.allOf?.length || schema.oneOf?.length)
      return fitting(rng, rng.pick([...(schema.allOf ?? []), ...(schema.oneOf ?? [])]), depth);
    if (schema.enum?.length) return rng.pick(schema.enum);
    switch (schema.type) {
      case 'integer':
      case 'number':
        return rng.int(schema.minimum ?? 0, Math.min(schema.maximum ?? 1000, 1_000_000));
      case 'boolean':
        return rng.chance(0.5);
      case 'array':
        return depth > 4 ? [] : Array.from({ length: rng.int(0, 3) }, () => fitting(rng, schema.items, depth + 1));
      case 'object':
        return objectFor(rng, schema, depth);
      default:
        if (schema.properties) return objectFor(rng, schema, depth);
        if (schema.format === 'date-time') return rng.pick(['2026-11-20T07:30:00+07:00', '2026-11-20T00:30:00Z']);
        if (schema.format === 'date') return '2026-11-20';
        if (schema.format === 'email') return `fuzz-${rng.int(0, 1e9)}@example.test`;
        if (schema.format === 'uuid') return knownId(rng);
        return rng.pick(['Bưởi Phúc Trạch', 'KGM', '+07:00', knownId(rng), 'https://example.test/x', 'Hà Tĩnh']);
    }
  }

  function objectFor(rng: Random, schema: Schema, depth: number): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (schema.required?.includes(name) || rng.chance(0.6)) value[name] = fitting(rng, property, depth + 1);
    }
    return value;
  }

  /** A hostile stand-in for a fitting value: anything from the list, or the value wrapped in an array. */
  function hostile(rng: Random, fittingValue: unknown): unknown {
    return rng.chance(0.1) ? [fittingValue] : rng.pick(HOSTILE_VALUES);
  }

  /** The body with one field (at any depth), or a new odd key, replaced by a hostile value. */
  function mutateField(rng: Random, body: unknown): unknown {
    if (body === null || typeof body !== 'object') return hostile(rng, body);
    const container = body as Record<string, unknown>;
    const keys = Object.keys(container);
    if (!keys.length || rng.chance(0.1)) {
      container[rng.pick(['unknownField', '__proto__', 'constructor', 'a\u0000'])] = rng.pick(HOSTILE_VALUES);
      return body;
    }
    const key = rng.pick(keys);
    const child = container[key];
    container[key] = child !== null && typeof child === 'object' && rng.chance(0.6) ? mutateField(rng, child) : hostile(rng, child);
    return body;
  }

  function knownId(rng: Random): string {
    return rng.pick(Object.values(ids).flat());
  }

  /** The records a path's `{id}` names, by the collection before it (`/api/batches/{id}` → batch). */
  const COLLECTIONS: Record<string, string> = {
    batches: 'batch',
    products: 'product',
    locations: 'location',
    businesses: 'business',
    events: 'event',
    users: 'user',
    shipments: 'event',
  };

  function pathValue(rng: Random, name: string, collection: string): string {
    if (/business/i.test(name)) return rng.pick(ids.business!);
    const kind = name === 'id' || name === 'eventId' ? COLLECTIONS[collection] : undefined;
    if (kind && rng.chance(0.8)) return rng.pick(ids[kind]!);
    if (name === 'format') return rng.pick(['csv', 'xlsx', 'jsonld', 'pdf']);
    if (name === 'file') return rng.pick(['batches.csv', 'batches.xlsx', 'products.csv', 'x.exe']);
    if (name === 'email') return rng.pick(['someone@example.test', 'not-an-email']);
    if (name === 'eventID') return safeEncode(rng.pick(['urn:uuid:00000000-0000-4000-8000-000000000000', 'ni:///sha-256;abc']));
    return knownId(rng);
  }

  function hostilePathValue(rng: Random): string {
    const text = rng.pick([...HOSTILE_TEXT.filter((s) => s.length < 1000), '%00', '%FF', '..', '%2e%2e', String(-1), '1'.repeat(300)]);
    return /^%|^\.\.$/.test(text) ? text : safeEncode(text);
  }

  const asQueryText = (value: unknown) => safeEncode((typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).slice(0, 5000));

  /**
   * A request that fits the document (to reach the services), then, mostly, one thing made hostile:
   * a path parameter, a query parameter, the body or a field in it, or a header.
   */
  function generate(rng: Random, caller: string, method: string, template: string, operation: Operation): FuzzRequest {
    const pathParts = template.split(/(\{[^}]+\})/);
    const pathValues = pathParts.map((part, n) => {
      const name = /^\{(.+)\}$/.exec(part)?.[1];
      return name ? pathValue(rng, name, /([^/]*)\/$/.exec(pathParts[n - 1] ?? '')?.[1] ?? '') : part;
    });
    const query: [string, string][] = (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query' && rng.chance(0.5))
      .map((parameter) => [parameter.name, asQueryText(fitting(rng, parameter.schema))]);
    const headers: Record<string, string> = { accept: rng.pick(['application/json', 'application/ld+json', '*/*']) };
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    let body: unknown = method !== 'get' && schema ? fitting(rng, schema) : undefined;
    let bodyText: string | undefined;

    const target = rng.pick(['none', 'path', 'query', 'query', 'body', 'body', 'body', 'header']);
    const pathSlots = pathParts.flatMap((part, n) => (part.startsWith('{') ? [n] : []));
    if (target === 'path' && pathSlots.length) pathValues[rng.pick(pathSlots)] = hostilePathValue(rng);
    if (target === 'query') {
      const roll = rng.next();
      if (roll < 0.2) query.push(['raw', rng.pick(RAW_QUERY)]);
      else if (roll < 0.3 && query.length)
        query.push([rng.pick(query)[0], asQueryText(rng.pick(HOSTILE_VALUES))]); // repeated: an array
      else {
        const names = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        query.push([names.length && rng.chance(0.8) ? rng.pick(names) : 'unknownParam', asQueryText(rng.pick(HOSTILE_VALUES))]);
      }
    }
    if (target === 'body' && method !== 'get') {
      const roll = rng.next();
      if (roll < 0.1) bodyText = rng.pick(['{', '{"a":', '[1,]', '\u0000', '{"__proto__":{"x":1}}', 'null', '"text"', '1e999999', '']);
      else if (roll < 0.2) bodyText = deepText(rng.pick([100, 10_000]));
      else if (roll < 0.3)
        headers['content-type'] = rng.pick([
          'text/plain',
          'application/xml',
          'application/octet-stream',
          'image/png',
          'multipart/form-data',
        ]);
      else body = mutateField(rng, body ?? {});
    }
    if (target === 'header') {
      const [name, values] = rng.pick([
        ['accept-language', ['en', 'vi', 'xx', '*;q=abc', 'vi-VN,vi;q=0.9,en;q=0.8']],
        ['gs1-epc-format', ['Always_GS1_Digital_Link', 'Never_Translates', '']],
        ['gs1-capture-error-behaviour', ['rollback', 'proceed', 'explode']],
        ['idempotency-key', ['fuzz-key-0001', 'bad key', 'x'.repeat(200)]],
        ['x-request-id', ['client-1', 'x'.repeat(500)]],
        ['x-forwarded-for', ['1.2.3.4', 'nonsense']],
      ] as const);
      headers[name] = rng.pick(values);
    }
    if (bodyText === undefined && body !== undefined) bodyText = JSON.stringify(body);
    if (bodyText !== undefined) headers['content-type'] ??= 'application/json';
    const search = query.map(([name, value]) => (name === 'raw' ? value : `${name}=${value}`)).join('&');
    return { caller, method: method.toUpperCase(), url: `${pathValues.join('')}${search ? `?${search}` : ''}`, headers, body: bodyText };
  }

  /** The problem with an answer, or null when it is fine. */
  function problemWith(url: string, status: number, headers: Headers, text: string): string | null {
    if (status >= 500) return `status ${status}`;
    if (status < 400) return null;
    const epcis = url === '/epcis' || url.startsWith('/epcis/') || url.startsWith('/epcis?');
    const type = epcis ? 'application/problem+json' : 'application/json';
    if (!(headers.get('content-type') ?? '').startsWith(type)) return `a ${status} that is not ${type}`;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return `a ${status} whose body is not JSON`;
    }
    const extra = Object.keys(body).filter((key) => !ERROR_KEYS.has(key) && !(epcis && PROBLEM_KEYS.has(key)));
    if (extra.length) return `error body with extra keys ${extra.join(', ')}`;
    if (epcis && (body.status !== status || !/^(epcisException:[A-Za-z]+|about:blank)$/.test(String(body.type))))
      return `a problem of type ${String(body.type)} and status ${String(body.status)}`;
    if (body.statusCode !== status) return `statusCode ${String(body.statusCode)} in a ${status}`;
    if (typeof body.code !== 'string' || !(body.code in ERROR_CODES)) return `unknown code ${String(body.code)}`;
    if (typeof body.message !== 'string' || !body.message) return 'no message';
    if (typeof body.requestId !== 'string' || body.requestId !== headers.get('x-request-id'))
      return 'requestId is not the x-request-id header';
    return null;
  }

  async function send(request: FuzzRequest): Promise<{ status: number; problem: string | null; answer: string }> {
    const user = callers[request.caller];
    const headers = { ...request.headers, ...(user ? { authorization: `Bearer ${user.token}` } : {}) };
    try {
      const response = await fetch(`${t.baseUrl}${request.url}`, {
        method: request.method,
        headers,
        body: request.body,
        redirect: 'manual',
      });
      const text = await response.text();
      // A caller signed out by a generated request (logout, a password change) signs in again.
      if (user && response.status === 401) {
        const login = await f.http.post('/api/auth/login', { email: user.email, password: user.password });
        if (login.status === 200) user.token = login.body.accessToken;
      }
      return {
        status: response.status,
        problem: problemWith(request.url, response.status, response.headers, text),
        answer: text.slice(0, 300),
      };
    } catch (error) {
      return { status: 0, problem: `no answer: ${(error as Error).message}`, answer: '' };
    }
  }

  it(
    `answers every generated request without a 5xx, each 4xx in the error shape (seed ${SEED})`,
    async () => {
      const rng = random(SEED);
      const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      );
      expect(operations.length).toBeGreaterThan(50);
      const queue: FuzzRequest[] = [];
      for (let round = 0; round < ITERATIONS; round++) {
        for (const { path, method, operation } of operations) {
          for (const caller of Object.keys(callers)) queue.push(generate(rng, caller, method, path, operation));
        }
      }
      const started = Date.now();
      const failures: string[] = [];
      const statuses: Record<number, number> = {};
      let sent = 0;
      for (let i = 0; i < queue.length && Date.now() - started < BUDGET_MS; i += PARALLEL) {
        const batch = queue.slice(i, i + PARALLEL);
        const answers = await Promise.all(batch.map(send));
        answers.forEach((answer, n) => {
          const request = batch[n]!;
          sent++;
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.problem) {
            failures.push(
              `${answer.problem}: #${i + n} ${request.caller} ${request.method} ${request.url.slice(0, 300)} ${JSON.stringify(request.headers)} body ${request.body?.slice(0, 300) ?? '-'} → ${answer.answer}`,
            );
          }
        });
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `fuzz: FUZZ_SEED=${SEED}, ${sent} of ${queue.length} requests over ${operations.length} operations in ${seconds} s; statuses ${JSON.stringify(statuses)}`,
      );
      if (failures.length) console.log(`FUZZ_SEED=${SEED}\n${failures.slice(0, 30).join('\n')}`);
      expect(failures).toEqual([]);
    },
    BUDGET_MS + 60_000,
  );
});

function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as the raw bytes a client could send
  }
}
