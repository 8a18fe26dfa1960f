import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import type { Database } from '../../database/data-source.js';
import { Notices } from './notices.js';

/** Global: one listening connection per instance, whatever listens. */
@Global()
@Module({})
export class NoticesModule {
  static forRoot(database: Database, config: AppConfig): DynamicModule {
    const notices = { provide: Notices, useValue: new Notices(config, database.dataSource, database.embedded) };
    return { module: NoticesModule, providers: [notices], exports: [notices] };
  }
}
