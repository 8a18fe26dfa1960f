import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Up when the database answers: what a load balancer or `docker compose` checks. */
  @Get()
  async health(): Promise<{ status: 'ok'; database: 'postgresql' | 'embedded' }> {
    await this.db.query('SELECT 1');
    return { status: 'ok', database: this.config.databaseUrl ? 'postgresql' : 'embedded' };
  }
}
