import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { ApiKeyEntity } from '../api-keys/api-key.entity.js';
import { AttachmentEntity } from '../attachments/attachment.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { BusinessMemberEntity } from '../auth/business-member.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { BatchEntity } from '../batch-store/batch.entity.js';
import { BusinessEntity } from '../businesses/business.entity.js';
import { CertificateEntity } from '../businesses/certificate.entity.js';
import { CaptureJobEntity } from '../epcis/capture-job.entity.js';
import { EventIdentifierEntity } from '../events/event-identifier.entity.js';
import { EventBatchEntity, EventEntity, EventPlaceLinkEntity } from '../events/event.entity.js';
import { ImportJobEntity } from '../imports/import-job.entity.js';
import { LocationEntity } from '../locations/location.entity.js';
import { BusinessInvitationEntity } from '../auth/business-invitation.entity.js';
import { ProductImageEntity } from '../products/product-image.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { ScanEntity } from '../scans/scan.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { RecallEntity } from '../recalls/recall.entity.js';
import { LogPendingEntity } from '../transparency/log-pending.entity.js';
import { WebhookEntity } from '../webhooks/webhook.entity.js';
import { embeddedClient } from './embedded-client.js';
import { openEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { migrations } from './migrations/index.js';
import { APPLICATION_NAME, connectionSettings, DatabaseClient, type DatabaseTimeouts } from './postgres-connection.js';

export const entities = [
  UserEntity,
  SessionEntity,
  ApiKeyEntity,
  BusinessMemberEntity,
  BusinessInvitationEntity,
  BusinessEntity,
  CertificateEntity,
  LocationEntity,
  ProductEntity,
  ProductImageEntity,
  BatchEntity,
  EventEntity,
  EventBatchEntity,
  EventPlaceLinkEntity,
  EventIdentifierEntity,
  CaptureJobEntity,
  ImportJobEntity,
  ScanEntity,
  AuditEntryEntity,
  RecallEntity,
  LogPendingEntity,
  NotificationEntity,
  WebhookEntity,
  AttachmentEntity,
];

/**
 * Clients of the embedded database's pool: requests wait for its one session in turn, not for a
 * client; a transaction held back by long work keeps its client while it waits, hence many.
 */
const EMBEDDED_CLIENTS = 50;

export interface Database {
  dataSource: DataSource;
  /** The embedded server when there is no DATABASE_URL (TypeORM does not close it). */
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

const common = { type: 'postgres', entities, migrations, synchronize: false, logging: false } as const;

/**
 * The pool on PostgreSQL: timeouts on every connection, and a lost idle connection is logged, not
 * fatal. With replicas, TypeORM keeps a pool for each; every statement still goes to the primary
 * unless it is asked through `Replicas` (decision record 0034): TypeORM's default would send every
 * SELECT of a repository to a replica, reads of what was just written included.
 */
function postgresOptions(url: string, timeouts: DatabaseTimeouts, applicationName?: string, replicaUrls: string[] = []): DataSourceOptions {
  const logger = new Logger('Database');
  const servers = replicaUrls.length
    ? // No replica yet: each joins when it first answers (Replicas), as TypeORM would refuse to open with one away.
      { replication: { master: { url }, slaves: [], defaultMode: 'master' as const } }
    : { url };
  return {
    ...common,
    ...servers,
    poolSize: 10,
    extra: { ...connectionSettings(timeouts, applicationName), Client: DatabaseClient },
    // The pool drops the connection and opens another when next needed.
    poolErrorHandler: (error: Error) => logger.warn(`an idle database connection was lost: ${error.message}`),
  };
}

/** The advisory lock instances take to migrate one at a time (any number that no other lock of the database uses). */
const MIGRATION_LOCK = 7_250_511;

/**
 * Migrations run first, on their own connection without statement timeouts: building an index
 * on a large table may rightly take minutes. Instances started together (behind a load balancer)
 * migrate one after another: TypeORM takes no lock, and two running the same migration at once
 * would fail one of them. The lock is a session's; it goes with the connection if the process dies.
 */
async function migrate(url: string, timeouts: DatabaseTimeouts): Promise<void> {
  const untimed = { ...timeouts, databaseStatementTimeoutMs: 0, databaseIdleInTransactionTimeoutMs: 0 };
  const migrator = new DataSource(postgresOptions(url, untimed, `${APPLICATION_NAME}-migrate`));
  await migrator.initialize();
  const lock = migrator.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    await migrator.runMigrations({ transaction: 'each' });
    await lock.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]);
  } finally {
    await lock.release();
    await migrator.destroy();
  }
}

/** Connects to PostgreSQL (or opens the embedded one) and brings the schema up to date. */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & Partial<Pick<AppConfig, 'databaseReplicaUrls'>> & DatabaseTimeouts,
): Promise<Database> {
  const embedded = config.databaseUrl ? null : await openEmbeddedPostgres(config.dataDir);
  const options: DataSourceOptions = embedded
    ? // PGlite is one session, which the pool's clients take in turns: transactions never interleave.
      { ...common, poolSize: EMBEDDED_CLIENTS, extra: { Client: embeddedClient(embedded.pglite, embedded.turns) } }
    : postgresOptions(config.databaseUrl!, config, undefined, config.databaseReplicaUrls);
  const dataSource = new DataSource(options);
  try {
    if (config.databaseUrl) await migrate(config.databaseUrl, config);
    await dataSource.initialize();
    if (embedded) await dataSource.runMigrations({ transaction: 'each' });
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
