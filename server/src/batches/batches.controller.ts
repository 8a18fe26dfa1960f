import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BatchListItem, BatchScansView, BatchView, Page } from '@nguon/shared';
import { Access, owned, READS_EVERYTHING } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { CreateBatchDto } from '../events/dto/create-batch.dto.js';
import { BatchRegistration } from './batch-registration.service.js';
import { BatchesService } from './batches.service.js';
import { ListBatchesQueryDto } from './dto/list-batches.query.js';

@ApiTags('batches')
@Controller('api')
export class BatchesController {
  constructor(
    private readonly batches: BatchesService,
    private readonly registration: BatchRegistration,
  ) {}

  @Post('batches')
  @Access({ scope: 'capture', actsFor: owned.productInBody() })
  @ApiBearerAuth()
  registerBatch(@CurrentActor() actor: Actor, @Body() dto: CreateBatchDto): Promise<BatchView> {
    return this.registration.registerBatch(actor, dto);
  }

  @Get('batches/:id')
  get(@Param('id', UuidParam) id: string): Promise<BatchView> {
    return this.batches.getBatch(id);
  }

  @Get('batches/:id/scans')
  @Access({ scope: 'read', actsFor: owned.batchInPath(), authorities: READS_EVERYTHING })
  @ApiBearerAuth()
  scans(@Param('id', UuidParam) id: string): Promise<BatchScansView> {
    return this.batches.getScans(id);
  }

  @Get('businesses/:businessId/batches')
  @Access({ scope: 'read', actsFor: owned.businessInPath(), authorities: READS_EVERYTHING })
  @ApiBearerAuth()
  list(@Param('businessId', UuidParam) businessId: string, @Query() query: ListBatchesQueryDto): Promise<Page<BatchListItem>> {
    return this.batches.listBatches(businessId, query);
  }
}
