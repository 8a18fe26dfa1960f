import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Database } from './data-source.js';
import { LongWork } from './long-work.js';

/** What the app takes of the opened database beside TypeORM's data source. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: Database): DynamicModule {
    const longWork = { provide: LongWork, useValue: new LongWork(database.embedded?.turns ?? null) };
    return { module: DatabaseModule, providers: [longWork], exports: [longWork] };
  }
}
