import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { pickLocale, type ConsumerReportReceipt } from '@nguon/shared';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { ConsumerReportsService } from './consumer-reports.service.js';
import { ConsumerReportDto, ScanPlaceDto } from './dto/consumer-report.dto.js';

/** Public: anyone holding the product may report a problem, without an account. */
@ApiTags('public')
@Controller('api/public/batches/:id')
export class ConsumerReportsController {
  constructor(private readonly reports: ConsumerReportsService) {}

  @Post('reports') @RateLimited('report')
  report(@Param('id', UuidParam) id: string, @Body() dto: ConsumerReportDto, @Headers('accept-language') language?: string): Promise<ConsumerReportReceipt> {
    return this.reports.report(id, dto, pickLocale(language));
  }

  @Post('scan-place') @HttpCode(204) @RateLimited('public')
  placeScan(@Param('id', UuidParam) id: string, @Body() dto: ScanPlaceDto): Promise<void> { return this.reports.placeScan(id, dto); }
}
