import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BodyLimit } from '../common/body-limit/body-limit.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { ScanPlaceDto } from './dto/scan-place.dto.js';
import { ScansService } from './scans.service.js';

/** Public: a visitor who agrees shares the rough area of the scan they just made. */
@ApiTags('public')
@Controller('api/public/batches/:id')
export class ScanPlaceController {
  constructor(private readonly scans: ScansService) {}

  @Post('scan-place')
  @HttpCode(204)
  @RateLimited('public')
  @BodyLimit(1024)
  place(@Param('id', UuidParam) id: string, @Body() dto: ScanPlaceDto): Promise<void> {
    return this.scans.place(id, dto);
  }
}
