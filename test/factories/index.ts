import { randomInt } from 'node:crypto';
import {
  gs1CheckDigit,
  type ApiKeyScope,
  type BatchView,
  type BusinessView,
  type CreateBatchRequest,
  type CreateBusinessRequest,
  type CreatedApiKey,
  type CreatedInvitation,
  type CreateCertificateRequest,
  type CreateLocationRequest,
  type CreateProductRequest,
  type EventView,
  type LocationView,
  type LoginResponse,
  type MemberRole,
  type ProductView,
  type RecordProcessingRequest,
  type RecordStageRequest,
  type UserRole,
} from '@nguon/shared';
import { hashPassword } from '../../server/src/auth/password.js';
import { UserEntity } from '../../server/src/auth/user.entity.js';
import type { HttpClient } from '../support/http.js';
import { lastMailTo, tokenIn } from '../support/mailbox.js';
import type { TestApp } from '../support/test-app.js';

/** Test data is made through the API (as users would make it), with overrides per test. */
export interface Factory {
  http: HttpClient;
  testApp: TestApp;
}

/** Anything sent as a bearer credential: a signed-in user's token or an API key. */
export interface Credential {
  token: string;
}

export interface TestUser extends Credential {
  id: string;
  email: string;
  password: string;
  token: string;
}

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}`;

// Company prefixes and item references count up from a random start: within a test file (which has
// its own database) no two businesses get overlapping prefixes and no two products the same GTIN.
let companySequence = randomInt(0, 100_000);
let itemSequence = 0;

/** A fresh GS1 company prefix under Vietnam's 893: eight digits, leaving four for item references. */
export function makeCompanyPrefix(): string {
  companySequence = (companySequence + 1) % 100_000;
  return `893${String(companySequence).padStart(5, '0')}`;
}

/** A valid GTIN-13 under the given company prefix (by default a fresh one, so nobody holds it). */
export function makeGtin(prefix = makeCompanyPrefix()): string {
  const itemDigits = 12 - prefix.length;
  itemSequence += 1;
  const item = itemDigits > 0 ? String(itemSequence % 10 ** itemDigits).padStart(itemDigits, '0') : '';
  const body = `${prefix}${item}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/**
 * The prefix a business declares to own this GTIN: the first 8 digits of its GTIN-13 form (as
 * `makeGtin` makes them), or the whole GTIN-8 (GS1 allocates GTIN-8s one by one).
 */
export function companyPrefixOf(gtin: string): string {
  const digits = gtin.replace(/ +/g, '').trim();
  return digits.length === 8 ? `00000${digits}` : digits.padStart(14, '0').slice(1, 9);
}

/**
 * The GS1 company prefixes of the GTINs in GS1's example EPCIS documents (and 9520123, of documents
 * the tests make): a business capturing them declares them, since it publishes only under its own.
 */
export const GS1_EXAMPLE_PREFIXES = ['0614141', '4000001', '4012345', '4023333', '9506000', '9520001', '9520123'] as const;

/** Each factory-made business's first prefix, so its products get GTINs it owns. */
const prefixOfBusiness = new Map<string, string>();

/** A GTIN under the prefix a factory-made business declared. */
export function gtinOf(business: { id: string }): string {
  const prefix = prefixOfBusiness.get(business.id);
  if (!prefix) throw new Error(`business ${business.id} was not made by the factory with a prefix`);
  return makeGtin(prefix);
}

/** A valid GTIN of the given length (8, 12, 13 or 14 digits), random apart from its check digit. */
export function makeGtinOfLength(length: 8 | 12 | 13 | 14): string {
  const prefix = length === 14 ? '1893' : length === 13 ? '893' : length === 12 ? '0' : '9';
  const body = `${prefix}${Array.from({ length: length - 1 - prefix.length }, () => randomInt(0, 10)).join('')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** The same GTIN with its last digit wrong. */
export function withWrongCheckDigit(gtin: string): string {
  return `${gtin.slice(0, -1)}${(Number(gtin.slice(-1)) + 1) % 10}`;
}

/** A fresh lot code in GS1's character set. */
export function makeLotCode(prefix = 'L'): string {
  return `${prefix}${next()}`.slice(0, 20).toUpperCase();
}

export function makeTaxCode(): string {
  return String(randomInt(1e9, 1e10 - 1));
}

function expectOk<T>(response: { status: number; body: T }, what: string): T {
  if (response.status >= 300) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Members sign up through the API and confirm their address with the link from the mail the
 * portal wrote to its mail folder, as a person would; administrators and inspectors cannot sign
 * themselves up, so they are inserted (as the create-admin command does) and sign in through the API.
 */
export async function createUser(
  f: Factory,
  overrides: { role?: UserRole; email?: string; password?: string; displayName?: string } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `user-${next()}@example.test`;
  const password = overrides.password ?? 'correct horse battery staple';
  const role = overrides.role ?? 'member';
  const displayName = overrides.displayName ?? email.split('@')[0]!;
  if (role === 'member') {
    expectOk(await f.http.post('/api/auth/register', { email, password, displayName }), 'register');
    const verified = expectOk(
      await f.http.post<LoginResponse>('/api/auth/verify-email', { token: tokenIn(await lastMailTo(f.testApp, email), '/verify-email') }),
      'verify email',
    );
    return { id: verified.user.id, email, password, token: verified.accessToken };
  }
  const repo = f.testApp.app.database.dataSource.getRepository(UserEntity);
  const user = await repo.save(
    repo.create({ email, passwordHash: await hashPassword(password), displayName, role, emailVerifiedAt: new Date() }),
  );
  const login = expectOk(await f.http.post('/api/auth/login', { email, password }), 'login');
  return { id: user.id, email, password, token: login.accessToken };
}

/** A member who signed up but has not opened the confirmation mail yet, signed in with the password. */
export async function signUpUnverified(
  f: Factory,
  overrides: { email?: string; password?: string; displayName?: string } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `user-${next()}@example.test`;
  const password = overrides.password ?? 'correct horse battery staple';
  expectOk(
    await f.http.post('/api/auth/register', { email, password, displayName: overrides.displayName ?? email.split('@')[0]! }),
    'register',
  );
  const login = expectOk(await f.http.post<LoginResponse>('/api/auth/login', { email, password }), 'login');
  return { id: login.user.id, email, password, token: login.accessToken };
}

export function businessInput(overrides: Partial<CreateBusinessRequest> = {}): CreateBusinessRequest {
  return {
    legalName: `Hợp tác xã thử nghiệm ${next()}`,
    taxCode: makeTaxCode(),
    address: { line: 'Thôn 1', commune: 'Xã Phúc Trạch', province: 'Hà Tĩnh' },
    phone: '0239 3888 999',
    gs1Prefixes: [makeCompanyPrefix()],
    ...overrides,
  };
}

export async function createBusiness(f: Factory, owner: TestUser, overrides: Partial<CreateBusinessRequest> = {}): Promise<BusinessView> {
  const input = businessInput(overrides);
  const business = expectOk(await f.http.post<BusinessView>('/api/businesses', input, { token: owner.token }), 'create business');
  const first = input.gs1Prefixes?.[0];
  if (first) prefixOfBusiness.set(business.id, first);
  return business;
}

/** A business verified by an administrator, ready to publish batches. */
export async function createVerifiedBusiness(
  f: Factory,
  owner: TestUser,
  admin: TestUser,
  overrides: Partial<CreateBusinessRequest> = {},
): Promise<BusinessView> {
  const business = await createBusiness(f, owner, overrides);
  return expectOk(await f.http.post(`/api/businesses/${business.id}/verify`, undefined, { token: admin.token }), 'verify business');
}

export async function createLocation(
  f: Factory,
  owner: TestUser,
  businessId: string,
  overrides: Partial<CreateLocationRequest> = {},
): Promise<LocationView> {
  const body: CreateLocationRequest = {
    kind: 'farm',
    name: `Vườn ${next()}`,
    address: 'Thôn 2',
    province: 'Hà Tĩnh',
    latitude: 18.27,
    longitude: 105.56,
    ...overrides,
  };
  return expectOk(await f.http.post(`/api/businesses/${businessId}/locations`, body, { token: owner.token }), 'create location');
}

export async function createProduct(
  f: Factory,
  owner: TestUser,
  businessId: string,
  overrides: Partial<CreateProductRequest> = {},
): Promise<ProductView> {
  const prefix = prefixOfBusiness.get(businessId);
  const body: CreateProductRequest = {
    name: { vi: 'Bưởi Phúc Trạch', en: 'Phuc Trach pomelo' },
    category: 'fruit',
    unit: 'KGM',
    ...(prefix && !('gtin' in overrides) ? { gtin: makeGtin(prefix) } : {}),
    ...overrides,
  };
  return expectOk(await f.http.post(`/api/businesses/${businessId}/products`, body, { token: owner.token }), 'create product');
}

export async function createBatch(
  f: Factory,
  owner: TestUser,
  productId: string,
  overrides: Partial<CreateBatchRequest> = {},
): Promise<BatchView> {
  const body: CreateBatchRequest = {
    productId,
    lotCode: makeLotCode(),
    productionDate: '2026-10-01',
    expiryDate: '2026-12-31',
    quantity: 1000,
    unit: 'KGM',
    ...overrides,
  };
  return expectOk(await f.http.post('/api/batches', body, { token: owner.token }), 'create batch');
}

export async function recordStage(f: Factory, user: TestUser, batchId: string, body: RecordStageRequest): Promise<EventView> {
  return expectOk(await f.http.post(`/api/batches/${batchId}/events`, body, { token: user.token }), `record ${body.stage}`);
}

export async function recordProcessing(f: Factory, user: TestUser, body: RecordProcessingRequest): Promise<EventView> {
  return expectOk(await f.http.post('/api/events/processing', body, { token: user.token }), 'record processing');
}

export async function addCertificate(
  f: Factory,
  owner: TestUser,
  businessId: string,
  overrides: Partial<CreateCertificateRequest> = {},
): Promise<BusinessView> {
  const body: CreateCertificateRequest = {
    kind: 'vietgap',
    name: 'VietGAP trồng trọt',
    number: `VG-${next()}`,
    issuer: 'Trung tâm Chứng nhận phù hợp',
    validFrom: '2025-01-01',
    validTo: '2028-12-31',
    ...overrides,
  };
  return expectOk(await f.http.post(`/api/businesses/${businessId}/certificates`, body, { token: owner.token }), 'add certificate');
}

export interface Producer {
  owner: TestUser;
  business: BusinessView;
  location: LocationView;
  product: ProductView;
}

/**
 * A verified business with its owner, one place and one product: the usual starting point of a
 * batch. Each part takes overrides; the business declares (and the administrator confirms) a
 * fresh prefix, or the one the product GTIN given falls under.
 */
export async function createProducer(
  f: Factory,
  admin: TestUser,
  overrides: {
    business?: Partial<CreateBusinessRequest>;
    location?: Partial<CreateLocationRequest>;
    product?: Partial<CreateProductRequest>;
  } = {},
): Promise<Producer> {
  const owner = await createUser(f);
  // A product GTIN given without prefixes: the business declares the prefix it falls under.
  const gtin = overrides.product?.gtin;
  const business = await createVerifiedBusiness(f, owner, admin, {
    ...(gtin && !overrides.business?.gs1Prefixes ? { gs1Prefixes: [companyPrefixOf(gtin)] } : {}),
    ...overrides.business,
  });
  const location = await createLocation(f, owner, business.id, overrides.location);
  const product = await createProduct(f, owner, business.id, overrides.product);
  return { owner, business, location, product };
}

/** Ships a batch from its holder to a business on the portal, which records receiving it. */
export async function shipAndReceive(
  f: Factory,
  from: TestUser,
  to: { owner: TestUser; business: BusinessView },
  batchId: string,
  quantity?: number,
): Promise<{ shipping: EventView; receiving: EventView }> {
  const shipping = await recordStage(f, from, batchId, {
    stage: 'shipping',
    destinationBusinessId: to.business.id,
    ...(quantity !== undefined ? { quantity } : {}),
  });
  const receiving = await recordStage(f, to.owner, batchId, { stage: 'receiving', ...(quantity !== undefined ? { quantity } : {}) });
  return { shipping, receiving };
}

/** A fresh email no account or invitation uses yet. */
export function makeEmail(prefix = 'user'): string {
  return `${prefix}-${next()}@example.test`;
}

/** Another sign-in of the same user: a second session with its own token. */
export async function signIn(f: Factory, user: TestUser): Promise<TestUser> {
  const login = expectOk(await f.http.post<LoginResponse>('/api/auth/login', { email: user.email, password: user.password }), 'login');
  return { ...user, token: login.accessToken };
}

/** The owner invites an email; the answer holds the link (shown once) that the invitee needs. */
export async function inviteMember(
  f: Factory,
  owner: TestUser,
  businessId: string,
  email: string,
  role: MemberRole = 'staff',
): Promise<CreatedInvitation> {
  return expectOk(
    await f.http.post<CreatedInvitation>(`/api/businesses/${businessId}/invitations`, { email, role }, { token: owner.token }),
    'invite member',
  );
}

/** The invitee accepts with the token from the invitation mail sent to their address. */
export async function acceptInvitation(f: Factory, user: TestUser): Promise<void> {
  const token = tokenIn(await lastMailTo(f.testApp, user.email), '/invitations/accept');
  expectOk(await f.http.post('/api/invitations/accept', { token }, { token: user.token }), 'accept invitation');
}

/** A new user added to the business as staff (or with the given role): invited by its owner, accepted from the mail. */
export async function createStaff(f: Factory, owner: TestUser, businessId: string, role: MemberRole = 'staff'): Promise<TestUser> {
  const user = await createUser(f);
  await inviteMember(f, owner, businessId, user.email, role);
  await acceptInvitation(f, user);
  return user;
}

/** An API key of the business, made by its owner; `key` is the bearer token, shown only here. */
export async function createApiKey(
  f: Factory,
  owner: TestUser,
  businessId: string,
  overrides: { name?: string; scopes?: ApiKeyScope[] } = {},
): Promise<CreatedApiKey & Credential> {
  const body = { name: overrides.name ?? `Máy trạm ${next()}`, scopes: overrides.scopes ?? ['capture', 'read'] };
  const created = expectOk(
    await f.http.post<CreatedApiKey>(`/api/businesses/${businessId}/api-keys`, body, { token: owner.token }),
    'create API key',
  );
  return { ...created, token: created.key };
}
