import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { pickLocale, REPORT_PHOTO_MAX_BYTES, type ConsumerReportReceipt } from '@nguon/shared';
import { BodyLimit } from '../common/body-limit/body-limit.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { ConsumerReportsService } from './consumer-reports.service.js';
import { ConsumerReportDto } from './dto/consumer-report.dto.js';

/** The photo as base64 (a third longer than its bytes) and room for the text fields. */
const REPORT_BODY_LIMIT = Math.ceil(REPORT_PHOTO_MAX_BYTES / 3) * 4 + 16 * 1024;

/** Public: anyone holding the product may report a problem, without an account. */
@ApiTags('public')
@Controller('api/public/batches/:id')
export class ConsumerReportsController {
  constructor(private readonly reports: ConsumerReportsService) {}

  @Post('reports')
  @RateLimited('report')
  @BodyLimit(REPORT_BODY_LIMIT)
  report(
    @Param('id', UuidParam) id: string,
    @Body() dto: ConsumerReportDto,
    @Headers('accept-language') language?: string,
  ): Promise<ConsumerReportReceipt> {
    return this.reports.report(id, dto, pickLocale(language));
  }
}
