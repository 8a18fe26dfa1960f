import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** A load balancer waits a few seconds at most: past this, the database counts as not answering. */
const DATABASE_DEADLINE_MS = 1_500;

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Up when the database answers: what a load balancer or `docker compose` checks. 503 otherwise, within two seconds. */
  @Get()
  async health(): Promise<{ status: 'ok'; database: 'postgresql' | 'embedded' }> {
    await this.databaseAnswers();
    return { status: 'ok', database: this.config.databaseUrl ? 'postgresql' : 'embedded' };
  }

  private async databaseAnswers(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DomainError('DATABASE_UNAVAILABLE')), DATABASE_DEADLINE_MS);
    });
    // Left behind at the deadline, the query still ends (by the connection's own timeouts): its outcome is not needed.
    const query = this.db.query('SELECT 1');
    query.catch(() => undefined);
    try {
      await Promise.race([query, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
