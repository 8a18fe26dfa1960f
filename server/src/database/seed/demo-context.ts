import type {
  BatchView,
  BusinessView,
  CreateBatchRequest,
  CreateBusinessRequest,
  CreateCertificateRequest,
  CreatedInvitation,
  CreateLocationRequest,
  CreateProductRequest,
  LocationView,
  MemberRole,
  ProductView,
  RecallRequest,
  RecordProcessingRequest,
  RecordStageRequest,
} from '@nguon/shared';
import type { App } from '../../app.factory.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey } from './demo-accounts.js';

/** An event time in Vietnam: `vn('2026-09-14 06:30')` is `2026-09-14T06:30:00+07:00`. */
export function vn(localDateTime: string): string {
  return `${localDateTime.replace(' ', 'T')}:00+07:00`;
}

interface Injector {
  inject(options: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: string;
    remoteAddress?: string;
  }): Promise<{ statusCode: number; body: string }>;
}

/**
 * What the demo chains are written with: the portal's own HTTP API, called in process as the demo
 * users signed in with their demo password. So the demo data passes the same access rules,
 * validation and use cases as anything a business records, and takes the one path into the
 * event store.
 */
export class DemoSeedContext {
  private readonly http: Injector;
  private readonly tokens = new Map<DemoAccountKey, string>();

  constructor(app: App) {
    this.http = app.nest.getHttpAdapter().getInstance() as Injector;
  }

  registerBusiness(account: DemoAccountKey, body: CreateBusinessRequest): Promise<BusinessView> {
    return this.call(account, 'POST', '/api/businesses', body);
  }

  verifyBusiness(businessId: string): Promise<BusinessView> {
    return this.call('admin', 'POST', `/api/businesses/${businessId}/verify`, {});
  }

  /** The owner invites; the member accepts with the invitation link's token, as an invitee would. */
  async addMember(account: DemoAccountKey, businessId: string, member: DemoAccountKey, role: MemberRole): Promise<void> {
    const { link } = await this.call<CreatedInvitation>(account, 'POST', `/api/businesses/${businessId}/invitations`, {
      email: DEMO_ACCOUNTS[member].email,
      role,
    });
    await this.call(member, 'POST', '/api/invitations/accept', { token: new URL(link).searchParams.get('token') });
  }

  addCertificate(account: DemoAccountKey, businessId: string, body: CreateCertificateRequest): Promise<BusinessView> {
    return this.call(account, 'POST', `/api/businesses/${businessId}/certificates`, body);
  }

  addLocation(account: DemoAccountKey, businessId: string, body: CreateLocationRequest): Promise<LocationView> {
    return this.call(account, 'POST', `/api/businesses/${businessId}/locations`, body);
  }

  createProduct(account: DemoAccountKey, businessId: string, body: CreateProductRequest): Promise<ProductView> {
    return this.call(account, 'POST', `/api/businesses/${businessId}/products`, body);
  }

  registerBatch(account: DemoAccountKey, body: CreateBatchRequest): Promise<BatchView> {
    return this.call(account, 'POST', '/api/batches', body);
  }

  async stage(account: DemoAccountKey, batchId: string, body: RecordStageRequest): Promise<void> {
    await this.call(account, 'POST', `/api/batches/${batchId}/events`, body);
  }

  async processing(account: DemoAccountKey, body: RecordProcessingRequest): Promise<void> {
    await this.call(account, 'POST', '/api/events/processing', body);
  }

  async recall(account: DemoAccountKey, batchId: string, body: RecallRequest): Promise<void> {
    await this.call(account, 'POST', `/api/batches/${batchId}/recall`, body);
  }

  /** A sheet of the batch's QR labels, as its producer prints before labelling the cartons. */
  async printLabels(account: DemoAccountKey, batchId: string, count: number): Promise<void> {
    await this.send('GET', `/api/batches/${batchId}/labels.pdf?count=${count}`, undefined, {
      authorization: `Bearer ${await this.token(account)}`,
    });
  }

  private async token(account: DemoAccountKey): Promise<string> {
    let token = this.tokens.get(account);
    if (!token) {
      const response = await this.send('POST', '/api/auth/login', { email: DEMO_ACCOUNTS[account].email, password: DEMO_PASSWORD }, {});
      token = (JSON.parse(response) as { accessToken: string }).accessToken;
      this.tokens.set(account, token);
    }
    return token;
  }

  private async call<T>(account: DemoAccountKey, method: string, url: string, body: unknown): Promise<T> {
    const text = await this.send(method, url, body, { authorization: `Bearer ${await this.token(account)}` });
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The answer's body as text (JSON for the API, a PDF for labels). */
  private async send(method: string, url: string, body: unknown, headers: Record<string, string>): Promise<string> {
    const response = await this.http.inject({
      method,
      url,
      payload: JSON.stringify(body),
      headers: { ...headers, 'content-type': 'application/json', 'accept-language': 'en' },
      // Its own client address, so seeding does not use up the sign-in limit of people on this machine.
      remoteAddress: '192.0.2.1',
    });
    if (response.statusCode >= 300) throw new Error(`demo seed: ${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return response.body;
  }
}
