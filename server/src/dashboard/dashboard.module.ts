import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module.js';
import { ScansModule } from '../scans/scans.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

@Module({ imports: [BatchesModule, ScansModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
