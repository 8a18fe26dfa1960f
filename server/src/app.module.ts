import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from './admin/admin.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BatchesModule } from './batches/batches.module.js';
import { BusinessesModule } from './businesses/businesses.module.js';
import { CacheModule } from './common/cache/cache.module.js';
import { MasterDataModule } from './common/master-data/master-data.module.js';
import { IdempotencyModule } from './common/idempotency/idempotency.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import type { Database } from './database/data-source.js';
import { EpcisQueryModule } from './epcis/epcis-query.module.js';
import { EpcisModule } from './epcis/epcis.module.js';
import { JobsModule } from './common/jobs/jobs.module.js';
import { EventsModule } from './events/events.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { LabelsModule } from './labels/labels.module.js';
import { LocationsModule } from './locations/locations.module.js';
import { MembersModule } from './members/members.module.js';
import { ProductsModule } from './products/products.module.js';
import { PublicViewModule } from './public-view/public-view.module.js';
import { DatabaseModule } from './database/database.module.js';
import { NoticesModule } from './common/notices/notices.module.js';
import { QrModule } from './qr/qr.module.js';
import { ResolverModule } from './resolver/resolver.module.js';
import { ScorecardModule } from './scorecard/scorecard.module.js';
import { SearchModule } from './search/search.module.js';
import { ShipmentsModule } from './shipments/shipments.module.js';
import { TraceModule } from './trace/trace.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { RecallsModule } from './recalls/recalls.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { FlagsModule } from './flags/flags.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { WebAppModule } from './web-app/web-app.module.js';
import { MailModule } from './mail/mail.module.js';

@Module({})
export class AppModule {
  /** The whole portal on an opened database (which the caller owns and closes). */
  static forRoot(config: AppConfig, database: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => database.dataSource.options,
          dataSourceFactory: async () => database.dataSource,
        }),
        DatabaseModule.forRoot(database),
        NoticesModule.forRoot(database, config),
        CacheModule,
        JobsModule,
        MasterDataModule,
        RateLimitModule,
        IdempotencyModule,
        MailModule,
        HealthModule,
        AuditModule,
        AuthModule,
        AttachmentsModule,
        BusinessesModule,
        MembersModule,
        ApiKeysModule,
        AdminModule,
        LocationsModule,
        ProductsModule,
        BatchesModule,
        EventsModule,
        ShipmentsModule,
        EpcisModule,
        EpcisQueryModule,
        ImportsModule,
        QrModule,
        LabelsModule,
        PublicViewModule,
        ResolverModule,
        TraceModule,
        ExportsModule,
        SearchModule,
        DashboardModule,
        ScorecardModule,
        NotificationsModule,
        WebhooksModule,
        SubscriptionsModule,
        RecallsModule,
        ReportsModule,
        FlagsModule,
        // Last: its catch-all page route must not shadow the API.
        WebAppModule,
      ],
    };
  }
}
