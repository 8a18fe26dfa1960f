import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Database } from './data-source.js';
import { LongWork } from './long-work.js';
import { PageReads } from './page-reads.js';

/** What the app takes of the opened database beside TypeORM's data source. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: Database): DynamicModule {
    const turns = database.embedded?.turns ?? null;
    const longWork = { provide: LongWork, useValue: new LongWork(turns) };
    const pageReads = { provide: PageReads, useValue: new PageReads(database.dataSource, turns) };
    const providers = [longWork, pageReads];
    return { module: DatabaseModule, providers, exports: providers };
  }
}
