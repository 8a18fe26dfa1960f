import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { AttachmentEntity } from '../attachments/attachment.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { BusinessMemberEntity } from '../auth/business-member.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { BatchEntity } from '../batches/batch.entity.js';
import { BusinessEntity } from '../businesses/business.entity.js';
import { CertificateEntity } from '../businesses/certificate.entity.js';
import { CaptureJobEntity } from '../epcis/capture-job.entity.js';
import { EventIdentifierEntity } from '../events/event-identifier.entity.js';
import { EventBatchEntity, EventEntity } from '../events/event.entity.js';
import { ImportJobEntity } from '../imports/import-job.entity.js';
import { LocationEntity } from '../locations/location.entity.js';
import { BusinessInvitationEntity } from '../auth/business-invitation.entity.js';
import { ProductImageEntity } from '../products/product-image.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { ScanEntity } from '../resolver/scan.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { RecallEntity } from '../recalls/recall.entity.js';
import { WebhookEntity } from '../webhooks/webhook.entity.js';
import { openEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { migrations } from './migrations/index.js';

export const entities = [
  UserEntity, SessionEntity, ApiKeyEntity, BusinessMemberEntity, BusinessInvitationEntity, BusinessEntity, CertificateEntity,
  LocationEntity, ProductEntity, ProductImageEntity, BatchEntity, EventEntity, EventBatchEntity, EventIdentifierEntity, CaptureJobEntity, ImportJobEntity, ScanEntity, AuditEntryEntity,
  RecallEntity, NotificationEntity, WebhookEntity, AttachmentEntity,
];

export interface Database {
  dataSource: DataSource;
  /** The embedded server when there is no DATABASE_URL (TypeORM does not close it). */
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

/** Connects to PostgreSQL (or opens the embedded one) and brings the schema up to date. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const embedded = config.databaseUrl ? null : await openEmbeddedPostgres(config.dataDir);
  const common = { type: 'postgres', entities, migrations, synchronize: false, logging: false } as const;
  const options: DataSourceOptions = embedded
    ? // PGlite is one session: one pooled connection, so transactions never interleave.
      { ...common, poolSize: 1, extra: { ...createPgConfig(embedded.pglite) } }
    : { ...common, url: config.databaseUrl ?? undefined, poolSize: 10 };
  const dataSource = new DataSource(options);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.close();
    throw error;
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.close();
    },
  };
}
