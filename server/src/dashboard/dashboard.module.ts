import { Module } from '@nestjs/common';
import { ScansModule } from '../scans/scans.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

@Module({ imports: [ScansModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
