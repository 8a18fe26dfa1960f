import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BatchBalanceView, ErrorDeclarationView, EventView, BatchLogView, IntegrityReport, Page } from '@nguon/shared';
import { Access, owned, READS_EVERYTHING } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { BatchEventsService } from './batch-events.service.js';
import { BatchIntegrityService } from './batch-integrity.service.js';
import { DeclareEventErrorDto } from './dto/declare-event-error.dto.js';
import { RecordProcessingDto } from './dto/record-processing.dto.js';
import { RecordStageDto } from './dto/record-stage.dto.js';
import { EventCorrectionsService } from './event-corrections.service.js';
import { EventRecordingService } from './event-recording.service.js';
import { MassBalance } from './mass-balance.js';
import { recipientsMayRecord } from './stage-rules.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api')
export class EventsController {
  constructor(
    private readonly recording: EventRecordingService,
    private readonly corrections: EventCorrectionsService,
    private readonly batchEvents: BatchEventsService,
    private readonly integrity: BatchIntegrityService,
    private readonly massBalance: MassBalance,
  ) {}

  @Post('batches/:id/events')
  @Access({ scope: 'capture', actsFor: owned.batchInPath('id', recipientsMayRecord) })
  recordStage(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: RecordStageDto): Promise<EventView> {
    return this.recording.recordStage(actor, id, dto);
  }

  @Post('events/processing')
  @Access({ scope: 'capture', actsFor: owned.processingOutputs() })
  recordProcessing(@CurrentActor() actor: Actor, @Body() dto: RecordProcessingDto): Promise<EventView> {
    return this.recording.recordProcessing(actor, dto);
  }

  /** Only the business that recorded the event (checked by the use case: the event names it). */
  @Post('events/:id/error-declaration')
  @HttpCode(201)
  @Access({ scope: 'capture' })
  declareError(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: DeclareEventErrorDto,
  ): Promise<ErrorDeclarationView> {
    return this.corrections.declareError(actor, id, dto);
  }

  /** Public: the consumer page shows whether the records verify. */
  @Get('batches/:id/integrity')
  @RateLimited('public')
  verify(@Param('id', UuidParam) id: string): Promise<IntegrityReport> {
    return this.integrity.verifyBatch(id);
  }

  /**
   * Public: the batch's records as the transparency log holds them, each with its inclusion proof,
   * beside the records and recall state the portal holds now, for anyone's verifier (`npm run verify`).
   */
  @Get('batches/:id/log')
  @RateLimited('public')
  log(@Param('id', UuidParam) id: string): Promise<BatchLogView> {
    return this.integrity.batchLog(id);
  }

  /** What the asking business (the producer, or one the batch was shipped to) still holds of the batch, per unit. */
  @Get('batches/:id/balance')
  @Access({ scope: 'read', actsFor: owned.batchInPath('id', () => true) })
  balance(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<BatchBalanceView> {
    return this.massBalance.balanceOf(id, actor.businessId!);
  }

  @Get('batches/:id/events')
  @Access({ scope: 'read', actsFor: owned.batchRecordsInPath(), authorities: READS_EVERYTHING })
  list(@Param('id', UuidParam) id: string, @Query() query: PageQueryDto): Promise<Page<EventView>> {
    return this.batchEvents.listBatchEvents(id, query);
  }
}
