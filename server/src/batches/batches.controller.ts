import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BatchView, Page } from '@nguon/shared';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { BatchesService } from './batches.service.js';

@ApiTags('batches')
@Controller('api')
export class BatchesController {
  constructor(private readonly batches: BatchesService) {}

  @Get('batches/:id')
  get(@Param('id', UuidParam) id: string): Promise<BatchView> { return this.batches.getBatch(id); }

  @Get('businesses/:businessId/batches')
  list(@Param('businessId', UuidParam) businessId: string, @Query() query: PageQueryDto): Promise<Page<BatchView>> {
    return this.batches.listBatches(businessId, query);
  }
}
