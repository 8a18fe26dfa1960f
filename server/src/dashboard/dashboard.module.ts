import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

@Module({ imports: [BatchesModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
