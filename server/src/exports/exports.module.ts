import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller.js';
import { ExportScopeResolver } from './export-scope.resolver.js';
import { ExportsService } from './exports.service.js';

@Module({ controllers: [ExportsController], providers: [ExportsService, ExportScopeResolver] })
export class ExportsModule {}
