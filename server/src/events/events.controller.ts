import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BatchView, EventView, Page } from '@nguon/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { SignedIn } from '../auth/auth.guard.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { BatchEventsService } from './batch-events.service.js';
import { CreateBatchDto } from './dto/create-batch.dto.js';
import { RecordProcessingDto } from './dto/record-processing.dto.js';
import { RecordStageDto } from './dto/record-stage.dto.js';
import { EventRecordingService } from './event-recording.service.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api')
export class EventsController {
  constructor(
    private readonly recording: EventRecordingService,
    private readonly batchEvents: BatchEventsService,
  ) {}

  @Post('batches') @SignedIn()
  registerBatch(@CurrentUser() user: AuthUser, @Body() dto: CreateBatchDto): Promise<BatchView> { return this.recording.registerBatch(user, dto); }

  @Post('batches/:id/events') @SignedIn()
  recordStage(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: RecordStageDto): Promise<EventView> {
    return this.recording.recordStage(user, id, dto);
  }

  @Post('events/processing') @SignedIn()
  recordProcessing(@CurrentUser() user: AuthUser, @Body() dto: RecordProcessingDto): Promise<EventView> { return this.recording.recordProcessing(user, dto); }

  @Get('batches/:id/events') @SignedIn()
  list(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Query() query: PageQueryDto): Promise<Page<EventView>> {
    return this.batchEvents.listBatchEvents(user, id, query);
  }
}
