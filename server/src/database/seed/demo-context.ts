import type { ArgumentMetadata, Type } from '@nestjs/common';
import type { BatchView, CreateBatchRequest, RecordProcessingRequest, RecordStageRequest } from '@nguon/shared';
import type { DataSource } from 'typeorm';
import type { App } from '../../app.factory.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { AuthService } from '../../auth/auth.service.js';
import { TokenService } from '../../auth/token.service.js';
import { BusinessesService } from '../../businesses/businesses.service.js';
import { BatchChanges } from '../../common/cache/batch-changes.js';
import { createValidationPipe } from '../../common/validation/validation.pipe.js';
import { CreateBatchDto } from '../../events/dto/create-batch.dto.js';
import { RecordProcessingDto } from '../../events/dto/record-processing.dto.js';
import { RecordStageDto } from '../../events/dto/record-stage.dto.js';
import { EventRecordingService } from '../../events/event-recording.service.js';
import { LocationsService } from '../../locations/locations.service.js';
import { ProductsService } from '../../products/products.service.js';
import type { DemoAccountKey, DemoUserIds } from './demo-accounts.js';

/** An event time in Vietnam: `vn('2026-09-14 06:30')` is `2026-09-14T06:30:00+07:00`. */
export function vn(localDateTime: string): string {
  return `${localDateTime.replace(' ', 'T')}:00+07:00`;
}

/**
 * What the demo chains are written with: the portal's own use cases, called as the demo users,
 * with every request first checked by the same validation pipe as an HTTP request. So the demo
 * data obeys the rules a business using the portal obeys, and its events take the one path into
 * the event store.
 */
export class DemoSeedContext {
  readonly businesses: BusinessesService;
  readonly locations: LocationsService;
  readonly products: ProductsService;
  readonly recording: EventRecordingService;
  readonly batchChanges: BatchChanges;
  readonly dataSource: DataSource;
  private readonly auth: AuthService;
  private readonly tokens: TokenService;
  private readonly pipe = createValidationPipe();

  constructor(app: App, private readonly userIds: DemoUserIds) {
    this.businesses = app.nest.get(BusinessesService);
    this.locations = app.nest.get(LocationsService);
    this.products = app.nest.get(ProductsService);
    this.recording = app.nest.get(EventRecordingService);
    this.batchChanges = app.nest.get(BatchChanges);
    this.auth = app.nest.get(AuthService);
    this.tokens = app.nest.get(TokenService);
    this.dataSource = app.database.dataSource;
  }

  userId(account: DemoAccountKey): string {
    return this.userIds[account];
  }

  /**
   * The account as a signed-in request sees it: a token issued and read back by the auth module,
   * so its memberships are current (call again after a business was registered).
   */
  async as(account: DemoAccountKey): Promise<AuthUser> {
    const user = await this.auth.userForToken(this.tokens.issue(this.userIds[account]).token);
    if (!user) throw new Error(`demo seed: account ${account} could not sign in`);
    return user;
  }

  /** The request body as the controller would receive it, or the same validation error. */
  async valid<T extends object>(type: Type<T>, body: T): Promise<T> {
    const metadata: ArgumentMetadata = { type: 'body', metatype: type };
    return (await this.pipe.transform(body, metadata)) as T;
  }

  async registerBatch(account: DemoAccountKey, body: CreateBatchRequest): Promise<BatchView> {
    return this.recording.registerBatch(await this.as(account), await this.valid(CreateBatchDto, body));
  }

  async stage(account: DemoAccountKey, batchId: string, body: RecordStageRequest): Promise<void> {
    await this.recording.recordStage(await this.as(account), batchId, await this.valid(RecordStageDto, body));
  }

  async processing(account: DemoAccountKey, body: RecordProcessingRequest): Promise<void> {
    await this.recording.recordProcessing(await this.as(account), await this.valid(RecordProcessingDto, body));
  }
}
