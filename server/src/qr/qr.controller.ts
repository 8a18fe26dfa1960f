import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { QrQueryDto } from './dto/qr-query.dto.js';
import { QrService } from './qr.service.js';

@ApiTags('qr')
@RateLimited('public')
@Controller('api/batches')
export class QrController {
  constructor(private readonly qr: QrService) {}

  @Get(':id/qr.png') @Header('Content-Type', 'image/png') @Header('Cache-Control', 'public, max-age=3600') @ApiProduces('image/png')
  png(@Param('id', UuidParam) id: string, @Query() query: QrQueryDto): Promise<Buffer> { return this.qr.png(id, query); }

  @Get(':id/qr.svg') @Header('Content-Type', 'image/svg+xml; charset=utf-8') @Header('Cache-Control', 'public, max-age=3600') @ApiProduces('image/svg+xml')
  svg(@Param('id', UuidParam) id: string, @Query() query: QrQueryDto): Promise<string> { return this.qr.svg(id, query); }
}
