import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportScopeResolver } from './export-scope.resolver.js';
import { ExportsService } from './exports.service.js';

@Module({ imports: [RecordsModule], controllers: [ExportsController], providers: [ExportsService, ExportScopeResolver] })
export class ExportsModule {}
